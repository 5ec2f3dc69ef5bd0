/**
 * Monitored chat: which rooms and people a user may talk to, sending with the
 * filter (blocks delivery) and substitutions (rewrite and warn) where the mode's rules apply them, dedupe by client id,
 * history and catch-up, and the censor's powers: mute, revoke, close a room.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChatMessage,
  ChatMonitorEntry,
  ChatMonitorResponse,
  ChatPeer,
  ChatRoom,
  ChatRoomsResponse,
  Role,
  TrailEvent,
} from '../protocol/api';
import { subjectOf } from './auth';
import type { Bus } from './bus';
import { DomainError, forbidden } from './errors';
import { findBanned, substitute, type FilterList, type SubstitutionList } from './filter';
import type { Pack } from './pack';
import { LIMITS } from '../protocol/vocabulary';
import { LEAST_ROLE, can, disciplinable, mayChatWith, rule, type Actor } from './policy';
import type { ChatRepo, ChatRoomLog, RoomStatesRepo, TrailRepo, UserRecord, UsersRepo } from './ports';
import type { TrailRecorder } from './recorder';
import type { Throttle } from './throttle';
import { recordWouldBlock } from './would-block';
import { localName } from './locale';

/** Longest chat message. */
export const MAX_CHAT_TEXT = LIMITS.chatText;
/** Messages sent on join when the client has none yet. */
export const JOIN_HISTORY = 50;
/** The message a sender sees when the filter stops a message. */
export const UNDELIVERABLE = 'Message could not be delivered.';

/** What chat needs. */
export interface ChatDeps {
  pack: Pack;
  users: UsersRepo;
  chat: ChatRepo;
  rooms: RoomStatesRepo;
  trail: TrailRepo;
  recorder: TrailRecorder;
  bus: Bus;
  filter: FilterList;
  substitutions: SubstitutionList;
  throttle: Throttle;
  /** Limits `chat:join` per user: every join announces presence to the whole room. */
  joinThrottle: Throttle;
  /** How many people are in a room now (from the realtime layer's presence). */
  online?: (sessionId: string, roomId: string) => number;
  /** The simulated cast members sitting in a room now (counted in `online`, listed in presence). */
  castPresence?: (sessionId: string, roomId: string) => ChatPeer[];
  now?: () => Date;
}

/** A person as chat shows them (a persona by the name the pack gives it in the reader's language). */
const peerOf = (u: UserRecord, pack?: Pack): ChatPeer => ({
  username: u.username,
  displayName: pack ? localName(pack, u.username, u.displayName) : u.displayName,
  role: u.role,
});

/** The id of the conversation between two users. */
export function dmId(a: string, b: string): string {
  return `dm:${[a, b].sort().join(':')}`;
}

function requireChat(actor: Actor): void {
  if (!can(actor, 'chat.use')) throw forbidden('Your role has no chat.');
}

/** People an actor may message directly. */
export function contactsOf(deps: ChatDeps, actor: Actor): ChatPeer[] {
  if (!can(actor, 'chat.use')) return [];
  return deps.users
    .list(actor.sessionId)
    .filter((u) => mayChatWith(actor, u))
    .map((u) => peerOf(u, deps.pack));
}

/** Whether an actor may enter a pack room: chat, and a role the room admits. */
export function mayEnterRoom(actor: Pick<Actor, 'role' | 'mode'>, room: { roles: readonly Role[] }): boolean {
  return can(actor, 'chat.use', { type: 'listed', roles: room.roles });
}

/** The one answer for a room or conversation that does not exist or that the actor may not see. */
export const NO_SUCH_ROOM = 'No such room.';
const noSuchRoom = () => new DomainError('not_found', 'not_found', NO_SUCH_ROOM);

/**
 * Resolves a room or conversation id the actor may enter. A room closed to the actor's role, a
 * conversation they are not part of and one with someone they may not message all answer exactly
 * as a room that does not exist (404 `not_found`), so ids cannot be probed for existence; only a
 * role with no chat at all is told so (403).
 */
export function roomFor(deps: ChatDeps, actor: Actor, roomId: string): ChatRoom {
  requireChat(actor);
  if (roomId.startsWith('dm:')) {
    const names = roomId.slice(3).split(':');
    const otherName =
      names.length === 2 && names.includes(actor.username) ? names.find((n) => n !== actor.username) : undefined;
    const other = otherName ? deps.users.findByUsername(actor.sessionId, otherName) : undefined;
    if (!other || dmId(actor.username, other.username) !== roomId || !mayChatWith(actor, other)) throw noSuchRoom();
    return {
      id: roomId,
      kind: 'dm',
      title: localName(deps.pack, other.username, other.displayName),
      description: `Direct messages with ${other.displayName}`,
      closed: deps.rooms.isClosed(actor.sessionId, roomId),
      online: deps.online?.(actor.sessionId, roomId) ?? 0,
      peer: peerOf(other, deps.pack),
    };
  }
  const room = deps.pack.chat.rooms.find((r) => r.id === roomId);
  if (!room || !mayEnterRoom(actor, room)) throw noSuchRoom();
  return {
    id: room.id,
    kind: 'room',
    title: room.title,
    description: room.description,
    closed: deps.rooms.isClosed(actor.sessionId, room.id),
    online: onlineIn(deps, actor.sessionId, room.id),
  };
}

/** People in a pack room now, with the simulated cast sitting in it. */
export function onlineIn(deps: Pick<ChatDeps, 'online' | 'castPresence'>, sessionId: string, roomId: string): number {
  return (deps.online?.(sessionId, roomId) ?? 0) + (deps.castPresence?.(sessionId, roomId).length ?? 0);
}

/** `GET /api/chat/rooms`. */
export function listRooms(deps: ChatDeps, actor: Actor): ChatRoomsResponse {
  requireChat(actor);
  const rooms = deps.pack.chat.rooms.filter((r) => mayEnterRoom(actor, r)).map((r) => roomFor(deps, actor, r.id));
  return { rooms, contacts: contactsOf(deps, actor) };
}

/** Joining: the room and its recent history (or everything after `after`), oldest first. */
export async function joinRoom(
  deps: ChatDeps,
  actor: Actor,
  roomId: string,
  after?: number,
): Promise<{ room: ChatRoom; history: ChatMessage[] }> {
  requireChat(actor);
  await deps.joinThrottle.take(actor.userId, 'You are joining rooms too fast. Wait a moment.');
  const room = roomFor(deps, actor, roomId);
  const log = await deps.chat.room(actor.sessionId, room.id);
  const history = after !== undefined ? between(log, after, Infinity) : log.items.slice(-JOIN_HISTORY);
  return { room, history: [...history] };
}

/** History, newest first, before a seq. */
export async function roomHistory(
  deps: ChatDeps,
  actor: Actor,
  roomId: string,
  before: number | undefined,
  limit: number,
): Promise<{ messages: ChatMessage[]; nextBefore: number | null }> {
  const room = roomFor(deps, actor, roomId);
  const log = await deps.chat.room(actor.sessionId, room.id);
  const end = Math.min(log.items.length, (before ?? Infinity) - 1); // how many messages are older
  const page = between(log, Math.max(0, end - limit), end + 1).reverse();
  const last = page.at(-1);
  // A persona's or the cast's name reads in the reader's language while it is the pack's.
  const messages = page.map((m) => {
    const name = localName(deps.pack, m.from, m.fromName);
    return name === m.fromName ? m : { ...m, fromName: name };
  });
  return { messages, nextBefore: last && end > limit ? last.seq : null };
}

// Per room log: the next seq, messages being stored (so a resend of a client id waits for the
// first), and an index of stored messages by sender and client id, so that a send costs the
// same however long the history is.
const inFlight = new WeakMap<object, Map<string, Promise<ChatMessage>>>();
const nextSeq = new WeakMap<object, number>();
const byClientId = new WeakMap<object, Map<string, ChatMessage>>();

function storedIndex(log: ChatRoomLog): Map<string, ChatMessage> {
  let index = byClientId.get(log);
  if (!index) {
    index = new Map(log.items.map((m) => [dedupeKey(m.from, m.clientId), m]));
    byClientId.set(log, index);
  }
  return index;
}

/** Messages with seq in (after, before), oldest first; seq n sits at index n - 1. */
function between(log: ChatRoomLog, after: number, before: number): ChatMessage[] {
  const start = Math.max(0, after);
  const end = Math.min(log.items.length, before - 1);
  const slice = log.items.slice(start, Math.max(start, end));
  // Guard the seq = index + 1 layout; fall back to a scan if a log ever breaks it.
  return slice.every((m, i) => m.seq === start + i + 1)
    ? slice
    : log.items.filter((m) => m.seq > after && m.seq < before);
}

function dedupeKey(from: string, clientId: string): string {
  return `${from}\u0000${clientId}`;
}

/** Sends a message; resolves once it is stored, with a warning when words were rewritten. */
export async function sendMessage(
  deps: ChatDeps,
  actor: Actor,
  req: { roomId?: string | undefined; peer?: string | undefined; text: string; clientId: string },
): Promise<{ message: ChatMessage; warning?: string }> {
  requireChat(actor);
  const user = deps.users.findById(actor.userId);
  if (!user || user.revoked) throw new DomainError('unauthenticated', 'revoked', 'Your access has been withdrawn.');
  if (user.muted) throw new DomainError('forbidden', 'muted', 'You have been muted: you can read but not send.');
  const roomId = req.peer !== undefined ? dmId(actor.username, req.peer) : (req.roomId ?? '');
  const room = roomFor(deps, actor, roomId);
  if (room.closed) throw new DomainError('conflict', 'room_closed', 'This room has been closed.');
  const log = await deps.chat.room(actor.sessionId, room.id);

  const key = dedupeKey(actor.username, req.clientId);
  const stored = storedIndex(log).get(key);
  if (stored) return { message: stored };
  let pending = inFlight.get(log);
  if (!pending) inFlight.set(log, (pending = new Map()));
  const already = pending.get(key);
  if (already) return { message: await already };

  // Registered before any further await, so a concurrent resend finds it.
  const storing = deliver(deps, actor, { displayName: user.displayName }, room, log, req);
  const shared = storing.then((r) => r.message);
  shared.catch(() => undefined); // a failure reaches the first sender; a resend awaiting it sees it too
  pending.set(key, shared);
  try {
    return await storing;
  } finally {
    pending.delete(key);
  }
}

/**
 * A simulated cast member says `text` in a pack room of `session`: through the same throttle, word
 * substitutions, filter, trail and pushes as anyone's message, marked `simulated`. Answers undefined
 * where it may not speak (no such room, the room closed) — never an error to a person.
 */
export async function sendCastMessage(
  deps: ChatDeps,
  member: { username: string; displayName: string; role: Role },
  session: { id: string; mode: Actor['mode'] },
  roomId: string,
  text: string,
): Promise<ChatMessage | undefined> {
  const room = deps.pack.chat.rooms.find((r) => r.id === roomId);
  if (!room || deps.rooms.isClosed(session.id, room.id)) return undefined;
  const actor: Actor = {
    userId: `cast:${session.id}:${member.username}`, // its own throttle in each session
    username: member.username,
    role: member.role,
    sessionId: session.id,
    mode: session.mode,
  };
  const view: ChatRoom = {
    id: room.id,
    kind: 'room',
    title: room.title,
    description: room.description,
    closed: false,
    online: 0,
  };
  const log = await deps.chat.room(session.id, room.id);
  const { message } = await deliver(deps, actor, { displayName: member.displayName, simulated: true }, view, log, {
    text,
    clientId: randomUUID(),
  });
  return message;
}

async function deliver(
  deps: ChatDeps,
  actor: Actor,
  user: { displayName: string; simulated?: true },
  room: ChatRoom,
  log: ChatRoomLog,
  req: { text: string; clientId: string },
): Promise<{ message: ChatMessage; warning?: string }> {
  await deps.throttle.take(actor.userId, 'You are sending too fast. Wait a moment.');
  const now = (deps.now ?? (() => new Date()))();
  const rewritten = rule(actor, 'substitutions')
    ? substitute(deps.substitutions, req.text)
    : { text: req.text, applied: [] };
  const hit = rule(actor, 'keywordFilter') ? findBanned(deps.filter, rewritten.text) : undefined;
  const base = {
    roomId: room.id,
    from: actor.username,
    fromRole: actor.role,
    text: req.text,
    ...(user.simulated ? { simulated: true as const, fromName: user.displayName } : {}),
  };
  const simulated: Record<string, string> = user.simulated ? { simulated: 'true' } : {};
  if (hit) {
    const event = await deps.recorder.record(subjectOf(actor), 'chat_blocked', {
      room: room.id,
      text: req.text.slice(0, MAX_CHAT_TEXT),
      term: hit.term,
      ...simulated,
    });
    deps.bus.emit('chat:monitor', {
      sessionId: actor.sessionId,
      entry: { id: event.id, at: event.at, ...base, delivered: false, term: hit.term },
    });
    throw new DomainError('filtered', 'undeliverable', UNDELIVERABLE);
  }
  await recordWouldBlock(deps, actor, 'chat', req.text);

  const seq = (nextSeq.get(log) ?? log.items.length) + 1;
  nextSeq.set(log, seq);
  const message: ChatMessage = {
    id: randomUUID(),
    seq,
    roomId: room.id,
    from: actor.username,
    fromName: user.displayName,
    fromRole: actor.role,
    text: rewritten.text,
    at: now.toISOString(),
    clientId: req.clientId,
    substituted: rewritten.applied.length > 0,
    ...(user.simulated ? { simulated: true as const } : {}),
  };
  const substitutions = rewritten.applied.map(({ from, to }) => ({ from, to }));
  const [, event] = await Promise.all([
    log.append(message).then(() => storedIndex(log).set(dedupeKey(message.from, message.clientId), message)),
    deps.recorder.record(subjectOf(actor), 'chat_message', {
      room: room.id,
      text: req.text.slice(0, MAX_CHAT_TEXT),
      ...(substitutions.length ? { substitutions: substitutions.map((s) => `${s.from} → ${s.to}`).join(', ') } : {}),
      ...simulated,
    }),
  ]);
  const peer =
    room.kind === 'dm' && room.peer ? deps.users.findByUsername(actor.sessionId, room.peer.username) : undefined;
  deps.bus.emit('chat:delivered', {
    sessionId: actor.sessionId,
    message,
    dmUserIds: room.kind === 'dm' ? [actor.userId, ...(peer ? [peer.id] : [])] : null,
  });
  deps.bus.emit('chat:monitor', {
    sessionId: actor.sessionId,
    entry: { id: event.id, at: event.at, ...base, delivered: true, ...(substitutions.length ? { substitutions } : {}) },
  });
  return substitutions.length ? { message, warning: deps.pack.filter.substitutionWarning } : { message };
}

/** `GET /api/chat/monitor`: recent entries, and the people and rooms a censor can act on. */
export function monitorView(deps: ChatDeps, actor: Actor, limit: number): ChatMonitorResponse {
  if (!can(actor, 'users.discipline')) throw forbidden('Only censors see the chat monitor.');
  const users = deps.users.list(actor.sessionId);
  return {
    entries: monitorEntries(deps, actor, limit),
    muted: users.filter((u) => u.muted).map((u) => u.username),
    closedRooms: deps.rooms.closed(actor.sessionId),
    users: users
      .filter((u) => disciplinable(actor, u))
      .map((u) => ({ ...peerOf(u), muted: u.muted ?? false, revoked: u.revoked ?? false })),
    rooms: deps.pack.chat.rooms.map((r) => ({
      id: r.id,
      title: r.title,
      closed: deps.rooms.isClosed(actor.sessionId, r.id),
    })),
  };
}

/** Rebuilds monitor entries from the trail, newest first. */
function monitorEntries(deps: ChatDeps, actor: Actor, limit: number): ChatMonitorEntry[] {
  const castName = (username: string | null) =>
    deps.pack.cast.members.find((m) => m.username === username)?.displayName;
  const toEntry = (e: TrailEvent): ChatMonitorEntry => ({
    id: e.id,
    at: e.at,
    roomId: e.detail.room ?? '',
    from: e.username ?? '',
    fromRole: e.role ?? LEAST_ROLE,
    text: e.detail.text ?? '',
    delivered: e.kind === 'chat_message',
    ...(e.detail.simulated === 'true'
      ? { simulated: true as const, fromName: castName(e.username) ?? e.username ?? '' }
      : {}),
    ...(e.detail.term ? { term: e.detail.term } : {}),
    ...(e.detail.substitutions
      ? {
          substitutions: e.detail.substitutions.split(', ').map((pair) => {
            const [from = '', to = ''] = pair.split(' → ');
            return { from, to };
          }),
        }
      : {}),
  });
  const delivered = deps.trail.query({ sessionId: actor.sessionId, kind: 'chat_message', limit });
  const blocked = deps.trail.query({ sessionId: actor.sessionId, kind: 'chat_blocked', limit });
  return [...delivered, ...blocked]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit)
    .map(toEntry);
}

function target(deps: ChatDeps, actor: Actor, username: string): UserRecord {
  if (!can(actor, 'users.discipline')) throw forbidden('Only censors may mute or revoke users.');
  const user = deps.users.findByUsername(actor.sessionId, username);
  if (!user) throw new DomainError('not_found', 'not_found', 'No such user.');
  if (!disciplinable(actor, user)) throw forbidden('That user cannot be disciplined.');
  return user;
}

/** Mutes or unmutes a user: at once, on every device. */
export async function setMuted(deps: ChatDeps, actor: Actor, username: string, muted: boolean): Promise<void> {
  const user = target(deps, actor, username);
  await deps.users.update(user.id, { muted });
  await deps.recorder.record(subjectOf(actor), muted ? 'user_muted' : 'user_unmuted', { target: user.username });
  deps.bus.emit('chat:muted', { userId: user.id, muted });
}

/** Revokes (or restores) a user: every token stops working and live sockets are cut at once. */
export async function setRevoked(deps: ChatDeps, actor: Actor, username: string, revoked: boolean): Promise<void> {
  const user = target(deps, actor, username);
  await deps.users.update(user.id, { revoked, tokenVersion: user.tokenVersion + (revoked ? 1 : 0) });
  await deps.recorder.record(subjectOf(actor), revoked ? 'user_revoked' : 'user_restored', { target: user.username });
  if (revoked) deps.bus.emit('user:standing', { userId: user.id, sessionId: user.sessionId, change: 'revoked' });
}

/** Closes or reopens a room for everyone in it. */
export async function setRoomClosed(deps: ChatDeps, actor: Actor, roomId: string, closed: boolean): Promise<ChatRoom> {
  if (!can(actor, 'users.discipline')) throw forbidden('Only censors may close rooms.');
  const room = deps.pack.chat.rooms.find((r) => r.id === roomId);
  if (!room) throw noSuchRoom();
  await deps.rooms.setClosed(actor.sessionId, room.id, closed);
  await deps.recorder.record(subjectOf(actor), closed ? 'room_closed' : 'room_reopened', { room: room.id });
  const state: ChatRoom = {
    id: room.id,
    kind: 'room',
    title: room.title,
    description: room.description,
    closed,
    online: onlineIn(deps, actor.sessionId, room.id),
  };
  deps.bus.emit('chat:room', { sessionId: actor.sessionId, room: state });
  return state;
}
