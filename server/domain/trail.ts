/**
 * The surveillance trail: how events are made and how the console filters them.
 * Appending is the store's job; this module decides what an event says.
 */
import type { Role, TrailEvent, TrailKind } from '../protocol/api';

/** Every kind of trail event recorded so far. */
const KINDS: Record<TrailKind, true> = {
  login: true,
  login_failed: true,
  logout: true,
  page_view: true,
  blocked_address: true,
  search: true,
  search_flagged: true,
  article_saved: true,
  article_published: true,
  article_unpublished: true,
  post_submitted: true,
  post_filtered: true,
  post_approved: true,
  post_rejected: true,
  chat_message: true,
  chat_blocked: true,
  user_muted: true,
  user_unmuted: true,
  user_revoked: true,
  user_restored: true,
  room_closed: true,
  room_reopened: true,
  throttled: true,
};
/** Every trail kind, in the order above. */
// A record, so that adding a TrailKind without listing it here fails to compile.
export const TRAIL_KINDS = Object.keys(KINDS) as readonly TrailKind[];

/** Who an event is about; null fields for an unknown user (e.g. a failed login). */
export interface TrailSubject {
  username: string | null;
  role: Role | null;
  sessionId: string;
}

/** Builds a trail event; `id` and `at` come from the caller so tests stay deterministic. */
export function makeEvent(
  subject: TrailSubject,
  kind: TrailKind,
  detail: Record<string, string>,
  id: string,
  at: Date,
): TrailEvent {
  return {
    id,
    sessionId: subject.sessionId,
    at: at.toISOString(),
    kind,
    username: subject.username,
    role: subject.role,
    detail,
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
