/** The API calls of smuggled files: one's own device, hand-overs, the demo's found stick, and the censor's inspection and trace. */
import type {
  FilesResponse,
  InspectionOutcome,
  InspectionResponse,
  OpenFileResponse,
  TraceResponse,
} from '../../../server/protocol/api';
import { enc, request } from '../core/api';

/** Smuggled-file calls, one per route. */
export const filesApi = {
  /** `GET /api/files`: the reader's own device (its copies, and whether a Notel is on it). */
  device: () => request<FilesResponse>('GET', '/files'),
  /** `POST /api/files/:copyId/open`: the content, or 403 `unsigned` on a state device. */
  open: (copyId: string) => request<OpenFileResponse>('POST', `/files/${enc(copyId)}/open`),
  /** `POST /api/files/:copyId/handover`: pass a copy in person to another student (`to`: their player id). */
  handover: (copyId: string, to: string) => request<unknown>('POST', `/files/${enc(copyId)}/handover`, { to }),
  /** `POST /api/files/notel/handover`: pass the Notel itself on. */
  handoverNotel: (to: string) => request<unknown>('POST', '/files/notel/handover', { to }),
  /** `POST /api/files/find`: the demo session's hidden stick, looked for on a page of `site`, found once. */
  find: (site: string) => request<unknown>('POST', '/files/find', { site }),
  /** `POST /api/inspections`: a censor inspects a student's device (only during an inspection). */
  inspect: (playerId: string) => request<InspectionResponse>('POST', '/inspections', { playerId }),
  /** `POST /api/inspections/outcome`: what the censor decided. */
  outcome: (playerId: string, outcome: InspectionOutcome) =>
    request<unknown>('POST', '/inspections/outcome', { playerId, outcome }),
  /**
   * A found copy's chain of custody, first holder first. The censor's Trace button sends the
   * recording `POST` (a trace is `file_traced` in the trail; `GET /api/files/:copyId/trace` records nothing).
   */
  trace: (copyId: string) => request<TraceResponse>('POST', `/files/${enc(copyId)}/trace`),
};
