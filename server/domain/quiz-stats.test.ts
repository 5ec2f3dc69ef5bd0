import { describe, expect, it } from 'vitest';
import { inverseNormal, quizFigures, type QuizAnswerRow } from './quiz-stats';

const items = [
  { id: 't1', truth: true },
  { id: 't2', truth: true },
  { id: 'f1', truth: false },
  { id: 'f2', truth: false },
];

/** One student's answers to a phase, in item order t1, t2, f1, f2 (T = "true"). */
function sheet(userId: string, phase: 'before' | 'after', marks: string): QuizAnswerRow[] {
  return items.map((item, i) => ({ userId, phase, itemId: item.id, answer: marks[i] === 'T' }));
}

describe('quizFigures: a worked example by hand', () => {
  // Before: Ann T F T F, Ben T T T T. After: Ann T T F F (perfect), Ben F F F F (distrusts everything).
  const answers = [
    ...sheet('ann', 'before', 'TFTF'),
    ...sheet('ben', 'before', 'TTTT'),
    ...sheet('ann', 'after', 'TTFF'),
    ...sheet('ben', 'after', 'FFFF'),
  ];
  const q = quizFigures(items, answers);

  it('gives each item its share of correct answers before and after', () => {
    // t1: before both "true" (2/2), after Ann "true", Ben "false" (1/2); t2: 1/2 then 1/2;
    // f1: before both "true" (0/2), after both "false" (2/2); f2: before Ann right (1/2), after 2/2.
    expect(q.items).toEqual([
      { id: 't1', truth: true, before: 1, after: 0.5 },
      { id: 't2', truth: true, before: 0.5, after: 0.5 },
      { id: 'f1', truth: false, before: 0, after: 1 },
      { id: 'f2', truth: false, before: 0.5, after: 1 },
    ]);
    expect(q.answeredBefore).toBe(2);
    expect(q.answeredAfter).toBe(2);
  });

  it('computes discernment as H − F over the class', () => {
    // Before: true items rated true 3 of 4 (H = 0.75), false items rated true 3 of 4 (F = 0.75): 0.
    expect(q.discernmentBefore).toBeCloseTo(0, 10);
    // After: H = 2/4 = 0.5 (Ann's two), F = 0/4 = 0: 0.5.
    expect(q.discernmentAfter).toBeCloseTo(0.5, 10);
  });

  it('computes bias as 1 − H − F: positive leans to "false"', () => {
    // Before: 1 − 0.75 − 0.75 = −0.5 (the class leaned to "true"); after: 1 − 0.5 − 0 = +0.5.
    expect(q.biasBefore).toBeCloseTo(-0.5, 10);
    expect(q.biasAfter).toBeCloseTo(0.5, 10);
  });

  it('computes d′ per student with the log-linear correction, then the mean', () => {
    // Each student has 2 true and 2 false items: H′ = (hits + 0.5) / 3, F′ = (false alarms + 0.5) / 3.
    // Before: Ann H′ = F′ = 1.5/3 → d′ 0; Ben H′ = F′ = 2.5/3 → d′ 0. Mean 0.
    expect(q.dPrimeBefore).toBeCloseTo(0, 6);
    // After: Ann H′ = 2.5/3, F′ = 0.5/3 → z(0.8333) − z(0.1667) = 0.96742 + 0.96742 = 1.93484;
    // Ben H′ = F′ = 0.5/3 → 0. Mean 0.96742.
    expect(q.dPrimeAfter).toBeCloseTo(0.96742, 4);
  });

  it('a class that only learned to say "false" gains bias, not discernment', () => {
    const distrust = quizFigures(items, [...sheet('ann', 'before', 'TFTF'), ...sheet('ann', 'after', 'FFFF')]);
    expect(distrust.items.find((i) => i.id === 'f1')).toMatchObject({ before: 0, after: 1 }); // "accuracy" on false items rose
    expect(distrust.discernmentBefore).toBeCloseTo(0, 10);
    expect(distrust.discernmentAfter).toBeCloseTo(0, 10);
    expect(distrust.biasAfter! - distrust.biasBefore!).toBeCloseTo(1, 10);
  });
});

describe('quizFigures: edges', () => {
  it('answers null figures when nobody answered a phase', () => {
    const q = quizFigures(items, sheet('ann', 'before', 'TTFF'));
    expect(q.discernmentBefore).toBe(1);
    expect(q.biasBefore).toBe(0);
    expect(q.discernmentAfter).toBeNull();
    expect(q.biasAfter).toBeNull();
    expect(q.dPrimeAfter).toBeNull();
    expect(q.answeredAfter).toBe(0);
    expect(q.items.every((i) => i.after === null)).toBe(true);
  });

  it('ignores answers to items that are not in the quiz', () => {
    const q = quizFigures(items, [
      ...sheet('ann', 'before', 'TTFF'),
      { userId: 'ann', phase: 'before', itemId: 'zz', answer: true },
    ]);
    expect(q.items.map((i) => i.id)).toEqual(['t1', 't2', 'f1', 'f2']);
    expect(q.discernmentBefore).toBe(1);
  });
});

describe('inverseNormal', () => {
  it('matches the standard normal quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.326348, 5);
    expect(inverseNormal(5 / 6)).toBeCloseTo(0.967422, 5);
  });
});
