/**
 * The pure rules of class sessions: join codes, students' display names and the distribution
 * presets that give roles. No I/O; `classes.ts` applies them to the store.
 */
import { randomInt } from 'node:crypto';
import type { SeatRole, SessionRound } from '../protocol/api';
import { LIMITS, PATTERNS, ROLES } from '../protocol/vocabulary';
import { DomainError } from './errors';
import { findBanned, foldText, type FilterList } from './filter';
import type { Pack, PackPreset } from './pack';

/** How many times a fresh code is drawn before giving up. */
export const CODE_ATTEMPTS = 50;

/** A fresh 6-digit code. */
export function randomCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Draws a code unique among live sessions, retried on collision; 503-like conflict when none is found. */
export function uniqueCode(taken: ReadonlySet<string>, draw: () => string = randomCode): string {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = draw();
    if (PATTERNS.joinCode.test(code) && !taken.has(code)) return code;
  }
  throw new DomainError('conflict', 'no_code', 'Could not find a free join code; try again.');
}

// ---- names ----------------------------------------------------------------------------------

/** A display name with outer and repeated inner white space removed, in NFC. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Folds a name for comparison (case, accents, look-alikes). */
export function nameKey(name: string): string {
  return foldText(name) || name.toLowerCase();
}

const lengthOf = (s: string) => [...s].length;

/** Checks a student's display name: 2–24 characters, no control characters, not filtered or blocklisted. */
export function checkName(pack: Pick<Pack, 'classroom'>, filter: FilterList, raw: string): string {
  const name = cleanName(raw);
  const n = lengthOf(name);
  if (n < LIMITS.seatNameMin || n > LIMITS.seatNameMax || /[\p{Cc}\p{Cf}]/u.test(name))
    throw new DomainError(
      'bad_input',
      'name_length',
      `Use a name of ${LIMITS.seatNameMin} to ${LIMITS.seatNameMax} characters.`,
    );
  if (findBanned(filter, name)) throw new DomainError('filtered', 'name_filtered', 'That name is not allowed here.');
  const words = new Set(nameKey(name).split(' '));
  const whole = nameKey(name);
  for (const blocked of pack.classroom.nameBlocklist) {
    const b = nameKey(blocked);
    if (whole === b || words.has(b) || whole.replace(/ /g, '') === b.replace(/ /g, ''))
      throw new DomainError('filtered', 'name_blocked', 'Please choose another name.');
  }
  return name;
}

/** The name itself if free, else with the first free suffix ("Min-ji 2"), kept within the length limit. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(name))) return name;
  for (let i = 2; ; i++) {
    const suffix = ` ${i}`;
    const base = [...name]
      .slice(0, LIMITS.seatNameMax - suffix.length)
      .join('')
      .trimEnd();
    const candidate = base + suffix;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

// ---- roles ------------------------------------------------------------------------------------

/** Every seat role, in the order the roster lists them. */
export const SEAT_ROLES: readonly SeatRole[] = ROLES.filter((r): r is SeatRole => r !== 'facilitator');

/** How many of each role a preset gives `n` students: entries in order, citizens fill the rest. */
export function distribution(preset: PackPreset, n: number): Record<SeatRole, number> {
  const out = Object.fromEntries(SEAT_ROLES.map((r) => [r, 0])) as Record<SeatRole, number>;
  let left = n;
  for (const e of preset) {
    const wanted = Math.min(Math.max(Math.floor(n / e.every), e.min), e.max ?? Infinity);
    const c = Math.min(wanted, left);
    out[e.role as SeatRole] += c;
    left -= c;
  }
  out.citizen += left;
  return out;
}

/** The roles of a preset for `n` seats as a list (preset order, then citizens). */
export function roleList(preset: PackPreset, n: number): SeatRole[] {
  const counts = distribution(preset, n);
  const list: SeatRole[] = [];
  for (const e of preset) for (let i = 0; i < counts[e.role as SeatRole]; i++) list.push(e.role as SeatRole);
  while (list.length < n) list.push('citizen');
  return list;
}

/** Which role a late joiner gets: the first role the preset wants more of with one more seat. */
export function lateRole(preset: PackPreset, current: Readonly<Record<SeatRole, number>>, total: number): SeatRole {
  const want = distribution(preset, total);
  for (const e of preset) if (want[e.role as SeatRole] > current[e.role as SeatRole]) return e.role as SeatRole;
  return 'citizen';
}

/**
 * A round as the students see it: without its timers, since the scripted events of a round are the
 * facilitator's surprise (an inspection announced ahead is no inspection).
 */
export function publicRound(round: SessionRound | null): SessionRound | null {
  if (!round) return null;
  const { timers: _timers, ...rest } = round;
  return rest;
}
