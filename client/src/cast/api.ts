/** The API calls of the simulated cast's settings, for a class session (`c-…`) or the demo session (`demo`). */
import type { CastSettings, CastState, SessionCastResponse, SessionDetail } from '../../../server/protocol/api';
import { enc, request } from '../core/api';

/** What a save answers: the cast as it is now, and for a class session its whole detail. */
export interface CastSaved {
  cast: CastState;
  detail?: SessionDetail;
}

/** Cast calls, one per route. */
export const castApi = {
  /** `GET /api/sessions/:id/cast`: the cast's settings and whether the bureau acts now. */
  get: (id: string) => request<SessionCastResponse>('GET', `/sessions/${enc(id)}/cast`),
  /**
   * `PATCH /api/sessions/:id {cast}`: a class session answers its `SessionDetail`, the demo
   * session `{id, cast}`; either way the caller gets the cast (and the detail when there is one).
   */
  save: async (id: string, cast: Partial<CastSettings>): Promise<CastSaved> => {
    const answer = await request<SessionDetail | SessionCastResponse>('PATCH', `/sessions/${enc(id)}`, { cast });
    if ('players' in answer) {
      if (answer.cast) return { cast: answer.cast, detail: answer };
      return { cast: (await castApi.get(id)).cast, detail: answer };
    }
    return { cast: answer.cast };
  },
};
