/** The debrief's API calls: its figures, the transcript switch, and the addresses of the exports. */
import type { DebriefResponse, SessionDetail } from '../../../server/protocol/api';
import { ApiFailure, enc, request } from '../core/api';

const at = (id: string, rest = '') => `/sessions/${enc(id)}${rest}`;

/** Debrief calls, one per route. */
export const debriefApi = {
  /** `GET /api/sessions/:id/debrief`: the figures of every round and of the quiz. */
  get: (id: string) => request<DebriefResponse>('GET', at(id, '/debrief')),
  /** `PATCH /api/sessions/:id {transcript}`: allow or refuse the transcript download. */
  setTranscript: (id: string, transcript: boolean) => request<SessionDetail>('PATCH', at(id), { transcript }),
  /** The address of an export (`debrief.csv`, `trail.csv`, `trail.json`, `transcript`). */
  exportUrl: (id: string, file: 'debrief.csv' | 'trail.csv' | 'trail.json' | 'transcript') =>
    `/api${at(id, `/${file}`)}`,
  /**
   * Fetches the transcript as a file; throws an `ApiFailure` with the server's code and
   * message when it refuses (`transcript_disabled`), so the page can say so.
   */
  transcript: async (id: string): Promise<{ blob: Blob; filename: string }> => {
    let response: Response;
    try {
      response = await fetch(debriefApi.exportUrl(id, 'transcript'), { credentials: 'same-origin' });
    } catch {
      throw new ApiFailure(0, 'network_error', 'The server could not be reached.');
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as
        { error?: { code?: string; message?: string } } | undefined;
      throw new ApiFailure(
        response.status,
        body?.error?.code ?? 'http_error',
        body?.error?.message ?? (response.statusText || 'Request failed.'),
      );
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `transcript-${id}.txt`;
    return { blob: await response.blob(), filename };
  },
};
