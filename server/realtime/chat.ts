/**
 * Chat over socket.io: `chat:join`, `chat:leave`, `chat:send`, each validated,
 * authorized by the domain and answered with an acknowledgement — never a crash.
 */
import { z } from 'zod';
import { joinRoom, roomFor, sendMessage, MAX_CHAT_TEXT, type ChatDeps } from '../domain/chat';
import { DomainError } from '../domain/errors';
import { can, type Actor } from '../domain/policy';
import type { AckError } from '../protocol/events';
import { parse } from '../validation';
import type { AppSocket, IO } from './index';
import type { Presence } from './presence';
import { rooms } from './rooms';

const roomId = z.string().regex(/^(dm:[a-z0-9_]{2,32}:[a-z0-9_]{2,32}|[a-z0-9][a-z0-9-]{0,63})$/, 'not a room id');
const joinSchema = z.strictObject({ roomId, after: z.number().int().min(0).optional() });
const leaveSchema = z.strictObject({ roomId });
const sendSchema = z
  .strictObject({
    roomId: roomId.optional(),
    peer: z
      .string()
      .regex(/^[a-z0-9_]{2,32}$/, 'not a user name')
      .optional(),
    text: z.string().trim().min(1, 'type a message').max(MAX_CHAT_TEXT, `at most ${MAX_CHAT_TEXT} characters`),
    clientId: z.string().min(1).max(64),
  })
  .refine((r) => (r.roomId === undefined) !== (r.peer === undefined), 'give either roomId or peer');

/** Turns any failure into an error acknowledgement; unexpected ones are logged, not detailed. */
export function ackError(err: unknown, log: (msg: string, err: unknown) => void): AckError {
  if (err instanceof DomainError) return { ok: false, error: { code: err.code, message: err.message } };
  log('socket handler failed', err);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong on the server.' } };
}

/** The socket.io room a chat room's members are in. */
export const chatRoom = (sessionId: string, id: string) => `chat:${sessionId}:${id}`;

/** Wires chat handlers onto one socket. */
export function chatHandlers(
  io: IO,
  socket: AppSocket,
  deps: ChatDeps,
  presence: Presence,
  log: (msg: string, err: unknown) => void,
): void {
  const actor = socket.data.actor;
  const joined = new Set<string>();
  const announce = (id: string) =>
    io
      .to(chatRoom(actor.sessionId, id))
      .emit('chat:presence', { roomId: id, members: presence.members(actor.sessionId, id) });

  if (can(actor, 'users.discipline')) void socket.join(rooms.monitor(actor.sessionId));

  socket.on('chat:join', async (req, ack) => {
    if (typeof ack !== 'function') return;
    try {
      const { roomId: id, after } = parse(joinSchema, req);
      const { room, history } = await joinRoom(deps, socket.data.actor, id, after);
      await socket.join(chatRoom(actor.sessionId, room.id));
      joined.add(room.id);
      const user = deps.users.findById(actor.userId);
      presence.add(actor.sessionId, room.id, socket.id, {
        username: actor.username,
        displayName: user?.displayName ?? actor.username,
        role: actor.role,
      });
      ack({
        ok: true,
        room: { ...room, online: presence.count(actor.sessionId, room.id) },
        presence: presence.members(actor.sessionId, room.id),
        history,
        muted: user?.muted ?? false,
      });
      announce(room.id);
    } catch (err) {
      ack(ackError(err, log));
    }
  });

  socket.on('chat:leave', async (req, ack) => {
    try {
      const { roomId: id } = parse(leaveSchema, req);
      await socket.leave(chatRoom(actor.sessionId, id));
      joined.delete(id);
      if (presence.remove(actor.sessionId, id, socket.id)) announce(id);
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
    for (const id of joined) if (presence.remove(actor.sessionId, id, socket.id)) announce(id);
  });
}

/** Pushes chat events from the bus to sockets. */
export function chatPushes(io: IO, deps: ChatDeps): void {
  deps.bus.on('chat:delivered', ({ sessionId, message, dmUserIds }) => {
    if (dmUserIds) io.to(dmUserIds.map((id) => rooms.user(id))).emit('chat:message', message);
    else io.to(chatRoom(sessionId, message.roomId)).emit('chat:message', message);
  });
  deps.bus.on('chat:monitor', ({ sessionId, entry }) => {
    io.to(rooms.monitor(sessionId)).emit('chat:monitor', entry);
  });
  deps.bus.on('chat:room', ({ sessionId, room }) => {
    // Everyone who may enter the room (so room lists update too) and the censors.
    const mayEnter = (actor: Actor) => {
      try {
        roomFor(deps, actor, room.id);
        return true;
      } catch {
        return false;
      }
    };
    void io
      .in(rooms.session(sessionId))
      .fetchSockets()
      .then((sockets) => {
        for (const s of sockets) {
          if (can(s.data.actor, 'users.discipline') || mayEnter(s.data.actor)) s.emit('chat:room', room);
        }
      });
  });
  deps.bus.on('chat:muted', ({ userId, muted }) => {
    io.to(rooms.user(userId)).emit('chat:muted', { muted });
  });
}
