/**
 * Chat over socket.io: `chat:join`, `chat:leave`, `chat:send`, each validated,
 * authorized by the domain and answered with an acknowledgement — never a crash.
 */
import { z } from 'zod';
import { joinRoom, roomFor, sendMessage, MAX_CHAT_TEXT, type ChatDeps } from '../domain/chat';
import { DomainError } from '../domain/errors';
import { can, type Actor } from '../domain/policy';
import { localName } from '../domain/locale';
import type { ChatMessage, ChatPeer } from '../protocol/api';
import type { AckError } from '../protocol/events';
import { LIMITS, PATTERNS } from '../protocol/vocabulary';
import { parse } from '../validation';
import type { AppSocket, IO } from './index';
import { channels } from './channels';
import { emitInEachLocale, emitWhere } from './fanout';
import type { Presence } from './presence';

const roomId = z.string().regex(PATTERNS.roomId, 'not a room id');
const joinSchema = z.strictObject({ roomId, after: z.number().int().min(0).optional() });
const leaveSchema = z.strictObject({ roomId });
const sendSchema = z
  .strictObject({
    roomId: roomId.optional(),
    peer: z.string().regex(PATTERNS.usernameParam, 'not a user name').optional(),
    text: z.string().trim().min(1, 'type a message').max(MAX_CHAT_TEXT, `at most ${MAX_CHAT_TEXT} characters`),
    clientId: z.string().min(1).max(LIMITS.chatClientId),
  })
  .refine((r) => (r.roomId === undefined) !== (r.peer === undefined), 'give either roomId or peer');

/** Turns any failure into an error acknowledgement; unexpected ones are logged, not detailed. */
export function ackError(err: unknown, log: (msg: string, err: unknown) => void): AckError {
  if (err instanceof DomainError) return { ok: false, error: { code: err.code, message: err.message } };
  log('socket handler failed', err);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong on the server.' } };
}

/** The socket.io channel a chat room's members are in (distinct from the other `channels`). */
export const chatChannel = (sessionId: string, id: string) => `chat:${sessionId}:${id}`;

/** How long presence changes in a room are gathered before one `chat:presence-delta` goes out. */
export const PRESENCE_BATCH_MS = 50;

/**
 * Announces who came and went, per room, batched: the first change in a room starts a short
 * window, and every change in it goes out in one delta when it ends — not the whole member list
 * to the whole room on every join, which was O(n²) work while a big room filled up. Each entry
 * holds a person's state as of the last change, so a member who joined (and had the full list
 * in its join ack) part-way through a window still ends up right.
 */
class PresenceAnnouncer {
  /** Per socket.io room: the chat room's id, and each person's state as of their last change (null: gone). */
  private readonly pending = new Map<string, { roomId: string; changes: Map<string, ChatPeer | null> }>();

  constructor(private readonly io: IO) {}

  /** Records that `peer` came into (`here`) or left a room. */
  changed(sessionId: string, roomId: string, peer: ChatPeer, here: boolean): void {
    const key = chatChannel(sessionId, roomId);
    let batch = this.pending.get(key);
    if (!batch) {
      this.pending.set(key, (batch = { roomId, changes: new Map() }));
      setTimeout(() => this.flush(key), PRESENCE_BATCH_MS).unref();
    }
    batch.changes.set(peer.username, here ? peer : null);
  }

  private flush(key: string): void {
    const batch = this.pending.get(key);
    this.pending.delete(key);
    if (!batch) return;
    const joined: ChatPeer[] = [];
    const left: string[] = [];
    for (const [username, peer] of batch.changes) {
      if (peer) joined.push(peer);
      else left.push(username);
    }
    this.io.to(key).emit('chat:presence-delta', { roomId: batch.roomId, joined, left });
  }
}

const announcers = new WeakMap<IO, PresenceAnnouncer>();
function announcerFor(io: IO): PresenceAnnouncer {
  let announcer = announcers.get(io);
  if (!announcer) announcers.set(io, (announcer = new PresenceAnnouncer(io)));
  return announcer;
}

/** What the realtime layer can ask of a socket's chat state. */
export interface ChatSocketState {
  /**
   * Re-checks every room this socket is in against its actor as it is now (`prev` is the actor it
   * had): a room it may no longer enter is left, and the room told it went.
   */
  recheck(prev: Actor): Promise<void>;
}

/** Wires chat handlers onto one socket. Every handler acts on `socket.data.actor` as it is now. */
export function chatHandlers(
  io: IO,
  socket: AppSocket,
  deps: ChatDeps,
  presence: Presence,
  log: (msg: string, err: unknown) => void,
): ChatSocketState {
  const joined = new Set<string>();
  const announcer = announcerFor(io);
  const leave = async (sessionId: string, id: string) => {
    joined.delete(id);
    const gone = presence.remove(sessionId, id, socket.id);
    if (gone) {
      announcer.changed(sessionId, id, gone, false);
      deps.bus.emit('chat:presence', { sessionId, roomId: id });
    }
    await socket.leave(chatChannel(sessionId, id));
  };
  const syncMonitor = (actor: Actor, prev?: Actor) => {
    if (prev && (prev.sessionId !== actor.sessionId || !can(actor, 'users.discipline')))
      void socket.leave(channels.monitor(prev.sessionId));
    if (can(actor, 'users.discipline')) void socket.join(channels.monitor(actor.sessionId));
  };
  syncMonitor(socket.data.actor);

  socket.on('chat:join', async (req, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const { roomId: id, after } = parse(joinSchema, req);
      const actor = socket.data.actor;
      const { room, history } = await joinRoom(deps, actor, id, after);
      if (socket.disconnected) return; // gone while the history loaded: do not leave a ghost in the room
      // The actor's standing changed while the history loaded: its rooms were re-checked without this one.
      if (socket.data.actor !== actor)
        throw new DomainError('conflict', 'standing_changed', 'Your access changed. Try again.');
      joined.add(room.id);
      await socket.join(chatChannel(actor.sessionId, room.id));
      const user = deps.users.findById(actor.userId);
      const peer = { username: actor.username, displayName: user?.displayName ?? actor.username, role: actor.role };
      if (presence.add(actor.sessionId, room.id, socket.id, peer)) {
        announcer.changed(actor.sessionId, room.id, peer, true);
        deps.bus.emit('chat:presence', { sessionId: actor.sessionId, roomId: room.id });
      }
      // The simulated cast sits in pack rooms (never in direct conversations), listed first.
      const cast = room.kind === 'room' ? (deps.castPresence?.(actor.sessionId, room.id) ?? []) : [];
      ack({
        ok: true,
        room: { ...room, online: presence.count(actor.sessionId, room.id) + cast.length },
        presence: [...cast, ...presence.members(actor.sessionId, room.id)],
        history,
        muted: user?.muted ?? false,
      });
    } catch (err) {
      ack(ackError(err, log));
    }
  });

  socket.on('chat:leave', async (req, ack) => {
    try {
      const { roomId: id } = parse(leaveSchema, req);
      await leave(socket.data.actor.sessionId, id);
      if (typeof ack === 'function') ack({ ok: true });
    } catch (err) {
      if (typeof ack === 'function') ack(ackError(err, log));
    }
  });

  socket.on('chat:send', async (req, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const input = parse(sendSchema, req);
      const result = await sendMessage(deps, socket.data.actor, input);
      ack({ ok: true, ...result });
    } catch (err) {
      ack(ackError(err, log));
    }
  });

  socket.on('disconnect', () => {
    const { sessionId } = socket.data.actor;
    for (const id of [...joined]) void leave(sessionId, id).catch((err: unknown) => log('chat leave failed', err));
  });

  return {
    async recheck(prev) {
      const actor = socket.data.actor;
      syncMonitor(actor, prev);
      for (const id of [...joined]) {
        if (prev.sessionId === actor.sessionId && mayEnter(deps, actor, id)) continue;
        await leave(prev.sessionId, id);
      }
    },
  };
}

/** Whether an actor may be in a room or conversation now. */
function mayEnter(deps: ChatDeps, actor: Actor, roomId: string): boolean {
  try {
    roomFor(deps, actor, roomId);
    return true;
  } catch {
    return false;
  }
}

/** Pushes chat events from the bus to sockets. */
export function chatPushes(io: IO, deps: ChatDeps, log: (msg: string, err: unknown) => void): void {
  deps.bus.on('chat:delivered', ({ sessionId, message, dmUserIds }) => {
    // The sender's name reads in each reader's language while it is the pack's (as in the history).
    const local = (): [ChatMessage] => {
      const name = localName(deps.pack, message.from, message.fromName);
      return [name === message.fromName ? message : { ...message, fromName: name }];
    };
    if (dmUserIds)
      emitInEachLocale(
        io,
        dmUserIds.map((id) => channels.user(id)),
        'chat:message',
        local,
      );
    else emitInEachLocale(io, chatChannel(sessionId, message.roomId), 'chat:message', local);
  });
  deps.bus.on('chat:monitor', ({ sessionId, entry }) => {
    const room = channels.monitor(sessionId);
    // Skip encoding an entry for nobody: most of the time no censor is watching.
    if (io.sockets.adapter.rooms.get(room)?.size) io.to(room).emit('chat:monitor', entry);
  });
  deps.bus.on('chat:room', ({ sessionId, room }) => {
    // Everyone who may enter the room (so room lists update too) and the censors.
    emitWhere(
      io,
      sessionId,
      (actor) => can(actor, 'users.discipline') || mayEnter(deps, actor, room.id),
      log,
      'chat:room',
      () => {
        // The room's title and description as the pack gives them in the reader's language.
        const written = deps.pack.chat.rooms.find((r) => r.id === room.id);
        return [written ? { ...room, title: written.title, description: written.description } : room];
      },
    );
  });
  deps.bus.on('cast:presence', ({ sessionId, roomId, joined, left }) => {
    io.to(chatChannel(sessionId, roomId)).emit('chat:presence-delta', { roomId, joined, left });
  });
  deps.bus.on('chat:muted', ({ userId, muted }) => {
    io.to(channels.user(userId)).emit('chat:muted', { muted });
  });
}
