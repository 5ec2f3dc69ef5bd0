/**
 * The open network (issue 11): the social site, and the like/share/comment controls on boards and
 * state media, which exist only for an actor whose session runs in open mode. In closed mode every
 * `/api/social/*` route answers 403 `{error: {code: "forbidden"}}` and no response carries any of
 * these fields. Type-only.
 */
import type { Role } from './vocabulary';

/** What a like, a comment or a quote may point at. */
export type SocialTargetKind = 'post' | 'article' | 'thread';

/** A thing on the network: a social post, a state-media article, a board thread. */
export interface SocialTarget {
  kind: SocialTargetKind;
  id: string;
}

/** A post on the social site. A share is a post with `parentId` (the post it shares). */
export interface SocialPost {
  id: string;
  /** The author's seat (user id): the profile to open. */
  authorId: string;
  authorName: string;
  /** The author's role, only when they chose to show it on their profile. */
  authorRole: Role | null;
  /** What the author wrote (a share's optional comment; may be empty for a plain share). */
  text: string;
  createdAt: string;
  /** The post this one shares (its parent in the spread tree), or null for an original. */
  parentId: string | null;
  /** The original at the root of the share tree (its own id for an original). */
  rootId: string;
  /** The original post, shown inside a share (absent for an original). */
  root?: { id: string; authorId: string; authorName: string; text: string; createdAt: string; quote?: SocialQuote };
  /** An article or thread this post quotes (shared from a board or state media). */
  quote?: SocialQuote;
  likes: number;
  /** How many shares name this post as their parent. */
  shares: number;
  /** Whether the reader likes it. */
  liked: boolean;
}

/** An article or thread shared into the social site. */
export interface SocialQuote {
  kind: 'article' | 'thread';
  id: string;
  title: string;
  /** Where it opens in the walled browser, e.g. `news.intra/article/<id>`. */
  address: string;
}

/** `POST /api/social/posts` body: an original (`text`, optional `quote`), or a share (`parentId`, optional `text`). */
export interface NewSocialPostRequest {
  text: string;
  parentId?: string;
  quote?: { kind: 'article' | 'thread'; id: string };
}

/** `POST /api/social/posts` → 201. */
export interface NewSocialPostResponse {
  post: SocialPost;
}

/** `GET /api/social/feed?cursor=`: followed people first, then everyone, newest first within each. */
export interface FeedResponse {
  posts: SocialPost[];
  /** Opaque; absent or null at the end. */
  nextCursor: string | null;
}

/** One entry of the trending list: a post and its decaying score. */
export interface TrendingPost extends SocialPost {
  /** Likes and shares of the window, each weighted by how recent it is (halves every `halfLifeMinutes`). */
  score: number;
}

/** `GET /api/social/trending`: most shared and liked in the last `windowMinutes`, highest score first. */
export interface TrendingResponse {
  posts: TrendingPost[];
  windowMinutes: number;
  halfLifeMinutes: number;
}

/** `POST|DELETE /api/social/posts/:id/like` (and `/api/social/articles/:id/like`, `/api/social/threads/:id/like`). */
export interface LikeResponse {
  likes: number;
  liked: boolean;
}

/** `GET /api/social/profiles/:playerId`. */
export interface ProfileResponse {
  profile: {
    playerId: string;
    name: string;
    /** Null unless the student chose to show it. */
    role: Role | null;
    showsRole: boolean;
    followers: number;
    following: number;
    /** Whether the reader follows them. */
    followed: boolean;
    /** Whether this is the reader's own profile. */
    own: boolean;
  };
  posts: SocialPost[];
}

/** `PATCH /api/social/profile` body: the reader's own profile settings. */
export interface ProfileSettingsRequest {
  showRole: boolean;
}

/** `POST /api/social/follows` body. */
export interface FollowRequest {
  playerId: string;
}

/** `POST /api/social/follows` / `DELETE /api/social/follows/:playerId`. */
export interface FollowResponse {
  following: boolean;
  followers: number;
}

/** A comment under an article, a thread or a social post (open mode only). */
export interface SocialComment {
  id: string;
  target: SocialTarget;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

/** `POST /api/social/comments` body. */
export interface NewCommentRequest {
  target: SocialTarget;
  text: string;
}

/** `GET /api/social/comments?kind=&id=`: oldest first. */
export interface CommentsResponse {
  comments: SocialComment[];
}

/** The open-mode counts of an article or thread, carried in their responses only in open mode. */
export interface SocialCounts {
  likes: number;
  liked: boolean;
  shares: number;
  comments: number;
}

/** `social:counts` push: a target's counts now (without `liked`, which is per reader). */
export interface SocialCountsPush {
  target: SocialTarget;
  likes: number;
  shares: number;
  comments: number;
}

/** `social:comment` push: a new comment under a target. */
export type SocialCommentPush = SocialComment;
