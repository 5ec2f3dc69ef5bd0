/** The API calls of the facilitator's screens. */
import type { PolicyMatrix } from '../../../server/protocol/api';
import { request } from '../core/api';

/** Facilitator calls, one per route. */
export const facilitatorApi = {
  /** `GET /api/policy/matrix`: who may see what. */
  policyMatrix: () => request<PolicyMatrix>('GET', '/policy/matrix'),
};
