/**
 * The open network's social site (issue 11): posts and shares (each share names its parent, so a
 * story's spread is a tree), likes, follows, profiles, comments under posts, articles and threads,
 * a home feed and a trending list. None of it exists for an actor whose mode has no social actions
 * (the closed network) or for a seat without a role: every use case refuses them first (403).
 * Everything stays inside the actor's session; an id of another session is missing (404).
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type {
  CommentsResponse,
  FeedResponse,
  FollowResponse,
  LikeResponse,
  ProfileResponse,
  SocialComment,
  SocialPost,
  SocialQuote,
  SocialTarget,
  TrendingResponse,
} from '../protocol/api';
import { LIMITS } from '../protocol/vocabulary';
import { subjectOf } from './auth';
import { visibleThread } from './boards';
import { DomainError, forbidden } from './errors';
import type { FilterList } from './filter';
import { mayRead } from './media';
import type { Pack } from './pack';
import { rule, type Actor } from './policy';
import type {
  ArticlesRepo,
  PostsRepo,
  SocialCommentRecord,
  SocialPostRecord,
  SocialRepo,
  SocialTargetRef,
  UserRecord,
  UsersRepo,
} from './ports';
import type { TrailRecorder } from './recorder';
import { takeRecorded, type Throttle } from './throttle';
import { TRENDING_HALF_LIFE_MINUTES, TRENDING_LIMIT, TRENDING_WINDOW_MINUTES, type TrendEvent } from './trending';
import type { TrendingBook } from './trending';
import { recordWouldBlock } from './would-block';

/** What the open network announces for the realtime layer to push. */
export interface SocialEventMap {
  /** A new post or share. */
  post: [SocialPostRecord];
  /** A target's likes, shares or comments changed. */
  counts: [{ sessionId: string; target: SocialTargetRef }];
  /** A new comment. */
  comment: [SocialCommentRecord];
}

/** A typed emitter for the open network's announcements (kept beside the domain bus). */
export class SocialEvents {
  private readonly emitter = new EventEmitter();

  /** Announces an event. */
  emit<K extends keyof SocialEventMap>(name: K, ...args: SocialEventMap[K]): void {
    this.emitter.emit(name, ...args);
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof SocialEventMap>(name: K, fn: (...args: SocialEventMap[K]) => void): () => void {
    const listener = fn as (...a: unknown[]) => void;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}

/** What the social functions need. */
export interface SocialDeps {
  pack: Pack;
  social: SocialRepo;
  users: UsersRepo;
  articles: ArticlesRepo;
  /** Board posts: threads may be liked, quoted and commented on. */
  posts: PostsRepo;
  recorder: TrailRecorder;
  filter: FilterList;
  /** Posts, shares and comments per user (as board posts are). */
  throttle: Throttle;
  /** Likes, follows and profile changes per user. */
  actionThrottle: Throttle;
  trending: TrendingBook;
  events: SocialEvents;
  now?: () => Date;
}

/** How many posts a feed page or a profile holds. */
export const FEED_PAGE = 20;
/** The message every refused actor gets. */
export const NOT_OPEN = 'The open network is not available in this round.';

const noPost = () => new DomainError('not_found', 'not_found', 'No such post.');
const noPlayer = () => new DomainError('not_found', 'not_found', 'No such player.');
const noTarget = (kind: SocialTargetRef['kind']) =>
  new DomainError('not_found', 'not_found', kind === 'post' ? 'No such post.' : `No such ${kind}.`);

/** Whether an actor may use the open network: a mode with social actions, and a seat with a role. */
export function socialOpen(actor: Pick<Actor, 'mode' | 'pending'>): boolean {
  return !actor.pending && rule(actor, 'socialActions');
}

/** Refuses (403) an actor who may not use the open network. */
export function requireSocial(actor: Pick<Actor, 'mode' | 'pending'>): void {
  if (!socialOpen(actor)) throw forbidden(NOT_OPEN);
}

const nowOf = (deps: Pick<SocialDeps, 'now'>) => (deps.now ?? (() => new Date()))();

/** A user of the actor's session who may be met on the network (not removed), or undefined. */
function playerOf(deps: Pick<SocialDeps, 'users'>, actor: Actor, playerId: string): UserRecord | undefined {
  const u = deps.users.findById(playerId);
  return u && u.sessionId === actor.sessionId && !u.seat?.removed ? u : undefined;
}

/** The article a reader may read, as a quote (undefined when unseen). */
function articleQuote(deps: SocialDeps, actor: Actor, id: string): SocialQuote | undefined {
  const a = deps.articles.get(id, actor.sessionId);
  if (!a || a.sessionId !== actor.sessionId || !mayRead(deps.pack, actor, a)) return undefined;
  const site = deps.pack.sites.find((s) => s.id === a.site);
  return { kind: 'article', id: a.id, title: a.title, address: site ? `${site.address}/article/${a.id}` : '' };
}

/** An approved thread a reader may see, as a quote (undefined when unseen). */
function threadQuote(deps: SocialDeps, actor: Actor, id: string): SocialQuote | undefined {
  const found = visibleThread(deps, actor, id);
  if (!found || found.thread.status !== 'approved') return undefined;
  const site = deps.pack.sites.find((s) => s.app === 'boards');
  return {
    kind: 'thread',
    id: found.thread.id,
    title: found.thread.title ?? '',
    address: site ? `${site.address}/thread/${found.thread.id}` : '',
  };
}

function quoteOf(deps: SocialDeps, actor: Actor, q: SocialPostRecord['quote']): SocialQuote | undefined {
  if (!q) return undefined;
  return q.kind === 'article' ? articleQuote(deps, actor, q.id) : threadQuote(deps, actor, q.id);
}

/** Whether a target exists in the actor's session and they may see it. */
export function maySeeTarget(deps: SocialDeps, actor: Actor, target: SocialTargetRef): boolean {
  switch (target.kind) {
    case 'post':
      return deps.social.post(target.id, actor.sessionId) !== undefined;
    case 'article': {
      const a = deps.articles.get(target.id, actor.sessionId);
      return !!a && a.sessionId === actor.sessionId && mayRead(deps.pack, actor, a);
    }
    case 'thread':
      return visibleThread(deps, actor, target.id) !== undefined;
  }
}

function requireTarget(deps: SocialDeps, actor: Actor, target: SocialTargetRef): void {
  if (!maySeeTarget(deps, actor, target)) throw noTarget(target.kind);
}

function authorOf(deps: SocialDeps, sessionId: string, authorId: string, fallback: string) {
  const u = deps.users.findById(authorId);
  const shows = deps.social.profile(sessionId, authorId)?.showRole ?? false;
  const hasRole = !!u && !(u.seat && !u.seat.assigned);
  return { authorName: u?.displayName ?? fallback, authorRole: shows && hasRole && u ? u.role : null };
}

/** A post as `viewer` sees it (`liked` is theirs; a quote they may not read is left out). */
export function socialPostView(deps: SocialDeps, p: SocialPostRecord, viewer: Actor): SocialPost {
  const quote = quoteOf(deps, viewer, p.quote);
  const view: SocialPost = {
    id: p.id,
    authorId: p.authorId,
    ...authorOf(deps, p.sessionId, p.authorId, p.authorName),
    text: p.text,
    createdAt: p.createdAt,
    parentId: p.parentId,
    rootId: p.rootId,
    ...(quote ? { quote } : {}),
    likes: deps.social.likeCount(p.sessionId, { kind: 'post', id: p.id }),
    shares: deps.social.shareCount(p.sessionId, p.id),
    liked: deps.social.liked(p.sessionId, { kind: 'post', id: p.id }, viewer.userId),
  };
  if (p.parentId) {
    const root = deps.social.post(p.rootId, p.sessionId);
    if (root) {
      const rootQuote = quoteOf(deps, viewer, root.quote);
      view.root = {
        id: root.id,
        authorId: root.authorId,
        authorName: authorOf(deps, root.sessionId, root.authorId, root.authorName).authorName,
        text: root.text,
        createdAt: root.createdAt,
        ...(rootQuote ? { quote: rootQuote } : {}),
      };
    }
  }
  return view;
}

// ---- the feed -------------------------------------------------------------------------------

/** A post's place in the feed: group 0 (the reader and those they follow), then 1, newest first. */
interface FeedKey {
  group: 0 | 1;
  createdAt: string;
  id: string;
}

const CURSOR = /^([01])\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([a-z0-9-]{1,80})$/;

/** Opaque to clients: the key of the last post of the page. */
export function encodeCursor(k: FeedKey): string {
  return Buffer.from(`${k.group}|${k.createdAt}|${k.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor, or refuses it (400 `bad_cursor`). */
export function decodeCursor(cursor: string): FeedKey {
  const m = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (!m) throw new DomainError('bad_input', 'bad_cursor', 'cursor: not a cursor this feed gave out');
  return { group: m[1] === '0' ? 0 : 1, createdAt: m[2]!, id: m[3]! };
}

/** Feed order: group first, then newest first (id breaks ties). */
function compareKeys(a: FeedKey, b: FeedKey): number {
  return a.group - b.group || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * `GET /api/social/feed?cursor=`: the reader's own posts and those of people they follow first,
 * then everyone else's, newest first within each; `FEED_PAGE` at a time.
 */
export function feed(deps: SocialDeps, actor: Actor, cursor?: string): FeedResponse {
  requireSocial(actor);
  const after = cursor ? decodeCursor(cursor) : undefined;
  const first = new Set([actor.userId, ...deps.social.following(actor.sessionId, actor.userId)]);
  const keyed = deps.social
    .posts(actor.sessionId)
    .map((p) => ({ p, k: { group: first.has(p.authorId) ? 0 : 1, createdAt: p.createdAt, id: p.id } as FeedKey }))
    .filter(({ k }) => !after || compareKeys(k, after) > 0)
    .sort((a, b) => compareKeys(a.k, b.k));
  const page = keyed.slice(0, FEED_PAGE);
  const last = page.at(-1);
  return {
    posts: page.map(({ p }) => socialPostView(deps, p, actor)),
    nextCursor: last && keyed.length > FEED_PAGE ? encodeCursor(last.k) : null,
  };
}

// ---- posting and sharing --------------------------------------------------------------------

/** What `createPost` takes: an original (text, optional quote) or a share (parentId, optional text). */
export interface PostInput {
  text: string;
  parentId?: string | undefined;
  quote?: { kind: 'article' | 'thread'; id: string } | undefined;
}

function eventsOf(deps: SocialDeps, actor: Actor) {
  const at = nowOf(deps).getTime();
  return deps.trending.window(actor.sessionId, at, (since) => storedEvents(deps.social, actor.sessionId, since));
}

/** The stored likes and shares of a session since `since` (ms), as trending events: the window's rebuild. */
export function* storedEvents(social: SocialRepo, sessionId: string, since: number): Iterable<TrendEvent> {
  for (const p of social.posts(sessionId)) {
    const at = Date.parse(p.createdAt);
    if (p.parentId && at >= since) yield { at, storyId: p.rootId, userId: p.authorId, kind: 'share', subjectId: p.id };
  }
  for (const l of social.likes(sessionId)) {
    const at = Date.parse(l.createdAt);
    if (l.target.kind !== 'post' || at < since) continue;
    const post = social.post(l.target.id, sessionId);
    if (post) yield { at, storyId: post.rootId, userId: l.userId, kind: 'like', subjectId: post.id };
  }
}

/**
 * `POST /api/social/posts`: publishes at once (the open network has no queue). A share names its
 * parent (which must be a post of the session) and inherits its root; its text may be empty, as
 * may a quote's. The closed network's filter is off here, but what it would have blocked is recorded.
 */
export async function createPost(deps: SocialDeps, actor: Actor, input: PostInput): Promise<SocialPost> {
  requireSocial(actor);
  const text = input.text.trim();
  if (text.length > LIMITS.socialText)
    throw new DomainError('bad_input', 'invalid_input', `text: longer than ${LIMITS.socialText} characters`);
  if (input.parentId && input.quote)
    throw new DomainError('bad_input', 'invalid_input', 'quote: a share cannot also quote something');
  const parent = input.parentId ? deps.social.post(input.parentId, actor.sessionId) : undefined;
  if (input.parentId && !parent) throw noPost();
  if (input.quote && !quoteOf(deps, actor, input.quote)) throw noTarget(input.quote.kind);
  if (!text && !parent && !input.quote) throw new DomainError('bad_input', 'empty_post', 'text: write something');
  await takeRecorded(deps.throttle, deps.recorder, actor, 'social', 'You are posting too often. Wait a moment.');
  const user = deps.users.findById(actor.userId);
  const id = randomUUID();
  const record: SocialPostRecord = {
    id,
    sessionId: actor.sessionId,
    authorId: actor.userId,
    authorName: user?.displayName ?? actor.username,
    text,
    createdAt: nowOf(deps).toISOString(),
    parentId: parent?.id ?? null,
    rootId: parent?.rootId ?? id,
    ...(input.quote ? { quote: { kind: input.quote.kind, id: input.quote.id } } : {}),
  };
  // The window is built (from the stored records) before this share is stored, so it counts once.
  const window = parent ? eventsOf(deps, actor) : undefined;
  await deps.social.insertPost(record);
  if (parent) {
    await deps.recorder.record(subjectOf(actor), 'social_shared', {
      post: id,
      parent: parent.id,
      root: parent.rootId,
    });
    window?.add({
      at: Date.parse(record.createdAt),
      storyId: record.rootId,
      userId: actor.userId,
      kind: 'share',
      subjectId: id,
    });
  } else {
    await deps.recorder.record(subjectOf(actor), 'social_posted', {
      post: id,
      ...(record.quote ? { quote: `${record.quote.kind}:${record.quote.id}` } : {}),
    });
  }
  if (text) await recordWouldBlock(deps, actor, 'social', text);
  deps.events.emit('post', record);
  if (parent) deps.events.emit('counts', { sessionId: actor.sessionId, target: { kind: 'post', id: parent.id } });
  if (record.quote) deps.events.emit('counts', { sessionId: actor.sessionId, target: record.quote });
  return socialPostView(deps, record, actor);
}

// ---- likes ----------------------------------------------------------------------------------

/**
 * `POST|DELETE /api/social/{posts,articles,threads}/:id/like`: liking twice counts once, and
 * unliking what one does not like changes nothing; only a real change is recorded and pushed.
 */
export async function setLike(
  deps: SocialDeps,
  actor: Actor,
  target: SocialTargetRef,
  like: boolean,
): Promise<LikeResponse> {
  requireSocial(actor);
  requireTarget(deps, actor, target);
  await takeRecorded(
    deps.actionThrottle,
    deps.recorder,
    actor,
    'social',
    'You are doing that too often. Wait a moment.',
  );
  const at = nowOf(deps);
  // Built from the stored records before this change is stored, so the change counts once.
  const window = target.kind === 'post' ? eventsOf(deps, actor) : undefined;
  const changed = like
    ? await deps.social.addLike({
        sessionId: actor.sessionId,
        userId: actor.userId,
        target: { kind: target.kind, id: target.id },
        createdAt: at.toISOString(),
      })
    : await deps.social.removeLike(actor.sessionId, target, actor.userId);
  if (changed) {
    await deps.recorder.record(subjectOf(actor), like ? 'social_liked' : 'social_unliked', {
      kind: target.kind,
      id: target.id,
    });
    if (window) {
      const post = deps.social.post(target.id, actor.sessionId)!;
      if (like)
        window.add({ at: at.getTime(), storyId: post.rootId, userId: actor.userId, kind: 'like', subjectId: post.id });
      else window.removeLike(actor.userId, post.id);
    }
    deps.events.emit('counts', { sessionId: actor.sessionId, target: { kind: target.kind, id: target.id } });
  }
  return {
    likes: deps.social.likeCount(actor.sessionId, target),
    liked: deps.social.liked(actor.sessionId, target, actor.userId),
  };
}

// ---- follows and profiles -------------------------------------------------------------------

/** `POST /api/social/follows` / `DELETE /api/social/follows/:playerId`. Following oneself is refused. */
export async function setFollow(
  deps: SocialDeps,
  actor: Actor,
  playerId: string,
  follow: boolean,
): Promise<FollowResponse> {
  requireSocial(actor);
  const other = playerOf(deps, actor, playerId);
  if (!other) throw noPlayer();
  if (other.id === actor.userId)
    throw new DomainError('bad_input', 'self_follow', 'playerId: you cannot follow yourself');
  await takeRecorded(
    deps.actionThrottle,
    deps.recorder,
    actor,
    'social',
    'You are doing that too often. Wait a moment.',
  );
  const changed = follow
    ? await deps.social.addFollow({
        sessionId: actor.sessionId,
        followerId: actor.userId,
        followedId: other.id,
        createdAt: nowOf(deps).toISOString(),
      })
    : await deps.social.removeFollow(actor.sessionId, actor.userId, other.id);
  if (changed)
    await deps.recorder.record(subjectOf(actor), follow ? 'social_followed' : 'social_unfollowed', {
      player: other.id,
    });
  return {
    following: deps.social.following(actor.sessionId, actor.userId).includes(other.id),
    followers: deps.social.followerCount(actor.sessionId, other.id),
  };
}

/** `GET /api/social/profiles/:playerId`: a player's profile (one's own too) and their latest posts. */
export function profileOf(deps: SocialDeps, actor: Actor, playerId: string): ProfileResponse {
  requireSocial(actor);
  // `me`: the reader's own profile (the page need not know its own seat's id to link to it).
  const u = playerOf(deps, actor, playerId === 'me' ? actor.userId : playerId);
  if (!u) throw noPlayer();
  const showsRole = deps.social.profile(actor.sessionId, u.id)?.showRole ?? false;
  const assigned = !(u.seat && !u.seat.assigned);
  const posts = deps.social
    .posts(actor.sessionId)
    .filter((p) => p.authorId === u.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, FEED_PAGE * 2);
  return {
    profile: {
      playerId: u.id,
      name: u.displayName,
      role: showsRole && assigned ? u.role : null,
      showsRole,
      followers: deps.social.followerCount(actor.sessionId, u.id),
      following: deps.social.following(actor.sessionId, u.id).length,
      followed: deps.social.following(actor.sessionId, actor.userId).includes(u.id),
      own: u.id === actor.userId,
    },
    posts: posts.map((p) => socialPostView(deps, p, actor)),
  };
}

/** `PATCH /api/social/profile`: whether one's role shows on one's profile and posts; answers one's profile. */
export async function setProfile(
  deps: SocialDeps,
  actor: Actor,
  input: { showRole: boolean },
): Promise<ProfileResponse> {
  requireSocial(actor);
  await takeRecorded(
    deps.actionThrottle,
    deps.recorder,
    actor,
    'social',
    'You are doing that too often. Wait a moment.',
  );
  await deps.social.setProfile({ sessionId: actor.sessionId, userId: actor.userId, showRole: input.showRole });
  return profileOf(deps, actor, actor.userId);
}

// ---- trending -------------------------------------------------------------------------------

/** `GET /api/social/trending`: the stories most liked and shared in the window, with their decaying scores. */
export function trending(deps: SocialDeps, actor: Actor): TrendingResponse {
  requireSocial(actor);
  const now = nowOf(deps).getTime();
  // Ranked over the window only; a story whose records were reset since is skipped.
  const ranked = eventsOf(deps, actor).rank(now, Infinity);
  const posts = [];
  for (const r of ranked) {
    const p = deps.social.post(r.storyId, actor.sessionId);
    if (!p) continue;
    posts.push({ ...socialPostView(deps, p, actor), score: r.score });
    if (posts.length === TRENDING_LIMIT) break;
  }
  return { posts, windowMinutes: TRENDING_WINDOW_MINUTES, halfLifeMinutes: TRENDING_HALF_LIFE_MINUTES };
}

// ---- comments -------------------------------------------------------------------------------

/** A comment as every reader sees it. */
export function socialCommentView(deps: Pick<SocialDeps, 'users'>, c: SocialCommentRecord): SocialComment {
  return {
    id: c.id,
    target: { kind: c.target.kind, id: c.target.id },
    authorId: c.authorId,
    authorName: deps.users.findById(c.authorId)?.displayName ?? c.authorName,
    text: c.text,
    createdAt: c.createdAt,
  };
}

/** `POST /api/social/comments`: a comment under a post, article or thread the actor may see; published at once. */
export async function addComment(
  deps: SocialDeps,
  actor: Actor,
  input: { target: SocialTarget; text: string },
): Promise<SocialComment> {
  requireSocial(actor);
  const text = input.text.trim();
  if (!text) throw new DomainError('bad_input', 'invalid_input', 'text: write something');
  if (text.length > LIMITS.commentText)
    throw new DomainError('bad_input', 'invalid_input', `text: longer than ${LIMITS.commentText} characters`);
  requireTarget(deps, actor, input.target);
  await takeRecorded(deps.throttle, deps.recorder, actor, 'social', 'You are commenting too often. Wait a moment.');
  const user = deps.users.findById(actor.userId);
  const record: SocialCommentRecord = {
    id: randomUUID(),
    sessionId: actor.sessionId,
    target: { kind: input.target.kind, id: input.target.id },
    authorId: actor.userId,
    authorName: user?.displayName ?? actor.username,
    text,
    createdAt: nowOf(deps).toISOString(),
  };
  await deps.social.insertComment(record);
  await deps.recorder.record(subjectOf(actor), 'social_commented', { kind: record.target.kind, id: record.target.id });
  await recordWouldBlock(deps, actor, 'comment', text);
  deps.events.emit('comment', record);
  deps.events.emit('counts', { sessionId: actor.sessionId, target: record.target });
  return socialCommentView(deps, record);
}

/** `GET /api/social/comments?kind=&id=`: a target's comments, oldest first. */
export function listComments(deps: SocialDeps, actor: Actor, target: SocialTargetRef): CommentsResponse {
  requireSocial(actor);
  requireTarget(deps, actor, target);
  return { comments: deps.social.comments(actor.sessionId, target).map((c) => socialCommentView(deps, c)) };
}
