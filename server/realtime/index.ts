/**
 * socket.io: authenticated by the same cookie token as HTTP, Origin-checked,
 * and fed from the domain bus. One handler module per area; this file composes them.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { actorFromClaims } from '../domain/auth';
import type { Bus } from '../domain/bus';
import { can, type Actor } from '../domain/policy';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { Tokens } from '../auth/tokens';
import type { Store } from '../store/db';
import type { Pack } from '../domain/pack';
import { mediaPushes } from './media';
import { boardPushes } from './boards';
import { chatHandlers, chatPushes } from './chat';
import type { Presence } from './presence';
import type { ChatDeps } from '../domain/chat';
import { rooms } from './rooms';

/** Per-socket data: who is connected. */
export interface SocketData {
  actor: Actor;
}

/** Our typed server and socket. */
export type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** A connected, authenticated socket. */
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the realtime layer needs. */
export interface RealtimeDeps {
  store: Store;
  pack: Pack;
  chat: ChatDeps;
  presence: Presence;
  log: (msg: string, err: unknown) => void;
  tokens: Tokens;
  bus: Bus;
  allowedOrigins: string[];
  trustProxy: boolean;
}

/** Whether a handshake's Origin (when a browser sends one) is this server or an allowed one. */
export function originAllowed(req: IncomingMessage, allowed: string[], trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: cross-site socket hijacking needs one
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const proto = forwarded || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  return origin === `${proto}://${req.headers.host}` || allowed.includes(origin);
}

/** Attaches socket.io to the HTTP server. */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): IO {
  const io: IO = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, cb) => {
      const ok = originAllowed(req, deps.allowedOrigins, deps.trustProxy);
      cb(ok ? null : 'origin not allowed', ok);
    },
  });

  io.use((socket, next) => {
    const token = Tokens.fromCookieHeader(socket.request.headers.cookie);
    const claims = token ? deps.tokens.verify(token) : null;
    if (!claims) return next(new Error('unauthenticated'));
    try {
      socket.data.actor = actorFromClaims({ users: deps.store.users, sessions: deps.store.sessions }, claims);
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  });

  io.on('connection', (socket: AppSocket) => {
    const actor = socket.data.actor;
    void socket.join(rooms.session(actor.sessionId));
    void socket.join(rooms.user(actor.userId));
    if (can(actor, 'trail.read')) void socket.join(rooms.trail(actor.sessionId));
    if (can(actor, 'moderation.review')) void socket.join(rooms.moderation(actor.sessionId));
    chatHandlers(io, socket, deps.chat, deps.presence, deps.log);
    socket.on('sys:ping', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, at: new Date().toISOString() });
    });
  });

  deps.bus.on('trail:appended', (event) => {
    io.to(rooms.trail(event.sessionId)).emit('trail:event', event);
  });
  mediaPushes(io, deps.bus, deps.pack);
  boardPushes(io, deps.bus, deps.pack, deps.store.posts, deps.store.users);
  chatPushes(io, deps.chat);
  deps.bus.on('user:revoked', ({ userId }) => {
    io.to(rooms.user(userId)).emit('session:ended', { code: 'revoked', message: 'Your access has been withdrawn.' });
    io.in(rooms.user(userId)).disconnectSockets(true);
  });
  return io;
}
