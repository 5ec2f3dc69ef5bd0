/** The API calls of class sessions: joining (students), and the facilitator's console and projector view. */
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  JoinResponse,
  Me,
  Mode,
  PresentView,
  RolesRequest,
  SessionDetail,
  SessionModeResponse,
  SessionsResponse,
  TrailResponse,
} from '../../../server/protocol/api';
import { enc, queryString, request } from '../core/api';

const at = (id: string, rest = '') => `/sessions/${enc(id)}${rest}`;

/** Class-session calls, one per route. */
export const sessionsApi = {
  /** `POST /api/sessions/join`: takes a seat and sets its cookie. */
  join: (code: string, name: string) => request<JoinResponse>('POST', '/sessions/join', { code, name }),
  /** `GET /api/me`: the seat as it stands now (the role card, paused, ended). */
  me: () => request<Me>('GET', '/me'),
  /** `GET /api/sessions`: the facilitator's own sessions, newest first. */
  list: () => request<SessionsResponse>('GET', '/sessions'),
  /** `POST /api/sessions` → 201. */
  create: (body: CreateSessionRequest) => request<CreateSessionResponse>('POST', '/sessions', body),
  /** `GET /api/sessions/:id`. */
  detail: (id: string) => request<SessionDetail>('GET', at(id)),
  /** `GET /api/sessions/present/:code`: what the projector shows (no names, no roles). */
  present: (code: string) => request<PresentView>('GET', `/sessions/present/${enc(code)}`),
  /** `POST /api/sessions/:id/roles`: a preset or hand assignments. */
  roles: (id: string, body: RolesRequest) => request<SessionDetail>('POST', at(id, '/roles'), body),
  /** `POST /api/sessions/:id/lock`. */
  lock: (id: string, locked: boolean) => request<SessionDetail>('POST', at(id, '/lock'), { locked }),
  /** `POST /api/sessions/:id/pause`. */
  pause: (id: string, paused: boolean) => request<SessionDetail>('POST', at(id, '/pause'), { paused }),
  /** `DELETE /api/sessions/:id/players/:playerId`: remove a student. */
  remove: (id: string, playerId: string) => request<SessionDetail>('DELETE', at(id, `/players/${enc(playerId)}`)),
  /** `PATCH /api/sessions/:id/players/:playerId`: rename a student. */
  rename: (id: string, playerId: string, name: string) =>
    request<SessionDetail>('PATCH', at(id, `/players/${enc(playerId)}`), { name }),
  /** `POST /api/sessions/:id/rounds`: start the next round. */
  startRound: (id: string, mode: Mode, events: { eventId: string; afterSeconds: number }[] = []) =>
    request<SessionDetail>('POST', at(id, '/rounds'), events.length ? { mode, events } : { mode }),
  /** `POST /api/sessions/:id/mode`: switch the running round (or the demo session, id `demo`) to closed or open. */
  setMode: (id: string, mode: Mode) => request<SessionDetail | SessionModeResponse>('POST', at(id, '/mode'), { mode }),
  /** `POST /api/sessions/:id/rounds/end`. */
  endRound: (id: string) => request<SessionDetail>('POST', at(id, '/rounds/end')),
  /** `POST /api/sessions/:id/end`: end the session (students see the end screen). */
  end: (id: string) => request<SessionDetail>('POST', at(id, '/end')),
  /** `POST /api/sessions/:id/files/drop`: a USB stick with one of the pack's files, to these students. */
  dropFiles: (id: string, fileId: string, to: string[]) =>
    request<unknown>('POST', at(id, '/files/drop'), { fileId, to }),
  /** `POST /api/sessions/:id/events`: fire one of the pack's events. */
  fireEvent: (id: string, eventId: string) => request<SessionDetail>('POST', at(id, '/events'), { eventId }),
  /** `POST /api/sessions/:id/reset`. */
  reset: (id: string, keepRoster: boolean) => request<SessionDetail>('POST', at(id, '/reset'), { keepRoster }),
  /** `DELETE /api/sessions/:id` → 204. */
  deleteSession: (id: string) => request<void>('DELETE', at(id)),
  /** `GET /api/sessions/:id/trail`: that session's trail, newest first. */
  trail: (id: string, limit?: number) => request<TrailResponse>('GET', at(id, `/trail${queryString({ limit })}`)),
  /** The address of a session's QR code image. */
  qrUrl: (id: string) => `/api${at(id, '/qr.svg')}`,
};
