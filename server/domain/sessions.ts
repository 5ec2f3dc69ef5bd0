/**
 * Running a session: switching it between the closed network and the open comparison network.
 * Everyone connected sees the change at once (the bus tells the realtime layer).
 */
import type { Mode } from '../protocol/api';
import { subjectOf } from './auth';
import type { Bus } from './bus';
import { DomainError, forbidden } from './errors';
import { can, type Actor } from './policy';
import type { SessionsRepo } from './ports';
import type { TrailRecorder } from './recorder';

/** What running sessions needs. */
export interface SessionDeps {
  sessions: SessionsRepo;
  recorder: TrailRecorder;
  bus: Bus;
}

/**
 * Switches the actor's session (or `sessionId`, a class session the caller has checked the actor
 * owns) to `mode`; recorded, and announced so live sockets act on it.
 */
export async function setSessionMode(
  deps: SessionDeps,
  actor: Actor,
  mode: Mode,
  sessionId: string = actor.sessionId,
): Promise<void> {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs sessions.');
  const session = deps.sessions.get(sessionId);
  if (!session) throw new DomainError('not_found', 'not_found', 'No such session.');
  if (session.mode === mode) return;
  const from = session.mode; // the stored record changes under us
  await deps.sessions.setMode(session.id, mode);
  await deps.recorder.record({ ...subjectOf(actor), sessionId: session.id }, 'session_mode_changed', {
    from,
    to: mode,
  });
  deps.bus.emit('session:mode', { sessionId: session.id, mode });
}
