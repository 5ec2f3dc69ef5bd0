/**
 * The HTTP API calls of chat. Live sending is over the socket (see `core/live.ts`); the
 * censor's monitor calls are in `monitor/api.ts`.
 */
import type { ChatHistoryResponse, ChatRoomsResponse } from '../../../server/protocol/api';
import { enc, queryString, request } from '../core/api';

/** Chat calls, one per route. */
export const chatApi = {
  /** `GET /api/chat/rooms`: the rooms this user may join and the people they may message. */
  rooms: () => request<ChatRoomsResponse>('GET', '/chat/rooms'),
  /** `GET /api/chat/rooms/:id/messages`: a page of history, newest first, older than `before`. */
  history: (roomId: string, before?: number, limit = 50) =>
    request<ChatHistoryResponse>('GET', `/chat/rooms/${enc(roomId)}/messages${queryString({ limit, before })}`),
};
