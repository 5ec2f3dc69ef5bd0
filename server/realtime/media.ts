/**
 * Pushes published and withdrawn articles to the connected users who may read them.
 */
import type { Bus } from '../domain/bus';
import { mayRead, summaryOf } from '../domain/media';
import type { Pack } from '../domain/pack';
import { can } from '../domain/policy';
import type { IO } from './index';
import { emitWhere } from './fanout';

/** Subscribes the media pushes to the bus; returns the unsubscribe function. */
export function mediaPushes(io: IO, bus: Bus, pack: Pack, log: (msg: string, err: unknown) => void): () => void {
  const offPublished = bus.on('media:published', (article) => {
    emitWhere(
      io,
      article.sessionId,
      (actor) => mayRead(pack, actor, article),
      log,
      'media:published',
      () => [summaryOf(article, pack)],
    );
  });
  const offUnpublished = bus.on('media:unpublished', (article) => {
    // Only those who could read it while it was live (and the editors) learn it is gone:
    // an id is a headline slug, so it is as much data as the article.
    const wasReadable = { ...article, status: 'published' as const };
    emitWhere(
      io,
      article.sessionId,
      (actor) => can(actor, 'media.publish') || mayRead(pack, actor, wasReadable),
      log,
      'media:unpublished',
      () => [{ id: article.id, site: article.site }],
    );
  });
  return () => {
    offPublished();
    offUnpublished();
  };
}
