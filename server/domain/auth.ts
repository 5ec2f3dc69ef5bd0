/**
 * Logging in and out, and turning a verified token back into an actor.
 * Token signing lives in the transport; this module decides who someone is.
 */
import { randomUUID } from 'node:crypto';
import type { Me, RoleCard, SeatInfo, SeatRole } from '../protocol/api';
import { CAPABILITY_IDS, type Locale } from '../protocol/vocabulary';
import type { Bus } from './bus';
import { publicRound } from './class-rules';
import { DomainError } from './errors';
import { DECOY_HASH, verifyPassword } from './passwords';
import { capabilitiesOf, homeOf, type Actor } from './policy';
import type { LoginRecord, LoginsRepo, SessionsRepo, UserRecord, UsersRepo } from './ports';
import type { TrailRecorder } from './recorder';
import type { Pack } from './pack';
import { localName } from './locale';

/** What a session token carries. */
export interface TokenClaims {
  /** The user id. */
  sub: string;
  /** The simulation session id. */
  sid: string;
  /** The user's token version when the token was issued. */
  tv: number;
  /** The login id: the token is valid only while this login lives. */
  lid: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/** The stores and recorder the auth functions need. */
export interface AuthDeps {
  users: UsersRepo;
  sessions: SessionsRepo;
  logins: LoginsRepo;
  recorder: TrailRecorder;
  /** How long a login lasts. */
  ttlSeconds: number;
  now?: () => Date;
}

/** Checks a user name and password; records the attempt; returns the user or throws 401. */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; locale?: Locale | undefined },
): Promise<{ user: UserRecord; claims: TokenClaims }> {
  const session = deps.sessions.defaultSession();
  const user = deps.users.findByUsername(session.id, input.username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DECOY_HASH);
  if (!user || !ok) {
    await deps.recorder.record({ username: null, role: null, sessionId: session.id }, 'login_failed', {
      attempted: input.username.slice(0, 64),
    });
    throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong username or password.');
  }
  if (user.revoked) {
    await deps.recorder.record(subjectOf(user), 'login_failed', { attempted: user.username, reason: 'revoked' });
    throw new DomainError('forbidden', 'revoked', 'Your access has been withdrawn.');
  }
  const claims = await startLogin(deps, user, input.locale);
  await deps.recorder.record(subjectOf(user), 'login');
  return { user, claims };
}

/** Starts a login for a user (a persona after its password, or a student's seat) and returns its claims. */
export async function startLogin(
  deps: Pick<AuthDeps, 'logins' | 'ttlSeconds' | 'now'>,
  user: UserRecord,
  locale?: Locale,
): Promise<TokenClaims> {
  const now = (deps.now ?? (() => new Date()))();
  const exp = Math.floor(now.getTime() / 1000) + deps.ttlSeconds;
  const record: LoginRecord = {
    id: randomUUID(),
    userId: user.id,
    sessionId: user.sessionId,
    createdAt: now.toISOString(),
    expiresAt: new Date(exp * 1000).toISOString(),
    ...(locale && locale !== 'en' ? { locale } : {}),
  };
  await deps.logins.start(record, now);
  return { sub: user.id, sid: user.sessionId, tv: user.tokenVersion, lid: record.id, exp };
}

/** Whether verified claims still stand: the login lives, unexpired, for a current, unrevoked user. */
export function claimsValid(
  deps: Pick<AuthDeps, 'users' | 'sessions' | 'logins'>,
  claims: TokenClaims,
  now: Date = new Date(),
): boolean {
  if (claims.exp * 1000 <= now.getTime()) return false;
  const login = deps.logins.get(claims.lid);
  if (!login || login.userId !== claims.sub || Date.parse(login.expiresAt) <= now.getTime()) return false;
  const user = deps.users.findById(claims.sub);
  const session = deps.sessions.get(claims.sid);
  return !!user && !!session && user.sessionId === session.id && user.tokenVersion === claims.tv && !user.revoked;
}

/** Resolves verified token claims to an actor, or throws 401 if the login, user or token is no longer valid. */
export function actorFromClaims(
  deps: Pick<AuthDeps, 'users' | 'sessions' | 'logins'>,
  claims: TokenClaims,
  now: Date = new Date(),
): Actor {
  const user = deps.users.findById(claims.sub);
  const session = deps.sessions.get(claims.sid);
  if (!user || !session || !claimsValid(deps, claims, now)) {
    if (user?.seat?.removed) throw removedError();
    throw new DomainError('unauthenticated', 'session_expired', 'Please log in again.');
  }
  return actorOfUser(user, session.mode);
}

/** The refusal a removed student's seat gets (its cookie no longer works). */
export function removedError(): DomainError {
  return new DomainError('unauthenticated', 'removed', 'Your teacher removed you from this session.');
}

/** The actor a user acts as in a mode (a seat without a role is `pending`). */
export function actorOfUser(user: UserRecord, mode: Actor['mode']): Actor {
  const actor: Actor = { userId: user.id, username: user.username, role: user.role, sessionId: user.sessionId, mode };
  if (user.seat && !user.seat.assigned) actor.pending = true;
  return actor;
}

/** What `meOf` needs to describe a seat: the sessions and the pack's role briefs. */
export interface SeatView {
  sessions: Pick<SessionsRepo, 'get'>;
  briefs: Record<SeatRole, string>;
}

/** A role card: the persona, what the role may and may not do in this mode, the pack's brief. */
export function roleCardOf(
  briefs: Record<SeatRole, string>,
  user: Pick<UserRecord, 'displayName'>,
  role: SeatRole,
  mode: Actor['mode'],
): RoleCard {
  const may = capabilitiesOf(role, mode);
  return {
    persona: user.displayName,
    role,
    may,
    mayNot: CAPABILITY_IDS.filter((c) => !may.includes(c)),
    brief: briefs[role],
  };
}

/** The `/api/me` view of an actor; a student's seat also gets `seat` (with `seat`, when given). */
export function meOf(
  deps: Pick<AuthDeps, 'users'> & { seat?: SeatView; pack?: Pack },
  actor: Actor,
  locale: Locale = 'en',
): Me {
  const user = deps.users.findById(actor.userId);
  const name = user?.displayName ?? actor.username;
  const me: Me = {
    username: actor.username,
    displayName: deps.pack ? localName(deps.pack, actor.username, name) : name,
    role: actor.pending ? null : actor.role,
    capabilities: actor.pending ? [] : capabilitiesOf(actor.role, actor.mode),
    home: actor.pending ? 'lobby' : homeOf(actor.role, actor.mode),
    mode: actor.mode,
    sessionId: actor.sessionId,
    locale,
  };
  if (deps.seat?.sessions.get(actor.sessionId)?.kiosk) me.kiosk = true;
  const cls = deps.seat?.sessions.get(actor.sessionId)?.class;
  if (user?.seat && cls && deps.seat) {
    const seat: SeatInfo = {
      sessionName: deps.seat.sessions.get(actor.sessionId)!.name,
      paused: cls.paused,
      ended: cls.ended,
      round: publicRound(cls.round),
      card:
        actor.pending || actor.role === 'facilitator'
          ? null
          : roleCardOf(deps.seat.briefs, user, actor.role, actor.mode),
    };
    me.seat = seat;
  }
  return me;
}

/** The trail subject for a user or actor. */
export function subjectOf(u: Pick<UserRecord, 'username' | 'role' | 'sessionId'>) {
  return { username: u.username, role: u.role, sessionId: u.sessionId };
}

/** Ends one login (other logins of the same persona stay), records it, and announces it so its sockets close. */
export async function logout(
  deps: Pick<AuthDeps, 'recorder' | 'logins'> & { bus: Bus },
  actor: Actor,
  loginId: string,
): Promise<void> {
  await deps.logins.end(loginId);
  deps.bus.emit('login:ended', { loginId, userId: actor.userId });
  await deps.recorder.record(subjectOf(actor), 'logout');
}
