/**
 * Names of the socket.io channels (socket.io "rooms") sockets are put in. Chat rooms are a
 * different thing and have their own channel names (`chatChannel` in `./chat.ts`).
 */
import type { Locale } from '../protocol/vocabulary';

export const channels = {
  /** Everyone connected to a session. */
  session: (sid: string) => `session:${sid}`,
  /** Every socket of one user (for revocation). */
  user: (uid: string) => `user:${uid}`,
  /** Every socket of one login (for logout). */
  login: (lid: string) => `login:${lid}`,
  /** Those who may read a session's trail. */
  trail: (sid: string) => `trail:${sid}`,
  /** Those who may review a session's moderation queue. */
  moderation: (sid: string) => `moderation:${sid}`,
  /** Censors watching every chat message of a session. */
  monitor: (sid: string) => `monitor:${sid}`,
  /** Every socket whose login reads in `locale` (each socket is in exactly one). */
  locale: (locale: Locale) => `locale:${locale}`,
};
