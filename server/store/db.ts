/**
 * Opening the store: the JSON documents (the session list in db.json, each session's users, logins,
 * posts, articles and room states in sessions/<id>.json; see document.ts) with one repository per
 * resource over them, the trail, the chat logs and the open network's log (social.jsonl) beside
 * them in their own append-only files. Seeded from the scenario pack on first start (seed.ts), migrated here when an
 * earlier version's document lacks a collection. A second store implementation (SQLite, PostgreSQL)
 * would provide another `openStore` returning the same `Store` shape.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pack } from '../domain/pack';
import type {
  ArticlesRepo,
  ChatRepo,
  FilesRepo,
  LoginsRepo,
  PostsRepo,
  QuizRepo,
  RoomStatesRepo,
  SessionsRepo,
  SessionStorage,
  SocialRepo,
  UsersRepo,
} from '../domain/ports';
import { LowArticles } from './articles';
import { FileChat } from './chat';
import { LogFiles } from './files';
import { Db, type DbShape } from './document';
import { LowLogins } from './logins';
import { LowPosts } from './posts';
import { LogQuiz } from './quiz';
import { LowRoomStates } from './room-states';
import { seedArticles, seedDocument, seedPosts } from './seed';
import { LowSessions } from './sessions';
import { StoreSessionStorage } from './session-storage';
import { LogSocial } from './social';
import { TrailLog } from './trail-log';
import { LowUsers } from './users';

export type { DbShape } from './document';
export { DEMO_PASSWORD } from './seed';

/** The opened store: one repository per resource, the trail log, and `close`. */
export interface Store {
  users: UsersRepo;
  sessions: SessionsRepo;
  articles: ArticlesRepo;
  posts: PostsRepo;
  chat: ChatRepo;
  roomStates: RoomStatesRepo;
  logins: LoginsRepo;
  /** The open network's posts, likes, follows, comments and profile settings. */
  social: SocialRepo;
  /** Smuggled files: copies and their chains of marks, Notels, inspections (files.jsonl). */
  files: FilesRepo;
  /** The quiz's answers, one set per student and phase (quiz.jsonl). */
  quiz: QuizRepo;
  trail: TrailLog;
  /** Deleting or resetting a whole session across the document, chat logs and trail. */
  sessionStorage: SessionStorage;
  /** Flushes and closes files. */
  close(): Promise<void>;
}

/** Adds what the pack seeds for features a one-file document from an earlier version lacked. */
function migrate(data: DbShape, pack: Pack): void {
  data.articles ??= data.sessions.flatMap((s) => seedArticles(pack, s.id));
  data.posts ??= data.sessions.flatMap((s) => seedPosts(pack, s.id, data.users));
  data.roomStates ??= [];
  data.logins ??= [];
}

/** Opens the store in `dataDir`, seeding it from `pack` when empty and migrating an older document. */
export async function openStore(dataDir: string, pack: Pack): Promise<Store> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const db = await Db.open(
    dataDir,
    () => seedDocument(pack),
    (old) => migrate(old, pack),
  );
  const trail = await TrailLog.open(join(dataDir, 'trail.jsonl'));
  const chat = new FileChat(join(dataDir, 'chat'));
  const logins = new LowLogins(db);
  const social = await LogSocial.open(join(dataDir, 'social.jsonl'));
  const files = await LogFiles.open(join(dataDir, 'files.jsonl'));
  const quiz = await LogQuiz.open(join(dataDir, 'quiz.jsonl'));
  return {
    users: new LowUsers(db),
    sessions: new LowSessions(db),
    articles: new LowArticles(db),
    posts: new LowPosts(db),
    chat,
    roomStates: new LowRoomStates(db),
    logins,
    social,
    files,
    quiz,
    trail,
    sessionStorage: new StoreSessionStorage(db, logins, chat, trail, social, files, quiz),
    close: async () => {
      await chat.close();
      await social.close();
      await files.close();
      await quiz.close();
      await trail.close();
    },
  };
}

/** Removes all stored state so the next start seeds the pristine pack (keeps the JWT secret). */
export async function wipeStore(dataDir: string): Promise<void> {
  await rm(join(dataDir, 'db.json'), { force: true });
  await rm(join(dataDir, 'sessions'), { recursive: true, force: true });
  await rm(join(dataDir, 'trail.jsonl'), { force: true });
  await rm(join(dataDir, 'social.jsonl'), { force: true });
  await rm(join(dataDir, 'files.jsonl'), { force: true });
  await rm(join(dataDir, 'quiz.jsonl'), { force: true });
  await rm(join(dataDir, 'chat'), { recursive: true, force: true });
}
