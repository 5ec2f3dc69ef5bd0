/**
 * The JSON documents of the store: `DATA_DIR/db.json` holds the list of sessions, and each session's
 * records (users, logins, articles, posts, room states) live in its own `DATA_DIR/sessions/<id>.json`.
 * A change in one class rewrites that class's small file, not everyone's: a storm of joins in 50
 * classes costs 50 small file replacements per disk round trip instead of one 7 MB one, and reading
 * a session's records walks that session only.
 *
 * Every repository mutates the in-memory records and then awaits the write of the file they live in
 * (`writeSession(id)` or `writeMain()`), which replaces it atomically and durably (json-adapter.ts),
 * so a write resolves only once it is on disk. Order across files keeps a crash harmless: a session's
 * file is written before the session is listed, and the listing is removed before its file is, so a
 * file whose session is not listed is left over from a crash and is removed on open.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { ArticleRecord, LoginRecord, PostRecord, SessionRecord, UserRecord } from '../domain/ports';
import { syncDir } from './durable-file';
import { DurableJSONFile } from './json-adapter';

/** Whether one chat room of one session is closed. */
export interface RoomStateRecord {
  sessionId: string;
  roomId: string;
  closed: boolean;
}

/** The whole store as one flat document: what a pack seeds, and the layout of schema 1 (one file). */
export interface DbShape {
  schema: 1;
  packId: string;
  sessions: SessionRecord[];
  users: UserRecord[];
  articles: ArticleRecord[];
  posts: PostRecord[];
  roomStates: RoomStateRecord[];
  logins: LoginRecord[];
}

/** `db.json` from schema 2 on: the sessions, whose records are in their own files. */
export interface MainShape {
  schema: 2;
  packId: string;
  sessions: SessionRecord[];
}

/** The records of one session (its file). */
export interface SessionShard {
  users: UserRecord[];
  articles: ArticleRecord[];
  posts: PostRecord[];
  roomStates: RoomStateRecord[];
  logins: LoginRecord[];
}

const SHARD_KEYS = ['users', 'articles', 'posts', 'roomStates', 'logins'] as const;
const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

const emptyShard = (): SessionShard => ({ users: [], articles: [], posts: [], roomStates: [], logins: [] });

/** Splits a flat document into its sessions' records (records of unlisted sessions included). */
export function splitDocument(flat: Partial<DbShape>): Map<string, SessionShard> {
  const shards = new Map<string, SessionShard>();
  for (const s of flat.sessions ?? []) shards.set(s.id, emptyShard());
  for (const key of SHARD_KEYS) {
    for (const record of (flat[key] ?? []) as { sessionId: string }[]) {
      let shard = shards.get(record.sessionId);
      if (!shard) shards.set(record.sessionId, (shard = emptyShard()));
      (shard[key] as unknown[]).push(record);
    }
  }
  return shards;
}

/** The opened documents every repository of the file store reads and writes through. */
export class Db {
  private readonly shards = new Map<string, Low<SessionShard>>();
  /** Every user of every session by id (logins and sockets look users up by id alone). */
  private readonly userIndex = new Map<string, UserRecord>();

  private constructor(
    private readonly dir: string,
    private readonly main: Low<MainShape>,
  ) {}

  /** The sessions. */
  get sessions(): SessionRecord[] {
    return this.main.data.sessions;
  }

  set sessions(list: SessionRecord[]) {
    this.main.data.sessions = list;
  }

  /** Opens the documents in `dir`; `seed` gives the first document when there is none yet. */
  static async open(dir: string, seed: () => Promise<DbShape>, migrate: (old: DbShape) => void): Promise<Db> {
    const shardDir = join(dir, 'sessions');
    await mkdir(shardDir, { recursive: true, mode: 0o700 });
    const main = new Low<MainShape>(new DurableJSONFile<MainShape>(join(dir, 'db.json')), null as unknown as MainShape);
    await main.read();
    const db = new Db(dir, main);
    if (!main.data || (main.data.schema as number) === 1) {
      // A first start, or one file of schema 1: every session's records go to their own file first.
      const flat = (main.data as unknown as DbShape | null) ?? (await seed());
      migrate(flat);
      main.data = { schema: 2, packId: flat.packId, sessions: flat.sessions };
      for (const [id, shard] of splitDocument(flat)) {
        if (!flat.sessions.some((s) => s.id === id)) continue;
        db.openShard(id, shard);
        await db.writeSession(id);
      }
      await main.write();
    } else {
      for (const s of main.data.sessions) {
        const low = db.openShard(s.id, null);
        await low.read();
        low.data ??= emptyShard();
        for (const key of SHARD_KEYS) (low.data[key] as unknown[]) ??= [];
        for (const u of low.data.users) db.userIndex.set(u.id, u);
      }
    }
    // Files of sessions that are not listed were left by a crash mid-create or mid-delete.
    const listed = new Set(main.data.sessions.map((s) => db.fileOf(s.id)));
    for (const f of await readdir(shardDir)) {
      if (!listed.has(join(shardDir, f))) await rm(join(shardDir, f), { force: true });
    }
    return db;
  }

  private fileOf(sessionId: string): string {
    if (!SAFE_ID.test(sessionId)) throw new Error(`unsafe session id ${JSON.stringify(sessionId)}`);
    return join(this.dir, 'sessions', `${sessionId}.json`);
  }

  private openShard(sessionId: string, data: SessionShard | null): Low<SessionShard> {
    const low = new Low<SessionShard>(new DurableJSONFile<SessionShard>(this.fileOf(sessionId)), data as SessionShard);
    this.shards.set(sessionId, low);
    for (const u of data?.users ?? []) this.userIndex.set(u.id, u);
    return low;
  }

  /** A session's records (empty ones for a session that has none yet). */
  shard(sessionId: string): SessionShard {
    return (this.shards.get(sessionId) ?? this.openShard(sessionId, emptyShard())).data;
  }

  /** Whether a session has records in memory. */
  hasShard(sessionId: string): boolean {
    return this.shards.has(sessionId);
  }

  /** Every session's records. */
  *eachShard(): IterableIterator<[string, SessionShard]> {
    for (const [id, low] of this.shards) yield [id, low.data];
  }

  /** A user of any session by id. */
  user(id: string): UserRecord | undefined {
    return this.userIndex.get(id);
  }

  /** Adds a user to its session's records (the caller writes). */
  addUser(user: UserRecord): void {
    this.shard(user.sessionId).users.push(user);
    this.userIndex.set(user.id, user);
  }

  /** Replaces a session's users (the caller writes). */
  setUsers(sessionId: string, users: UserRecord[]): void {
    const shard = this.shard(sessionId);
    for (const u of shard.users) this.userIndex.delete(u.id);
    shard.users = users;
    for (const u of users) this.userIndex.set(u.id, u);
  }

  /** Writes the session list; resolves once on disk. */
  writeMain(): Promise<void> {
    return this.main.write();
  }

  /** Writes a session's file; resolves once on disk. */
  writeSession(sessionId: string): Promise<void> {
    const low = this.shards.get(sessionId);
    if (!low) this.shard(sessionId);
    return this.shards.get(sessionId)!.write();
  }

  /** Removes a session's records from memory and its file from disk (after it is no longer listed). */
  async dropSession(sessionId: string): Promise<void> {
    const low = this.shards.get(sessionId);
    if (low) {
      for (const u of low.data.users) this.userIndex.delete(u.id);
      await low.write().catch(() => undefined); // let a write on its way finish before the file goes
      this.shards.delete(sessionId);
    }
    await rm(this.fileOf(sessionId), { force: true });
    await syncDir(join(this.dir, 'sessions'));
  }
}
