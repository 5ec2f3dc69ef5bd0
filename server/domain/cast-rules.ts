/**
 * The cast's judgement, pure: which rule of the bureau a post breaks (or none), whether a word comes
 * close to one the filter blocks, and which pattern of a room's script a message triggers. Text is
 * folded as the keyword filter folds it (case, accents, look-alike letters, spacing), and phrases
 * match whole words, so "hi" answers "Hi!" but not "this".
 */
import { foldText, type FilterList } from './filter';
import type { CastRoom, PackCast } from './pack-cast';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;

/** A phrase folded for matching. */
interface Phrase {
  folded: string;
  hangul: boolean;
}

/** Folds a list of phrases once. */
export function compilePhrases(phrases: readonly string[]): Phrase[] {
  return phrases.map((p) => ({ folded: foldText(p), hangul: HANGUL.test(p) })).filter((p) => p.folded.length > 0);
}

/** Whether folded text holds one of the phrases (Korean ones also inside a word, for particles). */
function holds(foldedText: string, phrases: readonly Phrase[]): boolean {
  const padded = ` ${foldedText} `;
  return phrases.some((p) => (p.hangul ? foldedText.includes(p.folded) : padded.includes(` ${p.folded} `)));
}

/** Whether `text` holds one of the phrases. */
export function mentions(text: string, phrases: readonly Phrase[]): boolean {
  return holds(foldText(text), phrases);
}

/** Edit distance, stopping early once it exceeds `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/**
 * The first filtered term that a word of `text` comes close to without being it: the term with an
 * ending ("freedoms", "protesters"), one letter off ("fredom"), or sharing all but its last two
 * letters ("democratic"); a Korean term inside a longer word. Exact terms are the filter's business.
 */
export function nearFiltered(filter: FilterList, text: string): string | undefined {
  const words = foldText(text).split(' ').filter(Boolean);
  // Pairs of neighbours too, for terms of two words ("human rights"); only for those, so that "a
  // free domain" is not "freedom".
  const pairs = words.slice(1).map((w, i) => `${words[i]}${w}`);
  for (const t of filter.terms) {
    if (t.prefix) continue;
    const term = t.folded;
    for (const w of /\s/u.test(t.term.trim()) ? [...words, ...pairs] : words) {
      if (t.hangul ? w.includes(term) : near(w, term)) return t.term;
    }
  }
  return undefined;
}

function near(word: string, term: string): boolean {
  if (term.length < 4) return false;
  if (word.startsWith(term)) return true;
  if (term.length >= 5 && withinEdits(word, term, 1)) return true;
  return term.length >= 7 && word.startsWith(term.slice(0, -2));
}

/** The bureau's rules, compiled. */
export interface BureauRules {
  rules: { id: string; phrases: Phrase[]; reason: string }[];
  filter: FilterList;
  nearFilterReason: string;
}

/** Compiles the bureau's rules of a pack. */
export function compileBureau(cast: PackCast, filter: FilterList): BureauRules {
  return {
    rules: cast.bureau.rules.map((r) => ({ id: r.id, phrases: compilePhrases(r.match), reason: r.reason })),
    filter,
    nearFilterReason: cast.bureau.nearFilterReason,
  };
}

/** The bureau's decision on a post. */
export type BureauDecision = { decision: 'approve' } | { decision: 'reject'; rule: string; reason: string };

/** Judges a post's title and body: the first rule it breaks rejects it; near a filtered word rejects it. */
export function judgePost(rules: BureauRules, text: string): BureauDecision {
  const folded = foldText(text);
  for (const r of rules.rules)
    if (holds(folded, r.phrases)) return { decision: 'reject', rule: r.id, reason: r.reason };
  const near = nearFiltered(rules.filter, text);
  if (near) return { decision: 'reject', rule: 'near-filter', reason: rules.nearFilterReason };
  return { decision: 'approve' };
}

/** A room's script, compiled. */
export interface RoomScript {
  room: CastRoom;
  patterns: { pattern: CastRoom['patterns'][number]; phrases: Phrase[] }[];
}

/** Compiles each scripted room of a pack, by room id. */
export function compileRooms(cast: PackCast): Map<string, RoomScript> {
  return new Map(
    cast.rooms.map((room) => [
      room.room,
      { room, patterns: room.patterns.map((pattern) => ({ pattern, phrases: compilePhrases(pattern.match) })) },
    ]),
  );
}

/** What a message triggers in a room: the first pattern it matches, else the fallback, else nothing. */
export function answerFor(
  script: RoomScript,
  text: string,
): { kind: CastRoom['patterns'][number]['kind'] | 'fallback'; pattern?: CastRoom['patterns'][number] } | undefined {
  const folded = foldText(text);
  const hit = script.patterns.find((p) => holds(folded, p.phrases));
  if (hit) return { kind: hit.pattern.kind, pattern: hit.pattern };
  return script.room.fallback.length > 0 ? { kind: 'fallback' } : undefined;
}
