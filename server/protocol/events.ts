/**
 * socket.io event maps shared by server and client (type-only).
 * Names say their direction: the server pushes `trail:event`.
 */
import type {
  ArticleSummary,
  ChatMessage,
  ChatMonitorEntry,
  ChatPeer,
  ChatRoom,
  ModerationItem,
  Post,
  Mode,
  Role,
  TrailEvent,
  SessionEventPush,
  SessionRoster,
  SessionState,
  SessionTrailEvent,
  SocialCommentPush,
  SocialCountsPush,
  SocialPost,
  FilesChangedPush,
  CastWarningPush,
} from './api';

/** What about a user's standing changed. */
export type StandingChange = 'role' | 'mode' | 'session' | 'revoked';

/** The error half of every acknowledgement. */
export interface AckError {
  ok: false;
  error: { code: string; message: string };
}

/** `chat:join` request: a room (or `dm:…` conversation), and optionally the last seq this client has. */
export interface ChatJoinRequest {
  roomId: string;
  /** Catch up: send every message after this seq instead of the recent history. */
  after?: number;
}

/** `chat:join` acknowledgement: the room, who is in it, history oldest first, and whether this user is muted. */
export type ChatJoinAck =
  { ok: true; room: ChatRoom; presence: ChatPeer[]; history: ChatMessage[]; muted: boolean } | AckError;

/** `chat:presence-delta`: people who are now in the room, and user names of people who are no longer. */
export interface ChatPresenceDelta {
  roomId: string;
  joined: ChatPeer[];
  left: string[];
}

/** `chat:send` request: to a room or to one person (`peer` = user name). */
export interface ChatSendRequest {
  roomId?: string;
  peer?: string;
  text: string;
  /** Chosen by the client; sending the same id again never stores the message twice. */
  clientId: string;
}

/** `chat:send` acknowledgement, sent once the message is on disk. `warning` when a word was rewritten. */
export type ChatSendAck = { ok: true; message: ChatMessage; warning?: string } | AckError;

/** `session:changed`: what changed, and the standing now (`role` null for a seat without one). */
export interface SessionChanged {
  change: StandingChange;
  role: Role | null;
  mode: Mode;
}

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
  /**
   * Open network: a new post or share on the social site, to the session's sockets in open mode
   * (`liked` is false: it is the reader's own, read by request).
   */
  'social:post': (post: SocialPost) => void;
  /** Open network: a post's, article's or thread's counts changed (sessions in open mode only). */
  'social:counts': (counts: SocialCountsPush) => void;
  /** Open network: a new comment under an article, thread or post (sessions in open mode only). */
  'social:comment': (comment: SocialCommentPush) => void;
  /** Smuggled files: the reader's own device holdings changed (re-read `GET /api/files`). */
  'files:changed': (push: FilesChangedPush) => void;
  /** A censor decided on one of this user's own posts. */
  'boards:decided': (post: Post) => void;
  /** A new post waits in the moderation queue (censors only). */
  'moderation:queued': (item: ModerationItem) => void;
  /** A queued post was decided (censors only): drop it from the queue. */
  'moderation:decided': (item: ModerationItem) => void;
  /** A message in a room or conversation this socket has joined (or a DM to this user). */
  'chat:message': (message: ChatMessage) => void;
  /**
   * Who came into a room and who left it (by user name) since the last delta, gathered over a
   * short window; the `chat:join` acknowledgement carries the full list to start from.
   */
  'chat:presence-delta': (delta: ChatPresenceDelta) => void;
  /** A room was closed or reopened. */
  'chat:room': (room: ChatRoom) => void;
  /** This user was muted or unmuted. */
  'chat:muted': (state: { muted: boolean }) => void;
  /** Every chat message, delivered or not (censors only). */
  'chat:monitor': (entry: ChatMonitorEntry) => void;
  /** The simulated bureau warned this user: too many of their messages were rewritten or blocked. */
  'cast:warning': (warning: CastWarningPush) => void;
  /**
   * This user's access was withdrawn; the client drops to the login screen (`code: 'removed'`: a
   * student removed from a class session, shown the "removed" screen).
   */
  'session:ended': (reason: { code: string; message: string }) => void;
  /**
   * This user's standing changed while connected (the session's mode, or their role): the socket
   * already acts on the new standing; the client re-reads `/api/me` and re-renders.
   */
  'session:changed': (change: SessionChanged) => void;
  /** A class session was paused/resumed, locked/unlocked, a round started or ended, or it ended (see sessions.ts). */
  'session:state': (state: SessionState) => void;
  /** A scripted event was fired in this session (news, chat shutdown, inspection). */
  'session:event': (event: SessionEventPush) => void;
  /** The owning facilitator only: the live roster and counts of one of their sessions. */
  'session:roster': (roster: SessionRoster) => void;
  /** The owning facilitator only: a new trail event of one of their sessions. */
  'session:trail': (event: SessionTrailEvent) => void;
}

/** Events clients send to the server. */
export interface ClientToServerEvents {
  /** Ask for liveness; acknowledged with the server time. */
  'sys:ping': (ack: (reply: { ok: true; at: string }) => void) => void;
  /** Enter a room: acknowledged with presence and history, or refused. */
  'chat:join': (req: ChatJoinRequest, ack: (reply: ChatJoinAck) => void) => void;
  /** Leave a room. */
  'chat:leave': (req: { roomId: string }, ack?: (reply: { ok: true } | AckError) => void) => void;
  /** Send a message: acknowledged once stored, or with an error. */
  'chat:send': (req: ChatSendRequest, ack: (reply: ChatSendAck) => void) => void;
}
