/**
 * Board pushes: new posts to the censors' queue, decisions to censors and the author,
 * approved posts to everyone who may read the board.
 */
import { mayReadBoard, moderationItem, postView } from '../domain/boards';
import type { Bus } from '../domain/bus';
import type { Pack } from '../domain/pack';
import { can } from '../domain/policy';
import type { PostsRepo, UsersRepo } from '../domain/ports';
import type { IO } from './index';
import { rooms } from './rooms';

/** Subscribes the board pushes to the bus. */
export function boardPushes(io: IO, bus: Bus, pack: Pack, posts: PostsRepo, users: UsersRepo): void {
  const deps = { pack, posts, users };
  bus.on('boards:queued', (post) => {
    io.to(rooms.moderation(post.sessionId)).emit('moderation:queued', moderationItem(deps, post));
  });
  bus.on('boards:decided', (post) => {
    io.to(rooms.moderation(post.sessionId)).emit('moderation:decided', moderationItem(deps, post));
    if (post.authorId)
      io.to(rooms.user(post.authorId)).emit('boards:decided', postView(post, { userId: post.authorId }));
    if (post.status !== 'approved') return;
    const board = pack.boards.find((b) => b.id === post.boardId);
    if (!board) return;
    void io
      .in(rooms.session(post.sessionId))
      .fetchSockets()
      .then((sockets) => {
        for (const s of sockets) {
          if (can(s.data.actor, 'boards.read') && mayReadBoard(s.data.actor, board))
            s.emit('boards:post', postView(post));
        }
      });
  });
}
