/**
 * The simulated cast at work: plays the pack's `cast.json` in every session where people are, so a
 * visitor alone or a small class still meets the walls.
 *
 * - **The bureau** decides each pending post after a random delay in the session's `delaySeconds`,
 *   by the pack's rules, while it acts (`bureauActive`: closed mode, and on, or `'auto'` with no
 *   person holding the censor role). It re-checks everything when its timer fires, so a censor who
 *   came in meanwhile, a pause or a switch to open mode stops it. It warns a person whose chat
 *   messages were rewritten or blocked `strikes` times.
 * - **Colleagues and the guide** sit in their rooms (presence shows them), say an ambient line now
 *   and then while a person is in the room, and answer a person's message that matches a pattern
 *   of the room's script (a forbidden topic is avoided, or reported in the closed network).
 * - **Board life**: a cast post now and then while someone of the session is connected; pending
 *   like anyone's where posts are pre-moderated.
 *
 * Bounded: per session at most `limits.chatPerMinute` cast messages and `limits.postsPerHour`
 * posts, one pending answer per room, one ambient timer per room, one board timer. Nothing runs
 * while a session is paused or ended; deleting a session (or closing the app) clears its timers.
 * The cast only ever acts in the session whose event woke it.
 */
import type { CastSettings, CastState, ChatPeer, Locale } from '../protocol/api';
import { castPost, decideAsBureau, type BoardDeps } from './boards';
import type { Bus } from './bus';
import { answerFor, compileBureau, compileRooms, judgePost, type BureauRules, type RoomScript } from './cast-rules';
import { sendCastMessage, type ChatDeps } from './chat';
import type { Clock, TimerHandle } from './clock';
import type { FilterList } from './filter';
import type { CastLine, CastMember, PackCast } from './pack-cast';
import type { Pack } from './pack';
import type { PostRecord, SessionRecord, SessionsRepo, UsersRepo } from './ports';
import type { TrailRecorder } from './recorder';
import { englishPack, localName } from './locale';

/** The bureau's delay in a class session unless the facilitator sets one. */
export const CLASS_DELAY_SECONDS: [number, number] = [10, 45];

/** What the cast needs. */
export interface CastDeps {
  pack: Pack;
  sessions: SessionsRepo;
  users: UsersRepo;
  recorder: TrailRecorder;
  bus: Bus;
  filter: FilterList;
  boards: BoardDeps;
  chat: ChatDeps;
  clock: Clock;
  /** A number in [0, 1): which line, which delay. */
  random: () => number;
  /** Whether a user has a connected socket. */
  online: (userId: string) => boolean;
  /** How many people (not the cast) are in a chat room now. */
  peopleInRoom: (sessionId: string, roomId: string) => number;
  /** How many people of a session are connected now. */
  peopleInSession: (sessionId: string) => number;
  /**
   * The settings a session has until its facilitator changes them: `castOn` false (`CAST=off`)
   * switches every part off; `demoDelaySeconds` is `CAST_DELAY_SECONDS`, the demo session's delay.
   */
  castOn: boolean;
  demoDelaySeconds: [number, number];
  /** The language a session's cast speaks (absent or unknown: English). */
  sessionLocale?: (sessionId: string) => Locale;
  log: (msg: string, err: unknown) => void;
}

/** The settings a session starts with. */
export function defaultSettings(deps: Pick<CastDeps, 'castOn' | 'demoDelaySeconds'>, s: SessionRecord): CastSettings {
  return {
    bureau: deps.castOn ? 'auto' : false,
    colleagues: deps.castOn,
    guide: deps.castOn,
    delaySeconds: s.class ? CLASS_DELAY_SECONDS : deps.demoDelaySeconds,
  };
}

/** A session's cast settings as they are now. */
export function settingsOf(deps: Pick<CastDeps, 'castOn' | 'demoDelaySeconds'>, s: SessionRecord): CastSettings {
  return { ...defaultSettings(deps, s), ...s.cast };
}

/** Whether a person holds the censor role in a session: a student seat given it, or a censor persona connected. */
export function humanCensor(deps: Pick<CastDeps, 'users' | 'online'>, sessionId: string): boolean {
  return deps.users
    .list(sessionId)
    .some(
      (u) => u.role === 'censor' && !u.revoked && (u.seat ? u.seat.assigned && !u.seat.removed : deps.online(u.id)),
    );
}

/** Whether the bureau acts in a session now (paused or not: the timers check that themselves). */
export function bureauActive(
  deps: Pick<CastDeps, 'users' | 'online' | 'castOn' | 'demoDelaySeconds'>,
  s: SessionRecord,
): boolean {
  if (s.mode !== 'closed') return false;
  const { bureau } = settingsOf(deps, s);
  return bureau === 'auto' ? !humanCensor(deps, s.id) : bureau;
}

/** The settings and whether the bureau acts now, as the console shows them. */
export function castStateOf(
  deps: Pick<CastDeps, 'users' | 'online' | 'castOn' | 'demoDelaySeconds'>,
  s: SessionRecord,
): CastState {
  return { ...settingsOf(deps, s), bureauActive: bureauActive(deps, s) };
}

/** One language's lines of the cast, with its rooms' triggers and the bureau's rules compiled. */
interface Script {
  cast: PackCast;
  rooms: Map<string, RoomScript>;
  rules: BureauRules;
}

/** Per session: every timer the cast holds, and what its limits count. */
interface SessionCast {
  bureau: Map<string, TimerHandle>;
  ambient: Map<string, TimerHandle>;
  replies: Map<string, TimerHandle>;
  board: TimerHandle | undefined;
  /** Times (ms) of the cast's recent chat messages and posts, for the limits. */
  chatTimes: number[];
  postTimes: number[];
  /** Rewritten or blocked messages per user name since their last warning. */
  strikes: Map<string, number>;
  /** Where each room's ambient lines and the board posts have got to. */
  ambientNext: Map<string, number>;
  boardNext: number;
}

/** Plays the cast; `start` subscribes it to the bus, `dispose` clears everything. */
export class CastDirector {
  private readonly state = new Map<string, SessionCast>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly members: Map<string, CastMember>;
  private readonly cast: PackCast;
  /** What the cast says, per language (the pack's translation has the same lines in the same places). */
  private readonly scripts = new Map<Locale, Script>();
  private disposed = false;

  constructor(private readonly deps: CastDeps) {
    this.cast = englishPack(deps.pack).cast;
    this.members = new Map(this.cast.members.map((m) => [m.id, m]));
  }

  /**
   * The script a session's cast speaks from: in the language of its people (`sessionLocale`; a kiosk
   * visit's is its visitor's), English where the pack has no translation. Rooms, triggers and the
   * bureau's reasons follow; who says what does not change.
   */
  private script(sessionId: string): Script {
    const locale = this.deps.sessionLocale?.(sessionId) ?? 'en';
    let script = this.scripts.get(locale);
    if (!script) {
      const cast = (locale === 'en' ? undefined : englishPack(this.deps.pack).locales?.[locale]?.cast) ?? this.cast;
      script = { cast, rooms: compileRooms(cast), rules: compileBureau(cast, this.deps.filter) };
      this.scripts.set(locale, script);
    }
    return script;
  }

  /** Subscribes to what the domain announces. */
  start(): this {
    const { bus } = this.deps;
    this.unsubscribe.push(
      bus.on('boards:queued', (post) => this.track(() => this.onQueued(post))),
      bus.on('chat:delivered', ({ sessionId, message, dmUserIds }) => {
        if (dmUserIds || message.simulated) return;
        this.track(() => this.onMessage(sessionId, message.roomId, message.from, message.text));
      }),
      bus.on('chat:monitor', ({ sessionId, entry }) => {
        if (!entry.delivered || entry.substitutions?.length)
          this.track(() => this.onStrike(sessionId, entry.from, entry.roomId));
      }),
      bus.on('chat:presence', ({ sessionId, roomId }) => this.track(() => this.syncRoom(sessionId, roomId))),
      bus.on('user:online', ({ sessionId }) => this.track(() => this.sweep(sessionId))),
      bus.on('class:state', ({ sessionId }) => this.track(() => this.sweep(sessionId))),
      bus.on('class:roster', ({ sessionId }) => this.track(() => this.sweep(sessionId))),
      bus.on('session:mode', ({ sessionId }) => this.track(() => this.sweep(sessionId))),
      bus.on('cast:settings', ({ sessionId }) => this.track(() => this.sweep(sessionId))),
      bus.on('class:deleted', ({ sessionId }) => this.drop(sessionId)),
    );
    return this;
  }

  /** Stops every timer of every session and unsubscribes. */
  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    for (const id of [...this.state.keys()]) this.drop(id);
  }

  /** Resolves once everything the cast started has finished (tests await it after each tick). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** How many timers the cast holds, in one session or in all. */
  timers(sessionId?: string): number {
    const count = (s: SessionCast) => s.bureau.size + s.ambient.size + s.replies.size + (s.board === undefined ? 0 : 1);
    if (sessionId !== undefined) {
      const s = this.state.get(sessionId);
      return s ? count(s) : 0;
    }
    let n = 0;
    for (const s of this.state.values()) n += count(s);
    return n;
  }

  /** The cast members sitting in a room of a session now (shown in presence, counted as online). */
  presence(sessionId: string, roomId: string): ChatPeer[] {
    const s = this.deps.sessions.get(sessionId);
    if (!s || s.class?.ended) return [];
    const settings = settingsOf(this.deps, s);
    return this.cast.members
      .filter((m) => m.rooms.includes(roomId) && this.partOn(settings, m))
      .map((m) => ({
        username: m.username,
        displayName: localName(this.deps.pack, m.username, m.displayName),
        role: m.role,
        simulated: true as const,
      }));
  }

  /**
   * Tells the rooms whose cast changed when settings change from `before` to `after` (the
   * realtime layer turns it into presence deltas).
   */
  announcePresence(sessionId: string, before: CastSettings, after: CastSettings): void {
    for (const room of this.deps.pack.chat.rooms) {
      const joined: ChatPeer[] = [];
      const left: string[] = [];
      for (const m of this.cast.members) {
        if (!m.rooms.includes(room.id)) continue;
        const was = this.partOn(before, m);
        const is = this.partOn(after, m);
        if (is && !was)
          joined.push({ username: m.username, displayName: m.displayName, role: m.role, simulated: true });
        if (was && !is) left.push(m.username);
      }
      if (joined.length || left.length)
        this.deps.bus.emit('cast:presence', { sessionId, roomId: room.id, joined, left });
    }
  }

  // ---- what wakes the cast ---------------------------------------------------------------------

  private onQueued(post: PostRecord): void {
    const s = this.live(post.sessionId);
    if (s && bureauActive(this.deps, s)) this.scheduleDecision(s, post.id);
  }

  private async onMessage(sessionId: string, roomId: string, from: string, text: string): Promise<void> {
    const s = this.live(sessionId);
    const script = this.script(sessionId).rooms.get(roomId);
    if (!s || !script) return;
    const sender = this.deps.users.findByUsername(sessionId, from);
    if (!sender) return; // the cast does not answer itself
    const answer = answerFor(script, text);
    if (!answer) return;
    const settings = settingsOf(this.deps, s);
    const lines = (answer.pattern?.replies ?? script.room.fallback).filter((l) => this.lineOn(settings, l));
    const line = this.pick(lines);
    if (!line) return;
    const st = this.of(sessionId);
    if (st.replies.has(roomId)) return; // one answer at a time per room
    const member = this.members.get(line.member)!;
    if (answer.pattern?.action === 'report' && s.mode === 'closed')
      await this.deps.recorder.record({ username: member.username, role: member.role, sessionId }, 'cast_reported', {
        target: sender.username,
        room: roomId,
        member: member.id,
        pattern: answer.kind,
        simulated: 'true',
      });
    const [min, max] = this.script(sessionId).cast.replyDelaySeconds;
    this.set(st.replies, roomId, this.delay(min, max), async () => {
      const now = this.live(sessionId);
      if (!now || !this.lineOn(settingsOf(this.deps, now), line)) return;
      await this.say(now, roomId, line);
    });
  }

  private async onStrike(sessionId: string, from: string, roomId: string): Promise<void> {
    const s = this.live(sessionId);
    if (!s || !bureauActive(this.deps, s)) return;
    const user = this.deps.users.findByUsername(sessionId, from);
    if (!user) return;
    const st = this.of(sessionId);
    const count = (st.strikes.get(user.username) ?? 0) + 1;
    if (count < this.cast.bureau.strikes) {
      st.strikes.set(user.username, count);
      return;
    }
    st.strikes.delete(user.username);
    const bureau = this.members.get(this.cast.bureau.member)!;
    const event = await this.deps.recorder.record(
      { username: bureau.username, role: bureau.role, sessionId },
      'cast_warned',
      { target: user.username, room: roomId, strikes: String(count), simulated: 'true' },
    );
    this.deps.bus.emit('cast:warning', {
      userId: user.id,
      warning: {
        code: 'chat_warning',
        roomId,
        from: { name: bureau.displayName, simulated: true },
        text: this.script(sessionId).cast.bureau.warning,
        at: event.at,
      },
    });
  }

  /**
   * Brings a session's timers in line with how it is now: pending posts the bureau should decide
   * get a timer, rooms with people get their ambient timer, board life runs while anyone is here;
   * a paused, ended or gone session loses every timer.
   */
  private sweep(sessionId: string): void {
    const s = this.live(sessionId);
    if (!s) {
      if (!this.deps.sessions.get(sessionId)) this.drop(sessionId);
      else this.clearAll(sessionId);
      return;
    }
    if (bureauActive(this.deps, s)) {
      for (const p of this.deps.boards.posts.list(sessionId))
        if (p.status === 'pending') this.scheduleDecision(s, p.id);
    } else {
      const st = this.state.get(sessionId);
      for (const h of st?.bureau.values() ?? []) this.deps.clock.clearTimeout(h);
      st?.bureau.clear();
    }
    for (const room of this.deps.pack.chat.rooms) this.syncRoom(sessionId, room.id);
    this.syncBoard(s);
  }

  /** Starts (or leaves) a room's ambient timer: only while a person is in it and its cast is on. */
  private syncRoom(sessionId: string, roomId: string): void {
    const s = this.live(sessionId);
    const ambient = this.script(sessionId).rooms.get(roomId)?.room.ambient;
    if (!s || !ambient) return;
    const st = this.of(sessionId);
    if (st.ambient.has(roomId) || !this.ambientWanted(s, roomId)) return;
    const [min, max] = ambient.everySeconds;
    this.set(st.ambient, roomId, this.delay(min, max), async () => {
      const now = this.live(sessionId);
      if (!now || !this.ambientWanted(now, roomId)) return;
      const settings = settingsOf(this.deps, now);
      const lines = ambient.lines.filter((l) => this.lineOn(settings, l));
      const at = st.ambientNext.get(roomId) ?? Math.floor(this.deps.random() * lines.length);
      const line = lines[at % lines.length];
      st.ambientNext.set(roomId, at + 1);
      if (line) await this.say(now, roomId, line);
      this.syncRoom(sessionId, roomId);
    });
  }

  private ambientWanted(s: SessionRecord, roomId: string): boolean {
    if (this.deps.peopleInRoom(s.id, roomId) === 0) return false;
    const settings = settingsOf(this.deps, s);
    return (this.script(s.id).rooms.get(roomId)?.room.ambient?.lines ?? []).some((l) => this.lineOn(settings, l));
  }

  private syncBoard(s: SessionRecord): void {
    const life = this.script(s.id).cast.boards;
    const st = this.of(s.id);
    if (!life || st.board !== undefined || !this.boardWanted(s)) return;
    const [min, max] = life.everySeconds;
    st.board = this.deps.clock.setTimeout(
      () => {
        st.board = undefined;
        this.track(async () => {
          const now = this.live(s.id);
          if (!now || !this.boardWanted(now)) return;
          await this.boardPost(now, st);
          this.syncBoard(now);
        });
      },
      this.delay(min, max),
    );
  }

  private boardWanted(s: SessionRecord): boolean {
    return !!this.cast.boards && settingsOf(this.deps, s).colleagues && this.deps.peopleInSession(s.id) > 0;
  }

  private async boardPost(s: SessionRecord, st: SessionCast): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (!this.within(st.postTimes, now, 3600_000, this.cast.limits.postsPerHour)) return;
    const posts = this.script(s.id).cast.boards?.posts ?? [];
    for (let tries = 0; tries < posts.length; tries++) {
      const next = posts[st.boardNext++ % posts.length];
      const member = next && this.members.get(next.member);
      if (!next || !member) continue;
      let threadId: string | undefined;
      if (next.title === undefined) {
        const threads = this.deps.boards.posts
          .list(s.id)
          .filter((p) => p.boardId === next.board && p.threadId === p.id && p.status === 'approved');
        const thread = threads.at(-1);
        if (!thread) continue;
        threadId = thread.id;
      }
      const stored = await castPost(this.deps.boards, member, s, next.board, {
        threadId,
        title: next.title ?? null,
        body: next.body,
      });
      if (stored) {
        st.postTimes.push(now);
        return;
      }
    }
  }

  // ---- the bureau's decisions ------------------------------------------------------------------

  private scheduleDecision(s: SessionRecord, postId: string): void {
    const st = this.of(s.id);
    if (st.bureau.has(postId)) return;
    const [min, max] = settingsOf(this.deps, s).delaySeconds;
    this.set(st.bureau, postId, this.delay(min, max), async () => {
      const now = this.live(s.id);
      if (!now || !bureauActive(this.deps, now)) return;
      const post = this.deps.boards.posts.get(postId, s.id);
      if (!post || post.status !== 'pending') return;
      const judgement = judgePost(this.script(s.id).rules, `${post.title ?? ''}\n${post.body}`);
      await decideAsBureau(this.deps.boards, this.members.get(this.cast.bureau.member)!, s.id, postId, judgement);
    });
  }

  // ---- speaking --------------------------------------------------------------------------------

  private async say(s: SessionRecord, roomId: string, line: CastLine): Promise<void> {
    const st = this.of(s.id);
    const now = this.deps.clock.now().getTime();
    if (!this.within(st.chatTimes, now, 60_000, this.cast.limits.chatPerMinute)) return;
    const member = this.members.get(line.member);
    if (!member) return;
    st.chatTimes.push(now);
    try {
      await sendCastMessage(this.deps.chat, member, { id: s.id, mode: s.mode }, roomId, line.text);
    } catch (err) {
      // The filter or a throttle stopped the line: it is recorded like anyone's; nothing to tell.
      if (!(err instanceof Error && 'code' in err)) throw err;
    }
  }

  // ---- bookkeeping -----------------------------------------------------------------------------

  /** Whether one more event fits in the window; drops times that left it. */
  private within(times: number[], now: number, windowMs: number, limit: number): boolean {
    while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
    return times.length < limit;
  }

  private partOn(settings: CastSettings, m: CastMember): boolean {
    if (m.kind === 'guide') return settings.guide;
    if (m.kind === 'colleague') return settings.colleagues;
    return false;
  }

  private lineOn(settings: CastSettings, line: CastLine): boolean {
    const m = this.members.get(line.member);
    return !!m && this.partOn(settings, m);
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.deps.random() * items.length)];
  }

  /** A random delay in ms between `min` and `max` seconds. */
  private delay(min: number, max: number): number {
    return Math.round((min + this.deps.random() * (max - min)) * 1000);
  }

  /** The session if the cast may act in it now: it exists, is not paused, not ended. */
  private live(sessionId: string): SessionRecord | undefined {
    if (this.disposed) return undefined;
    const s = this.deps.sessions.get(sessionId);
    if (!s || s.class?.paused || s.class?.ended) return undefined;
    return s;
  }

  private of(sessionId: string): SessionCast {
    let st = this.state.get(sessionId);
    if (!st) {
      st = {
        bureau: new Map(),
        ambient: new Map(),
        replies: new Map(),
        board: undefined,
        chatTimes: [],
        postTimes: [],
        strikes: new Map(),
        ambientNext: new Map(),
        boardNext: 0,
      };
      this.state.set(sessionId, st);
    }
    return st;
  }

  /** Sets a keyed timer that removes itself when it fires and runs `fn` tracked. */
  private set(map: Map<string, TimerHandle>, key: string, ms: number, fn: () => Promise<void>): void {
    const handle = this.deps.clock.setTimeout(() => {
      if (map.get(key) === handle) map.delete(key);
      this.track(fn);
    }, ms);
    map.set(key, handle);
  }

  /** Clears every timer of a session but keeps its counts (a pause). */
  private clearAll(sessionId: string): void {
    const st = this.state.get(sessionId);
    if (!st) return;
    const { clock } = this.deps;
    for (const map of [st.bureau, st.ambient, st.replies]) {
      for (const h of map.values()) clock.clearTimeout(h);
      map.clear();
    }
    if (st.board !== undefined) clock.clearTimeout(st.board);
    st.board = undefined;
  }

  /** Forgets a session entirely (deleted). */
  private drop(sessionId: string): void {
    this.clearAll(sessionId);
    this.state.delete(sessionId);
  }

  /** Runs `fn`, keeps its promise until it settles, logs a failure. */
  private track(fn: () => unknown): void {
    if (this.disposed) return;
    let p: Promise<unknown>;
    try {
      p = Promise.resolve(fn());
    } catch (err) {
      this.deps.log('the simulated cast failed', err);
      return;
    }
    const tracked = p.catch((err: unknown) => this.deps.log('the simulated cast failed', err));
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
  }
}

/** Stores a session's new cast settings and tells the cast (and the rooms whose cast changed). */
export async function storeCastSettings(
  deps: Pick<CastDeps, 'sessions' | 'bus' | 'castOn' | 'demoDelaySeconds'> & { director?: CastDirector | undefined },
  s: SessionRecord,
  change: Partial<CastSettings>,
): Promise<void> {
  const before = settingsOf(deps, s);
  const after = { ...before, ...change };
  await deps.sessions.update(s.id, { cast: { ...s.cast, ...change } });
  deps.director?.announcePresence(s.id, before, after);
  deps.bus.emit('cast:settings', { sessionId: s.id });
}
