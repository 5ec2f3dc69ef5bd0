/**
 * API shapes of the message boards and the moderation queue (type-only).
 */
import type { DecidedBy, Role, SocialCounts } from './api';

/** A message board as a user who may read it sees it. */
export interface Board {
  id: string;
  title: string;
  description: string;
  /** Whether this user may start threads and reply here. */
  mayPost: boolean;
  /** Approved threads on the board. */
  threadCount: number;
}

/** `GET /api/boards`: the boards this user may read. */
export interface BoardsResponse {
  boards: Board[];
}

/** Where a post is in pre-moderation. */
export type PostStatus = 'pending' | 'approved' | 'rejected';

/** A thread's opening post or a reply, under its author's real name and role. */
export interface Post {
  id: string;
  boardId: string;
  /** The thread it belongs to; a thread's opening post has its own id here. */
  threadId: string;
  /** Only an opening post has a title. */
  title: string | null;
  body: string;
  authorName: string;
  authorRole: Role;
  status: PostStatus;
  /** The censor's reason, shown only to the author of a rejected post. */
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Written by a member of the simulated cast. */
  simulated?: true;
  /** The simulated bureau, when it decided: on the author's own decided posts only (a person who censors is never named to them). */
  decidedBy?: DecidedBy | null;
}

/** A thread in a board's list. */
export interface ThreadSummary {
  id: string;
  boardId: string;
  title: string;
  authorName: string;
  authorRole: Role;
  status: PostStatus;
  reason: string | null;
  createdAt: string;
  replyCount: number;
  lastActivityAt: string;
  /** Started by a member of the simulated cast. */
  simulated?: true;
  /** Open mode only: likes, shares and comments on the open network (absent in closed mode). */
  social?: SocialCounts;
}

/** `GET /api/boards/:id/threads`: approved threads, plus the caller's own pending or rejected ones. */
export interface ThreadsResponse {
  board: Board;
  threads: ThreadSummary[];
}

/** `GET /api/threads/:id`: the thread with its approved replies and the caller's own pending or rejected ones. */
export interface ThreadResponse {
  board: Board;
  thread: Post;
  replies: Post[];
  /** Open mode only: the thread's likes, shares and comments (absent in closed mode). */
  social?: SocialCounts;
}

/** `POST /api/boards/:id/threads`. */
export interface NewThreadRequest {
  title: string;
  body: string;
}

/** `POST /api/threads/:id/replies`. */
export interface NewReplyRequest {
  body: string;
}

/** A post waiting for (or past) a censor's decision, with where it was posted. */
export interface ModerationItem extends Post {
  boardTitle: string;
  threadTitle: string;
  /** The display name of the censor who decided, or the simulated bureau, once decided. */
  decidedBy: DecidedBy | null;
}

/** `GET /api/moderation/queue`: pending posts across all boards, oldest first. */
export interface QueueResponse {
  queue: ModerationItem[];
}

/** `GET /api/moderation/history`: decided posts, newest decision first. */
export interface HistoryResponse {
  decisions: ModerationItem[];
}

/** `POST /api/moderation/:postId`: a reason is required to reject. */
export interface ModerationRequest {
  decision: 'approve' | 'reject';
  reason?: string;
}
