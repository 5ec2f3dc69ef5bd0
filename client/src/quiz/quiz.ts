/**
 * The quiz's rules as the client mirrors them (the server checks them again): every statement
 * answered before sending, the progress line, and the rows of "your before and after".
 */
import type { QuizAnswersRequest, QuizPhase, QuizResultResponse } from '../../../server/protocol/debrief';

/** A statement of the quiz as the reader sees it (no truth value). */
export interface QuizItem {
  id: string;
  text: string;
}

/** The reader's choices so far, by item id. */
export type QuizChoices = ReadonlyMap<string, boolean>;

/** How many of `items` have a choice, of how many. */
export function quizProgress(items: readonly QuizItem[], choices: QuizChoices): { answered: number; total: number } {
  return { answered: items.filter((item) => choices.has(item.id)).length, total: items.length };
}

/** The ids of `items` still without a choice, in the quiz's order. */
export function unanswered(items: readonly QuizItem[], choices: QuizChoices): string[] {
  return items.filter((item) => !choices.has(item.id)).map((item) => item.id);
}

/** A radio button's value as an answer ('true' / 'false'), undefined for anything else. */
export function parseChoice(value: string): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** The body of `POST /api/quiz/answers`, or undefined while a statement is unanswered (nothing partial is sent). */
export function answersRequest(
  phase: QuizPhase,
  items: readonly QuizItem[],
  choices: QuizChoices,
): QuizAnswersRequest | undefined {
  if (items.length === 0 || unanswered(items, choices).length > 0) return undefined;
  return { phase, answers: items.map((item) => ({ itemId: item.id, answer: choices.get(item.id) === true })) };
}

/** One row of "your before and after": what was said each time, and whether it matched the truth (null: not answered). */
export interface ResultRow {
  id: string;
  text: string;
  truth: boolean;
  before: boolean | null;
  after: boolean | null;
  rightBefore: boolean | null;
  rightAfter: boolean | null;
}

/** The result's rows, each answer marked right or wrong against the truth. */
export function resultRows(result: QuizResultResponse): ResultRow[] {
  return result.items.map((item) => ({
    ...item,
    rightBefore: item.before === null ? null : item.before === item.truth,
    rightAfter: item.after === null ? null : item.after === item.truth,
  }));
}

/** How many answers of one phase were right (null when that phase was not answered), counted from the rows. */
export function correctCount(rows: readonly ResultRow[], phase: QuizPhase): number | null {
  const marks = rows.map((row) => (phase === 'before' ? row.rightBefore : row.rightAfter));
  if (marks.every((mark) => mark === null)) return null;
  return marks.filter((mark) => mark === true).length;
}
