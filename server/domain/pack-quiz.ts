/**
 * The pack's quiz (`quiz.json`): statements about information control and about the round's story,
 * each marked true or false, given when a student joins and again at the session's end. True and
 * false items come in equal numbers, because players of games like this learned to distrust false
 * items but true ones too (the `placardId` placard says so to the teacher): a quiz of false items
 * only would count that blanket distrust as learning. Pure schema and cross-file checks; `pack.ts`
 * registers them.
 */
import { z } from 'zod';
import { PATTERNS } from '../protocol/vocabulary';

/** How many items a quiz holds. */
export const QUIZ_ITEMS = { min: 8, max: 12 } as const;

const itemSchema = z.strictObject({
  id: z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)'),
  /** The statement the student rates true or false. */
  text: z.string().trim().min(1).max(300),
  /** Whether the statement is true. */
  truth: z.boolean(),
});

/** `quiz.json`. */
export const quizFileSchema = z.strictObject({
  /** The teacher's placard explaining why true and false items are mixed. */
  placardId: z.string().regex(PATTERNS.packId),
  items: z.array(itemSchema).min(QUIZ_ITEMS.min).max(QUIZ_ITEMS.max),
});

/** The whole `quiz.json`. */
export type PackQuiz = z.infer<typeof quizFileSchema>;
/** One quiz item. */
export type PackQuizItem = PackQuiz['items'][number];

/** Cross-file checks: `[file, field, problem]` of the first fault, or undefined. */
export function checkQuiz(q: PackQuiz, placardIds: ReadonlySet<string>): [string, string, string] | undefined {
  const file = 'quiz.json';
  if (!placardIds.has(q.placardId)) return [file, 'placardId', `no placard "${q.placardId}"`];
  const ids = new Set<string>();
  for (const [i, item] of q.items.entries()) {
    if (ids.has(item.id)) return [file, `items[${i}].id`, `duplicate id "${item.id}"`];
    ids.add(item.id);
  }
  const trueCount = q.items.filter((i) => i.truth).length;
  if (trueCount * 2 !== q.items.length)
    return [
      file,
      'items',
      `true and false items must come in equal numbers (${trueCount} true, ${q.items.length - trueCount} false)`,
    ];
  return undefined;
}
