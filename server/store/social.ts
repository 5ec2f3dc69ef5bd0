/**
 * The open network's records (social posts, likes, follows, comments, profile settings) as one
 * append-only log of changes, `DATA_DIR/social.jsonl` (append-log.ts: O_DSYNC, appends of every
 * session grouped into one write), replayed into per-session state and count indexes on open, so
 * that a like costs one shared line on disk instead of a rewrite of its session's document (at a
 * class's rate of likes and shares, whole-document rewrites queued for seconds), and a feed page, a
 * like or a trending list costs its own items, not every record ever stored. Deleting or resetting
 * a session rewrites the log without its lines.
 */
import type {
  SocialCommentRecord,
  SocialFollowRecord,
  SocialLikeRecord,
  SocialPostRecord,
  SocialProfileRecord,
  SocialRepo,
  SocialTargetRef,
} from '../domain/ports';
import { AppendLog } from './append-log';

const targetKey = (t: SocialTargetRef) => `${t.kind}:${t.id}`;
const likeKey = (t: SocialTargetRef, userId: string) => `${targetKey(t)}\u0000${userId}`;
const followKey = (followerId: string, followedId: string) => `${followerId}\u0000${followedId}`;

/** One line of the log: a change to one session's social records. */
export type SocialLogEntry =
  | { op: 'post'; sessionId: string; post: SocialPostRecord }
  | { op: 'like'; sessionId: string; like: SocialLikeRecord }
  | { op: 'unlike'; sessionId: string; target: SocialTargetRef; userId: string }
  | { op: 'follow'; sessionId: string; follow: SocialFollowRecord }
  | { op: 'unfollow'; sessionId: string; followerId: string; followedId: string }
  | { op: 'comment'; sessionId: string; comment: SocialCommentRecord }
  | { op: 'profile'; sessionId: string; profile: SocialProfileRecord };

/** One session's records and the indexes over them. */
interface SessionState {
  posts: SocialPostRecord[];
  likes: SocialLikeRecord[];
  follows: SocialFollowRecord[];
  comments: SocialCommentRecord[];
  profiles: Map<string, SocialProfileRecord>;
  postById: Map<string, SocialPostRecord>;
  shares: Map<string, number>;
  quotes: Map<string, number>;
  likeSet: Set<string>;
  likeCounts: Map<string, number>;
  followSet: Set<string>;
  followers: Map<string, number>;
  commentsOf: Map<string, SocialCommentRecord[]>;
}

const bump = (m: Map<string, number>, key: string, by: number) => {
  const n = (m.get(key) ?? 0) + by;
  if (n > 0) m.set(key, n);
  else m.delete(key);
};

const emptyState = (): SessionState => ({
  posts: [],
  likes: [],
  follows: [],
  comments: [],
  profiles: new Map(),
  postById: new Map(),
  shares: new Map(),
  quotes: new Map(),
  likeSet: new Set(),
  likeCounts: new Map(),
  followSet: new Set(),
  followers: new Map(),
  commentsOf: new Map(),
});

/** Applies one change to a session's state; false when it changes nothing (a like already there…). */
function apply(st: SessionState, e: SocialLogEntry): boolean {
  switch (e.op) {
    case 'post': {
      if (st.postById.has(e.post.id)) return false;
      st.posts.push(e.post);
      st.postById.set(e.post.id, e.post);
      if (e.post.parentId) bump(st.shares, e.post.parentId, 1);
      if (e.post.quote) bump(st.quotes, targetKey(e.post.quote), 1);
      return true;
    }
    case 'like': {
      const key = likeKey(e.like.target, e.like.userId);
      if (st.likeSet.has(key)) return false;
      st.likes.push(e.like);
      st.likeSet.add(key);
      bump(st.likeCounts, targetKey(e.like.target), 1);
      return true;
    }
    case 'unlike': {
      const key = likeKey(e.target, e.userId);
      if (!st.likeSet.delete(key)) return false;
      const at = st.likes.findIndex((l) => l.userId === e.userId && targetKey(l.target) === targetKey(e.target));
      if (at >= 0) st.likes.splice(at, 1);
      bump(st.likeCounts, targetKey(e.target), -1);
      return true;
    }
    case 'follow': {
      const key = followKey(e.follow.followerId, e.follow.followedId);
      if (st.followSet.has(key)) return false;
      st.follows.push(e.follow);
      st.followSet.add(key);
      bump(st.followers, e.follow.followedId, 1);
      return true;
    }
    case 'unfollow': {
      if (!st.followSet.delete(followKey(e.followerId, e.followedId))) return false;
      const at = st.follows.findIndex((f) => f.followerId === e.followerId && f.followedId === e.followedId);
      if (at >= 0) st.follows.splice(at, 1);
      bump(st.followers, e.followedId, -1);
      return true;
    }
    case 'comment': {
      st.comments.push(e.comment);
      const key = targetKey(e.comment.target);
      const list = st.commentsOf.get(key);
      if (list) list.push(e.comment);
      else st.commentsOf.set(key, [e.comment]);
      return true;
    }
    case 'profile': {
      const existing = st.profiles.get(e.profile.userId);
      if (existing) existing.showRole = e.profile.showRole;
      else st.profiles.set(e.profile.userId, { ...e.profile });
      return true;
    }
  }
}

/** The social repository over its append-only log. */
export class LogSocial implements SocialRepo {
  private readonly sessions = new Map<string, SessionState>();

  private constructor(private readonly log: AppendLog<SocialLogEntry>) {
    for (const e of log.items) apply(this.of(e.sessionId), e);
  }

  /** Opens (creating if needed) the log at `file` and replays it. */
  static async open(file: string): Promise<LogSocial> {
    return new LogSocial(await AppendLog.open<SocialLogEntry>(file));
  }

  private of(sessionId: string): SessionState {
    let st = this.sessions.get(sessionId);
    if (!st) this.sessions.set(sessionId, (st = emptyState()));
    return st;
  }

  /** Applies a change in memory at once (the next request sees it) and resolves once its line is on disk. */
  private async change(e: SocialLogEntry): Promise<boolean> {
    if (!apply(this.of(e.sessionId), e)) return false;
    await this.log.append(e);
    return true;
  }

  /** Removes every record of a session, in memory and from the log's file. */
  async dropSession(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
    await this.log.retain((e) => e.sessionId !== sessionId);
  }

  /** Waits for pending appends and closes the file. */
  close(): Promise<void> {
    return this.log.close();
  }

  posts(sessionId: string) {
    return this.sessions.get(sessionId)?.posts ?? [];
  }

  post(id: string, sessionId: string) {
    return this.sessions.get(sessionId)?.postById.get(id);
  }

  async insertPost(post: SocialPostRecord) {
    await this.change({ op: 'post', sessionId: post.sessionId, post });
    return post;
  }

  shareCount(sessionId: string, postId: string) {
    return this.sessions.get(sessionId)?.shares.get(postId) ?? 0;
  }

  quoteCount(sessionId: string, target: SocialTargetRef) {
    return this.sessions.get(sessionId)?.quotes.get(targetKey(target)) ?? 0;
  }

  likes(sessionId: string) {
    return this.sessions.get(sessionId)?.likes ?? [];
  }

  likeCount(sessionId: string, target: SocialTargetRef) {
    return this.sessions.get(sessionId)?.likeCounts.get(targetKey(target)) ?? 0;
  }

  liked(sessionId: string, target: SocialTargetRef, userId: string) {
    return this.sessions.get(sessionId)?.likeSet.has(likeKey(target, userId)) ?? false;
  }

  addLike(like: SocialLikeRecord) {
    return this.change({ op: 'like', sessionId: like.sessionId, like });
  }

  removeLike(sessionId: string, target: SocialTargetRef, userId: string) {
    return this.change({ op: 'unlike', sessionId, target: { kind: target.kind, id: target.id }, userId });
  }

  following(sessionId: string, userId: string) {
    return (this.sessions.get(sessionId)?.follows ?? [])
      .filter((f) => f.followerId === userId)
      .map((f) => f.followedId);
  }

  followerCount(sessionId: string, userId: string) {
    return this.sessions.get(sessionId)?.followers.get(userId) ?? 0;
  }

  addFollow(follow: SocialFollowRecord) {
    return this.change({ op: 'follow', sessionId: follow.sessionId, follow });
  }

  removeFollow(sessionId: string, followerId: string, followedId: string) {
    return this.change({ op: 'unfollow', sessionId, followerId, followedId });
  }

  comments(sessionId: string, target: SocialTargetRef) {
    return [...(this.sessions.get(sessionId)?.commentsOf.get(targetKey(target)) ?? [])];
  }

  commentCount(sessionId: string, target: SocialTargetRef) {
    return this.sessions.get(sessionId)?.commentsOf.get(targetKey(target))?.length ?? 0;
  }

  counts(sessionId: string, target: SocialTargetRef, userId: string) {
    return {
      likes: this.likeCount(sessionId, target),
      liked: this.liked(sessionId, target, userId),
      shares: target.kind === 'post' ? this.shareCount(sessionId, target.id) : this.quoteCount(sessionId, target),
      comments: this.commentCount(sessionId, target),
    };
  }

  async insertComment(comment: SocialCommentRecord) {
    await this.change({ op: 'comment', sessionId: comment.sessionId, comment });
    return comment;
  }

  profile(sessionId: string, userId: string) {
    return this.sessions.get(sessionId)?.profiles.get(userId);
  }

  async setProfile(profile: SocialProfileRecord) {
    await this.change({ op: 'profile', sessionId: profile.sessionId, profile: { ...profile } });
    return this.profile(profile.sessionId, profile.userId)!;
  }
}
