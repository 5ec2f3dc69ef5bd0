/**
 * The one fan-out for pushes that depend on who is reading: every socket of a session is
 * asked `may(actor)` and only those allowed receive the event. A push is data, so the walls
 * apply to it exactly as they apply to the matching HTTP read.
 */
import type { Actor } from '../domain/policy';
import type { ServerToClientEvents } from '../protocol/events';
import type { IO } from './index';
import { rooms } from './rooms';

/** Emits `event` to the sockets of `sessionId` whose actor passes `may`; failures are logged, never thrown. */
export function emitWhere<E extends keyof ServerToClientEvents>(
  io: IO,
  sessionId: string,
  may: (actor: Actor) => boolean,
  log: (msg: string, err: unknown) => void,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  io.in(rooms.session(sessionId))
    .fetchSockets()
    .then((sockets) => {
      for (const s of sockets) {
        if (may(s.data.actor)) (s.emit as (e: E, ...a: Parameters<ServerToClientEvents[E]>) => boolean)(event, ...args);
      }
    })
    .catch((err: unknown) => log(`push ${event} failed`, err));
}
