/** The API call of the surveillance trail (live additions come over the socket). */
import type { TrailKind, TrailResponse } from '../../../server/protocol/api';
import { queryString, request } from '../core/api';

/** Filters for `GET /api/trail`. */
export interface TrailQuery {
  user?: string;
  kind?: TrailKind;
  /** 1..200 */
  limit?: number;
}

/** Trail calls, one per route. */
export const trailApi = {
  /** `GET /api/trail`: newest first. */
  trail: (query: TrailQuery = {}) =>
    request<TrailResponse>('GET', `/trail${queryString({ user: query.user, kind: query.kind, limit: query.limit })}`),
};
