/**
 * Board pushes: new posts to the censors' queue, decisions to censors and the author,
 * approved posts to everyone who may read the board.
 */
import { mayReadBoard, moderationItem, postView } from '../domain/boards';
import type { Bus } from '../domain/bus';
import type { Pack } from '../domain/pack';
import type { PostRecord, PostsRepo, UsersRepo } from '../domain/ports';
import type { IO } from './index';
import { emitInEachLocale, emitWhere } from './fanout';
import { channels } from './channels';

/** Subscribes the board pushes to the bus. */
export function boardPushes(
  io: IO,
  bus: Bus,
  pack: Pack,
  posts: PostsRepo,
  users: UsersRepo,
  log: (msg: string, err: unknown) => void,
): void {
  const deps = { pack, posts, users };
  bus.on('boards:queued', (post) => {
    emitInEachLocale(io, channels.moderation(post.sessionId), 'moderation:queued', () => [moderationItem(deps, post)]);
  });
  bus.on('boards:decided', (post) => {
    emitInEachLocale(io, channels.moderation(post.sessionId), 'moderation:decided', () => [moderationItem(deps, post)]);
    const authorId = post.authorId;
    if (authorId)
      emitInEachLocale(io, channels.user(authorId), 'boards:decided', () => [
        postView(post, { userId: authorId }, deps),
      ]);
    if (post.status === 'approved') pushPost(post);
  });
  bus.on('boards:published', pushPost);

  function pushPost(post: PostRecord): void {
    const board = pack.boards.find((b) => b.id === post.boardId);
    if (!board) return;
    emitWhere(
      io,
      post.sessionId,
      (actor) => mayReadBoard(actor, board),
      log,
      'boards:post',
      () => [postView(post)],
    );
  }
}
