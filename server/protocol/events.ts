/**
 * socket.io event maps shared by server and client (type-only).
 * Names say their direction: the server pushes `trail:event`.
 */
import type { ArticleSummary, ModerationItem, Post, TrailEvent } from './api';

/** Events the server sends to clients. */
export interface ServerToClientEvents {
  /** A new surveillance-trail event, sent to users who may read the trail. */
  'trail:event': (event: TrailEvent) => void;
  /** An article was published (sent only to users who may read it). */
  'media:published': (article: ArticleSummary) => void;
  /** An article was withdrawn; readers drop it from their pages. */
  'media:unpublished': (ref: { id: string; site: string }) => void;
  /** A post was approved: sent to users who may read its board. */
  'boards:post': (post: Post) => void;
  /** A censor decided on one of this user's own posts. */
  'boards:decided': (post: Post) => void;
  /** A new post waits in the moderation queue (censors only). */
  'moderation:queued': (item: ModerationItem) => void;
  /** A queued post was decided (censors only): drop it from the queue. */
  'moderation:decided': (item: ModerationItem) => void;
  /** This user's access was withdrawn; the client drops to the login screen. */
  'session:ended': (reason: { code: string; message: string }) => void;
}

/** Events clients send to the server. */
export interface ClientToServerEvents {
  /** Ask for liveness; acknowledged with the server time. */
  'sys:ping': (ack: (reply: { ok: true; at: string }) => void) => void;
}
