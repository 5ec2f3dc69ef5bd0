/**
 * Message boards: boards restricted by role, real-name posts, and, where the mode's rules say so
 * (the closed network), pre-moderation (every post is pending until a censor approves it) and the
 * keyword filter, which rejects a post outright and records the hit.
 */
import { randomUUID } from 'node:crypto';
import type {
  Board,
  BoardsResponse,
  ModerationItem,
  Post,
  SocialCounts,
  ThreadResponse,
  ThreadsResponse,
  ThreadSummary,
} from '../protocol/api';
import { subjectOf } from './auth';
import type { Bus } from './bus';
import { DomainError, forbidden } from './errors';
import { findBanned, type FilterList } from './filter';
import type { Pack, PackBoard } from './pack';
import type { BureauDecision } from './cast-rules';
import { localPost } from './locale';
import type { CastMember } from './pack-cast';
import type { DecidedBy } from '../protocol/api';
import { can, rule, type Actor } from './policy';
import type { PostRecord, PostsRepo, SocialRepo, UsersRepo } from './ports';
import type { TrailRecorder } from './recorder';
import type { Throttle } from './throttle';
import { recordWouldBlock } from './would-block';

/** What the board functions need. */
export interface BoardDeps {
  pack: Pack;
  posts: PostsRepo;
  users: UsersRepo;
  recorder: TrailRecorder;
  bus: Bus;
  filter: FilterList;
  throttle: Throttle;
  /** The open network's counts, shown on threads in open mode only. */
  social?: SocialRepo;
  now?: () => Date;
}

/** The neutral message a filtered post gets: it does not say which word or why. */
export const FILTERED_MESSAGE = 'This post cannot be published.';

const noBoard = () => new DomainError('not_found', 'not_found', 'No such board.');
const noThread = () => new DomainError('not_found', 'not_found', 'No such thread.');

/** Whether an actor may read a board (its read roles, where the mode applies role lists). */
export function mayReadBoard(actor: Pick<Actor, 'role' | 'mode'>, board: Pick<PackBoard, 'readRoles'>): boolean {
  return can(actor, 'boards.read', { type: 'listed', roles: board.readRoles });
}

/** Whether an actor may post on a board. */
export function mayPostOn(
  actor: Pick<Actor, 'role' | 'mode'>,
  board: Pick<PackBoard, 'readRoles' | 'postRoles'>,
): boolean {
  return mayReadBoard(actor, board) && can(actor, 'boards.post', { type: 'listed', roles: board.postRoles });
}

function readableBoard(deps: BoardDeps, actor: Actor, boardId: string): PackBoard {
  if (!can(actor, 'boards.read')) throw forbidden('Your role may not use the message boards.');
  const board = deps.pack.boards.find((b) => b.id === boardId);
  // A board the role may not read answers exactly as one that does not exist.
  if (!board || !mayReadBoard(actor, board)) throw noBoard();
  return board;
}

/** A thread's open-network counts where the reader's mode has social actions (absent in closed mode). */
function socialOf(deps: BoardDeps, actor: Actor, threadId: string): { social?: SocialCounts } {
  if (!deps.social || !rule(actor, 'socialActions')) return {};
  return { social: deps.social.counts(actor.sessionId, { kind: 'thread', id: threadId }, actor.userId) };
}

function boardView(deps: BoardDeps, actor: Actor, b: PackBoard): Board {
  const threadCount = deps.posts
    .list(actor.sessionId)
    .filter((p) => p.boardId === b.id && p.threadId === p.id && p.status === 'approved').length;
  return { id: b.id, title: b.title, description: b.description, mayPost: mayPostOn(actor, b), threadCount };
}

/**
 * Who decided a post as people see it: a censor by display name, the simulated bureau as
 * `{simulated: true, name}`; null while undecided.
 */
export function decidedByOf(deps: Pick<BoardDeps, 'pack' | 'users'>, p: PostRecord): DecidedBy | null {
  if (!p.decidedBy) return null;
  const cast = deps.pack.cast.members.find((m) => m.username === p.decidedBy);
  if (cast) return { simulated: true, name: cast.displayName };
  return deps.users.findByUsername(p.sessionId, p.decidedBy)?.displayName ?? p.decidedBy;
}

/**
 * Who decided, as the author may see it: the simulated bureau by name (it is marked as simulated
 * wherever it appears); a person who censors is never named to the author.
 */
function decidedForAuthor(deps: Pick<BoardDeps, 'pack' | 'users'>, p: PostRecord): { decidedBy?: DecidedBy } {
  const by = decidedByOf(deps, p);
  return by !== null && typeof by === 'object' ? { decidedBy: by } : {};
}

/**
 * The public view of a post; the reason only reaches its author, and so does a decision by the
 * simulated bureau (given `deps`, on the author's own decided posts).
 */
export function postView(
  record: PostRecord,
  viewer?: Pick<Actor, 'userId'>,
  deps?: Pick<BoardDeps, 'pack' | 'users'>,
): Post {
  // A post the pack seeded reads in the request's language (given the pack).
  const p = deps ? localPost(deps.pack, record) : record;
  const own = viewer !== undefined && p.authorId === viewer.userId;
  return {
    id: p.id,
    boardId: p.boardId,
    threadId: p.threadId,
    title: p.title,
    body: p.body,
    authorName: p.authorName,
    authorRole: p.authorRole,
    status: p.status,
    reason: own ? p.reason : null,
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    ...(p.simulated ? { simulated: true as const } : {}),
    ...(own && deps && p.decidedBy ? decidedForAuthor(deps, p) : {}),
  };
}

/** Whether a viewer may see a post: approved, or their own. */
function visibleTo(p: PostRecord, actor: Actor): boolean {
  return p.status === 'approved' || p.authorId === actor.userId;
}

/** `GET /api/boards`. */
export function listBoards(deps: BoardDeps, actor: Actor): BoardsResponse {
  if (!can(actor, 'boards.read')) throw forbidden('Your role may not use the message boards.');
  return { boards: deps.pack.boards.filter((b) => mayReadBoard(actor, b)).map((b) => boardView(deps, actor, b)) };
}

/** `GET /api/boards/:id/threads`: newest activity first. */
export function listThreads(deps: BoardDeps, actor: Actor, boardId: string): ThreadsResponse {
  const board = readableBoard(deps, actor, boardId);
  const posts = deps.posts.list(actor.sessionId).filter((p) => p.boardId === board.id);
  // One pass to group approved replies by thread (posts are stored oldest first).
  const repliesOf = new Map<string, PostRecord[]>();
  for (const r of posts) {
    if (r.threadId === r.id || r.status !== 'approved') continue;
    const list = repliesOf.get(r.threadId);
    if (list) list.push(r);
    else repliesOf.set(r.threadId, [r]);
  }
  const threads: ThreadSummary[] = posts
    .filter((p) => p.threadId === p.id && visibleTo(p, actor))
    .map((record) => {
      const t = localPost(deps.pack, record);
      const replies = repliesOf.get(t.id) ?? [];
      const view = postView(t, actor);
      return {
        id: t.id,
        boardId: t.boardId,
        title: t.title ?? '',
        authorName: t.authorName,
        authorRole: t.authorRole,
        status: t.status,
        reason: view.reason,
        createdAt: t.createdAt,
        replyCount: replies.length,
        lastActivityAt: replies.at(-1)?.createdAt ?? t.createdAt,
        ...(t.simulated ? { simulated: true as const } : {}),
        ...socialOf(deps, actor, t.id),
      };
    })
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { board: boardView(deps, actor, board), threads };
}

/**
 * A thread of the actor's session they may see (its board readable, approved or their own), or
 * undefined: a thread on a board the role may not read, or someone else's unapproved one, is missing.
 */
export function visibleThread(
  deps: Pick<BoardDeps, 'pack' | 'posts'>,
  actor: Actor,
  threadId: string,
): { board: PackBoard; thread: PostRecord } | undefined {
  if (!can(actor, 'boards.read')) return undefined;
  const thread = deps.posts.get(threadId, actor.sessionId);
  if (!thread || thread.sessionId !== actor.sessionId || thread.threadId !== thread.id) return undefined;
  const board = deps.pack.boards.find((b) => b.id === thread.boardId);
  if (!board || !mayReadBoard(actor, board) || !visibleTo(thread, actor)) return undefined;
  return { board, thread };
}

function threadOf(deps: BoardDeps, actor: Actor, threadId: string): { board: PackBoard; thread: PostRecord } {
  if (!can(actor, 'boards.read')) throw forbidden('Your role may not use the message boards.');
  const found = visibleThread(deps, actor, threadId);
  if (!found) throw noThread();
  return found;
}

/** `GET /api/threads/:id`: approved replies and the caller's own pending or rejected ones, oldest first. */
export function getThread(deps: BoardDeps, actor: Actor, threadId: string): ThreadResponse {
  const { board, thread } = threadOf(deps, actor, threadId);
  const replies = deps.posts
    .list(actor.sessionId)
    .filter((p) => p.threadId === thread.id && p.id !== thread.id && visibleTo(p, actor))
    .map((p) => postView(p, actor, deps));
  return {
    board: boardView(deps, actor, board),
    thread: postView(thread, actor, deps),
    replies,
    ...socialOf(deps, actor, thread.id),
  };
}

async function submit(
  deps: BoardDeps,
  actor: Actor,
  board: PackBoard,
  fields: { threadId?: string; title: string | null; body: string },
): Promise<Post> {
  if (!mayPostOn(actor, board)) throw forbidden('Your role may not post on this board.');
  await deps.throttle.take(actor.userId, 'You are posting too often. Wait a moment and try again.');
  const hit = rule(actor, 'keywordFilter')
    ? findBanned(deps.filter, `${fields.title ?? ''}\n${fields.body}`)
    : undefined;
  if (hit) {
    await deps.recorder.record(subjectOf(actor), 'post_filtered', {
      board: board.id,
      term: hit.term,
      matched: hit.matched,
    });
    throw new DomainError('filtered', 'filtered', FILTERED_MESSAGE);
  }
  await recordWouldBlock(deps, actor, 'post', `${fields.title ?? ''}\n${fields.body}`);
  const user = deps.users.findById(actor.userId);
  const record = await storePost(deps, subjectOf(actor), actor, board, fields, {
    authorId: actor.userId,
    authorName: user?.displayName ?? actor.username,
  });
  return postView(record, actor);
}

/** `POST /api/boards/:id/threads`: a new thread, pending approval where posts are pre-moderated. */
export async function startThread(
  deps: BoardDeps,
  actor: Actor,
  boardId: string,
  input: { title: string; body: string },
): Promise<Post> {
  const board = readableBoard(deps, actor, boardId);
  return submit(deps, actor, board, { title: input.title, body: input.body });
}

/** `POST /api/threads/:id/replies`: a reply, pending approval where pre-moderated. Only approved threads take replies. */
export async function reply(deps: BoardDeps, actor: Actor, threadId: string, input: { body: string }): Promise<Post> {
  const { board, thread } = threadOf(deps, actor, threadId);
  if (thread.status !== 'approved')
    throw new DomainError('conflict', 'thread_not_open', 'This thread is not open for replies yet.');
  return submit(deps, actor, board, { threadId: thread.id, title: null, body: input.body });
}

/** A post as the moderation console shows it; the deciding censor by real name. */
export function moderationItem(deps: Pick<BoardDeps, 'pack' | 'posts' | 'users'>, p: PostRecord): ModerationItem {
  const board = deps.pack.boards.find((b) => b.id === p.boardId);
  const stored = p.threadId === p.id ? p : deps.posts.get(p.threadId, p.sessionId);
  const thread = stored && localPost(deps.pack, stored);
  return {
    ...postView(p, undefined, deps),
    reason: p.reason,
    boardTitle: board?.title ?? p.boardId,
    threadTitle: thread?.title ?? '',
    decidedBy: decidedByOf(deps, p),
  };
}

/** `GET /api/moderation/queue`: pending posts across all boards, oldest first. */
export function moderationQueue(deps: BoardDeps, actor: Actor): ModerationItem[] {
  if (!can(actor, 'moderation.review')) throw forbidden('Only censors see the moderation queue.');
  return deps.posts
    .list(actor.sessionId)
    .filter((p) => p.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((p) => moderationItem(deps, p));
}

/** `GET /api/moderation/history`: decided posts, newest decision first. */
export function moderationHistory(deps: BoardDeps, actor: Actor, limit = 100): ModerationItem[] {
  if (!can(actor, 'moderation.review')) throw forbidden('Only censors see moderation decisions.');
  return deps.posts
    .list(actor.sessionId)
    .filter((p) => p.decidedAt !== null && p.decidedBy !== null)
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, limit)
    .map((p) => moderationItem(deps, p));
}

/** `POST /api/moderation/:postId`: approve, or reject with a reason. */
export async function decide(
  deps: BoardDeps,
  actor: Actor,
  postId: string,
  input: { decision: 'approve' | 'reject'; reason?: string | undefined },
): Promise<ModerationItem> {
  if (!can(actor, 'moderation.review')) throw forbidden('Only censors decide on posts.');
  const post = deps.posts.get(postId, actor.sessionId);
  if (!post || post.sessionId !== actor.sessionId) throw new DomainError('not_found', 'not_found', 'No such post.');
  if (post.status !== 'pending')
    throw new DomainError('conflict', 'already_decided', 'This post has already been decided.');
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason)
    throw new DomainError('bad_input', 'invalid_input', 'reason: give a reason to reject');
  const updated = await storeDecision(deps, subjectOf(actor), post, input.decision, reason, {});
  return moderationItem(deps, updated);
}

/** Stores a decision, records it for `by`, announces it; the caller has checked the post is pending. */
async function storeDecision(
  deps: BoardDeps,
  by: { username: string; role: PostRecord['authorRole']; sessionId: string },
  post: PostRecord,
  decision: 'approve' | 'reject',
  reason: string,
  extra: Record<string, string>,
): Promise<PostRecord> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const updated = await deps.posts.update(post.id, post.sessionId, {
    status: decision === 'approve' ? 'approved' : 'rejected',
    reason: decision === 'reject' ? reason : null,
    decidedAt: now,
    decidedBy: by.username,
  });
  await deps.recorder.record(by, decision === 'approve' ? 'post_approved' : 'post_rejected', {
    board: post.boardId,
    post: post.id,
    author: post.authorName,
    ...(reason ? { reason: reason.slice(0, 200) } : {}),
    ...(post.simulated ? { authorSimulated: 'true' } : {}),
    ...extra,
  });
  deps.bus.emit('boards:decided', updated);
  return updated;
}

/**
 * The simulated bureau decides a pending post of `sessionId` (the caller — the cast — has checked
 * that the bureau acts in the session now). Answers undefined when the post is gone or decided.
 */
export async function decideAsBureau(
  deps: BoardDeps,
  bureau: Pick<CastMember, 'username' | 'role'>,
  sessionId: string,
  postId: string,
  judgement: BureauDecision,
): Promise<PostRecord | undefined> {
  const post = deps.posts.get(postId, sessionId);
  if (!post || post.sessionId !== sessionId || post.status !== 'pending') return undefined;
  const reason = judgement.decision === 'reject' ? judgement.reason : '';
  return storeDecision(
    deps,
    { username: bureau.username, role: bureau.role, sessionId },
    post,
    judgement.decision,
    reason,
    { simulated: 'true', ...(judgement.decision === 'reject' ? { rule: judgement.rule } : {}) },
  );
}

/**
 * A cast member's post (board life): a new thread, or with `threadId` a reply to an approved
 * thread. Pending where the session's mode pre-moderates, like anyone's; recorded as the member's.
 * The pack checked that the member's role may post on the board and that the filter passes the text.
 */
export async function castPost(
  deps: BoardDeps,
  member: Pick<CastMember, 'username' | 'displayName' | 'role'>,
  session: { id: string; mode: Actor['mode'] },
  boardId: string,
  fields: { threadId?: string | undefined; title: string | null; body: string },
): Promise<PostRecord | undefined> {
  const board = deps.pack.boards.find((b) => b.id === boardId);
  const actor = { role: member.role, mode: session.mode };
  if (!board || !mayPostOn(actor, board)) return undefined;
  if (fields.threadId !== undefined) {
    const thread = deps.posts.get(fields.threadId, session.id);
    if (!thread || thread.status !== 'approved' || thread.threadId !== thread.id) return undefined;
  }
  return storePost(
    deps,
    { username: member.username, role: member.role, sessionId: session.id },
    { sessionId: session.id, mode: session.mode },
    board,
    fields,
    { authorId: null, authorName: member.displayName, simulated: true },
  );
}

/**
 * Stores a new post of `by` (a person, or a member of the cast) and announces it: pending where
 * the mode pre-moderates, else published at once (nobody decides on it); recorded as submitted.
 */
async function storePost(
  deps: BoardDeps,
  by: { username: string; role: PostRecord['authorRole']; sessionId: string },
  where: Pick<Actor, 'sessionId' | 'mode'>,
  board: PackBoard,
  fields: { threadId?: string | undefined; title: string | null; body: string },
  author: { authorId: string | null; authorName: string; simulated?: true },
): Promise<PostRecord> {
  const id = randomUUID();
  const moderated = rule(where, 'postsPreModerated');
  const record: PostRecord = {
    id,
    sessionId: where.sessionId,
    boardId: board.id,
    threadId: fields.threadId ?? id,
    title: fields.title,
    body: fields.body,
    authorId: author.authorId,
    authorName: author.authorName,
    authorRole: by.role,
    status: moderated ? 'pending' : 'approved',
    reason: null,
    createdAt: (deps.now ?? (() => new Date()))().toISOString(),
    decidedAt: null,
    decidedBy: null,
    ...(author.simulated ? { simulated: true as const } : {}),
  };
  await deps.posts.insert(record);
  await deps.recorder.record(by, 'post_submitted', {
    board: board.id,
    post: id,
    ...(fields.title ? { title: fields.title.slice(0, 120) } : {}),
    ...(author.simulated ? { simulated: 'true' } : {}),
  });
  if (moderated) deps.bus.emit('boards:queued', record);
  else deps.bus.emit('boards:published', record);
  return record;
}
