/**
 * The repository interfaces the domain needs; `server/store` implements them.
 */
import type {
  ArticleStatus,
  ChatMessage,
  Mode,
  SessionRound,
  PostStatus,
  Role,
  SectionId,
  SocialCounts,
  TrailEvent,
} from '../protocol/api';
import type { QuizPhase } from '../protocol/debrief';
import type { CastSettings } from '../protocol/cast';
import type { Locale } from '../protocol/vocabulary';
import type { TrailQuery } from './trail';

/** A simulation session: every user and event belongs to one. */
export interface SessionRecord {
  id: string;
  name: string;
  code: string;
  mode: Mode;
  createdAt: string;
  /** Present for a class session a facilitator created (absent for the pack's demo session). */
  class?: ClassState;
  /** The simulated cast's settings the facilitator changed (the rest are the defaults of `cast.ts`). */
  cast?: Partial<CastSettings>;
  /** Present for a museum kiosk visit: a throwaway session of one persona (`kiosk.ts`). */
  kiosk?: { persona: string };
}

/** The running state of a class session. */
export interface ClassState {
  /** The facilitator's user id. */
  ownerId: string;
  /** The scenario pack it runs. */
  packId: string;
  capacity: number;
  lateJoin: boolean;
  locked: boolean;
  paused: boolean;
  ended: boolean;
  round: SessionRound | null;
  /** How many rounds were started so far. */
  rounds: number;
  /** The last distribution preset used (late joiners are placed by it). */
  preset: 'realistic' | 'active' | null;
  /** Folded names of removed students: refused when they try to join again. */
  removedNames: string[];
  /**
   * The last inspection fired (smuggled files): censors may inspect devices until `until`, and only
   * while the round it was fired in (`round`, null outside any round) still runs.
   */
  inspection?: { startedAt: string; until: string; round: number | null };
  /** True once the facilitator opened the after-quiz (the before-quiz then closes). */
  quizAfter?: boolean;
  /** Whether the facilitator may download the transcript (absent: true; issue 13). */
  transcript?: boolean;
}

/** A stored user (a persona in a session). */
export interface UserRecord {
  id: string;
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  description: string;
  passwordHash: string;
  /** Bumped to invalidate every token issued before. */
  tokenVersion: number;
  /** A muted user can read chat but not send. */
  muted?: boolean;
  /** A revoked user is logged out everywhere and cannot log in. */
  revoked?: boolean;
  /** Present for a student's seat in a class session (no password; `role` is `citizen` until given). */
  seat?: SeatRecord;
}

/** A student's seat. */
export interface SeatRecord {
  joinedAt: string;
  /** False until the facilitator gives a role: the seat waits in the lobby and may do nothing. */
  assigned: boolean;
  /** True once removed: the seat's logins ended, its name refused in this session. */
  removed?: boolean;
}

/** Users of all sessions. */
export interface UsersRepo {
  /** A user by session and user name, or undefined. */
  findByUsername(sessionId: string, username: string): UserRecord | undefined;
  /** A user by id, or undefined. */
  findById(id: string): UserRecord | undefined;
  /** Every user of a session. */
  list(sessionId: string): UserRecord[];
  /** Changes a user and resolves once the change is on disk. */
  update(id: string, change: Partial<Omit<UserRecord, 'id' | 'sessionId'>>): Promise<UserRecord>;
  /** Stores a new user (a student's seat); resolves once on disk. */
  insert(user: UserRecord): Promise<UserRecord>;
}

/** One login: a token carries its id, and the login ends at logout or expiry. */
export interface LoginRecord {
  id: string;
  userId: string;
  sessionId: string;
  createdAt: string;
  /** When the token issued for it expires (ISO time). */
  expiresAt: string;
  /** The language chosen in this browser (absent: English). */
  locale?: Locale;
}

/** Live logins, so that logging out ends a token before it expires. */
export interface LoginsRepo {
  /** A live login by id, or undefined (ended, pruned or never issued). */
  get(id: string): LoginRecord | undefined;
  /** Stores a new login, dropping those already expired at `now`; resolves once on disk. */
  start(login: LoginRecord, now: Date): Promise<void>;
  /** Ends a login; resolves once on disk. Ending an unknown id does nothing. */
  end(id: string): Promise<void>;
  /** Sets the language of a live login; resolves once on disk. An unknown id does nothing. */
  setLocale(id: string, locale: Locale): Promise<void>;
  /** Ends every login `match` accepts (e.g. a removed seat's, a deleted session's); resolves with them, once on disk. */
  endWhere(match: (login: LoginRecord) => boolean): Promise<LoginRecord[]>;
  /** Drops every login expired at `now`; resolves with how many, once on disk. */
  prune(now: Date): Promise<number>;
  /** How many logins are stored. */
  count(): number;
  /** Whether a session has a login still live at `now`. */
  anyFor(sessionId: string, now: Date): boolean;
  /** The language of a session's newest login (a kiosk visit has one), or undefined. */
  localeFor(sessionId: string): Locale | undefined;
}

/** Sessions. */
export interface SessionsRepo {
  /** A session by id, or undefined. */
  get(id: string): SessionRecord | undefined;
  /** The session a fresh login without a join code enters. */
  defaultSession(): SessionRecord;
  /** Sets a session's mode; resolves once on disk. Unknown ids do nothing. */
  setMode(id: string, mode: Mode): Promise<void>;
  /** Every session, in creation order. */
  list(): SessionRecord[];
  /** Stores a new session; resolves once on disk. */
  insert(session: SessionRecord): Promise<SessionRecord>;
  /** Changes a session (its `class` state is replaced as a whole when given); resolves once on disk. */
  update(id: string, change: Partial<Omit<SessionRecord, 'id'>>): Promise<SessionRecord>;
}

/** Whole-session storage operations over every store (the document, chat logs, the trail). */
export interface SessionStorage {
  /** Removes every record of a session from disk: document records, chat logs, trail events. */
  purge(sessionId: string): Promise<void>;
  /**
   * Puts a session's content back to the pack: its articles and posts replaced by `content`, room
   * states, the open network's records and chat logs cleared; with `dropSeats`, its users and
   * logins removed too.
   */
  resetContent(
    sessionId: string,
    content: { articles: ArticleRecord[]; posts: PostRecord[] },
    dropSeats: boolean,
  ): Promise<void>;
}

/** The append-only surveillance trail. */
export interface TrailRepo {
  /** Appends an event; resolves once it is on disk. */
  append(event: TrailEvent): Promise<void>;
  /** Events matching a query, newest first. */
  query(q: TrailQuery): TrailEvent[];
  /** How many events of `kind` a session has. */
  count(sessionId: string, kind: TrailEvent['kind']): number;
}

/** A stored state-media article (pack-seeded or written at the editor desk). */
export interface ArticleRecord {
  id: string;
  sessionId: string;
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  body: string;
  date: string;
  lead: boolean;
  status: ArticleStatus;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** User name of the editor who last changed it; internal, never shown to readers. */
  editor: string | null;
}

/** State-media articles. */
export interface ArticlesRepo {
  /** Every article of a session. */
  list(sessionId: string): ArticleRecord[];
  /** Every article of every session. */
  all(): ArticleRecord[];
  /** One article of a session by id, or undefined (pack ids repeat in every session). */
  get(id: string, sessionId: string): ArticleRecord | undefined;
  /** Stores a new article; resolves once it is on disk. */
  insert(article: ArticleRecord): Promise<ArticleRecord>;
  /** Changes an article of a session; resolves once it is on disk. */
  update(
    id: string,
    sessionId: string,
    change: Partial<Omit<ArticleRecord, 'id' | 'sessionId'>>,
  ): Promise<ArticleRecord>;
}

/** A stored board post: a thread's opening post (threadId === id) or a reply. */
export interface PostRecord {
  id: string;
  sessionId: string;
  boardId: string;
  threadId: string;
  title: string | null;
  body: string;
  authorId: string | null;
  authorName: string;
  authorRole: Role;
  status: PostStatus;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** The deciding censor's user name, or the simulated bureau's (a `cast_` name of the pack). */
  decidedBy: string | null;
  /** Written by a member of the simulated cast (`authorId` is then null). */
  simulated?: true;
}

/** Message-board posts. */
export interface PostsRepo {
  /** Every post of a session, oldest first. */
  list(sessionId: string): PostRecord[];
  /** One post of a session by id, or undefined (pack thread ids repeat in every session). */
  get(id: string, sessionId: string): PostRecord | undefined;
  /** Stores a new post; resolves once it is on disk. */
  insert(post: PostRecord): Promise<PostRecord>;
  /** Changes a post of a session; resolves once it is on disk. */
  update(id: string, sessionId: string, change: Partial<Omit<PostRecord, 'id' | 'sessionId'>>): Promise<PostRecord>;
}

/** The messages of one chat room or conversation: an append-only log. */
export interface ChatRoomLog {
  /** Delivered messages, oldest first. */
  readonly items: readonly ChatMessage[];
  /** Appends a message; resolves once it is on disk. */
  append(message: ChatMessage): Promise<void>;
}

/** Chat history, one log per room, opened on first use. */
export interface ChatRepo {
  /** The log of a room (or `dm:` conversation) of a session. */
  room(sessionId: string, roomId: string): Promise<ChatRoomLog>;
}

/** Which chat rooms are closed, per session. */
export interface RoomStatesRepo {
  /** Whether a room is closed. */
  isClosed(sessionId: string, roomId: string): boolean;
  /** Closes or reopens a room; resolves once on disk. */
  setClosed(sessionId: string, roomId: string, closed: boolean): Promise<void>;
  /** The closed rooms of a session. */
  closed(sessionId: string): string[];
}

/** A post on the open network's social site; a share has `parentId`. */
export interface SocialPostRecord {
  id: string;
  sessionId: string;
  authorId: string;
  /** The author's display name when posted (the current one is shown where the user still exists). */
  authorName: string;
  text: string;
  createdAt: string;
  /** The post this one shares, or null for an original. */
  parentId: string | null;
  /** The original at the root of the share tree (its own id for an original). */
  rootId: string;
  /** An article or thread the post quotes. */
  quote?: { kind: 'article' | 'thread'; id: string };
}

/** What a like or a comment is about. */
export interface SocialTargetRef {
  kind: 'post' | 'article' | 'thread';
  id: string;
}

/** One user's like of one target (at most one per user and target). */
export interface SocialLikeRecord {
  sessionId: string;
  userId: string;
  target: SocialTargetRef;
  createdAt: string;
}

/** One user following another. */
export interface SocialFollowRecord {
  sessionId: string;
  followerId: string;
  followedId: string;
  createdAt: string;
}

/** A comment under a post, an article or a thread. */
export interface SocialCommentRecord {
  id: string;
  sessionId: string;
  target: SocialTargetRef;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

/** A user's profile settings on the social site. */
export interface SocialProfileRecord {
  sessionId: string;
  userId: string;
  showRole: boolean;
}

/** The open network's records, per session. Counts are kept indexed so a feed page costs its page only. */
export interface SocialRepo {
  /** Every social post of a session, oldest first. */
  posts(sessionId: string): readonly SocialPostRecord[];
  /** One social post of a session, or undefined. */
  post(id: string, sessionId: string): SocialPostRecord | undefined;
  /** Stores a new post; resolves once on disk. */
  insertPost(post: SocialPostRecord): Promise<SocialPostRecord>;
  /** How many shares name a post as their parent. */
  shareCount(sessionId: string, postId: string): number;
  /** How many posts quote an article or thread. */
  quoteCount(sessionId: string, target: SocialTargetRef): number;
  /** Every like of a session, oldest first. */
  likes(sessionId: string): readonly SocialLikeRecord[];
  /** How many likes a target has. */
  likeCount(sessionId: string, target: SocialTargetRef): number;
  /** Whether a user likes a target. */
  liked(sessionId: string, target: SocialTargetRef, userId: string): boolean;
  /** Stores a like; resolves true once on disk, or false (writing nothing) when it was already there. */
  addLike(like: SocialLikeRecord): Promise<boolean>;
  /** Removes a like; resolves true once on disk, or false (writing nothing) when there was none. */
  removeLike(sessionId: string, target: SocialTargetRef, userId: string): Promise<boolean>;
  /** The ids a user follows. */
  following(sessionId: string, userId: string): string[];
  /** How many follow a user. */
  followerCount(sessionId: string, userId: string): number;
  /** Stores a follow; resolves true once on disk, or false (writing nothing) when it was already there. */
  addFollow(follow: SocialFollowRecord): Promise<boolean>;
  /** Removes a follow; resolves true once on disk, or false (writing nothing) when there was none. */
  removeFollow(sessionId: string, followerId: string, followedId: string): Promise<boolean>;
  /** The comments under a target, oldest first. */
  comments(sessionId: string, target: SocialTargetRef): SocialCommentRecord[];
  /** How many comments a target has. */
  commentCount(sessionId: string, target: SocialTargetRef): number;
  /**
   * A target's counts for one reader: likes, whether they like it, shares (of a post: the shares
   * naming it as parent; of an article or thread: the posts quoting it) and comments.
   */
  counts(sessionId: string, target: SocialTargetRef, userId: string): SocialCounts;
  /** Stores a comment; resolves once on disk. */
  insertComment(comment: SocialCommentRecord): Promise<SocialCommentRecord>;
  /** A user's profile settings, or undefined (defaults apply). */
  profile(sessionId: string, userId: string): SocialProfileRecord | undefined;
  /** Stores a user's profile settings; resolves once on disk. */
  setProfile(profile: SocialProfileRecord): Promise<SocialProfileRecord>;
}

/** One device's mark on a copy (smuggled files): appended when the copy reaches a holder, never removed. */
export interface FileMark {
  userId: string;
  /** The holder's display name when the mark was made. */
  name: string;
  at: string;
}

/** One copy of a pack file on someone's USB stick; `holderId` null once confiscated. */
export interface FileCopyRecord {
  copyId: string;
  sessionId: string;
  fileId: string;
  holderId: string | null;
  /** The chain of custody, first holder first. */
  marks: FileMark[];
  createdAt: string;
}

/** A Notel player; `holderId` null once confiscated. */
export interface NotelRecord {
  notelId: string;
  sessionId: string;
  holderId: string | null;
}

/** One change to a session's smuggled files (the store keeps them as an append-only log). */
export type FilesChange =
  /** A new copy, its chain starting with its first holder. */
  | { op: 'copy'; sessionId: string; copy: FileCopyRecord }
  /** A copy moves to a holder (null: confiscated); a mark, when given, is appended to its chain. */
  | { op: 'move'; sessionId: string; copyId: string; holderId: string | null; mark?: FileMark }
  /** A Notel is given, handed over or confiscated (null). */
  | { op: 'notel'; sessionId: string; notelId: string; holderId: string | null }
  /** The session's starting Notels were given out (once). */
  | { op: 'granted'; sessionId: string }
  /** A censor inspected a device and saw these copies (they may now be traced). */
  | { op: 'inspected'; sessionId: string; playerId: string; copyIds: string[] }
  /** A demo persona found the pack's stick (once). */
  | { op: 'found'; sessionId: string; userId: string };

/** Smuggled files per session: copies with their chains, Notels, inspections, finds. */
export interface FilesRepo {
  /** Every copy of a session, oldest first (confiscated ones too). */
  copies(sessionId: string): readonly FileCopyRecord[];
  /** One copy by id, or undefined. */
  copy(copyId: string): FileCopyRecord | undefined;
  /** The Notels of a session. */
  notels(sessionId: string): readonly NotelRecord[];
  /** Whether the session's starting Notels were given out. */
  granted(sessionId: string): boolean;
  /** Whether an inspection in the session saw the copy. */
  inspected(sessionId: string, copyId: string): boolean;
  /** Whether an inspection in the session looked at the player's device. */
  inspectedPlayer(sessionId: string, playerId: string): boolean;
  /** Whether a user of the session found the pack's stick. */
  found(sessionId: string, userId: string): boolean;
  /** Applies changes in memory at once, in order, and resolves once they are on disk. */
  change(...changes: FilesChange[]): Promise<void>;
}

/** One student's answers to one phase of the quiz (every item of the pack's quiz, once each). */
export interface QuizAnswerRecord {
  sessionId: string;
  userId: string;
  phase: QuizPhase;
  at: string;
  answers: { itemId: string; answer: boolean }[];
}

/** The quiz's answers per session: an append-only log, one record per student and phase. */
export interface QuizRepo {
  /** Every answer set of a session, oldest first. */
  list(sessionId: string): readonly QuizAnswerRecord[];
  /** A student's answer set of one phase, or undefined. */
  of(sessionId: string, userId: string, phase: QuizPhase): QuizAnswerRecord | undefined;
  /** Stores an answer set; readable at once, resolves once on disk. */
  insert(record: QuizAnswerRecord): Promise<QuizAnswerRecord>;
}
