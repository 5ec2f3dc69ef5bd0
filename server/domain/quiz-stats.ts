/**
 * The quiz's class figures (pure): per item the share of correct answers before and after, and per
 * phase the class's discernment, bias and d′. "Rated true" means the student answered "true".
 *
 * - hit rate H = share of answers to true items that said "true"; false-alarm rate F = share of
 *   answers to false items that said "true" (both pooled over the class's answers of the phase).
 * - discernment = H − F (−1…1): telling true from false; 0 when "true" is said as often to both.
 * - bias = 1 − H − F (−1…1): the lean towards answering "false". 0 when the answers lean neither
 *   way (a perfect class: H = 1, F = 0), +1 when every answer is "false", −1 when every answer is
 *   "true". With as many true items as false (the pack enforces it) it is twice (0.5 − the share of
 *   answers that said "true"). A class that learned only to distrust moves bias up, not discernment.
 * - d′ = z(H′) − z(F′) per student, with the log-linear correction (Hautus, 1995:
 *   H′ = (hits + 0.5) / (true items + 1), F′ = (false alarms + 0.5) / (false items + 1), which keeps
 *   z finite for rates of 0 and 1), then the mean over the students who answered the phase.
 */
import type { DebriefQuiz, DebriefQuizItem, QuizPhase } from '../protocol/debrief';

/** One student's answer to one item in one phase. */
export interface QuizAnswerRow {
  userId: string;
  phase: QuizPhase;
  itemId: string;
  answer: boolean;
}

/**
 * The inverse of the standard normal distribution function (Acklam's rational approximation,
 * relative error below 1.2e-9), for 0 < p < 1.
 */
export function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

interface Tally {
  hits: number;
  trues: number;
  falseAlarms: number;
  falses: number;
}

const emptyTally = (): Tally => ({ hits: 0, trues: 0, falseAlarms: 0, falses: 0 });

function add(t: Tally, truth: boolean, answer: boolean): void {
  if (truth) {
    t.trues++;
    if (answer) t.hits++;
  } else {
    t.falses++;
    if (answer) t.falseAlarms++;
  }
}

/** d′ of one tally with the log-linear correction; null without both true and false items answered. */
function dPrimeOf(t: Tally): number | null {
  if (t.trues === 0 || t.falses === 0) return null;
  const h = (t.hits + 0.5) / (t.trues + 1);
  const f = (t.falseAlarms + 0.5) / (t.falses + 1);
  return inverseNormal(h) - inverseNormal(f);
}

interface PhaseFigures {
  discernment: number | null;
  bias: number | null;
  dPrime: number | null;
  answered: number;
}

function phaseFigures(truthOf: ReadonlyMap<string, boolean>, rows: QuizAnswerRow[]): PhaseFigures {
  const pooled = emptyTally();
  const perStudent = new Map<string, Tally>();
  for (const r of rows) {
    const truth = truthOf.get(r.itemId);
    if (truth === undefined) continue;
    add(pooled, truth, r.answer);
    let t = perStudent.get(r.userId);
    if (!t) perStudent.set(r.userId, (t = emptyTally()));
    add(t, truth, r.answer);
  }
  const answered = perStudent.size;
  if (pooled.trues === 0 || pooled.falses === 0) return { discernment: null, bias: null, dPrime: null, answered };
  const hitRate = pooled.hits / pooled.trues;
  const falseAlarmRate = pooled.falseAlarms / pooled.falses;
  const dPrimes = [...perStudent.values()].map(dPrimeOf).filter((x): x is number => x !== null);
  return {
    discernment: hitRate - falseAlarmRate,
    bias: 1 - hitRate - falseAlarmRate,
    dPrime: dPrimes.length ? dPrimes.reduce((s, x) => s + x, 0) / dPrimes.length : null,
    answered,
  };
}

/** The share of correct answers to one item in one phase, or null when nobody answered it. */
function accuracy(rows: QuizAnswerRow[], truth: boolean): number | null {
  if (rows.length === 0) return null;
  return rows.filter((r) => r.answer === truth).length / rows.length;
}

/** The class's quiz figures from every answer given (answers to items not in `items` are ignored). */
export function quizFigures(
  items: { id: string; truth: boolean }[],
  answers: { userId: string; phase: 'before' | 'after'; itemId: string; answer: boolean }[],
): DebriefQuiz {
  const truthOf = new Map(items.map((i) => [i.id, i.truth]));
  const before = answers.filter((a) => a.phase === 'before');
  const after = answers.filter((a) => a.phase === 'after');
  const perItem: DebriefQuizItem[] = items.map((i) => ({
    id: i.id,
    truth: i.truth,
    before: accuracy(
      before.filter((a) => a.itemId === i.id),
      i.truth,
    ),
    after: accuracy(
      after.filter((a) => a.itemId === i.id),
      i.truth,
    ),
  }));
  const b = phaseFigures(truthOf, before);
  const a = phaseFigures(truthOf, after);
  return {
    items: perItem,
    discernmentBefore: b.discernment,
    discernmentAfter: a.discernment,
    biasBefore: b.bias,
    biasAfter: a.bias,
    dPrimeBefore: b.dPrime,
    dPrimeAfter: a.dPrime,
    answeredBefore: b.answered,
    answeredAfter: a.answered,
  };
}
