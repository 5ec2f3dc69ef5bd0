/**
 * The museum kiosk (issue 15): nobody attends it, so every visit is a throwaway session of its own
 * (`k-<uuid>`), seeded from the pack like a class session, holding one user — the persona the
 * visitor tapped — and one login. Nothing a visitor does is visible to the next: ending a visit
 * (the visitor's "End", the idle reset, "live another life", the operator's reset, or the sweep of
 * visits left behind) purges the session and everything of it from every store.
 */
import { randomUUID } from 'node:crypto';
import type { KioskComparisonRow, KioskPersona, KioskSettings, KioskVisit, Locale, TrailEvent } from '../protocol/api';
import { startLogin, subjectOf, type TokenClaims } from './auth';
import type { Bus } from './bus';
import { DomainError } from './errors';
import { giveStick, type FilesDeps } from './files';
import type { Pack } from './pack';
import { tourOf } from './pack-kiosk';
import type { Actor } from './policy';
import type {
  ArticleRecord,
  LoginsRepo,
  PostRecord,
  SessionRecord,
  SessionStorage,
  SessionsRepo,
  TrailRepo,
  UserRecord,
  UsersRepo,
} from './ports';
import type { TrailRecorder } from './recorder';

/** How long a visit may last at most (its login's life), whatever the idle reset does. */
export const VISIT_TTL_SECONDS = 60 * 60;
/** The most records of a visit the ending reads. */
const VISIT_RECORDS = 5000;

/** What running visits needs. */
export interface KioskDeps {
  pack: Pack;
  sessions: SessionsRepo;
  users: UsersRepo;
  logins: LoginsRepo;
  storage: SessionStorage;
  trail: TrailRepo;
  recorder: TrailRecorder;
  bus: Bus;
  files: FilesDeps;
  seed: (sessionId: string) => { articles: ArticleRecord[]; posts: PostRecord[] };
  settings: () => KioskSettings;
  now?: () => Date;
}

const nowOf = (deps: Pick<KioskDeps, 'now'>) => (deps.now ?? (() => new Date()))();

/** Whether a session is a kiosk visit. */
export const isVisit = (s: SessionRecord | undefined): s is SessionRecord & { kiosk: { persona: string } } =>
  !!s?.kiosk;

/** The persona cards, in the pack's order (in the pack's language of the request). */
export function kioskPersonas(pack: Pack): KioskPersona[] {
  return pack.kiosk.personas.flatMap((username) => {
    const p = pack.personas.find((x) => x.username === username);
    return p ? [{ username: p.username, displayName: p.displayName, role: p.role, description: p.description }] : [];
  });
}

/**
 * Starts a visit as `persona`: a session of its own with the pack's content, the persona's user
 * (no password: it cannot log in any other way), the stick on its device and a login in `locale`.
 * A visit `current` holds is wiped first. Resolves once all of it is on disk.
 */
export async function startVisit(
  deps: KioskDeps,
  input: { persona: string; locale: Locale },
  current?: Actor,
): Promise<{ user: UserRecord; claims: TokenClaims }> {
  const persona = kioskPersonas(deps.pack).find((p) => p.username === input.persona);
  if (!persona) throw new DomainError('not_found', 'no_persona', 'No such persona.');
  if (current && isVisit(deps.sessions.get(current.sessionId))) await endVisit(deps, current.sessionId);
  const settings = deps.settings();
  const now = nowOf(deps);
  const session: SessionRecord = {
    id: `k-${randomUUID()}`,
    name: 'Kiosk visit',
    code: '',
    mode: 'closed',
    createdAt: now.toISOString(),
    kiosk: { persona: persona.username },
    cast: settings.cast
      ? { bureau: true, colleagues: true, guide: true, delaySeconds: deps.pack.kiosk.castDelaySeconds }
      : { bureau: false, colleagues: false, guide: false },
  };
  // The content first, then the listing: a crash in between leaves an unlisted file, removed on open.
  await deps.storage.resetContent(session.id, deps.seed(session.id), false);
  await deps.sessions.insert(session);
  const user: UserRecord = {
    id: randomUUID(),
    sessionId: session.id,
    username: persona.username,
    displayName: persona.displayName,
    role: persona.role,
    description: persona.description,
    passwordHash: '',
    tokenVersion: 0,
  };
  await deps.users.insert(user);
  await giveStick(deps.files, user, deps.pack.kiosk.stickFileId);
  const claims = await startLogin(
    { logins: deps.logins, ttlSeconds: VISIT_TTL_SECONDS, now: deps.now },
    user,
    input.locale,
  );
  await deps.recorder.record(subjectOf(user), 'login');
  return { user, claims };
}

/** Ends a visit: its sockets are told and closed, the cast forgets it, and every record of it is purged. */
export async function endVisit(
  deps: Pick<KioskDeps, 'sessions' | 'storage' | 'bus'>,
  sessionId: string,
): Promise<void> {
  if (!isVisit(deps.sessions.get(sessionId))) return;
  await deps.storage.purge(sessionId);
  deps.bus.emit('class:deleted', { sessionId });
}

/** The operator's "reset all visits": every visit ends. Answers how many there were. */
export async function endAllVisits(deps: Pick<KioskDeps, 'sessions' | 'storage' | 'bus'>): Promise<number> {
  const visits = deps.sessions.list().filter(isVisit);
  for (const s of visits) await endVisit(deps, s.id);
  return visits.length;
}

/**
 * Visits nobody ended (the screen lost power, the browser crashed): those older than a login's life,
 * and those without a live login a minute after they started. Answers how many were purged.
 */
export async function sweepVisits(deps: Pick<KioskDeps, 'sessions' | 'storage' | 'bus' | 'logins'>, now: Date) {
  const stale = deps.sessions
    .list()
    .filter(isVisit)
    .filter((s) => {
      const age = now.getTime() - Date.parse(s.createdAt);
      return age > VISIT_TTL_SECONDS * 1000 || (age > 60_000 && !deps.logins.anyFor(s.id, now));
    });
  for (const s of stale) await endVisit(deps, s.id);
  return stale.length;
}

/** The visit of `actor`, or 404 when the actor is not on a kiosk visit. */
export function visitOf(
  deps: Pick<KioskDeps, 'sessions'>,
  actor: Actor,
): SessionRecord & { kiosk: { persona: string } } {
  const s = deps.sessions.get(actor.sessionId);
  if (!isVisit(s)) throw new DomainError('not_found', 'no_visit', 'There is no kiosk visit here.');
  return s;
}

/** `GET /api/kiosk/visits/current`: the tour's progress and the closed-vs-open comparison of the ending. */
export function visitView(deps: KioskDeps, actor: Actor): KioskVisit {
  const s = visitOf(deps, actor);
  const { pack } = deps;
  const events: TrailEvent[] = deps.trail.query({ sessionId: s.id, username: actor.username, limit: VISIT_RECORDS });
  const kinds = new Map<string, number>();
  for (const e of events) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  const countOf = (list: readonly string[]) => list.reduce((n, k) => n + (kinds.get(k) ?? 0), 0);
  const persona = kioskPersonas(pack).find((p) => p.username === s.kiosk.persona)!;
  const tour = deps.settings().tour
    ? tourOf(pack.kiosk, actor.role).map((stop) => ({
        id: stop.id,
        title: stop.title,
        mission: stop.mission,
        placardId: stop.placardId,
        ...(stop.path ? { path: stop.path } : {}),
        done: stop.doneWhen.length > 0 && countOf(stop.doneWhen) > 0,
      }))
    : [];
  const comparison: KioskComparisonRow[] = pack.kiosk.comparison.map((row) => ({
    id: row.id,
    label: row.label,
    closed: row.closed,
    open: row.open,
    count: countOf(row.kinds),
  }));
  return {
    persona,
    startedAt: s.createdAt,
    tour,
    comparison,
    records: events.length,
    endingPlacardId: pack.kiosk.endingPlacardId,
  };
}
