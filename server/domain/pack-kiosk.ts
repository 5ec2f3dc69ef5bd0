/**
 * The pack's museum kiosk (`kiosk.json`): the personas a visitor may pick, the USB stick every visit
 * starts with, the guided tour (5–7 stops per persona, each a small mission with its placard) and the
 * closed-vs-open comparison of the visit's ending. Pure schema and cross-file checks; `pack.ts`
 * registers them and `kiosk.ts` runs the visits.
 */
import { z } from 'zod';
import { PATTERNS, ROLES, TRAIL_KINDS } from '../protocol/vocabulary';
import type { Role } from '../protocol/api';

const id = z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)');
const text = (max: number) => z.string().trim().min(1).max(max);
const kind = z.enum(TRAIL_KINDS);

/** The fewest and most stops a persona's tour has. */
export const TOUR_STOPS = { min: 5, max: 7 } as const;

const stopSchema = z.strictObject({
  id,
  /** The roles this stop is for (a citizen cannot type an address: its tour differs). */
  roles: z.array(z.enum(ROLES)).min(1),
  title: text(80),
  /** What to do, in one or two sentences. */
  mission: text(400),
  placardId: id,
  /**
   * Where "Go there" takes the visitor: a screen path, optionally with the in-page browser's
   * `?address=` (absent: the persona's home).
   */
  path: z
    .string()
    .regex(/^\/[a-z/]*(\?address=[a-z0-9.-]+)?$/, 'must be a screen path like /portal?address=search.intra')
    .optional(),
  /** The trail kinds that complete the stop (empty: the visitor completes it by going on). */
  doneWhen: z.array(kind).max(10),
});

const comparisonSchema = z.strictObject({
  id,
  /** What was tried, e.g. "A foreign news site". */
  label: text(80),
  /** What the closed network does with it, and what the open one does. */
  closed: text(240),
  open: text(240),
  /** The visit's trail events that count as having tried it. */
  kinds: z.array(kind).min(1).max(10),
});

/** `kiosk.json`. */
export const kioskFileSchema = z.strictObject({
  /** The personas' user names, in the order their cards show. */
  personas: z.array(z.string().regex(PATTERNS.username)).min(1).max(8),
  /** The pack file on the USB stick every visitor starts with (a scientist may also find one). */
  stickFileId: id,
  /** The bureau's delay in a visit, `[min, max]` seconds: a visit is short. */
  castDelaySeconds: z
    .tuple([z.number().int().min(0).max(120), z.number().int().min(0).max(120)])
    .refine(([a, b]) => a <= b, 'the first number (min) must not exceed the second (max)'),
  tour: z.array(stopSchema).min(1).max(40),
  comparison: z.array(comparisonSchema).min(1).max(12),
  /** The placard of the ending screen. */
  endingPlacardId: id,
});

/** The whole `kiosk.json`. */
export type PackKiosk = z.infer<typeof kioskFileSchema>;
/** One stop of the tour. */
export type PackTourStop = PackKiosk['tour'][number];

/** What the kiosk is checked against in the other pack files. */
export interface KioskRefs {
  personas: readonly { username: string; role: Role }[];
  placardIds: ReadonlySet<string>;
  fileIds: ReadonlySet<string>;
}

/** The stops of a role's tour, in order. */
export function tourOf(kiosk: PackKiosk, role: Role): PackTourStop[] {
  return kiosk.tour.filter((s) => s.roles.includes(role));
}

/** The first problem of the kiosk against the rest of the pack: `[file, field, problem]`, or undefined. */
export function checkKiosk(k: PackKiosk, refs: KioskRefs): [string, string, string] | undefined {
  const file = 'kiosk.json';
  const roleOf = new Map(refs.personas.map((p) => [p.username, p.role]));
  const seen = new Set<string>();
  for (const [i, p] of k.personas.entries()) {
    const role = roleOf.get(p);
    if (!role) return [file, `personas[${i}]`, `no persona "${p}"`];
    if (role === 'facilitator') return [file, `personas[${i}]`, 'the facilitator is outside the world: not a visitor'];
    if (seen.has(p)) return [file, `personas[${i}]`, `"${p}" is listed twice`];
    seen.add(p);
  }
  if (!refs.fileIds.has(k.stickFileId)) return [file, 'stickFileId', `no file "${k.stickFileId}"`];
  const stops = new Set<string>();
  for (const [i, s] of k.tour.entries()) {
    if (stops.has(s.id)) return [file, `tour[${i}].id`, `duplicate stop id "${s.id}"`];
    stops.add(s.id);
    if (!refs.placardIds.has(s.placardId)) return [file, `tour[${i}].placardId`, `no placard "${s.placardId}"`];
  }
  for (const [i, p] of k.personas.entries()) {
    const n = tourOf(k, roleOf.get(p)!).length;
    if (n < TOUR_STOPS.min || n > TOUR_STOPS.max)
      return [file, `personas[${i}]`, `the tour of "${p}" has ${n} stops; give it ${TOUR_STOPS.min}–${TOUR_STOPS.max}`];
  }
  const rows = new Set<string>();
  for (const [i, c] of k.comparison.entries()) {
    if (rows.has(c.id)) return [file, `comparison[${i}].id`, `duplicate comparison id "${c.id}"`];
    rows.add(c.id);
  }
  if (!refs.placardIds.has(k.endingPlacardId)) return [file, 'endingPlacardId', `no placard "${k.endingPlacardId}"`];
  return undefined;
}
