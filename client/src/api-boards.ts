/**
 * The API calls of the message boards and the censor's moderation console.
 * Kept apart from `api.ts` so that only the screens that use them load them.
 */
import type {
  BoardsResponse,
  HistoryResponse,
  ModerationItem,
  ModerationRequest,
  NewReplyRequest,
  NewThreadRequest,
  Post,
  QueueResponse,
  ThreadResponse,
  ThreadsResponse,
} from '../../server/protocol/api';
import { request } from './api';

const enc = encodeURIComponent;

/** Board and moderation calls, one per route. */
export const boardsApi = {
  /** `GET /api/boards`: the boards this user may read. */
  boards: () => request<BoardsResponse>('GET', '/boards'),
  /** `GET /api/boards/:id/threads`: approved threads plus the caller's own, newest activity first. */
  threads: (boardId: string) => request<ThreadsResponse>('GET', `/boards/${enc(boardId)}/threads`),
  /** `GET /api/threads/:id`: the thread and its replies, oldest first. */
  thread: (threadId: string) => request<ThreadResponse>('GET', `/threads/${enc(threadId)}`),
  /** `POST /api/boards/:id/threads`: a new thread, pending approval (422 when filtered). */
  startThread: (boardId: string, input: NewThreadRequest) =>
    request<Post>('POST', `/boards/${enc(boardId)}/threads`, input),
  /** `POST /api/threads/:id/replies`: a reply, pending approval (422 when filtered). */
  reply: (threadId: string, input: NewReplyRequest) =>
    request<Post>('POST', `/threads/${enc(threadId)}/replies`, input),
  /** `GET /api/moderation/queue` (censors): pending posts, oldest first. */
  queue: () => request<QueueResponse>('GET', '/moderation/queue'),
  /** `GET /api/moderation/history` (censors): decisions, newest first. */
  history: () => request<HistoryResponse>('GET', '/moderation/history'),
  /** `POST /api/moderation/:postId` (censors): approve, or reject with a reason. */
  decide: (postId: string, input: ModerationRequest) =>
    request<ModerationItem>('POST', `/moderation/${enc(postId)}`, input),
};
