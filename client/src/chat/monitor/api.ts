/** The API calls of the censor's chat monitor: the feed, closing rooms, muting and revoking people. */
import type { ChatMonitorResponse, ChatRoom } from '../../../../server/protocol/api';
import { enc, request } from '../../core/api';

/** Chat-monitor calls, one per route (censors only). */
export const monitorApi = {
  /** `GET /api/chat/monitor`: every message, newest first, with rooms and people. */
  monitor: (limit = 100) => request<ChatMonitorResponse>('GET', `/chat/monitor?limit=${limit}`),
  /** `POST /api/chat/rooms/:id/close`: close or reopen a room. */
  closeRoom: (roomId: string, closed: boolean) =>
    request<ChatRoom>('POST', `/chat/rooms/${enc(roomId)}/close`, { closed }),
  /** `POST /api/users/:username/mute`. */
  mute: (username: string, muted: boolean) =>
    request<{ username: string; muted: boolean }>('POST', `/users/${enc(username)}/mute`, { muted }),
  /** `POST /api/users/:username/revoke`: cuts the user's sockets and tokens at once. */
  revoke: (username: string, revoked: boolean) =>
    request<{ username: string; revoked: boolean }>('POST', `/users/${enc(username)}/revoke`, { revoked }),
};
