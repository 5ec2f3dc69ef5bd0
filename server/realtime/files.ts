/**
 * Smuggled files' push: `files:changed` to the sockets of the one user whose device holdings
 * changed (a copy or a Notel received, handed over, found or confiscated). It carries only the
 * reason; the client re-reads its own `GET /api/files`, so nothing of anyone else's device travels.
 */
import type { FilesEvents } from '../domain/files';
import { channels } from './channels';
import type { IO } from './index';

/** Subscribes the files push to the files announcements; returns the unsubscribe function. */
export function filesPushes(io: IO, events: FilesEvents, log: (msg: string, err: unknown) => void): () => void {
  return events.on('changed', ({ userId, reason }) => {
    try {
      io.to(channels.user(userId)).emit('files:changed', { reason });
    } catch (err) {
      log('push files:changed failed', err);
    }
  });
}
