import { describe, expect, it } from 'vitest';
import { checkQuiz, quizFileSchema, type PackQuiz } from './pack-quiz';
import { loadDefaultPack } from '../test/memory';

const pack = await loadDefaultPack();
const placards = new Set(pack.placards.map((p) => p.id));
const items = (truths: boolean[]) => truths.map((truth, i) => ({ id: `item-${i}`, text: `Statement ${i}.`, truth }));
const quiz = (truths: boolean[], placardId = 'quiz-discernment'): PackQuiz => ({ placardId, items: items(truths) });
const mixed = [true, false, true, false, true, false, true, false];

describe('the pack quiz', () => {
  it('ships 8–12 items, true and false in equal numbers, with its placard', () => {
    expect(pack.quiz.items.length).toBeGreaterThanOrEqual(8);
    expect(pack.quiz.items.length).toBeLessThanOrEqual(12);
    expect(pack.quiz.items.filter((i) => i.truth)).toHaveLength(pack.quiz.items.length / 2);
    const placard = pack.placards.find((p) => p.id === pack.quiz.placardId);
    expect(placard?.source).toContain('Journal of Cognition, 6(1)');
    expect(placard?.source).toContain('Journal of Experimental Psychology: General');
  });

  it('accepts a balanced quiz', () => {
    expect(checkQuiz(quiz(mixed), placards)).toBeUndefined();
  });

  it('refuses unequal numbers of true and false items', () => {
    expect(checkQuiz(quiz([...mixed.slice(0, 7), true]), placards)).toEqual([
      'quiz.json',
      'items',
      expect.stringContaining('equal numbers (5 true, 3 false)'),
    ]);
  });

  it('refuses duplicate ids and an unknown placard', () => {
    const dup = quiz(mixed);
    dup.items[3]!.id = dup.items[0]!.id;
    expect(checkQuiz(dup, placards)?.[1]).toBe('items[3].id');
    expect(checkQuiz(quiz(mixed, 'no-such-placard'), placards)?.[1]).toBe('placardId');
  });

  it('refuses fewer than 8 or more than 12 items, and items without a truth value', () => {
    expect(quizFileSchema.safeParse(quiz(mixed.slice(0, 6))).success).toBe(false);
    expect(quizFileSchema.safeParse(quiz([...mixed, ...mixed])).success).toBe(false);
    expect(
      quizFileSchema.safeParse({ placardId: 'x', items: items(mixed).map(({ truth: _t, ...rest }) => rest) }).success,
    ).toBe(false);
  });
});
