/**
 * "Would have been blocked": where the mode switches the keyword filter (and the chat
 * substitutions) off, the text goes through untouched, but the trail still records what the
 * closed network would have blocked or rewritten (`would_block`, detail `{where, term}`), so the
 * debrief can compare the two rounds. Where the filter is on, this records nothing: the feature
 * itself blocks and records.
 */
import { subjectOf } from './auth';
import { findBanned, substitute, type FilterList, type SubstitutionList } from './filter';
import { rule, type Actor } from './policy';
import type { TrailRecorder } from './recorder';

/** Where the text was going. */
export type WouldBlockWhere = 'post' | 'chat' | 'search' | 'social' | 'comment';

/** What the check needs; `substitutions` only where the closed network rewrites (chat). */
export interface WouldBlockDeps {
  recorder: TrailRecorder;
  filter: FilterList;
  substitutions?: SubstitutionList;
}

/**
 * Records `would_block` for the banned term the filter would have stopped `text` on (and, with
 * `substitutions`, for each term they would have rewritten), when the actor's mode lets it through.
 * Resolves once recorded; returns the terms recorded.
 */
export async function recordWouldBlock(
  deps: WouldBlockDeps,
  actor: Pick<Actor, 'username' | 'role' | 'sessionId' | 'mode'>,
  where: WouldBlockWhere,
  text: string,
): Promise<string[]> {
  const terms: string[] = [];
  if (deps.substitutions && !rule(actor, 'substitutions'))
    for (const s of substitute(deps.substitutions, text).applied) if (!terms.includes(s.from)) terms.push(s.from);
  if (!rule(actor, 'keywordFilter')) {
    const hit = findBanned(deps.filter, text);
    if (hit && !terms.includes(hit.term)) terms.push(hit.term);
  }
  for (const term of terms) await deps.recorder.record(subjectOf(actor), 'would_block', { where, term });
  return terms;
}
