/**
 * The open network's pushes: new posts (`social:post`), changed counts (`social:counts`) and new
 * comments (`social:comment`), only to the sockets of the same session whose actor may use the
 * open network now (never in a closed round or from the lobby) and may see the target, as the
 * matching HTTP reads decide.
 */
import { maySeeTarget, socialCommentView, socialOpen, socialPostView, type SocialDeps } from '../domain/social';
import { channels } from './channels';
import { eachSocket, emitWhere } from './fanout';
import type { IO } from './index';

/** Subscribes the social pushes to the open network's announcements; returns the unsubscribe function. */
export function socialPushes(io: IO, deps: SocialDeps, log: (msg: string, err: unknown) => void): () => void {
  const offPost = deps.events.on('post', (post) => {
    // Per reader: a quote is shown only to those who may read what it quotes.
    void eachSocket(
      io,
      channels.session(post.sessionId),
      (s) => {
        const actor = s.data.actor;
        if (actor.sessionId === post.sessionId && socialOpen(actor))
          s.emit('social:post', { ...socialPostView(deps, post, actor), liked: false });
      },
      log,
      'push social:post',
    );
  });
  const offCounts = deps.events.on('counts', ({ sessionId, target }) => {
    const { likes, shares, comments } = deps.social.counts(sessionId, target, '');
    emitWhere(
      io,
      sessionId,
      (actor) => socialOpen(actor) && maySeeTarget(deps, actor, target),
      log,
      'social:counts',
      () => [{ target: { kind: target.kind, id: target.id }, likes, shares, comments }],
    );
  });
  const offComment = deps.events.on('comment', (comment) => {
    emitWhere(
      io,
      comment.sessionId,
      (actor) => socialOpen(actor) && maySeeTarget(deps, actor, comment.target),
      log,
      'social:comment',
      () => [socialCommentView(deps, comment)],
    );
  });
  return () => {
    offPost();
    offCounts();
    offComment();
  };
}
