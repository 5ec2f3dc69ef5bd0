/**
 * The surveillance trail: how events are made and how the console filters them.
 * Appending is the store's job; this module decides what an event says.
 */
import type { Mode, Role, TrailEvent, TrailKind } from '../protocol/api';

/** Every trail kind, in vocabulary order. */
export { TRAIL_KINDS } from '../protocol/vocabulary';

/** Who an event is about; null fields for an unknown user (e.g. a failed login). */
export interface TrailSubject {
  username: string | null;
  role: Role | null;
  sessionId: string;
}

/** Where in the session an event happens: the session's mode and the round running, if any. */
export interface TrailContext {
  mode: Mode;
  /** The running round's number; absent outside any round. */
  round?: number | undefined;
}

/**
 * Builds a trail event; `id` and `at` come from the caller so tests stay deterministic. `context`
 * tags it with the session's mode and round (an event outside any round carries no round).
 */
export function makeEvent(
  subject: TrailSubject,
  kind: TrailKind,
  detail: Record<string, string>,
  id: string,
  at: Date,
  context?: TrailContext,
  name?: string,
): TrailEvent {
  return {
    id,
    sessionId: subject.sessionId,
    at: at.toISOString(),
    kind,
    username: subject.username,
    role: subject.role,
    ...(name ? { name } : {}),
    detail,
    ...(context ? { mode: context.mode } : {}),
    ...(context?.round !== undefined ? { round: context.round } : {}),
  };
}

/** Filters for reading the trail. */
export interface TrailQuery {
  sessionId: string;
  username?: string | undefined;
  kind?: TrailKind | undefined;
  /** Only events older than this event id (for paging back). */
  before?: string | undefined;
  limit: number;
}

/** Picks matching events, newest first, from events stored oldest first. */
export function queryTrail(events: readonly TrailEvent[], q: TrailQuery): TrailEvent[] {
  const out: TrailEvent[] = [];
  let i = events.length - 1;
  if (q.before) {
    const at = events.findIndex((e) => e.id === q.before);
    i = at >= 0 ? at - 1 : -1;
  }
  for (; i >= 0 && out.length < q.limit; i--) {
    const e = events[i]!;
    if (e.sessionId !== q.sessionId) continue;
    if (q.username && e.username !== q.username) continue;
    if (q.kind && e.kind !== q.kind) continue;
    out.push(e);
  }
  return out;
}
