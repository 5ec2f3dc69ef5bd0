/**
 * The shape of the main JSON document (`DATA_DIR/db.json`) and the handle the repositories share.
 * Every repository over it mutates the in-memory document and then awaits `db.write()`, which
 * replaces the file atomically and durably (see json-adapter.ts), so a write resolves only once on disk.
 */
import type { Low } from 'lowdb';
import type { ArticleRecord, LoginRecord, PostRecord, SessionRecord, UserRecord } from '../domain/ports';

/** Whether one chat room of one session is closed. */
export interface RoomStateRecord {
  sessionId: string;
  roomId: string;
  closed: boolean;
}

/** The shape of the main JSON document. */
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

/** The opened lowdb document every document-backed repository writes through. */
export type Db = Low<DbShape>;
