/**
 * The pause: while a class session is paused (or once it has ended), every write its students
 * make is refused here, in one place, before any route runs: HTTP 423 `{error: {code: 'paused'}}`
 * (or `'ended'`). Reads pass; logging out and joining pass. The facilitator's own controls are not
 * affected: the facilitator acts from the demo session, which never pauses. The socket side is
 * the same rule in `realtime/index.ts` (`socket.use`).
 */
import type { RequestHandler } from 'express';
import { writeRefusal } from '../domain/classes';
import type { SessionsRepo } from '../domain/ports';
import { actorOf } from './context';
import { sendError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes a paused student may still make. */
const ALWAYS = new Set(['/api/auth/logout', '/api/auth/login', '/api/sessions/join']);

/** Refuses the writes of a paused (or ended) class session's students. */
export function pauseGuard(sessions: Pick<SessionsRepo, 'get'>): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method) || ALWAYS.has(req.path)) return next();
    const actor = actorOf(res);
    const refusal = actor ? writeRefusal(sessions.get(actor.sessionId)) : null;
    if (!refusal) return next();
    sendError(res, 423, refusal.code, refusal.message);
  };
}
