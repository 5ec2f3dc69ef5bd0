/**
 * What the board screens share: the words for a post's status, how a failed
 * post is explained, and keeping lists of threads and posts up to date from live pushes.
 */
import { msg, str } from '@lit/localize';
import type { Post, PostStatus, ThreadSummary } from '../../../server/protocol/api';
import { PATTERNS } from '../../../server/protocol/vocabulary';
import { ApiFailure } from '../core/api';
import { decider } from '../cast/cast';
import { errorText } from '../core/error-text';

/** The mark an author sees on their own post that is not (yet) public; empty when approved. */
export function statusLabel(status: PostStatus): string {
  switch (status) {
    case 'pending':
      return msg('Awaiting approval');
    case 'rejected':
      return msg('Rejected');
    case 'approved':
      return '';
  }
}

/** What to tell someone whose post did not go through (their text is always kept). */
export function describePostFailure(error: unknown): string {
  if (error instanceof ApiFailure) {
    // The filter's answer is neutral on purpose: it never says which word.
    if (error.status === 422) return msg('This post cannot be published.');
    if (error.status === 400 || error.status === 409 || error.status === 429)
      return errorText(error, msg('Something you entered is not accepted. Check it and try again.'));
    if (error.status === 403) return msg('You may not post here.');
    if (error.status === 404) return msg('This board or thread no longer exists.');
    if (error.status === 0) return msg('The server could not be reached. Your text is kept: try again.');
  }
  return msg('Something went wrong. Your text is kept: try again.');
}

/** Whether a post opens a thread (rather than replying in one). */
export function isOpening(post: Post): boolean {
  return post.threadId === post.id;
}

/** A line of a board's list as the server sends it (`simulated` on a thread the simulated cast started). */
export type ListedThread = ThreadSummary;

/** A thread's opening post as a line of its board's list, keeping what the list already knew of it. */
export function summaryOf(post: Post, known?: ThreadSummary): ListedThread {
  return {
    id: post.id,
    boardId: post.boardId,
    title: post.title ?? '',
    authorName: post.authorName,
    authorRole: post.authorRole,
    status: post.status,
    reason: post.reason,
    createdAt: post.createdAt,
    replyCount: known?.replyCount ?? 0,
    lastActivityAt: known?.lastActivityAt ?? post.createdAt,
    ...(post.simulated ? { simulated: true as const } : {}),
  };
}

/** How the author is told, live, that their post was decided: by a censor, or by the simulated bureau by name. */
export function decisionAnnouncement(post: Post): string {
  const who = decider(post.decidedBy);
  const approved = post.status === 'approved';
  if (!who?.simulated) return approved ? msg('A censor approved your post.') : msg('A censor rejected your post.');
  return approved
    ? msg(str`${who.name} (simulated) approved your post.`)
    : msg(str`${who.name} (simulated) rejected your post.`);
}

/** Whether anything on a page was written or decided by the simulated cast (its placard explains them). */
export function showsCast(items: readonly (Pick<Post, 'simulated'> & { decidedBy?: Post['decidedBy'] })[]): boolean {
  return items.some((item) => item.simulated || decider(item.decidedBy)?.simulated);
}

/** `threads` with `thread` put in (replacing any copy), newest activity first. */
export function upsertThread<T extends ThreadSummary>(threads: readonly T[], thread: T): T[] {
  return [thread, ...threads.filter((known) => known.id !== thread.id)].sort((a, b) =>
    b.lastActivityAt.localeCompare(a.lastActivityAt),
  );
}

/** `posts` with `post` put in (replacing any copy), oldest first. */
export function upsertPost(posts: readonly Post[], post: Post): Post[] {
  return [...posts.filter((known) => known.id !== post.id), post].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
}

/** Which page of the boards site a path names. */
export type BoardsRoute =
  { kind: 'boards' } | { kind: 'board'; id: string } | { kind: 'thread'; id: string } | { kind: 'unknown' };

/** Reads '' | '/board/<id>' | '/thread/<id>'; anything else is an unknown page. */
export function parsePath(path: string): BoardsRoute {
  const [first, second, ...rest] = path.split('/').filter(Boolean);
  if (first === undefined) return { kind: 'boards' };
  if (rest.length > 0 || !second || !PATTERNS.recordId.test(second)) return { kind: 'unknown' };
  if (first === 'board') return { kind: 'board', id: second };
  if (first === 'thread') return { kind: 'thread', id: second };
  return { kind: 'unknown' };
}

/** Whether `post` belongs on the page at `route` (its board's list of threads, or its thread). */
export function isOnPage(route: BoardsRoute, post: Post): boolean {
  return (
    (route.kind === 'board' && post.boardId === route.id) || (route.kind === 'thread' && post.threadId === route.id)
  );
}

/** Whether a new `post` changes counts the page at `route` shows (threads on a board, replies in a thread). */
export function changesCounts(route: BoardsRoute, post: Post): boolean {
  return (
    (route.kind === 'boards' && isOpening(post)) ||
    (route.kind === 'board' && post.boardId === route.id && !isOpening(post))
  );
}
