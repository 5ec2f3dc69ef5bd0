import { describe, expect, it } from 'vitest';
import type { QuizResultResponse } from '../../../server/protocol/debrief';
import { answersRequest, correctCount, parseChoice, quizProgress, resultRows, unanswered } from './quiz';

const items = [
  { id: 'q1', text: 'One' },
  { id: 'q2', text: 'Two' },
  { id: 'q3', text: 'Three' },
];

describe('answering the quiz', () => {
  it('counts the statements answered so far, false answers included', () => {
    expect(quizProgress(items, new Map())).toEqual({ answered: 0, total: 3 });
    expect(quizProgress(items, new Map([['q2', false]]))).toEqual({ answered: 1, total: 3 });
    // A choice for an id not in the quiz does not count.
    expect(quizProgress(items, new Map([['zz', true]]))).toEqual({ answered: 0, total: 3 });
  });

  it('lists the unanswered statements in the quiz order', () => {
    expect(unanswered(items, new Map([['q2', true]]))).toEqual(['q1', 'q3']);
    expect(unanswered(items, new Map(items.map((item) => [item.id, false])))).toEqual([]);
  });

  it('reads only "true" and "false" as answers', () => {
    expect(parseChoice('true')).toBe(true);
    expect(parseChoice('false')).toBe(false);
    for (const value of ['', 'TRUE', '1', 'on', 'yes']) expect(parseChoice(value), value).toBeUndefined();
  });

  it('builds the request only when every statement has an answer, in the quiz order', () => {
    expect(answersRequest('before', items, new Map([['q1', true]]))).toBeUndefined();
    expect(answersRequest('before', [], new Map())).toBeUndefined();
    const choices = new Map([
      ['q3', true],
      ['q1', false],
      ['q2', true],
    ]);
    expect(answersRequest('after', items, choices)).toEqual({
      phase: 'after',
      answers: [
        { itemId: 'q1', answer: false },
        { itemId: 'q2', answer: true },
        { itemId: 'q3', answer: true },
      ],
    });
  });
});

describe('your before and after', () => {
  const result: QuizResultResponse = {
    items: [
      { id: 'q1', text: 'One', truth: true, before: false, after: true },
      { id: 'q2', text: 'Two', truth: false, before: false, after: true },
      { id: 'q3', text: 'Three', truth: false, before: true, after: null },
    ],
    correctBefore: 1,
    correctAfter: 1,
  };

  it('marks each answer right or wrong against the truth', () => {
    const rows = resultRows(result);
    expect(rows.map((row) => [row.rightBefore, row.rightAfter])).toEqual([
      [false, true],
      [true, false],
      [false, null],
    ]);
  });

  it('counts the right answers of each phase, null for a phase not answered', () => {
    const rows = resultRows(result);
    expect(correctCount(rows, 'before')).toBe(1);
    expect(correctCount(rows, 'after')).toBe(1);
    const none = resultRows({ ...result, items: result.items.map((item) => ({ ...item, after: null })) });
    expect(correctCount(none, 'after')).toBeNull();
  });
});
