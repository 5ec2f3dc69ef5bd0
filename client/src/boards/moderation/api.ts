/** The API calls of the censor's moderation console. */
import type {
  HistoryResponse,
  ModerationItem,
  ModerationRequest,
  QueueResponse,
} from '../../../../server/protocol/api';
import { enc, request } from '../../core/api';

/** Moderation calls, one per route (censors only). */
export const moderationApi = {
  /** `GET /api/moderation/queue`: pending posts, oldest first. */
  queue: () => request<QueueResponse>('GET', '/moderation/queue'),
  /** `GET /api/moderation/history`: decisions, newest first. */
  history: () => request<HistoryResponse>('GET', '/moderation/history'),
  /** `POST /api/moderation/:postId`: approve, or reject with a reason. */
  decide: (postId: string, input: ModerationRequest) =>
    request<ModerationItem>('POST', `/moderation/${enc(postId)}`, input),
};
