/**
 * socket.io: authenticated by the same cookie token as HTTP, Origin-checked,
 * and fed from the domain bus. One handler module per area; this file composes them.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { actorFromClaims, claimsValid, type TokenClaims } from '../domain/auth';
import type { Bus, StandingChange } from '../domain/bus';
import { can, type Actor } from '../domain/policy';
import type { AckError, ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { originMatches } from '../auth/origin';
import { Tokens } from '../auth/tokens';
import type { Store } from '../store/db';
import type { Pack } from '../domain/pack';
import { mediaPushes } from './media';
import { boardPushes } from './boards';
import { chatHandlers, chatPushes, type ChatSocketState } from './chat';
import { eachSocket, emitInEachLocale, setSocketLocale } from './fanout';
import type { Presence } from './presence';
import type { ChatDeps } from '../domain/chat';
import { channels } from './channels';
import { writeRefusal, type ClassDeps } from '../domain/classes';
import type { OnlineUsers } from '../domain/online';
import { classPushes } from './classes';
import type { SocialDeps } from '../domain/social';
import { socialPushes } from './social';
import type { FilesEvents } from '../domain/files';
import { filesPushes } from './files';
import { inLocale, localName } from '../domain/locale';

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
  /** The open network (its announcements become `social:*` pushes). */
  social: SocialDeps;
  /** Smuggled files' announcements (each becomes a `files:changed` to the one user concerned). */
  files: FilesEvents;
  presence: Presence;
  classes: ClassDeps;
  online: OnlineUsers;
  log: (msg: string, err: unknown) => void;
  tokens: Tokens;
  bus: Bus;
  allowedOrigins: string[];
  /** As configured; when set, `X-Forwarded-Proto` names the scheme. */
  trustProxy: unknown;
}

/** Why a socket's login ended, as `session:ended` says. */
type SessionEndCode = 'revoked' | 'logged_out' | 'expired' | 'ended' | 'removed';

/** Socket events that only read; every other client event is a write, refused while the session is paused. */
const READ_EVENTS = new Set<string>(['sys:ping', 'chat:join', 'chat:leave']);

const END_MESSAGES: Record<SessionEndCode, string> = {
  removed: 'Your teacher removed you from this session.',
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

  /** Each connected socket's chat state, so a change of standing can re-check its rooms. */
  const chatStates = new WeakMap<AppSocket, ChatSocketState>();

  /** Joins the channels an actor may be in now, and leaves those of the actor it was (if any). */
  const syncChannels = (socket: AppSocket, actor: Actor, prev?: Actor) => {
    const wanted = new Set([channels.session(actor.sessionId), channels.user(actor.userId)]);
    if (can(actor, 'trail.read')) wanted.add(channels.trail(actor.sessionId));
    if (can(actor, 'moderation.review')) wanted.add(channels.moderation(actor.sessionId));
    if (prev) {
      const had = [
        channels.session(prev.sessionId),
        channels.user(prev.userId),
        channels.trail(prev.sessionId),
        channels.moderation(prev.sessionId),
      ];
      for (const c of had) if (!wanted.has(c)) void socket.leave(c);
    }
    for (const c of wanted) void socket.join(c);
  };

  /**
   * Re-resolves a socket's actor after its standing changed: channels and chat rooms follow the
   * new actor and the client is told; a login that no longer stands is ended instead.
   */
  const refresh = async (socket: AppSocket, change: StandingChange) => {
    const prev = socket.data.actor;
    let actor: Actor;
    try {
      actor = actorFromClaims(authDeps, socket.data.claims);
    } catch {
      const user = deps.store.users.findById(socket.data.claims.sub);
      return end(socket, user?.seat?.removed ? 'removed' : user?.revoked ? 'revoked' : 'ended');
    }
    socket.data.actor = actor;
    syncChannels(socket, actor, prev);
    await chatStates.get(socket)?.recheck(prev);
    if (socket.connected)
      socket.emit('session:changed', { change, role: actor.pending ? null : actor.role, mode: actor.mode });
  };

  io.on('connection', (socket: AppSocket) => {
    const claims = socket.data.claims;
    // Every event is answered in the language of this browser's login (`domain/locale.ts`).
    socket.use((_packet, next) => inLocale(deps.store.logins.get(claims.lid)?.locale ?? 'en', next));
    // ...and its pushes too (`fanout.ts`).
    setSocketLocale(socket, deps.store.logins.get(claims.lid)?.locale ?? 'en');
    void socket.join(channels.login(claims.lid));
    syncChannels(socket, socket.data.actor);
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
    // Who is connected: a student's seat shows online on the facilitator's roster while any of its
    // sockets is; the simulated cast acts only where people are, and stands down for a censor.
    const seated = !!deps.store.users.findById(claims.sub)?.seat;
    if (deps.online.add(claims.sub, claims.sid)) {
      deps.bus.emit('user:online', { sessionId: claims.sid, userId: claims.sub, online: true });
      if (seated) deps.bus.emit('class:roster', { sessionId: claims.sid });
    }
    socket.on('disconnect', () => {
      if (!deps.online.remove(claims.sub)) return;
      deps.bus.emit('user:online', { sessionId: claims.sid, userId: claims.sub, online: false });
      if (seated) deps.bus.emit('class:roster', { sessionId: claims.sid });
    });
    // Every event re-checks that the login still stands (logged out, revoked, expired, password changed).
    socket.use((packet, next) => {
      if (claimsValid(authDeps, claims)) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function')
        (ack as (reply: AckError) => void)({
          ok: false,
          error: { code: 'session_expired', message: END_MESSAGES.expired },
        });
      const user = deps.store.users.findById(claims.sub);
      end(socket, user?.seat?.removed ? 'removed' : Date.now() >= claims.exp * 1000 ? 'expired' : 'ended');
    });
    // The pause: a paused (or ended) class session refuses every write event, as `http/pause.ts` does.
    socket.use((packet, next) => {
      if (READ_EVENTS.has(String(packet[0]))) return next();
      const refusal = writeRefusal(deps.store.sessions.get(socket.data.actor.sessionId));
      if (!refusal) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function')
        (ack as (reply: AckError) => void)({ ok: false, error: { code: refusal.code, message: refusal.message } });
    });
    chatStates.set(socket, chatHandlers(io, socket, deps.chat, deps.presence, deps.log));
    socket.on('sys:ping', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, at: new Date().toISOString() });
    });
  });

  deps.bus.on('trail:appended', (event) => {
    // Who did it, named in each reader's language while the name is the pack's (as the trail route does).
    emitInEachLocale(io, channels.trail(event.sessionId), 'trail:event', () => [
      event.name && event.username ? { ...event, name: localName(deps.pack, event.username, event.name) } : event,
    ]);
  });
  deps.bus.on('login:locale', ({ lid, locale }) => {
    void eachSocket(io, channels.login(lid), (s) => setSocketLocale(s, locale), deps.log, 'locale switch');
  });
  mediaPushes(io, deps.bus, deps.pack, deps.log);
  boardPushes(io, deps.bus, deps.pack, deps.store.posts, deps.store.users, deps.log);
  chatPushes(io, deps.chat, deps.log);
  classPushes(io, deps.classes, deps.log);
  socialPushes(io, deps.social, deps.log);
  filesPushes(io, deps.files, deps.log);
  deps.bus.on('user:standing', ({ userId, change }) => {
    void eachSocket(io, channels.user(userId), (s) => refresh(s, change), deps.log, 'standing refresh');
  });
  deps.bus.on('session:mode', ({ sessionId }) => {
    void eachSocket(io, channels.session(sessionId), (s) => refresh(s, 'mode'), deps.log, 'mode refresh');
  });
  deps.bus.on('cast:warning', ({ userId, warning }) => {
    io.to(channels.user(userId)).emit('cast:warning', warning);
  });
  deps.bus.on('login:ended', ({ loginId }) => {
    io.to(channels.login(loginId)).emit('session:ended', { code: 'logged_out', message: END_MESSAGES.logged_out });
    io.in(channels.login(loginId)).disconnectSockets(true);
  });
  return io;
}
