/**
 * The lowdb store: sessions and users in one JSON document, the trail beside it
 * in its own append-only file. Seeded from the scenario pack on first start.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Pack } from '../domain/pack';
import { hashPassword } from '../domain/passwords';
import type {
  ArticleRecord,
  ArticlesRepo,
  ChatRepo,
  ChatRoomLog,
  LoginRecord,
  LoginsRepo,
  PostRecord,
  PostsRepo,
  RoomStatesRepo,
  SessionRecord,
  SessionsRepo,
  UserRecord,
  UsersRepo,
} from '../domain/ports';
import type { Mode } from '../protocol/api';
import { DurableJSONFile } from './json-adapter';
import { TrailLog } from './trail-log';
import { AppendLog } from './append-log';
import type { ChatMessage } from '../protocol/api';

/** The shape of the main JSON document. */
export interface DbShape {
  schema: 1;
  packId: string;
  sessions: SessionRecord[];
  users: UserRecord[];
  articles: ArticleRecord[];
  posts: PostRecord[];
  roomStates: { sessionId: string; roomId: string; closed: boolean }[];
  logins: LoginRecord[];
}

/** The opened store: repositories over one lowdb document and the trail log. */
export interface Store {
  users: UsersRepo;
  sessions: SessionsRepo;
  articles: ArticlesRepo;
  posts: PostsRepo;
  chat: ChatRepo;
  roomStates: RoomStatesRepo;
  logins: LoginsRepo;
  trail: TrailLog;
  /** Flushes and closes files. */
  close(): Promise<void>;
}

/** The password every demo persona ships with. */
export const DEMO_PASSWORD = 'demo';

async function seed(pack: Pack): Promise<DbShape> {
  const now = new Date().toISOString();
  const session: SessionRecord = { ...pack.meta.session, createdAt: now };
  const users: UserRecord[] = [];
  for (const p of pack.personas) {
    users.push({
      id: randomUUID(),
      sessionId: session.id,
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      description: p.description,
      passwordHash: await hashPassword(p.password ?? DEMO_PASSWORD),
      tokenVersion: 0,
    });
  }
  return {
    schema: 1,
    packId: pack.meta.id,
    sessions: [session],
    users,
    articles: seedArticles(pack, session.id),
    posts: seedPosts(pack, session.id, users),
    roomStates: [],
    logins: [],
  };
}

/** The pack's seed threads as approved posts of a session, under their authors' real names. */
function seedPosts(pack: Pack, sessionId: string, users: UserRecord[]): PostRecord[] {
  const posts: PostRecord[] = [];
  const author = (username: string) => {
    const u = users.find((x) => x.sessionId === sessionId && x.username === username);
    return { authorId: u?.id ?? null, authorName: u?.displayName ?? username, authorRole: u?.role ?? 'elite' };
  };
  for (const board of pack.boards) {
    for (const t of board.threads) {
      const base = {
        sessionId,
        boardId: board.id,
        threadId: t.id,
        status: 'approved' as const,
        reason: null,
        decidedBy: null,
      };
      posts.push({
        ...base,
        id: t.id,
        title: t.title,
        body: t.body,
        ...author(t.author),
        createdAt: t.createdAt,
        decidedAt: t.createdAt,
      });
      t.replies.forEach((r, i) =>
        posts.push({
          ...base,
          id: `${t.id}-r${i + 1}`,
          title: null,
          body: r.body,
          ...author(r.author),
          createdAt: r.createdAt,
          decidedAt: r.createdAt,
        }),
      );
    }
  }
  return posts;
}

/** The pack's articles as published state media of a session. */
function seedArticles(pack: Pack, sessionId: string): ArticleRecord[] {
  return pack.articles.map((a) => {
    const at = `${a.date}T06:00:00.000Z`;
    return {
      ...a,
      sessionId,
      status: 'published',
      publishAt: null,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      editor: null,
    };
  });
}

class LowUsers implements UsersRepo {
  constructor(private readonly db: Low<DbShape>) {}
  findByUsername(sessionId: string, username: string) {
    return this.db.data.users.find((u) => u.sessionId === sessionId && u.username === username);
  }
  findById(id: string) {
    return this.db.data.users.find((u) => u.id === id);
  }
  list(sessionId: string) {
    return this.db.data.users.filter((u) => u.sessionId === sessionId);
  }
  async update(id: string, change: Partial<Omit<UserRecord, 'id' | 'sessionId'>>) {
    const user = this.findById(id);
    if (!user) throw new Error(`no user ${id}`);
    Object.assign(user, change);
    await this.db.write();
    return user;
  }
}

/** A session-scoped collection of records with ids, in one array of the document. */
class LowCollection<T extends { id: string; sessionId: string }> {
  /** `items` reads the array from the current document. */
  constructor(
    private readonly db: Low<DbShape>,
    private readonly items: () => T[],
  ) {}
  list(sessionId: string): T[] {
    return this.items().filter((x) => x.sessionId === sessionId);
  }
  all(): T[] {
    return this.items();
  }
  get(id: string): T | undefined {
    return this.items().find((x) => x.id === id);
  }
  async insert(record: T): Promise<T> {
    this.items().push(record);
    await this.db.write();
    return record;
  }
  async update(id: string, change: Partial<Omit<T, 'id' | 'sessionId'>>): Promise<T> {
    const record = this.get(id);
    if (!record) throw new Error(`no record ${id}`);
    Object.assign(record, change);
    await this.db.write();
    return record;
  }
}

class LowRoomStates implements RoomStatesRepo {
  constructor(private readonly db: Low<DbShape>) {}
  isClosed(sessionId: string, roomId: string) {
    return this.db.data.roomStates.some((r) => r.sessionId === sessionId && r.roomId === roomId && r.closed);
  }
  closed(sessionId: string) {
    return this.db.data.roomStates.filter((r) => r.sessionId === sessionId && r.closed).map((r) => r.roomId);
  }
  async setClosed(sessionId: string, roomId: string, closed: boolean) {
    const existing = this.db.data.roomStates.find((r) => r.sessionId === sessionId && r.roomId === roomId);
    if (existing) existing.closed = closed;
    else this.db.data.roomStates.push({ sessionId, roomId, closed });
    await this.db.write();
  }
}

/** Chat history: one append-only log per room and session, under DATA_DIR/chat/<session>/. */
class FileChat implements ChatRepo {
  private readonly logs = new Map<string, Promise<AppendLog<ChatMessage>>>();
  constructor(private readonly dir: string) {}
  room(sessionId: string, roomId: string): Promise<ChatRoomLog> {
    const safe = (s: string) => s.replace(/[^a-z0-9_-]/gi, '~');
    const file = join(this.dir, safe(sessionId), `${safe(roomId)}.jsonl`);
    let log = this.logs.get(file);
    if (!log) {
      log = AppendLog.open<ChatMessage>(file);
      this.logs.set(file, log);
      log.catch(() => this.logs.delete(file));
    }
    return log;
  }
  async close() {
    for (const log of this.logs.values()) await (await log).close();
  }
}

/** Live logins in the document, indexed by id; expired ones are dropped whenever one starts. */
class LowLogins implements LoginsRepo {
  private readonly byId = new Map<string, LoginRecord>();
  constructor(private readonly db: Low<DbShape>) {
    for (const l of db.data.logins) this.byId.set(l.id, l);
  }
  get(id: string) {
    return this.byId.get(id);
  }
  count() {
    return this.byId.size;
  }
  private dropExpired(now: Date): number {
    const t = now.getTime();
    const before = this.db.data.logins.length;
    this.db.data.logins = this.db.data.logins.filter((l) => Date.parse(l.expiresAt) > t);
    if (this.db.data.logins.length === before) return 0;
    this.byId.clear();
    for (const l of this.db.data.logins) this.byId.set(l.id, l);
    return before - this.db.data.logins.length;
  }
  async start(login: LoginRecord, now: Date) {
    this.dropExpired(now);
    this.db.data.logins.push(login);
    this.byId.set(login.id, login);
    await this.db.write();
  }
  async end(id: string) {
    if (!this.byId.delete(id)) return;
    this.db.data.logins = this.db.data.logins.filter((l) => l.id !== id);
    await this.db.write();
  }
  async prune(now: Date) {
    const dropped = this.dropExpired(now);
    if (dropped > 0) await this.db.write();
    return dropped;
  }
}

class LowSessions implements SessionsRepo {
  constructor(private readonly db: Low<DbShape>) {}
  get(id: string) {
    return this.db.data.sessions.find((s) => s.id === id);
  }
  defaultSession() {
    const s = this.db.data.sessions[0];
    if (!s) throw new Error('store has no session');
    return s;
  }
  async setMode(id: string, mode: Mode) {
    const s = this.get(id);
    if (!s || s.mode === mode) return;
    s.mode = mode;
    await this.db.write();
  }
}

/** Opens the store in `dataDir`, seeding it from `pack` when empty. */
export async function openStore(dataDir: string, pack: Pack): Promise<Store> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const db = new Low<DbShape>(new DurableJSONFile<DbShape>(join(dataDir, 'db.json')), null as unknown as DbShape);
  await db.read();
  if (!db.data) {
    db.data = await seed(pack);
    await db.write();
  } else if (!db.data.articles || !db.data.posts || !db.data.roomStates || !db.data.logins) {
    // A store from an earlier version: add what the pack seeds for features it lacked.
    const data = db.data;
    data.articles ??= data.sessions.flatMap((s) => seedArticles(pack, s.id));
    data.posts ??= data.sessions.flatMap((s) => seedPosts(pack, s.id, data.users));
    data.roomStates ??= [];
    data.logins ??= [];
    await db.write();
  }
  const trail = await TrailLog.open(join(dataDir, 'trail.jsonl'));
  const chat = new FileChat(join(dataDir, 'chat'));
  return {
    users: new LowUsers(db),
    sessions: new LowSessions(db),
    articles: new LowCollection<ArticleRecord>(db, () => db.data.articles) satisfies ArticlesRepo,
    posts: new LowCollection<PostRecord>(db, () => db.data.posts) satisfies PostsRepo,
    chat,
    roomStates: new LowRoomStates(db),
    logins: new LowLogins(db),
    trail,
    close: async () => {
      await chat.close();
      await trail.close();
    },
  };
}

/** Removes all stored state so the next start seeds the pristine pack (keeps the JWT secret). */
export async function wipeStore(dataDir: string): Promise<void> {
  await rm(join(dataDir, 'db.json'), { force: true });
  await rm(join(dataDir, 'trail.jsonl'), { force: true });
  await rm(join(dataDir, 'chat'), { recursive: true, force: true });
}
