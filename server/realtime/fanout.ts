/**
 * The one fan-out for pushes that depend on who is reading: every socket of a session is
 * asked `may(actor)` and only those allowed receive the event. A push is data, so the walls
 * apply to it exactly as they apply to the matching HTTP read. `may` sees the socket's actor
 * as it is now (`socket.data.actor` is refreshed when the user's standing or the mode changes).
 */
import type { Actor } from '../domain/policy';
import type { ServerToClientEvents } from '../protocol/events';
import { channels } from './channels';
import type { AppSocket, IO } from './index';

/** Runs `fn` on every local socket in `channel`; failures are logged, never thrown. */
export function eachSocket(
  io: IO,
  channel: string,
  fn: (socket: AppSocket) => void | Promise<void>,
  log: (msg: string, err: unknown) => void,
  what: string,
): Promise<void> {
  return io
    .in(channel)
    .fetchSockets()
    .then(async (found) => {
      for (const { id } of found) {
        const socket = io.sockets.sockets.get(id);
        if (!socket) continue;
        try {
          await fn(socket);
        } catch (err) {
          log(`${what} failed`, err);
        }
      }
    })
    .catch((err: unknown) => log(`${what} failed`, err));
}

/** Emits `event` to the sockets of `sessionId` whose actor passes `may`; failures are logged, never thrown. */
export function emitWhere<E extends keyof ServerToClientEvents>(
  io: IO,
  sessionId: string,
  may: (actor: Actor) => boolean,
  log: (msg: string, err: unknown) => void,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  void eachSocket(
    io,
    channels.session(sessionId),
    (s) => {
      if (may(s.data.actor)) (s.emit as (e: E, ...a: Parameters<ServerToClientEvents[E]>) => boolean)(event, ...args);
    },
    log,
    `push ${event}`,
  );
}
