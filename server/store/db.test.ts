/**
 * The store: seeding, migration, wiping, and one contract for every repository, run against the
 * file store and the in-memory one (server/test/memory.ts) so both keep the same behaviour. For
 * the file store, every write is on disk when it resolves: the test reads the files back, without
 * closing, and after reopening.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../domain/pack';
import { verifyPassword } from '../domain/passwords';
import type {
  ArticlesRepo,
  ChatRepo,
  LoginsRepo,
  PostsRepo,
  RoomStatesRepo,
  SessionsRepo,
  UsersRepo,
} from '../domain/ports';
import { article, login, message, post } from '../test/factories';
import { loadDefaultPack, memoryStore } from '../test/memory';
import { DEMO_PASSWORD, openStore, wipeStore, type DbShape, type Store } from './db';
import { seedDocument } from './seed';

let pack: Pack;
const dirs: string[] = [];
const opened: Store[] = [];

beforeAll(async () => {
  pack = await loadDefaultPack();
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cis-store-'));
  dirs.push(dir);
  return dir;
}

async function open(dir: string): Promise<Store> {
  const store = await openStore(dir, pack);
  opened.push(store);
  return store;
}

/** The documents as they are on disk now, joined into one flat shape. */
async function onDisk(dir: string): Promise<DbShape> {
  const main = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')) as DbShape;
  const flat: DbShape = { ...main, users: [], articles: [], posts: [], roomStates: [], logins: [] };
  for (const s of main.sessions) {
    const shard = JSON.parse(await readFile(join(dir, 'sessions', `${s.id}.json`), 'utf8')) as DbShape;
    for (const k of ['users', 'articles', 'posts', 'roomStates', 'logins'] as const)
      (flat[k] as unknown[]).push(...shard[k]);
  }
  return flat;
}

const threadsAndReplies = () =>
  pack.boards.reduce((n, b) => n + b.threads.reduce((m, t) => m + 1 + t.replies.length, 0), 0);

describe('seeding', () => {
  it('seeds the pack once: session, personas with the demo password, articles, approved seed posts', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const session = store.sessions.defaultSession();
    expect(session).toMatchObject(pack.meta.session);
    const users = store.users.list(session.id);
    expect(users.map((u) => u.username)).toEqual(pack.personas.map((p) => p.username));
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.passwordHash)).toBe(true);
    expect(store.articles.list(session.id)).toHaveLength(pack.articles.length);
    expect(store.articles.all().every((a) => a.status === 'published')).toBe(true);
    const posts = store.posts.list(session.id);
    expect(posts).toHaveLength(threadsAndReplies());
    expect(posts.every((p) => p.status === 'approved')).toBe(true);
    const author = pack.boards[0]!.threads[0]!.author;
    expect(posts[0]).toMatchObject({ authorId: store.users.findByUsername(session.id, author)?.id });

    await store.users.update(users[0]!.id, { displayName: 'Changed' });
    await store.close();
    opened.pop();
    const again = await open(dir);
    expect(again.users.findById(users[0]!.id)?.displayName).toBe('Changed'); // not re-seeded
    expect((await stat(join(dir, 'db.json'))).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('migrates a document from an earlier version: adds what the pack seeds for features it lacked', async () => {
    const dir = await tempDir();
    const full = await seedDocument(pack, { hash: async () => 'x' });
    const old = { schema: 1, packId: full.packId, sessions: full.sessions, users: full.users };
    await writeFile(join(dir, 'db.json'), JSON.stringify(old));
    const store = await open(dir);
    const sid = full.sessions[0]!.id;
    expect(store.articles.list(sid)).toHaveLength(pack.articles.length);
    expect(store.posts.list(sid)).toHaveLength(threadsAndReplies());
    expect(store.roomStates.closed(sid)).toEqual([]);
    expect(store.logins.count()).toBe(0);
    const disk = await onDisk(dir);
    expect(disk.posts).toHaveLength(threadsAndReplies());
    expect(disk.logins).toEqual([]);
    expect(disk.users.map((u) => u.id)).toEqual(full.users.map((u) => u.id)); // the people stay
  });

  it('wiping removes the document, the trail and the chat logs, and keeps the JWT secret', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await (await store.chat.room('demo', 'general')).append(message());
    await store.close();
    opened.pop();
    await writeFile(join(dir, 'jwt-secret'), 'secret');
    await wipeStore(dir);
    expect((await readdir(dir)).sort()).toEqual(['jwt-secret']);
  });
});

/** The repositories a contract runs against, with how to see them from scratch (reopened) if they persist. */
interface Repos {
  users: UsersRepo;
  sessions: SessionsRepo;
  logins: LoginsRepo;
  posts: PostsRepo;
  articles: ArticlesRepo;
  roomStates: RoomStatesRepo;
  chat: ChatRepo;
}
interface Subject {
  repos: Repos;
  /** The same data seen afresh: the file store reopened from disk (without closing first), memory itself. */
  reread(): Promise<Repos>;
}

const implementations: [string, () => Promise<Subject>][] = [
  [
    'file store',
    async () => {
      const dir = await tempDir();
      // A seeded document written ahead (scrypt for eight personas would dominate the run).
      await writeFile(join(dir, 'db.json'), JSON.stringify(await seedDocument(pack, { hash: async () => 'x' })));
      const repos = await open(dir);
      // Opened beside the live one, without closing it: what a restart after a crash would find.
      return { repos, reread: () => open(dir) };
    },
  ],
  [
    'memory store',
    async () => {
      const repos = memoryStore(await seedDocument(pack, { hash: async () => 'x' }));
      return { repos, reread: async () => repos };
    },
  ],
];

describe.each(implementations)('repository contract: %s', (_name, make) => {
  it('users: find by name and id, list a session, update', async () => {
    const { repos, reread } = await make();
    const sid = repos.sessions.defaultSession().id;
    const elite = repos.users.findByUsername(sid, 'elite')!;
    expect(repos.users.findById(elite.id)).toBe(elite);
    expect(repos.users.findByUsername('elsewhere', 'elite')).toBeUndefined();
    expect(repos.users.list(sid)).toHaveLength(pack.personas.length);
    const updated = await repos.users.update(elite.id, { muted: true, tokenVersion: 3 });
    expect(updated).toMatchObject({ id: elite.id, muted: true, tokenVersion: 3 });
    await expect(repos.users.update('nobody', { muted: true })).rejects.toThrow();
    expect((await reread()).users.findById(elite.id)).toMatchObject({ muted: true, tokenVersion: 3 });
  });

  it('sessions: the default session, get, set the mode', async () => {
    const { repos, reread } = await make();
    const s = repos.sessions.defaultSession();
    expect(repos.sessions.get(s.id)).toBe(s);
    expect(repos.sessions.get('nope')).toBeUndefined();
    await repos.sessions.setMode(s.id, 'open');
    await repos.sessions.setMode('nope', 'open'); // unknown ids do nothing
    expect(repos.sessions.get(s.id)?.mode).toBe('open');
    expect((await reread()).sessions.get(s.id)?.mode).toBe('open');
  });

  it('logins: start drops the expired ones, end, prune, count', async () => {
    const { repos, reread } = await make();
    const t0 = new Date('2026-01-15T09:00:00.000Z');
    const a = login({ expiresAt: '2026-01-15T10:00:00.000Z' });
    const b = login({ expiresAt: '2026-01-15T12:00:00.000Z' });
    await repos.logins.start(a, t0);
    await repos.logins.start(b, t0);
    expect(repos.logins.count()).toBe(2);
    const c = login({ expiresAt: '2026-01-15T13:00:00.000Z' });
    await repos.logins.start(c, new Date('2026-01-15T11:00:00.000Z')); // a has expired by now
    expect(repos.logins.get(a.id)).toBeUndefined();
    expect(repos.logins.count()).toBe(2);
    await repos.logins.end(b.id);
    await repos.logins.end('unknown');
    expect(repos.logins.get(b.id)).toBeUndefined();
    expect((await reread()).logins.get(c.id)).toEqual(c);
    expect(await repos.logins.prune(new Date('2026-01-15T12:30:00.000Z'))).toBe(0);
    expect(await repos.logins.prune(new Date('2026-01-15T13:00:00.000Z'))).toBe(1);
    expect(repos.logins.count()).toBe(0);
    expect((await reread()).logins.count()).toBe(0);
  });

  it('posts: insert, get, list oldest first per session, update', async () => {
    const { repos, reread } = await make();
    const sid = repos.sessions.defaultSession().id;
    const before = repos.posts.list(sid).length;
    const p = await repos.posts.insert(post({ sessionId: sid, status: 'pending' }));
    await repos.posts.insert(post({ sessionId: 'other' }));
    expect(repos.posts.get(p.id, sid)).toEqual(p);
    expect(repos.posts.get(p.id, 'other')).toBeUndefined();
    expect(repos.posts.list(sid)).toHaveLength(before + 1);
    expect(repos.posts.list(sid).at(-1)?.id).toBe(p.id);
    const decided = await repos.posts.update(p.id, sid, { status: 'approved', decidedBy: 'censor' });
    expect(decided).toMatchObject({ id: p.id, sessionId: sid, status: 'approved', decidedBy: 'censor' });
    await expect(repos.posts.update('nope', sid, { status: 'approved' })).rejects.toThrow();
    expect((await reread()).posts.get(p.id, sid)).toMatchObject({ status: 'approved', decidedBy: 'censor' });
  });

  it('articles: insert, get, list per session and all, update', async () => {
    const { repos, reread } = await make();
    const sid = repos.sessions.defaultSession().id;
    const a = await repos.articles.insert(article({ sessionId: sid, status: 'draft' }));
    await repos.articles.insert(article({ sessionId: 'other' }));
    expect(repos.articles.get(a.id, sid)).toEqual(a);
    expect(repos.articles.list(sid)).toHaveLength(pack.articles.length + 1);
    expect(repos.articles.all()).toHaveLength(pack.articles.length + 2);
    await repos.articles.update(a.id, sid, { status: 'published', title: 'Now out' });
    expect((await reread()).articles.get(a.id, sid)).toMatchObject({ status: 'published', title: 'Now out' });
  });

  it('room states: close, reopen, list closed rooms per session', async () => {
    const { repos, reread } = await make();
    await repos.sessions.insert({ ...repos.sessions.defaultSession(), id: 'other' });
    await repos.roomStates.setClosed('demo', 'general', true);
    await repos.roomStates.setClosed('demo', 'lab', true);
    await repos.roomStates.setClosed('other', 'general', true);
    await repos.roomStates.setClosed('demo', 'lab', false);
    expect(repos.roomStates.isClosed('demo', 'general')).toBe(true);
    expect(repos.roomStates.isClosed('demo', 'lab')).toBe(false);
    expect(repos.roomStates.closed('demo')).toEqual(['general']);
    expect((await reread()).roomStates.closed('other')).toEqual(['general']);
  });

  it('chat: one log per session and room, appended in order', async () => {
    const { repos, reread } = await make();
    const log = await repos.chat.room('demo', 'general');
    expect(await repos.chat.room('demo', 'general')).toBe(log);
    await log.append(message({ seq: 1 }));
    await Promise.all([log.append(message({ seq: 2 })), log.append(message({ seq: 3 }))]);
    await (await repos.chat.room('demo', 'dm:a:b')).append(message({ roomId: 'dm:a:b' }));
    expect(log.items.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await repos.chat.room('other', 'general')).items).toEqual([]);
    const fresh = await reread();
    expect((await fresh.chat.room('demo', 'general')).items.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await fresh.chat.room('demo', 'dm:a:b')).items).toHaveLength(1);
  });
});

describe('durability of the file store', () => {
  it('a write is in db.json when it resolves, and concurrent writes all land', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const sid = store.sessions.defaultSession().id;
    await store.sessions.setMode(sid, 'open');
    expect((await onDisk(dir)).sessions[0]?.mode).toBe('open');
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.posts.insert(post({ sessionId: sid, body: `n${i}` })).then((p) => p.id),
      ),
    );
    const disk = await onDisk(dir);
    expect(ids.every((id) => disk.posts.some((p) => p.id === id))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a chat message is in its room file when the append resolves; a torn last line is dropped on open', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const log = await store.chat.room('demo', 'general');
    await log.append(message({ seq: 1, text: 'first' }));
    const file = join(dir, 'chat', 'demo', 'general.jsonl');
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
    await store.close();
    opened.pop();
    await writeFile(file, (await readFile(file, 'utf8')) + '{"id":"torn","seq":2,"te');
    const again = await open(dir);
    expect((await again.chat.room('demo', 'general')).items.map((m) => m.text)).toEqual(['first']);
  });

  it('room and session ids cannot leave the chat folder', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await (await store.chat.room('../x', '../../escape')).append(message());
    expect(await readdir(join(dir, 'chat'))).toEqual(['~~~x']);
    expect(await readdir(join(dir, 'chat', '~~~x'))).toEqual(['~~~~~~escape.jsonl']);
  });
});

describe('one document per session', () => {
  it('keeps each session in its own file: a change in one rewrites only that file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'db.json'), JSON.stringify(await seedDocument(pack, { hash: async () => 'x' })));
    const store = await open(dir);
    const demo = store.sessions.defaultSession();
    await store.sessions.insert({ ...demo, id: 'c-two', name: 'Two' });
    expect((await readdir(join(dir, 'sessions'))).sort()).toEqual(['c-two.json', 'demo.json']);
    const main = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')) as { schema: number; users?: unknown };
    expect(main.schema).toBe(2);
    expect(main.users).toBeUndefined(); // records live in the session files
    const demoBefore = await stat(join(dir, 'sessions', 'demo.json'));
    await store.users.insert({ ...store.users.list(demo.id)[0]!, id: 'u-two', sessionId: 'c-two', username: 'seat' });
    expect((await stat(join(dir, 'sessions', 'demo.json'))).mtimeMs).toBe(demoBefore.mtimeMs);
    const two = JSON.parse(await readFile(join(dir, 'sessions', 'c-two.json'), 'utf8')) as DbShape;
    expect(two.users.map((u) => u.id)).toEqual(['u-two']);
    expect(store.users.findById('u-two')?.sessionId).toBe('c-two');
    expect(store.users.list(demo.id).some((u) => u.id === 'u-two')).toBe(false);
  });

  it('removes on open a session file whose session is not listed (a crash mid-create or mid-delete)', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await writeFile(join(dir, 'sessions', 'c-left.json'), JSON.stringify({ users: [], posts: [] }));
    await store.close();
    opened.pop();
    const again = await open(dir);
    expect(await readdir(join(dir, 'sessions'))).toEqual(['demo.json']);
    expect(again.users.list('c-left')).toEqual([]);
  });

  it('deleting a session removes its file and its users from every lookup', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'db.json'), JSON.stringify(await seedDocument(pack, { hash: async () => 'x' })));
    const store = await open(dir);
    await store.sessions.insert({ ...store.sessions.defaultSession(), id: 'c-gone' });
    const u = await store.users.insert({ ...store.users.list('demo')[0]!, id: 'u-gone', sessionId: 'c-gone' });
    await store.sessionStorage.purge('c-gone');
    expect(await readdir(join(dir, 'sessions'))).toEqual(['demo.json']);
    expect(store.users.findById(u.id)).toBeUndefined();
    expect(store.sessions.get('c-gone')).toBeUndefined();
    expect((await open(dir)).users.findById(u.id)).toBeUndefined();
  });
});

describe('the open network log', () => {
  const like = (sessionId: string, userId: string) => ({
    sessionId,
    userId,
    target: { kind: 'post' as const, id: 'p1' },
    createdAt: '2026-12-02T10:00:00.000Z',
  });

  it('keeps likes and follows across a reopen, counts a like once, and a session delete removes its lines', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    expect(await store.social.addLike(like('demo', 'u1'))).toBe(true);
    expect(await store.social.addLike(like('demo', 'u1'))).toBe(false); // already there: nothing written
    await store.social.addLike(like('c-other', 'u2'));
    await store.social.addFollow({ sessionId: 'demo', followerId: 'u1', followedId: 'u3', createdAt: 'x' });
    expect(await store.social.removeLike('demo', { kind: 'post', id: 'p1' }, 'u9')).toBe(false);
    const lines = (await readFile(join(dir, 'social.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);

    const again = await open(dir); // what a restart after a crash finds
    expect(again.social.likeCount('demo', { kind: 'post', id: 'p1' })).toBe(1);
    expect(again.social.following('demo', 'u1')).toEqual(['u3']);
    expect(again.social.likeCount('c-other', { kind: 'post', id: 'p1' })).toBe(1);

    await store.sessionStorage.purge('c-other');
    expect(store.social.likeCount('c-other', { kind: 'post', id: 'p1' })).toBe(0);
    expect(await readFile(join(dir, 'social.jsonl'), 'utf8')).not.toContain('c-other');
    expect(store.social.likeCount('demo', { kind: 'post', id: 'p1' })).toBe(1);
  });
});
