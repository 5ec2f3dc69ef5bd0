/** The API call of "What your device recorded". */
import type { RecordResponse } from '../../../server/protocol/api';
import { request } from '../core/api';

/** Record calls, one per route. */
export const recordApi = {
  /** `GET /api/record`: the reader's own record, newest first (records nothing). */
  record: () => request<RecordResponse>('GET', '/record'),
};
