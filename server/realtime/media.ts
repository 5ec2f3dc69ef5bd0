/**
 * Pushes published and withdrawn articles to the connected users who may read them.
 */
import type { Bus } from '../domain/bus';
import { mayRead, summaryOf } from '../domain/media';
import type { Pack } from '../domain/pack';
import type { IO } from './index';
import { rooms } from './rooms';

/** Subscribes the media pushes to the bus; returns the unsubscribe function. */
export function mediaPushes(io: IO, bus: Bus, pack: Pack): () => void {
  const offPublished = bus.on('media:published', (article) => {
    void io
      .in(rooms.session(article.sessionId))
      .fetchSockets()
      .then((sockets) => {
        const summary = summaryOf(article);
        for (const s of sockets) if (mayRead(pack, s.data.actor, article)) s.emit('media:published', summary);
      });
  });
  const offUnpublished = bus.on('media:unpublished', (article) => {
    io.to(rooms.session(article.sessionId)).emit('media:unpublished', { id: article.id, site: article.site });
  });
  return () => {
    offPublished();
    offUnpublished();
  };
}
