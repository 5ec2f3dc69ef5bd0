/**
 * Class sessions: a facilitator creates one, students join it by a 6-digit code and get a seat
 * (no password), roles are given by hand or by a distribution preset from the pack, rounds start
 * and end, the session is paused, locked, reset, ended or deleted, and scripted events are fired.
 * Every mutation of one session runs through a per-session queue, so two facilitator tabs acting at
 * once leave it consistent (no lost role change, no double round). Every join, removal, role change,
 * round, pause and event goes into the session's trail.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type {
  CastSettings,
  CastState,
  Mode,
  RolePreset,
  SeatRole,
  SessionCounts,
  SessionDetail,
  SessionEventPush,
  SessionPlayer,
  SessionState,
  SessionSummary,
} from '../protocol/api';
import { PATTERNS } from '../protocol/vocabulary';
import { startLogin, type TokenClaims } from './auth';
import type { Bus } from './bus';
import { DomainError, forbidden } from './errors';
import type { FilterList } from './filter';
import { dropToRole, grantStartingNotels, inspectionWindow, type FilesDeps } from './files';
import type { Pack } from './pack';
import { can, type Actor } from './policy';
import type {
  ArticleRecord,
  ArticlesRepo,
  ClassState,
  LoginsRepo,
  PostRecord,
  PostsRepo,
  RoomStatesRepo,
  SessionRecord,
  SessionsRepo,
  SessionStorage,
  TrailRepo,
  UserRecord,
  UsersRepo,
} from './ports';
import type { TrailRecorder } from './recorder';
import { setSessionMode } from './sessions';
import { castStateOf, storeCastSettings, type CastDirector } from './cast';
import { checkName, lateRole, nameKey, publicRound, roleList, SEAT_ROLES, uniqueCode, uniqueName } from './class-rules';

/** Runs tasks one after another per key (a session id); different keys run side by side. */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled; resolves or rejects with it. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

/** What class sessions need. */
export interface ClassDeps {
  pack: Pack;
  sessions: SessionsRepo;
  users: UsersRepo;
  logins: LoginsRepo;
  articles: ArticlesRepo;
  posts: PostsRepo;
  rooms: RoomStatesRepo;
  trail: TrailRepo;
  storage: SessionStorage;
  recorder: TrailRecorder;
  bus: Bus;
  filter: FilterList;
  /** Whether a user has a connected socket now. */
  online: (userId: string) => boolean;
  /** The pack content a fresh session starts with. */
  seed: (sessionId: string) => { articles: ArticleRecord[]; posts: PostRecord[] };
  queue: SerialQueue;
  /** Login lifetime of a seat. */
  ttlSeconds: number;
  now?: () => Date;
  /** A 6-digit code (injectable so tests can force collisions). */
  randomCode?: () => string;
  /** A random integer in [0, n) (injectable for the presets' shuffle). */
  randomIndex?: (n: number) => number;
  /** Smuggled files: scripted drops and the starting Notels (absent: neither happens). */
  files?: FilesDeps;
  /** The simulated cast's defaults (CAST, CAST_DELAY_SECONDS) and director (absent: the cast is off). */
  cast?: { director?: CastDirector; castOn: boolean; demoDelaySeconds: [number, number] };
}

/** The cast's defaults when the app gave none (tests that build class deps by hand). */
const CAST_OFF = { castOn: false, demoDelaySeconds: [8, 40] as [number, number] };

/** A session's cast settings and whether its bureau acts now. */
export function castOf(deps: ClassDeps, s: SessionRecord): CastState {
  return castStateOf({ ...(deps.cast ?? CAST_OFF), users: deps.users, online: deps.online }, s);
}

/** The default capacity of a session. */
export const DEFAULT_CAPACITY = 40;

const notFound = () => new DomainError('not_found', 'not_found', 'No such session.');
const nowOf = (deps: ClassDeps) => (deps.now ?? (() => new Date()))();

/** The sessions whose code is taken: every class session not yet ended. */
function liveCodes(sessions: SessionsRepo): Set<string> {
  return new Set(
    sessions
      .list()
      .filter((s) => s.class && !s.class.ended)
      .map((s) => s.code),
  );
}

// ---- views ------------------------------------------------------------------------------------

/** The seats of a session (removed ones excluded), in join order. */
export function seatsOf(deps: Pick<ClassDeps, 'users'>, sessionId: string): UserRecord[] {
  return deps.users
    .list(sessionId)
    .filter((u) => u.seat && !u.seat.removed)
    .sort((a, b) => a.seat!.joinedAt.localeCompare(b.seat!.joinedAt));
}

function playerOf(deps: Pick<ClassDeps, 'online'>, u: UserRecord): SessionPlayer {
  return {
    id: u.id,
    name: u.displayName,
    role: u.seat?.assigned ? (u.role as SeatRole) : null,
    online: deps.online(u.id),
  };
}

/** The live roster of a session. */
export function rosterOf(deps: Pick<ClassDeps, 'users' | 'online'>, sessionId: string): SessionPlayer[] {
  return seatsOf(deps, sessionId).map((u) => playerOf(deps, u));
}

/** The live counts of a session. */
export function countsOf(
  deps: Pick<ClassDeps, 'users' | 'online' | 'posts' | 'trail'>,
  sessionId: string,
  players: SessionPlayer[] = rosterOf(deps, sessionId),
): SessionCounts {
  const posts = deps.posts.list(sessionId).filter((p) => p.authorId !== null);
  return {
    joined: players.length,
    online: players.filter((p) => p.online).length,
    posts: posts.length,
    messages: deps.trail.count(sessionId, 'chat_message'),
    blocked:
      deps.trail.count(sessionId, 'blocked_address') +
      deps.trail.count(sessionId, 'chat_blocked') +
      deps.trail.count(sessionId, 'post_filtered'),
    pending: posts.filter((p) => p.status === 'pending').length,
  };
}

/** The class state of a session the actor owns, or 404 (another facilitator's session looks missing). */
export function ownSession(
  deps: Pick<ClassDeps, 'sessions'>,
  actor: Actor,
  id: string,
): SessionRecord & { class: ClassState } {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs class sessions.');
  const s = deps.sessions.get(id);
  if (!s?.class || s.class.ownerId !== actor.userId) throw notFound();
  return s as SessionRecord & { class: ClassState };
}

/** The session-wide state pushed to everyone of it; `forOwner` keeps the round's timers. */
export function stateOf(s: SessionRecord & { class: ClassState }, forOwner = false): SessionState {
  return {
    sessionId: s.id,
    paused: s.class.paused,
    locked: s.class.locked,
    ended: s.class.ended,
    round: forOwner ? s.class.round : publicRound(s.class.round),
    quiz: s.class.quizAfter ? 'after' : 'before',
  };
}

/** The join URL of a code. */
export const joinUrlOf = (origin: string, code: string) => `${origin.replace(/\/+$/, '')}/join/${code}`;

/** `GET /api/sessions`: the actor's sessions, newest first. */
export function listSessions(deps: ClassDeps, actor: Actor): SessionSummary[] {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs class sessions.');
  return deps.sessions
    .list()
    .filter((s) => s.class?.ownerId === actor.userId)
    .reverse()
    .map((s) => {
      const c = s.class!;
      const players = rosterOf(deps, s.id);
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        locked: c.locked,
        paused: c.paused,
        lateJoin: c.lateJoin,
        capacity: c.capacity,
        joined: players.length,
        online: players.filter((p) => p.online).length,
        round: c.round,
        ended: c.ended,
      };
    });
}

/** `GET /api/sessions/:id`. */
export function sessionDetail(deps: ClassDeps, actor: Actor, id: string, origin: string): SessionDetail {
  const s = ownSession(deps, actor, id);
  const players = rosterOf(deps, s.id);
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    joinUrl: joinUrlOf(origin, s.code),
    capacity: s.class.capacity,
    locked: s.class.locked,
    paused: s.class.paused,
    lateJoin: s.class.lateJoin,
    ended: s.class.ended,
    round: s.class.round,
    roundsPlayed: s.class.rounds,
    players,
    events: deps.pack.classroom.events.map((e) => ({ id: e.id, title: e.title })),
    counts: countsOf(deps, s.id, players),
    files: deps.pack.files.files.map((f) => ({ id: f.id, title: f.title, kind: f.kind, signed: f.signed })),
    transcript: s.class.transcript !== false,
    cast: castOf(deps, s),
  };
}

/** The facilitator as the trail names them, in a class session. */
const facilitatorIn = (actor: Actor, sessionId: string) => ({
  username: actor.username,
  role: actor.role,
  sessionId,
});

/** Announces a change of the session-wide state and of the roster. */
function announce(deps: ClassDeps, sessionId: string, what: { state?: boolean; roster?: boolean }) {
  if (what.state) deps.bus.emit('class:state', { sessionId });
  if (what.roster) deps.bus.emit('class:roster', { sessionId });
}

// ---- creating and joining ---------------------------------------------------------------------

/** Creates a session owned by the actor; its content is seeded from the pack. */
export async function createSession(
  deps: ClassDeps,
  actor: Actor,
  input: { name: string; capacity?: number | undefined; lateJoin?: boolean | undefined },
): Promise<SessionRecord & { class: ClassState }> {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs class sessions.');
  // One queue for code allocation, so two creations at once never draw the same free code.
  return deps.queue.run('codes', async () => {
    const code = uniqueCode(liveCodes(deps.sessions), deps.randomCode);
    const session: SessionRecord & { class: ClassState } = {
      id: `c-${randomUUID()}`,
      name: input.name,
      code,
      mode: 'closed',
      createdAt: nowOf(deps).toISOString(),
      class: {
        ownerId: actor.userId,
        packId: deps.pack.meta.id,
        capacity: input.capacity ?? DEFAULT_CAPACITY,
        lateJoin: input.lateJoin ?? true,
        locked: false,
        paused: false,
        ended: false,
        round: null,
        rounds: 0,
        preset: null,
        removedNames: [],
      },
    };
    const content = deps.seed(session.id);
    await deps.storage.resetContent(session.id, content, false);
    await deps.sessions.insert(session);
    await deps.recorder.record(facilitatorIn(actor, session.id), 'session_created', { name: session.name });
    return session;
  });
}

/** What a join answers: the seat and the claims of its new login. */
export interface Joined {
  user: UserRecord;
  claims: TokenClaims | null;
}

/**
 * A student takes a seat by code and name. `current` is the seat the request already holds (a
 * returning student): when it belongs to this session it is answered again, whatever the lock.
 */
export async function joinSession(
  deps: ClassDeps,
  input: { code: string; name: string },
  current?: Actor,
): Promise<Joined> {
  const code = input.code.trim();
  const badCode = () =>
    new DomainError('not_found', 'bad_code', 'No session has this code. Check it with your teacher.');
  if (!PATTERNS.joinCode.test(code)) throw badCode();
  const found = deps.sessions.list().find((s) => s.class && !s.class.ended && s.code === code);
  if (!found) throw badCode();
  if (current && current.sessionId === found.id) {
    const mine = deps.users.findById(current.userId);
    if (mine?.seat && !mine.seat.removed) return { user: mine, claims: null };
  }
  const name = checkName(deps.pack, deps.filter, input.name);
  // Only the checks and the in-memory seat are taken in the session's queue; the disk writes are
  // awaited outside it, so a class's storm of joins shares a few document writes instead of queueing
  // one full write per student. The answer still waits until the seat is on disk.
  const { user, stored, assigned, role, displayName, sessionId } = await deps.queue.run(found.id, async () => {
    const s = deps.sessions.get(found.id);
    if (!s?.class || s.class.ended) throw badCode();
    const c = s.class;
    if (c.removedNames.includes(nameKey(name)))
      throw new DomainError('forbidden', 'removed', 'You were removed from this session.');
    if (c.locked) throw new DomainError('forbidden', 'locked', 'This session is locked: ask your teacher.');
    const seats = seatsOf(deps, s.id);
    if (seats.length >= c.capacity) throw new DomainError('conflict', 'full', 'This session is full.');
    if (c.round && !c.lateJoin)
      throw new DomainError(
        'forbidden',
        'late_join_closed',
        'The round has started and this session takes no late joiners.',
      );
    const displayName = uniqueName(name, new Set(seats.map((u) => nameKey(u.displayName))));
    let role: SeatRole = 'citizen';
    let assigned = false;
    if (c.round && c.preset) {
      const current = Object.fromEntries(SEAT_ROLES.map((r) => [r, 0])) as Record<SeatRole, number>;
      for (const u of seats) if (u.seat?.assigned) current[u.role as SeatRole] += 1;
      role = lateRole(deps.pack.classroom.presets[c.preset], current, seats.length + 1);
      assigned = true;
    }
    const now = nowOf(deps);
    const user: UserRecord = {
      id: randomUUID(),
      sessionId: s.id,
      username: `s${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      displayName,
      role,
      description: '',
      passwordHash: '',
      tokenVersion: 0,
      seat: { joinedAt: now.toISOString(), assigned },
    };
    const stored = deps.users.insert(user); // in memory at once: the next join in the queue sees it
    stored.catch(() => undefined); // awaited below
    return { user, stored, assigned, role, displayName, sessionId: s.id };
  });
  await stored;
  const claims = await startLogin(deps, user);
  await deps.recorder.record({ username: user.username, role: assigned ? role : null, sessionId }, 'seat_joined', {
    name: displayName,
    ...(assigned ? { role } : {}),
  });
  announce(deps, sessionId, { roster: true });
  return { user, claims };
}

// ---- the facilitator's controls ----------------------------------------------------------------

/** Runs a control of one of the actor's sessions in that session's queue. */
async function control<T>(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  fn: (s: SessionRecord & { class: ClassState }) => Promise<T>,
): Promise<T> {
  ownSession(deps, actor, id);
  return deps.queue.run(id, () => fn(ownSession(deps, actor, id)));
}

/** Replaces the class state of a session (on disk before it resolves). */
async function setClass(deps: ClassDeps, s: SessionRecord & { class: ClassState }, change: Partial<ClassState>) {
  await deps.sessions.update(s.id, { class: { ...s.class, ...change } });
}

function noEnded(s: { class: ClassState }) {
  if (s.class.ended) throw new DomainError('conflict', 'ended', 'This session has ended.');
}

/** Gives roles: a preset (a fresh shuffle of every seat) or hand assignments. */
export async function assignRoles(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  input: { preset: RolePreset } | { assignments: { playerId: string; role: SeatRole }[] },
): Promise<void> {
  await control(deps, actor, id, async (s) => {
    noEnded(s);
    const seats = seatsOf(deps, s.id);
    const wanted = new Map<string, SeatRole>();
    if ('preset' in input) {
      const roles = roleList(deps.pack.classroom.presets[input.preset], seats.length);
      const pick = deps.randomIndex ?? ((n: number) => randomInt(0, n));
      for (let i = roles.length - 1; i > 0; i--) {
        const j = pick(i + 1);
        [roles[i], roles[j]] = [roles[j]!, roles[i]!];
      }
      seats.forEach((u, i) => wanted.set(u.id, roles[i]!));
    } else {
      const byId = new Map(seats.map((u) => [u.id, u]));
      for (const a of input.assignments) {
        if (!byId.has(a.playerId)) throw new DomainError('not_found', 'no_player', 'No such student in this session.');
        if ((a.role as string) === 'facilitator')
          throw new DomainError('bad_input', 'invalid_input', 'role: not a student role');
        wanted.set(a.playerId, a.role);
      }
    }
    const changed: UserRecord[] = [];
    const writes: Promise<unknown>[] = [];
    for (const u of seats) {
      const role = wanted.get(u.id);
      if (!role || (u.seat?.assigned && u.role === role)) continue;
      // Every change is made in memory at once and they share the document's next write.
      writes.push(deps.users.update(u.id, { role, seat: { ...u.seat!, assigned: true } }));
      changed.push(u);
    }
    await Promise.all(writes);
    if ('preset' in input) await setClass(deps, s, { preset: input.preset });
    if (deps.files) await grantStartingNotels(deps.files, s.id);
    await deps.recorder.record(facilitatorIn(actor, s.id), 'roles_assigned', {
      how: 'preset' in input ? input.preset : 'hand',
      changed: String(changed.length),
    });
    for (const u of changed) deps.bus.emit('user:standing', { userId: u.id, sessionId: s.id, change: 'role' });
    announce(deps, s.id, { roster: true });
  });
}

/** Locks or unlocks joining (returning seats always come back). */
export async function setLocked(deps: ClassDeps, actor: Actor, id: string, locked: boolean): Promise<void> {
  await control(deps, actor, id, async (s) => {
    if (s.class.locked === locked) return;
    await setClass(deps, s, { locked });
    await deps.recorder.record(facilitatorIn(actor, s.id), locked ? 'session_locked' : 'session_unlocked');
    announce(deps, s.id, { state: true });
  });
}

/** Pauses or resumes: while paused every write of the session's students is refused. */
export async function setPaused(deps: ClassDeps, actor: Actor, id: string, paused: boolean): Promise<void> {
  await control(deps, actor, id, async (s) => {
    if (s.class.paused === paused) return;
    await setClass(deps, s, { paused });
    await deps.recorder.record(facilitatorIn(actor, s.id), paused ? 'session_paused' : 'session_resumed');
    announce(deps, s.id, { state: true });
  });
}

/** Removes a student: the seat ends (its sockets are cut, its cookie stops working) and the name is refused. */
export async function removePlayer(deps: ClassDeps, actor: Actor, id: string, playerId: string): Promise<void> {
  await control(deps, actor, id, async (s) => {
    const u = deps.users.findById(playerId);
    if (!u?.seat || u.sessionId !== s.id || u.seat.removed)
      throw new DomainError('not_found', 'no_player', 'No such student in this session.');
    await deps.users.update(u.id, {
      revoked: true,
      seat: { ...u.seat, removed: true },
      tokenVersion: u.tokenVersion + 1,
    });
    await deps.logins.endWhere((l) => l.userId === u.id);
    const key = nameKey(u.displayName);
    const base = nameKey(u.displayName.replace(/ \d+$/, ''));
    const names = new Set([...s.class.removedNames, key, base]);
    await setClass(deps, s, { removedNames: [...names] });
    await deps.recorder.record(facilitatorIn(actor, s.id), 'seat_removed', { name: u.displayName, player: u.username });
    deps.bus.emit('user:standing', { userId: u.id, sessionId: s.id, change: 'revoked' });
    announce(deps, s.id, { roster: true });
  });
}

/** Renames a student (the new name follows the same rules and stays unique). */
export async function renamePlayer(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  playerId: string,
  rawName: string,
): Promise<void> {
  await control(deps, actor, id, async (s) => {
    const u = deps.users.findById(playerId);
    if (!u?.seat || u.sessionId !== s.id || u.seat.removed)
      throw new DomainError('not_found', 'no_player', 'No such student in this session.');
    const name = checkName(deps.pack, deps.filter, rawName);
    if (name === u.displayName) return;
    const others = seatsOf(deps, s.id).filter((x) => x.id !== u.id);
    const displayName = uniqueName(name, new Set(others.map((x) => nameKey(x.displayName))));
    await deps.users.update(u.id, { displayName });
    await deps.recorder.record(facilitatorIn(actor, s.id), 'seat_renamed', {
      player: u.username,
      from: u.displayName,
      to: displayName,
    });
    deps.bus.emit('user:standing', { userId: u.id, sessionId: s.id, change: 'role' });
    announce(deps, s.id, { roster: true });
  });
}

/** The longest delay a scripted event may be set to within a round (a lesson is 45 minutes). */
export const MAX_TIMER_SECONDS = 90 * 60;

/** Starts the next round in a mode, with scripted events set to fire by themselves; refused while one runs. */
export async function startRound(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  mode: Mode,
  events: readonly { eventId: string; afterSeconds: number }[] = [],
): Promise<void> {
  for (const e of events) {
    if (!deps.pack.classroom.events.some((x) => x.id === e.eventId))
      throw new DomainError('bad_input', 'no_event', 'No such event.');
    if (!Number.isInteger(e.afterSeconds) || e.afterSeconds < 1 || e.afterSeconds > MAX_TIMER_SECONDS)
      throw new DomainError('bad_input', 'bad_timer', 'An event fires between 1 second and 90 minutes into the round.');
  }
  await control(deps, actor, id, async (s) => {
    noEnded(s);
    if (s.class.round) throw new DomainError('conflict', 'round_running', 'A round is already running: end it first.');
    const start = nowOf(deps);
    const timers = events.map((e) => ({
      eventId: e.eventId,
      at: new Date(start.getTime() + e.afterSeconds * 1000).toISOString(),
      fired: false,
    }));
    const round = {
      number: s.class.rounds + 1,
      mode,
      startedAt: start.toISOString(),
      ...(timers.length ? { timers } : {}),
    };
    await setClass(deps, s, { round, rounds: round.number });
    await setSessionMode(deps, actor, mode, s.id);
    if (deps.files) await grantStartingNotels(deps.files, s.id);
    await deps.recorder.record(facilitatorIn(actor, s.id), 'round_started', {
      round: String(round.number),
      mode,
      ...(timers.length ? { timers: events.map((e) => `${e.eventId}+${e.afterSeconds}s`).join(', ') } : {}),
    });
    announce(deps, s.id, { state: true });
  });
}

/**
 * Switches the running round to `mode`: the round keeps its number and its timers, the session
 * follows (recorded as `session_mode_changed`), and every connected student's screens change live
 * (the bus's `session:mode`). Refused when no round runs (409 `no_round`) or the session ended.
 */
export async function setRoundMode(deps: ClassDeps, actor: Actor, id: string, mode: Mode): Promise<void> {
  await control(deps, actor, id, async (s) => {
    noEnded(s);
    const round = s.class.round;
    if (!round)
      throw new DomainError('conflict', 'no_round', 'No round is running: start a round in the mode you want.');
    if (round.mode === mode && s.mode === mode) return;
    if (round.mode !== mode) await setClass(deps, s, { round: { ...round, mode } });
    await setSessionMode(deps, actor, mode, s.id);
    announce(deps, s.id, { state: true });
  });
}

/**
 * Switches the demo session (the pack's session, which has no rounds) to `mode`: only the
 * facilitator whose own session it is; any other session id answers as missing.
 */
export async function setDemoMode(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  mode: Mode,
): Promise<{ id: string; mode: Mode }> {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs sessions.');
  const own = () => {
    const s = deps.sessions.get(id);
    if (!s || s.class || s.id !== actor.sessionId) throw notFound();
    return s;
  };
  own();
  return deps.queue.run(id, async () => {
    await setSessionMode(deps, actor, mode, own().id);
    return { id, mode: own().mode };
  });
}

/**
 * Fires the round timers that are due (called by the app's scheduler). A paused or ended
 * session's timers wait; each fires once, marked on disk before its event goes out.
 */
export async function fireDueEvents(deps: ClassDeps, now: Date): Promise<number> {
  let fired = 0;
  for (const listed of deps.sessions.list()) {
    const due = (s: SessionRecord | undefined) =>
      s?.class && !s.class.paused && !s.class.ended
        ? (s.class.round?.timers ?? []).filter((t) => !t.fired && Date.parse(t.at) <= now.getTime())
        : [];
    if (due(listed).length === 0) continue;
    fired += await deps.queue.run(listed.id, async () => {
      const s = deps.sessions.get(listed.id) as (SessionRecord & { class: ClassState }) | undefined;
      const ready = due(s);
      if (!s || !s.class.round || ready.length === 0) return 0;
      const timers = s.class.round.timers!.map((t) => (ready.includes(t) ? { ...t, fired: true } : t));
      await setClass(deps, s, { round: { ...s.class.round, timers } });
      const by = { username: null, role: null, sessionId: s.id };
      for (const t of ready) {
        const event = deps.pack.classroom.events.find((e) => e.id === t.eventId);
        if (event) await fire(deps, s, event, by, 'timer');
      }
      announce(deps, s.id, { state: true });
      return ready.length;
    });
  }
  return fired;
}

/** Ends the running round. */
export async function endRound(deps: ClassDeps, actor: Actor, id: string): Promise<void> {
  await control(deps, actor, id, async (s) => {
    const round = s.class.round;
    if (!round) throw new DomainError('conflict', 'no_round', 'No round is running.');
    await setClass(deps, s, { round: null });
    await deps.recorder.record(facilitatorIn(actor, s.id), 'round_ended', { round: String(round.number) });
    announce(deps, s.id, { state: true });
  });
}

/** Ends the session: students see the end screen; its code is free again; the record stays until deleted. */
export async function endSession(deps: ClassDeps, actor: Actor, id: string): Promise<void> {
  await control(deps, actor, id, async (s) => {
    if (s.class.ended) return;
    await setClass(deps, s, { ended: true, round: null, paused: false });
    await deps.recorder.record(facilitatorIn(actor, s.id), 'session_ended');
    announce(deps, s.id, { state: true });
  });
}

/** Fires a scripted event of the pack. */
export async function fireEvent(deps: ClassDeps, actor: Actor, id: string, eventId: string): Promise<SessionEventPush> {
  return control(deps, actor, id, async (s) => {
    noEnded(s);
    const event = deps.pack.classroom.events.find((e) => e.id === eventId);
    if (!event) throw new DomainError('not_found', 'no_event', 'No such event.');
    return fire(deps, s, event, facilitatorIn(actor, s.id), 'facilitator');
  });
}

type PackEvent = Pack['classroom']['events'][number];
type Subject = Parameters<ClassDeps['recorder']['record']>[0];

/** Carries out an event in a session (inside its queue), records it and announces it. */
async function fire(
  deps: ClassDeps,
  s: SessionRecord & { class: ClassState },
  event: PackEvent,
  by: Subject,
  trigger: 'facilitator' | 'timer',
): Promise<SessionEventPush> {
  const now = nowOf(deps);
  const push: SessionEventPush = {
    sessionId: s.id,
    eventId: event.id,
    kind: event.kind,
    title: event.title,
    text: event.text,
    at: now.toISOString(),
    ...(event.placardId ? { placardId: event.placardId } : {}),
  };
  if (event.kind === 'news' && event.article) {
    const at = now.toISOString();
    const article: ArticleRecord = {
      id: `${event.id}-${randomUUID().slice(0, 8)}`,
      sessionId: s.id,
      ...event.article,
      date: at.slice(0, 10),
      lead: true,
      status: 'published',
      publishAt: null,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      editor: null,
    };
    await deps.articles.insert(article);
    await deps.recorder.record({ username: null, role: null, sessionId: s.id }, 'article_published', {
      article: article.id,
      title: article.title.slice(0, 120),
    });
    deps.bus.emit('media:published', article);
    push.articleId = article.id;
  }
  if (event.kind === 'chat_shutdown') {
    for (const room of deps.pack.chat.rooms) {
      if (deps.rooms.isClosed(s.id, room.id)) continue;
      await deps.rooms.setClosed(s.id, room.id, true);
      await deps.recorder.record(by, 'room_closed', { room: room.id });
      deps.bus.emit('chat:room', {
        sessionId: s.id,
        room: {
          id: room.id,
          kind: 'room',
          title: room.title,
          description: room.description,
          closed: true,
          online: 0,
        },
      });
    }
  }
  if (event.kind === 'inspection') {
    // Re-read: a timer's firing has just rewritten the class state this snapshot was taken before.
    const cur = deps.sessions.get(s.id) as (SessionRecord & { class: ClassState }) | undefined;
    if (cur?.class) await setClass(deps, cur, { inspection: inspectionWindow(cur, now) });
  }
  if (event.kind === 'files_drop' && event.fileId && event.to && deps.files)
    await dropToRole(deps.files, s.id, event.fileId, event.to, trigger);
  await deps.recorder.record(by, 'event_fired', { event: event.id, kind: event.kind, trigger });
  deps.bus.emit('class:event', push);
  return push;
}

/** `PATCH /api/sessions/:id`: the session's settings (whether the transcript may be downloaded, the cast). */
export async function updateSettings(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  change: { transcript?: boolean | undefined; cast?: Partial<CastSettings> | undefined },
): Promise<void> {
  await control(deps, actor, id, async (s) => {
    if (change.transcript !== undefined && change.transcript !== (s.class.transcript !== false))
      await setClass(deps, s, { transcript: change.transcript });
    if (change.cast) await changeCast(deps, s.id, change.cast);
  });
}

async function changeCast(deps: ClassDeps, sessionId: string, change: Partial<CastSettings>): Promise<void> {
  const s = deps.sessions.get(sessionId);
  if (!s) throw notFound();
  await storeCastSettings({ ...(deps.cast ?? CAST_OFF), sessions: deps.sessions, bus: deps.bus }, s, change);
}

/** The demo session the actor (its facilitator) runs, by id, or 404. */
function ownDemo(deps: ClassDeps, actor: Actor, id: string): SessionRecord {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs sessions.');
  const s = deps.sessions.get(id);
  if (!s || s.class || s.id !== actor.sessionId) throw notFound();
  return s;
}

/** `GET /api/sessions/:id/cast`: a session's cast (a class the actor owns, or their own demo session). */
export function sessionCast(deps: ClassDeps, actor: Actor, id: string): { id: string; cast: CastState } {
  const s = deps.sessions.get(id)?.class ? ownSession(deps, actor, id) : ownDemo(deps, actor, id);
  return { id: s.id, cast: castOf(deps, s) };
}

/** `PATCH /api/sessions/demo {cast}`: the demo session's cast, by its facilitator. */
export async function setDemoCast(
  deps: ClassDeps,
  actor: Actor,
  id: string,
  change: Partial<CastSettings>,
): Promise<{ id: string; cast: CastState }> {
  ownDemo(deps, actor, id);
  return deps.queue.run(id, async () => {
    await changeCast(deps, ownDemo(deps, actor, id).id, change);
    const s = ownDemo(deps, actor, id);
    return { id: s.id, cast: castOf(deps, s) };
  });
}

/** Puts the session's content back to the pack; without `keepRoster` every seat goes too. */
export async function resetSession(deps: ClassDeps, actor: Actor, id: string, keepRoster: boolean): Promise<void> {
  await control(deps, actor, id, async (s) => {
    const seats = seatsOf(deps, s.id);
    await deps.storage.resetContent(s.id, deps.seed(s.id), !keepRoster);
    await setClass(deps, s, {
      round: null,
      paused: false,
      quizAfter: false, // the quiz's answers went with the content: it starts again with the before-quiz
      ...(keepRoster ? {} : { removedNames: [], preset: null }),
    });
    await deps.recorder.record(facilitatorIn(actor, s.id), 'session_reset', {
      roster: keepRoster ? 'kept' : 'cleared',
    });
    if (!keepRoster)
      for (const u of seats) deps.bus.emit('user:standing', { userId: u.id, sessionId: s.id, change: 'revoked' });
    announce(deps, s.id, { state: true, roster: true });
  });
}

/** Deletes a session and everything of it from disk. */
export async function deleteSession(deps: ClassDeps, actor: Actor, id: string): Promise<void> {
  await control(deps, actor, id, async (s) => {
    await deps.storage.purge(s.id);
    deps.bus.emit('class:deleted', { sessionId: s.id });
  });
}

// ---- pause -------------------------------------------------------------------------------------

/** Why a student's write in this session is refused now (paused or ended), or null when it may go ahead. */
export function writeRefusal(session: SessionRecord | undefined): DomainError | null {
  const c = session?.class;
  if (!c) return null;
  if (c.ended) return new DomainError('paused', 'ended', 'This session has ended.');
  if (c.paused) return new DomainError('paused', 'paused', 'Paused by your teacher.');
  return null;
}
