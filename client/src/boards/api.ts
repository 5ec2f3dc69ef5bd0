/** The API calls of the message boards (the moderation console's are in `moderation/api.ts`). */
import type {
  BoardsResponse,
  NewReplyRequest,
  NewThreadRequest,
  Post,
  ThreadResponse,
  ThreadsResponse,
} from '../../../server/protocol/api';
import { enc, request } from '../core/api';

/** Board calls, one per route. */
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
};
