/**
 * In-memory implementations of every `domain/ports.ts` repository, and a test world that builds
 * the domain deps objects (auth, browse, media, boards, chat) over them with the default pack,
 * wired as `server/app.ts` wires the real ones. No disk, no server: for domain unit tests.
 */
import { fileURLToPath } from 'node:url';
import type { AuthDeps } from '../domain/auth';
import type { BoardDeps } from '../domain/boards';
import type { BrowseDeps } from '../domain/browse';
import { Bus } from '../domain/bus';
import type { ChatDeps } from '../domain/chat';
import { DomainError, type FailureKind } from '../domain/errors';
import { compileSubstitutions } from '../domain/filter';
import { filterOf, type MediaDeps } from '../domain/media';
import type { Pack } from '../domain/pack';
import { hashPassword } from '../domain/passwords';
import type { Actor } from '../domain/policy';
import type {
  ArticleRecord,
  ArticlesRepo,
  ChatRepo,
  ChatRoomLog,
  FilesChange,
  FilesRepo,
  QuizAnswerRecord,
  QuizRepo,
  LoginRecord,
  LoginsRepo,
  PostRecord,
  PostsRepo,
  RoomStatesRepo,
  SessionRecord,
  SessionsRepo,
  SocialCommentRecord,
  SocialFollowRecord,
  SocialLikeRecord,
  SocialPostRecord,
  SocialProfileRecord,
  SocialRepo,
  SocialTargetRef,
  TrailRepo,
  UserRecord,
  UsersRepo,
} from '../domain/ports';
import { TrailRecorder } from '../domain/recorder';
import { SocialEvents, type SocialDeps } from '../domain/social';
import { TrendingBook } from '../domain/trending';
import { Throttle } from '../domain/throttle';
import { queryTrail, type TrailQuery } from '../domain/trail';
import type { ChatMessage, Mode, Role, TrailEvent, TrailKind } from '../protocol/api';
import { loadPack } from '../store/pack-loader';
import { FilesLedger } from '../store/files';
import { QuizLedger } from '../store/quiz';
import { FilesEvents, type FilesDeps } from '../domain/files';
import { setRevoked } from '../domain/chat';
import { seedDocument } from '../store/seed';

/** Users in an array. */
export class MemoryUsers implements UsersRepo {
  constructor(readonly items: UserRecord[] = []) {}
  findByUsername(sessionId: string, username: string) {
    return this.items.find((u) => u.sessionId === sessionId && u.username === username);
  }
  findById(id: string) {
    return this.items.find((u) => u.id === id);
  }
  list(sessionId: string) {
    return this.items.filter((u) => u.sessionId === sessionId);
  }
  /** Adds a user (test setup). */
  add(user: UserRecord): UserRecord {
    this.items.push(user);
    return user;
  }
  async insert(user: UserRecord) {
    this.items.push(user);
    return user;
  }
  async update(id: string, change: Partial<Omit<UserRecord, 'id' | 'sessionId'>>) {
    const user = this.findById(id);
    if (!user) throw new Error(`no user ${id}`);
    return Object.assign(user, change);
  }
}

/** Sessions in an array; the first is the default. */
export class MemorySessions implements SessionsRepo {
  constructor(readonly items: SessionRecord[] = []) {}
  get(id: string) {
    return this.items.find((s) => s.id === id);
  }
  defaultSession() {
    const s = this.items[0];
    if (!s) throw new Error('store has no session');
    return s;
  }
  async setMode(id: string, mode: Mode) {
    const s = this.get(id);
    if (s) s.mode = mode;
  }
  list() {
    return [...this.items];
  }
  async insert(session: SessionRecord) {
    this.items.push(session);
    return session;
  }
  async update(id: string, change: Partial<Omit<SessionRecord, 'id'>>) {
    const s = this.get(id);
    if (!s) throw new Error(`no session ${id}`);
    return Object.assign(s, change);
  }
}

/** Live logins by id; expired ones are dropped when one starts. */
export class MemoryLogins implements LoginsRepo {
  readonly byId = new Map<string, LoginRecord>();
  get(id: string) {
    return this.byId.get(id);
  }
  count() {
    return this.byId.size;
  }
  localeFor(sessionId: string) {
    const login = [...this.byId.values()].filter((l) => l.sessionId === sessionId).at(-1);
    return login ? (login.locale ?? 'en') : undefined;
  }
  anyFor(sessionId: string, now: Date) {
    return [...this.byId.values()].some((l) => l.sessionId === sessionId && Date.parse(l.expiresAt) > now.getTime());
  }
  async start(login: LoginRecord, now: Date) {
    await this.prune(now);
    this.byId.set(login.id, login);
  }
  async end(id: string) {
    this.byId.delete(id);
  }
  async setLocale(id: string, locale: NonNullable<LoginRecord['locale']>) {
    const login = this.byId.get(id);
    if (login) login.locale = locale;
  }
  async endWhere(match: (login: LoginRecord) => boolean) {
    const ended = [...this.byId.values()].filter(match);
    for (const l of ended) this.byId.delete(l.id);
    return ended;
  }
  async prune(now: Date) {
    let dropped = 0;
    for (const [id, l] of this.byId)
      if (Date.parse(l.expiresAt) <= now.getTime()) {
        this.byId.delete(id);
        dropped++;
      }
    return dropped;
  }
}

/** The trail in an array, oldest first. */
export class MemoryTrail implements TrailRepo {
  readonly items: TrailEvent[] = [];
  async append(event: TrailEvent) {
    this.items.push(event);
  }
  query(q: TrailQuery) {
    return queryTrail(this.items, q);
  }
  count(sessionId: string, kind: TrailKind) {
    return this.items.filter((e) => e.sessionId === sessionId && e.kind === kind).length;
  }
  /** Events of one kind (or all), oldest first: for assertions. */
  of(kind?: TrailKind): TrailEvent[] {
    return kind ? this.items.filter((e) => e.kind === kind) : [...this.items];
  }
}

/** Session-scoped records with ids in an array (posts, articles). */
export class MemoryCollection<T extends { id: string; sessionId: string }> {
  constructor(readonly items: T[] = []) {}
  list(sessionId: string) {
    return this.items.filter((x) => x.sessionId === sessionId);
  }
  all() {
    return this.items;
  }
  get(id: string, sessionId: string) {
    return this.items.find((x) => x.id === id && x.sessionId === sessionId);
  }
  async insert(record: T) {
    this.items.push(record);
    return record;
  }
  async update(id: string, sessionId: string, change: Partial<Omit<T, 'id' | 'sessionId'>>) {
    const record = this.get(id, sessionId);
    if (!record) throw new Error(`no record ${id}`);
    return Object.assign(record, change);
  }
}

/** Posts in an array, oldest first. */
export class MemoryPosts extends MemoryCollection<PostRecord> implements PostsRepo {}

/** Articles in an array. */
export class MemoryArticles extends MemoryCollection<ArticleRecord> implements ArticlesRepo {}

/** One room's messages in an array. */
export class MemoryRoomLog implements ChatRoomLog {
  readonly items: ChatMessage[] = [];
  async append(message: ChatMessage) {
    this.items.push(message);
  }
}

/** Chat logs by session and room. */
export class MemoryChat implements ChatRepo {
  readonly logs = new Map<string, MemoryRoomLog>();
  async room(sessionId: string, roomId: string): Promise<MemoryRoomLog> {
    const key = `${sessionId}\u0000${roomId}`;
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = new MemoryRoomLog()));
    return log;
  }
}

/** Closed rooms per session. */
export class MemoryRoomStates implements RoomStatesRepo {
  private readonly closedRooms = new Set<string>();
  private key(sessionId: string, roomId: string) {
    return `${sessionId}\u0000${roomId}`;
  }
  isClosed(sessionId: string, roomId: string) {
    return this.closedRooms.has(this.key(sessionId, roomId));
  }
  closed(sessionId: string) {
    return [...this.closedRooms]
      .map((k) => k.split('\u0000') as [string, string])
      .filter(([s]) => s === sessionId)
      .map(([, r]) => r);
  }
  async setClosed(sessionId: string, roomId: string, closed: boolean) {
    if (closed) this.closedRooms.add(this.key(sessionId, roomId));
    else this.closedRooms.delete(this.key(sessionId, roomId));
  }
}

const sameTarget = (a: SocialTargetRef, b: SocialTargetRef) => a.kind === b.kind && a.id === b.id;

/** The open network's records in arrays (plain scans: the store keeps indexes, tests need none). */
export class MemorySocial implements SocialRepo {
  readonly postItems: SocialPostRecord[] = [];
  readonly likeItems: SocialLikeRecord[] = [];
  readonly followItems: SocialFollowRecord[] = [];
  readonly commentItems: SocialCommentRecord[] = [];
  readonly profileItems: SocialProfileRecord[] = [];
  posts(sessionId: string) {
    return this.postItems.filter((p) => p.sessionId === sessionId);
  }
  post(id: string, sessionId: string) {
    return this.postItems.find((p) => p.id === id && p.sessionId === sessionId);
  }
  async insertPost(post: SocialPostRecord) {
    this.postItems.push(post);
    return post;
  }
  shareCount(sessionId: string, postId: string) {
    return this.postItems.filter((p) => p.sessionId === sessionId && p.parentId === postId).length;
  }
  quoteCount(sessionId: string, target: SocialTargetRef) {
    return this.postItems.filter((p) => p.sessionId === sessionId && p.quote && sameTarget(p.quote, target)).length;
  }
  likes(sessionId: string) {
    return this.likeItems.filter((l) => l.sessionId === sessionId);
  }
  likeCount(sessionId: string, target: SocialTargetRef) {
    return this.likeItems.filter((l) => l.sessionId === sessionId && sameTarget(l.target, target)).length;
  }
  liked(sessionId: string, target: SocialTargetRef, userId: string) {
    return this.likeItems.some((l) => l.sessionId === sessionId && l.userId === userId && sameTarget(l.target, target));
  }
  async addLike(like: SocialLikeRecord) {
    if (this.liked(like.sessionId, like.target, like.userId)) return false;
    this.likeItems.push(like);
    return true;
  }
  async removeLike(sessionId: string, target: SocialTargetRef, userId: string) {
    const at = this.likeItems.findIndex(
      (l) => l.sessionId === sessionId && l.userId === userId && sameTarget(l.target, target),
    );
    if (at < 0) return false;
    this.likeItems.splice(at, 1);
    return true;
  }
  following(sessionId: string, userId: string) {
    return this.followItems
      .filter((f) => f.sessionId === sessionId && f.followerId === userId)
      .map((f) => f.followedId);
  }
  followerCount(sessionId: string, userId: string) {
    return this.followItems.filter((f) => f.sessionId === sessionId && f.followedId === userId).length;
  }
  async addFollow(follow: SocialFollowRecord) {
    if (this.following(follow.sessionId, follow.followerId).includes(follow.followedId)) return false;
    this.followItems.push(follow);
    return true;
  }
  async removeFollow(sessionId: string, followerId: string, followedId: string) {
    const at = this.followItems.findIndex(
      (f) => f.sessionId === sessionId && f.followerId === followerId && f.followedId === followedId,
    );
    if (at < 0) return false;
    this.followItems.splice(at, 1);
    return true;
  }
  comments(sessionId: string, target: SocialTargetRef) {
    return this.commentItems.filter((c) => c.sessionId === sessionId && sameTarget(c.target, target));
  }
  commentCount(sessionId: string, target: SocialTargetRef) {
    return this.comments(sessionId, target).length;
  }
  counts(sessionId: string, target: SocialTargetRef, userId: string) {
    return {
      likes: this.likeCount(sessionId, target),
      liked: this.liked(sessionId, target, userId),
      shares: target.kind === 'post' ? this.shareCount(sessionId, target.id) : this.quoteCount(sessionId, target),
      comments: this.commentCount(sessionId, target),
    };
  }
  async insertComment(comment: SocialCommentRecord) {
    this.commentItems.push(comment);
    return comment;
  }
  profile(sessionId: string, userId: string) {
    return this.profileItems.find((p) => p.sessionId === sessionId && p.userId === userId);
  }
  async setProfile(profile: SocialProfileRecord) {
    const existing = this.profile(profile.sessionId, profile.userId);
    if (existing) return Object.assign(existing, profile);
    this.profileItems.push({ ...profile });
    return profile;
  }
}

/** Smuggled files in memory: the store's ledger, with changes applied at once and nothing written. */
export class MemoryFiles extends FilesLedger implements FilesRepo {
  /** Every change applied, oldest first (tests read the log). */
  readonly log: FilesChange[] = [];
  async change(...changes: FilesChange[]) {
    for (const c of changes) {
      this.apply(c);
      this.log.push(c);
    }
  }
}

/** The quiz's answers in memory: the store's ledger, nothing written. */
export class MemoryQuiz extends QuizLedger implements QuizRepo {
  async insert(record: QuizAnswerRecord) {
    this.apply(record);
    return record;
  }
}

/** Every repository, in memory: the same shape as the real `Store`, without files. */
export interface MemoryStore {
  users: MemoryUsers;
  sessions: MemorySessions;
  articles: MemoryArticles;
  posts: MemoryPosts;
  chat: MemoryChat;
  roomStates: MemoryRoomStates;
  logins: MemoryLogins;
  social: MemorySocial;
  files: MemoryFiles;
  quiz: MemoryQuiz;
  trail: MemoryTrail;
}

/** An empty in-memory store, optionally with some records. */
export function memoryStore(
  init: Partial<{
    sessions: SessionRecord[];
    users: UserRecord[];
    posts: PostRecord[];
    articles: ArticleRecord[];
  }> = {},
): MemoryStore {
  return {
    users: new MemoryUsers(init.users),
    sessions: new MemorySessions(init.sessions),
    articles: new MemoryArticles(init.articles),
    posts: new MemoryPosts(init.posts),
    chat: new MemoryChat(),
    roomStates: new MemoryRoomStates(),
    logins: new MemoryLogins(),
    social: new MemorySocial(),
    files: new MemoryFiles(),
    quiz: new MemoryQuiz(),
    trail: new MemoryTrail(),
  };
}

/** The shipped scenario pack. */
export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../../fixtures/default', import.meta.url));

let defaultPack: Promise<Pack> | undefined;

/** The default pack, loaded and validated once per test file. */
export function loadDefaultPack(): Promise<Pack> {
  defaultPack ??= loadPack(DEFAULT_PACK_DIR);
  return defaultPack;
}

// scrypt is slow on purpose: hash each distinct seed password once per test file.
const hashes = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
};

/** Options for a test world. */
export interface WorldOptions {
  /** The pack (default: fixtures/default). */
  pack?: Pack;
  /** The session's mode (default: the pack's). */
  mode?: Mode;
  /** The clock every domain function reads. */
  now?: () => Date;
  /** Throttle points per window; generous by default so tables are not throttled. */
  limits?: Partial<Record<'posts' | 'chat' | 'joins' | 'searches' | 'browse' | 'social', number>>;
  /** Login lifetime (default one hour). */
  ttlSeconds?: number;
}

/** A seeded in-memory world with every domain deps object built over it. */
export interface World {
  pack: Pack;
  store: MemoryStore;
  bus: Bus;
  recorder: TrailRecorder;
  session: SessionRecord;
  auth: AuthDeps & { bus: Bus };
  browse: BrowseDeps;
  media: MediaDeps;
  boards: BoardDeps;
  chat: ChatDeps;
  /** The open network (its posts and likes in `store.social`). */
  social: SocialDeps;
  /** Smuggled files (copies, chains and Notels in `store.files`). */
  files: FilesDeps;
  /** The seeded persona of a role (the first one), or the persona with that user name. */
  user(roleOrName: Role | string): UserRecord;
  /** The actor of a persona (by role or user name) in a mode (default: the session's current mode). */
  actor(roleOrName: Role | string, mode?: Mode): Actor;
  /** Switches the session's mode. */
  setMode(mode: Mode): Promise<void>;
}

/** Builds a world seeded from the pack as a fresh store would be, with the deps `app.ts` builds. */
export async function testWorld(opts: WorldOptions = {}): Promise<World> {
  const pack = opts.pack ?? (await loadDefaultPack());
  const doc = await seedDocument(pack, { hash: cachedHash });
  const store = memoryStore(doc);
  const session = store.sessions.defaultSession();
  if (opts.mode) session.mode = opts.mode;
  const bus = new Bus();
  const now = opts.now ?? (() => new Date());
  const recorder = new TrailRecorder(store.trail, bus, now);
  const limit = (k: keyof NonNullable<WorldOptions['limits']>) => opts.limits?.[k] ?? 10_000;
  const filter = filterOf(pack);
  const media: MediaDeps = {
    pack,
    articles: store.articles,
    recorder,
    bus,
    filter,
    searchThrottle: new Throttle(limit('searches'), 60),
    now,
  };
  const boards: BoardDeps = {
    pack,
    posts: store.posts,
    users: store.users,
    recorder,
    bus,
    filter,
    throttle: new Throttle(limit('posts'), 60),
    now,
  };
  const chat: ChatDeps = {
    pack,
    users: store.users,
    chat: store.chat,
    rooms: store.roomStates,
    trail: store.trail,
    recorder,
    bus,
    filter,
    substitutions: compileSubstitutions(pack.filter.substitutions),
    throttle: new Throttle(limit('chat'), 10),
    joinThrottle: new Throttle(limit('joins'), 10),
    online: () => 0,
    now,
  };
  const browse: BrowseDeps = { pack, recorder, throttle: new Throttle(limit('browse'), 60) };
  const social: SocialDeps = {
    pack,
    social: store.social,
    users: store.users,
    articles: store.articles,
    posts: store.posts,
    recorder,
    filter,
    throttle: new Throttle(limit('posts'), 60),
    actionThrottle: new Throttle(limit('social'), 60),
    trending: new TrendingBook(),
    events: new SocialEvents(),
    now,
  };
  media.social = store.social;
  boards.social = store.social;
  const files: FilesDeps = {
    pack,
    files: store.files,
    users: store.users,
    sessions: store.sessions,
    recorder,
    events: new FilesEvents(),
    revoke: (actor, username) => setRevoked(chat, actor, username, true),
    now,
  };
  const auth = {
    users: store.users,
    sessions: store.sessions,
    logins: store.logins,
    recorder,
    bus,
    ttlSeconds: opts.ttlSeconds ?? 3600,
    now,
  };
  const user = (roleOrName: string): UserRecord => {
    const people = store.users.list(session.id);
    const found = people.find((u) => u.username === roleOrName) ?? people.find((u) => u.role === roleOrName);
    if (!found) throw new Error(`no persona ${roleOrName} in pack ${pack.meta.id}`);
    return found;
  };
  return {
    pack,
    store,
    bus,
    recorder,
    session,
    auth,
    browse,
    media,
    boards,
    chat,
    social,
    files,
    user,
    actor(roleOrName, mode) {
      const u = user(roleOrName);
      return { userId: u.id, username: u.username, role: u.role, sessionId: u.sessionId, mode: mode ?? session.mode };
    },
    setMode: (mode) => store.sessions.setMode(session.id, mode),
  };
}

/** The HTTP status each domain failure answers with (as `http/errors.ts` maps them). */
export const STATUS_OF: Record<FailureKind, number> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  filtered: 422,
  rate_limited: 429,
  paused: 423,
};

/** What a table row expects: allowed (`'ok'`) or the status a refusal answers with. */
export type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409 | 422 | 423 | 429;

/** Runs a domain call and reduces it to an outcome; anything but a DomainError is rethrown. */
export async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return STATUS_OF[err.kind] as Outcome;
    throw err;
  }
}
