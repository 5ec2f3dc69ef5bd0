/**
 * The API calls of chat and the censor's chat monitor. Live sending is over the socket
 * (see `live.ts`); these are the HTTP routes. Kept apart from `api.ts` so that only the
 * screens that use them load them.
 */
import type { ChatHistoryResponse, ChatMonitorResponse, ChatRoom, ChatRoomsResponse } from '../../server/protocol/api';
import { request } from './api';

const enc = encodeURIComponent;

/** Chat and chat-monitor calls, one per route. */
export const chatApi = {
  /** `GET /api/chat/rooms`: the rooms this user may join and the people they may message. */
  rooms: () => request<ChatRoomsResponse>('GET', '/chat/rooms'),
  /** `GET /api/chat/rooms/:id/messages`: a page of history, newest first, older than `before`. */
  history: (roomId: string, before?: number, limit = 50) =>
    request<ChatHistoryResponse>(
      'GET',
      `/chat/rooms/${enc(roomId)}/messages?limit=${limit}${before === undefined ? '' : `&before=${before}`}`,
    ),
  /** `GET /api/chat/monitor` (censors): every message, newest first, with rooms and people. */
  monitor: (limit = 100) => request<ChatMonitorResponse>('GET', `/chat/monitor?limit=${limit}`),
  /** `POST /api/chat/rooms/:id/close` (censors): close or reopen a room. */
  closeRoom: (roomId: string, closed: boolean) =>
    request<ChatRoom>('POST', `/chat/rooms/${enc(roomId)}/close`, { closed }),
  /** `POST /api/users/:username/mute` (censors). */
  mute: (username: string, muted: boolean) =>
    request<{ username: string; muted: boolean }>('POST', `/users/${enc(username)}/mute`, { muted }),
  /** `POST /api/users/:username/revoke` (censors): cuts the user's sockets and tokens at once. */
  revoke: (username: string, revoked: boolean) =>
    request<{ username: string; revoked: boolean }>('POST', `/users/${enc(username)}/revoke`, { revoked }),
};
