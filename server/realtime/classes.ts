/**
 * Class-session pushes: `session:state` and `session:event` to every socket of a session (and to
 * the owning facilitator's sockets, whose own session is the demo one), `session:roster` and
 * `session:trail` to the owner's sockets only, and cutting every socket of a deleted session.
 * Roster pushes are gathered per session over a short window, so a join storm sends a few.
 */
import { countsOf, rosterOf, stateOf, type ClassDeps } from '../domain/classes';
import type { ClassState, SessionRecord } from '../domain/ports';
import { localName } from '../domain/locale';
import { channels } from './channels';
import { emitInEachLocale } from './fanout';
import type { IO } from './index';

/** How long roster changes of one session are gathered before one push. */
export const ROSTER_WINDOW_MS = 200;

/** Subscribes the class-session pushes to the bus. */
export function classPushes(io: IO, deps: ClassDeps, log: (msg: string, err: unknown) => void): void {
  const classOf = (id: string) => {
    const s = deps.sessions.get(id);
    return s?.class ? (s as SessionRecord & { class: ClassState }) : undefined;
  };
  const pendingRoster = new Map<string, NodeJS.Timeout>();
  const pushRoster = (sessionId: string) => {
    if (pendingRoster.has(sessionId)) return;
    const timer = setTimeout(() => {
      pendingRoster.delete(sessionId);
      try {
        const s = classOf(sessionId);
        if (!s) return;
        const players = rosterOf(deps, sessionId);
        io.to(channels.user(s.class.ownerId)).emit('session:roster', {
          sessionId,
          players,
          counts: countsOf(deps, sessionId, players),
        });
      } catch (err) {
        log('roster push failed', err);
      }
    }, ROSTER_WINDOW_MS);
    timer.unref();
    pendingRoster.set(sessionId, timer);
  };

  deps.bus.on('class:state', ({ sessionId }) => {
    const s = classOf(sessionId);
    if (!s) return;
    io.to(channels.session(sessionId)).except(channels.user(s.class.ownerId)).emit('session:state', stateOf(s));
    io.to(channels.user(s.class.ownerId)).emit('session:state', stateOf(s, true));
  });
  deps.bus.on('class:roster', ({ sessionId }) => pushRoster(sessionId));
  deps.bus.on('class:event', (event) => {
    const s = classOf(event.sessionId);
    if (!s) return;
    io.to([channels.session(event.sessionId), channels.user(s.class.ownerId)]).emit('session:event', event);
  });
  deps.bus.on('trail:appended', (event) => {
    const s = classOf(event.sessionId);
    if (!s) return;
    // The trail names people in the facilitator's language while the names are the pack's.
    emitInEachLocale(io, channels.user(s.class.ownerId), 'session:trail', () => [
      {
        sessionId: s.id,
        event:
          event.name && event.username ? { ...event, name: localName(deps.pack, event.username, event.name) } : event,
      },
    ]);
    pushRoster(s.id); // the live counts follow the trail
  });
  deps.bus.on('class:deleted', ({ sessionId }) => {
    const timer = pendingRoster.get(sessionId);
    if (timer) clearTimeout(timer);
    pendingRoster.delete(sessionId);
    const channel = channels.session(sessionId);
    io.to(channel).emit('session:ended', { code: 'ended', message: 'This session has been closed by your teacher.' });
    io.in(channel).disconnectSockets(true);
  });
}
