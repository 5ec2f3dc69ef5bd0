/**
 * The keyword filter: finds banned terms in text however they are respelled —
 * upper/lower case, full-width or half-width forms, accents, look-alike letters and
 * digits, zero-width characters, letters split by spaces or dots, or stretched letters
 * ("freeeedom") — without flagging innocent words that merely contain a term's letters.
 *
 * How: text is folded to a canonical alphabet and cut into words at separators. A term
 * matches a run of consecutive words whose concatenation equals it (so "f r e e d o m"
 * and "free-dom" match "freedom", but "freedomain" and "scunthorpe" match nothing).
 * Korean terms also match when a particle is attached ("자유를"), but not inside a longer
 * word ("자유형", freestyle swimming; "남한산성", a fortress).
 */

/** A compiled word list. */
export interface FilterList {
  terms: { term: string; folded: string; prefix: boolean; hangul: boolean }[];
  maxWords: number;
}

/** A filter hit: the listed term and the text that matched it. */
export interface FilterHit {
  term: string;
  matched: string;
}

// Look-alikes folded to the Latin letter they imitate (after NFKC and lower-casing).
const LOOKALIKE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  ո: 'n',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
// Common particles and endings that attach to a Korean noun.
const PARTICLES = [
  '',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '에게',
  '께',
  '도',
  '만',
  '와',
  '과',
  '로',
  '으로',
  '까지',
  '부터',
  '이나',
  '나',
  '라는',
  '이라는',
  '란',
  '이란',
  '이다',
  '입니다',
  '야',
  '아',
  '여',
  '이여',
  '들',
  '들이',
  '들은',
  '들을',
  '들의',
];
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
// Invisible characters used to split a word without showing it (soft hyphen, zero-width and
// direction marks, Hangul fillers…), listed as code points.
const INVISIBLE = new Set([
  0xad,
  0x34f,
  0x61c,
  0x115f,
  0x1160,
  0x17b4,
  0x17b5,
  0x180e,
  0x3164,
  0xfeff,
  0xffa0,
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x206f),
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const dropInvisible = (s: string) => [...s].filter((ch) => !INVISIBLE.has(ch.codePointAt(0)!)).join('');

const isWordChar = (ch: string | undefined) => ch !== undefined && /\p{L}|\p{N}/u.test(ch);

/** Folds one character: a letter, or ' ' for a separator. Symbols stand for letters only inside a word ("fr!end" but not "end!"). */
function foldChar(ch: string, prev: string | undefined, next: string | undefined): string {
  const mapped = LOOKALIKE[ch];
  if (mapped !== undefined && (isWordChar(ch) || (isWordChar(prev) && isWordChar(next)))) return mapped;
  return isWordChar(ch) ? ch : ' ';
}

/** Lower case without accents, one character at a time (so positions map back to the text). */
function plain(ch: string): string {
  return ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** A word of folded text and where it stands in the (NFKC, invisible-free) characters. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** Cuts text into folded words with their character positions. */
function tokenize(text: string): { chars: string[]; tokens: Token[] } {
  const chars = [...dropInvisible(text.normalize('NFKC'))];
  const lowered = chars.map(plain);
  const tokens: Token[] = [];
  let current: Token | undefined;
  lowered.forEach((ch, i) => {
    const folded = ch === '' ? ' ' : foldChar(ch, lowered[i - 1], lowered[i + 1]);
    if (folded.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { text: '', start: i, end: i };
      tokens.push(current);
    }
    current.text += folded;
    current.end = i + 1;
  });
  return { chars, tokens };
}

/** Folds text: NFKC (full-width → half-width), lower case, accents off, look-alikes mapped, invisibles removed. */
export function foldText(text: string): string {
  return tokenize(text)
    .tokens.map((t) => t.text)
    .join(' ');
}

/** Words of folded text. Digits stay inside words ("fr33dom") since they are folded to letters. */
function wordsOf(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.text);
}

/** Collapses runs of one letter to a single letter ("freeeedom" → "fredom"). */
function squeeze(s: string): string {
  return s.replace(/(.)\1+/gu, '$1');
}

/** Compiles a word list; a trailing '*' matches any ending ("democra*"). */
export function compileFilter(terms: readonly string[]): FilterList {
  const compiled = terms.map((raw) => {
    const prefix = raw.endsWith('*');
    const folded = wordsOf(prefix ? raw.slice(0, -1) : raw).join('');
    return { term: raw, folded, prefix, hangul: HANGUL.test(raw) };
  });
  const maxWords = Math.max(1, ...compiled.map((t) => [...t.folded].length));
  return { terms: compiled.filter((t) => t.folded.length > 0), maxWords };
}

function matches(candidate: string, t: FilterList['terms'][number]): boolean {
  const stretched = /(.)\1\1/u.test(candidate);
  const forms = stretched ? [candidate, squeeze(candidate)] : [candidate];
  const termForms = stretched ? [t.folded, squeeze(t.folded)] : [t.folded];
  return forms.some((c, i) => {
    const term = termForms[i]!;
    if (t.prefix) return c.startsWith(term);
    if (t.hangul) return c.startsWith(term) && PARTICLES.includes(c.slice(term.length));
    return c === term;
  });
}

/** A term found in text: which term, and the span of characters it covers. */
interface Match {
  term: FilterList['terms'][number];
  first: number;
  last: number;
}

/** Finds matches left to right, without overlaps. */
function scan(list: FilterList, tokens: Token[], firstOnly: boolean): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let candidate = '';
    let hit: Match | undefined;
    for (let j = i; j < tokens.length && j - i < list.maxWords && !hit; j++) {
      candidate += tokens[j]!.text;
      const term = list.terms.find((t) => matches(candidate, t));
      if (term) hit = { term, first: i, last: j };
      if ([...candidate].length > 64) break;
    }
    if (hit) {
      found.push(hit);
      if (firstOnly) break;
      i = hit.last;
    }
  }
  return found;
}

/** The first banned term in `text`, or null. */
export function findBanned(list: FilterList, text: string): FilterHit | null {
  const { tokens } = tokenize(text);
  const [hit] = scan(list, tokens, true);
  if (!hit) return null;
  return {
    term: hit.term.term,
    matched: tokens
      .slice(hit.first, hit.last + 1)
      .map((t) => t.text)
      .join(' '),
  };
}

/** A compiled substitution list: each listed term is replaced by its counterpart. */
export interface SubstitutionList {
  list: FilterList;
  replacement: Map<string, string>;
}

/** Compiles `{from, to}` pairs, matched with the same folding as the filter. */
export function compileSubstitutions(pairs: readonly { from: string; to: string }[]): SubstitutionList {
  return { list: compileFilter(pairs.map((p) => p.from)), replacement: new Map(pairs.map((p) => [p.from, p.to])) };
}

/** Rewrites every listed term in `text` (NFKC-normalised); returns the new text and what was replaced. */
export function substitute(
  subs: SubstitutionList,
  text: string,
): { text: string; applied: { from: string; to: string; matched: string }[] } {
  const { chars, tokens } = tokenize(text);
  const matches = scan(subs.list, tokens, false);
  if (matches.length === 0) return { text: dropInvisible(text.normalize('NFKC')), applied: [] };
  let out = '';
  let cursor = 0;
  const applied: { from: string; to: string; matched: string }[] = [];
  for (const m of matches) {
    const start = tokens[m.first]!.start;
    const end = tokens[m.last]!.end;
    // A Korean particle after the term stays ("오빠가" → "동지가").
    const folded = tokens
      .slice(m.first, m.last + 1)
      .map((t) => t.text)
      .join('');
    const particle = m.term.hangul && folded.startsWith(m.term.folded) ? folded.slice(m.term.folded.length) : '';
    const to = (subs.replacement.get(m.term.term) ?? '') + particle;
    out += chars.slice(cursor, start).join('') + to;
    applied.push({ from: m.term.term, to, matched: chars.slice(start, end).join('') });
    cursor = end;
  }
  return { text: out + chars.slice(cursor).join(''), applied };
}
