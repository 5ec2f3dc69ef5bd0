/**
 * Logging in and out, and turning a verified token back into an actor.
 * Token signing lives in the transport; this module decides who someone is.
 */
import type { Me } from '../protocol/api';
import { DomainError } from './errors';
import { DECOY_HASH, verifyPassword } from './passwords';
import { capabilitiesOf, homeOf, type Actor } from './policy';
import type { SessionsRepo, UserRecord, UsersRepo } from './ports';
import type { TrailRecorder } from './recorder';

/** What a session token carries. */
export interface TokenClaims {
  sub: string;
  sid: string;
  tv: number;
}

/** The stores and recorder the auth functions need. */
export interface AuthDeps {
  users: UsersRepo;
  sessions: SessionsRepo;
  recorder: TrailRecorder;
}

/** Checks a user name and password; records the attempt; returns the user or throws 401. */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string },
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
  await deps.recorder.record(subjectOf(user), 'login');
  return { user, claims: { sub: user.id, sid: user.sessionId, tv: user.tokenVersion } };
}

/** Resolves verified token claims to an actor, or throws 401 if the user or token is no longer valid. */
export function actorFromClaims(deps: Pick<AuthDeps, 'users' | 'sessions'>, claims: TokenClaims): Actor {
  const user = deps.users.findById(claims.sub);
  const session = deps.sessions.get(claims.sid);
  if (!user || !session || user.sessionId !== session.id || user.tokenVersion !== claims.tv || user.revoked) {
    throw new DomainError('unauthenticated', 'session_expired', 'Please log in again.');
  }
  return { userId: user.id, username: user.username, role: user.role, sessionId: session.id, mode: session.mode };
}

/** The `/api/me` view of an actor. */
export function meOf(deps: Pick<AuthDeps, 'users'>, actor: Actor): Me {
  const user = deps.users.findById(actor.userId);
  return {
    username: actor.username,
    displayName: user?.displayName ?? actor.username,
    role: actor.role,
    capabilities: capabilitiesOf(actor.role, actor.mode),
    home: homeOf(actor.role, actor.mode),
    mode: actor.mode,
    sessionId: actor.sessionId,
  };
}

/** The trail subject for a user or actor. */
export function subjectOf(u: Pick<UserRecord, 'username' | 'role' | 'sessionId'>) {
  return { username: u.username, role: u.role, sessionId: u.sessionId };
}

/** Records a logout. */
export async function logout(deps: Pick<AuthDeps, 'recorder'>, actor: Actor): Promise<void> {
  await deps.recorder.record(subjectOf(actor), 'logout');
}
