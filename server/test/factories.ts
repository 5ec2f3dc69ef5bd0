/**
 * Builders for the domain's records with sensible defaults: pass only what a test is about.
 * Ids are unique per process and readable (`post-3`); times are fixed unless overridden.
 */
import { DECOY_HASH } from '../domain/passwords';
import type { Actor } from '../domain/policy';
import type { ArticleRecord, ClassState, LoginRecord, PostRecord, SessionRecord, UserRecord } from '../domain/ports';
import type { ChatMessage } from '../protocol/api';

let counter = 0;

/** A fresh readable id: `prefix-<n>`. */
export function nextId(prefix: string): string {
  return `${prefix}-${++counter}`;
}

/** The time every builder stamps unless told otherwise. */
export const AT = '2026-01-15T09:00:00.000Z';

/** A session (closed mode, the default pack's id). */
export function session(over: Partial<SessionRecord> = {}): SessionRecord {
  return { id: 'demo', name: 'Test session', code: 'TEST', mode: 'closed', createdAt: AT, ...over };
}

/**
 * A user: an elite in session `demo` by default. The password hash is the decoy (no password
 * verifies against it); give `passwordHash` from `hashPassword` to test logging in.
 */
export function user(over: Partial<UserRecord> = {}): UserRecord {
  const id = over.id ?? nextId('user');
  const username = over.username ?? id.replace(/-/g, '_');
  return {
    id,
    sessionId: 'demo',
    username,
    displayName: `Comrade ${username}`,
    role: 'elite',
    description: 'A test persona.',
    passwordHash: DECOY_HASH,
    tokenVersion: 0,
    ...over,
  };
}

/** The actor of a user (defaults as `user`), in closed mode unless told otherwise. */
export function actor(
  over: Partial<Actor> = {},
  of: Pick<UserRecord, 'id' | 'username' | 'role' | 'sessionId'> = user(),
): Actor {
  return { userId: of.id, username: of.username, role: of.role, sessionId: of.sessionId, mode: 'closed', ...over };
}

/** A live login of a user for an hour from `AT`. */
export function login(over: Partial<LoginRecord> = {}): LoginRecord {
  return {
    id: nextId('login'),
    userId: 'user-0',
    sessionId: 'demo',
    createdAt: AT,
    expiresAt: new Date(Date.parse(AT) + 3600_000).toISOString(),
    ...over,
  };
}

/** A board post: an approved thread opener on the science board by default (a reply when `threadId` differs). */
export function post(over: Partial<PostRecord> = {}): PostRecord {
  const id = over.id ?? nextId('post');
  return {
    id,
    sessionId: 'demo',
    boardId: 'science-and-technology',
    threadId: id,
    title: over.threadId && over.threadId !== id ? null : `Thread ${id}`,
    body: `Body of ${id}.`,
    authorId: null,
    authorName: 'Comrade Author',
    authorRole: 'elite',
    status: 'approved',
    reason: null,
    createdAt: AT,
    decidedAt: AT,
    decidedBy: null,
    ...over,
  };
}

/** A chat message in room `general` (seq 1 unless told). */
export function message(over: Partial<ChatMessage> = {}): ChatMessage {
  const id = over.id ?? nextId('msg');
  return {
    id,
    seq: 1,
    roomId: 'general',
    from: 'elite',
    fromName: 'Comrade Elite',
    fromRole: 'elite',
    text: `Message ${id}.`,
    at: AT,
    clientId: `client-${id}`,
    substituted: false,
    ...over,
  };
}

/** An article: published on the news agency, science section, by default. */
export function article(over: Partial<ArticleRecord> = {}): ArticleRecord {
  const id = over.id ?? nextId('article');
  const status = over.status ?? 'published';
  return {
    id,
    sessionId: 'demo',
    site: 'news-agency',
    section: 'science',
    title: `Article ${id}`,
    summary: `Summary of ${id}.`,
    body: `Body of ${id}.`,
    date: AT.slice(0, 10),
    lead: false,
    status,
    publishAt: null,
    publishedAt: status === 'published' ? AT : null,
    createdAt: AT,
    updatedAt: AT,
    editor: status === 'published' ? null : 'editor',
    ...over,
  };
}

/** A class session's running state: open, not paused, no round yet. */
export function classState(over: Partial<ClassState> = {}): ClassState {
  return {
    ownerId: 'owner',
    packId: 'default',
    capacity: 40,
    lateJoin: true,
    locked: false,
    paused: false,
    ended: false,
    round: null,
    rounds: 0,
    preset: null,
    removedNames: [],
    ...over,
  };
}
