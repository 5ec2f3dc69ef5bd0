/**
 * socket.io: authenticated by the same cookie token as HTTP, Origin-checked,
 * and fed from the domain bus. One handler module per area; this file composes them.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { actorFromClaims, claimsValid, type TokenClaims } from '../domain/auth';
import type { Bus } from '../domain/bus';
import { can, type Actor } from '../domain/policy';
import type { AckError, ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { originMatches } from '../auth/origin';
import { Tokens } from '../auth/tokens';
import type { Store } from '../store/db';
import type { Pack } from '../domain/pack';
import { mediaPushes } from './media';
import { boardPushes } from './boards';
import { chatHandlers, chatPushes } from './chat';
import type { Presence } from './presence';
import type { ChatDeps } from '../domain/chat';
import { rooms } from './rooms';

/** Per-socket data: who is connected, and the login its token belongs to. */
export interface SocketData {
  actor: Actor;
  claims: TokenClaims;
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
  /** As configured; when set, `X-Forwarded-Proto` names the scheme. */
  trustProxy: unknown;
}

/** Why a socket's login ended, as `session:ended` says. */
type SessionEndCode = 'revoked' | 'logged_out' | 'expired' | 'ended';

const END_MESSAGES: Record<SessionEndCode, string> = {
  revoked: 'Your access has been withdrawn.',
  logged_out: 'You logged out.',
  expired: 'Your login has expired. Please log in again.',
  ended: 'Your login has ended. Please log in again.',
};

/** The longest delay setTimeout keeps (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether a handshake's Origin (when a browser sends one) is this server or an allowed one. */
export function originAllowed(req: IncomingMessage, allowed: string[], trustProxy: unknown): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: cross-site socket hijacking needs one
  return originMatches(req, origin, allowed, trustProxy);
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

  const authDeps = { users: deps.store.users, sessions: deps.store.sessions, logins: deps.store.logins };
  io.use((socket, next) => {
    const token = Tokens.fromCookieHeader(socket.request.headers.cookie);
    const claims = token ? deps.tokens.verify(token) : null;
    if (!claims) return next(new Error('unauthenticated'));
    try {
      socket.data.actor = actorFromClaims(authDeps, claims);
      socket.data.claims = claims;
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  });

  /** Tells a socket why its login ended, then cuts it. */
  const end = (socket: AppSocket, code: SessionEndCode) => {
    socket.emit('session:ended', { code, message: END_MESSAGES[code] });
    socket.disconnect(true);
  };

  io.on('connection', (socket: AppSocket) => {
    const actor = socket.data.actor;
    const claims = socket.data.claims;
    void socket.join(rooms.session(actor.sessionId));
    void socket.join(rooms.user(actor.userId));
    void socket.join(rooms.login(claims.lid));
    // The token's own expiry ends the socket too (timers are capped; a long one re-arms).
    let expiry: NodeJS.Timeout | undefined;
    const arm = () => {
      const left = claims.exp * 1000 - Date.now();
      if (left <= 0) return end(socket, 'expired');
      expiry = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      expiry.unref();
    };
    arm();
    socket.on('disconnect', () => clearTimeout(expiry));
    // Every event re-checks that the login still stands (logged out, revoked, expired, password changed).
    socket.use((packet, next) => {
      if (claimsValid(authDeps, claims)) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function')
        (ack as (reply: AckError) => void)({
          ok: false,
          error: { code: 'session_expired', message: END_MESSAGES.expired },
        });
      end(socket, Date.now() >= claims.exp * 1000 ? 'expired' : 'ended');
    });
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
  mediaPushes(io, deps.bus, deps.pack, deps.log);
  boardPushes(io, deps.bus, deps.pack, deps.store.posts, deps.store.users, deps.log);
  chatPushes(io, deps.chat);
  deps.bus.on('user:revoked', ({ userId }) => {
    io.to(rooms.user(userId)).emit('session:ended', { code: 'revoked', message: END_MESSAGES.revoked });
    io.in(rooms.user(userId)).disconnectSockets(true);
  });
  deps.bus.on('login:ended', ({ loginId }) => {
    io.to(rooms.login(loginId)).emit('session:ended', { code: 'logged_out', message: END_MESSAGES.logged_out });
    io.in(rooms.login(loginId)).disconnectSockets(true);
  });
  return io;
}
