/**
 * The debrief (issue 13): every figure of a class session computed from its trail, per round —
 * messages, posts and their time to visibility, searches, walls hit, discipline, what the filter
 * would have blocked, and how far stories and files spread. Pure functions over trail events
 * (oldest first); nothing here is stored. The quiz's figures come from `quiz-stats.ts`.
 */
import type { DebriefRound, Mode, SpreadEdge, SpreadItem, TrailEvent } from '../protocol/api';

/** A user of the session as the debrief names them. */
export interface DebriefUser {
  id: string;
  username: string;
  displayName: string;
}

/** What the figures need besides the events. */
export interface DebriefLookups {
  users: readonly DebriefUser[];
  /** The title shown for a social post (its text, shortened); absent: the post id. */
  socialTitle?: (postId: string) => string | undefined;
}

/** Titles of spread items are cut to this many characters. */
const TITLE_MAX = 80;

const seconds = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** The median of numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The rounds of a session, in order, as their start and end events name them. */
function roundFrames(
  events: readonly TrailEvent[],
): Map<number, { mode: Mode; startedAt?: string; endedAt: string | null }> {
  const frames = new Map<number, { mode: Mode; startedAt?: string; endedAt: string | null }>();
  for (const e of events) {
    if (e.kind === 'round_started') {
      const n = Number(e.detail.round ?? e.round);
      if (!Number.isInteger(n)) continue;
      const mode: Mode =
        e.detail.mode === 'open' ? 'open' : e.detail.mode === 'closed' ? 'closed' : (e.mode ?? 'closed');
      frames.set(n, { mode, startedAt: e.at, endedAt: null });
    } else if (e.kind === 'round_ended') {
      const n = Number(e.detail.round ?? e.round);
      const f = frames.get(n);
      if (f) f.endedAt = e.at;
    }
  }
  // A round seen only through its tagged events (its start predates the trail) still counts.
  for (const e of events)
    if (e.round !== undefined && !frames.has(e.round)) frames.set(e.round, { mode: e.mode ?? 'closed', endedAt: null });
  return frames;
}

/** Per-session indexes the rounds share: user ids by name, who wrote each social post, when posts were approved. */
interface Index {
  idOf: (username: string | null | undefined) => string;
  socialAuthor: Map<string, string>;
  approvedAt: Map<string, string>;
  socialTitle: (postId: string) => string;
}

function indexOf(events: readonly TrailEvent[], lookups: DebriefLookups): Index {
  const ids = new Map(lookups.users.map((u) => [u.username, u.id]));
  const socialAuthor = new Map<string, string>();
  const approvedAt = new Map<string, string>();
  for (const e of events) {
    if ((e.kind === 'social_posted' || e.kind === 'social_shared') && e.detail.post && e.username)
      socialAuthor.set(e.detail.post, e.username);
    else if (e.kind === 'post_approved' && e.detail.post && !approvedAt.has(e.detail.post))
      approvedAt.set(e.detail.post, e.at);
  }
  return {
    idOf: (username) => (username ? (ids.get(username) ?? username) : ''),
    socialAuthor,
    approvedAt,
    socialTitle: (postId) => (lookups.socialTitle?.(postId) ?? postId).slice(0, TITLE_MAX),
  };
}

/** An item being followed as it spreads. */
interface Spreading {
  item: SpreadItem;
  firstAt: string;
  lastNewAt: string;
  people: Set<string>;
}

function reach(s: Spreading, person: string, at: string) {
  if (!person || s.people.has(person)) return;
  s.people.add(person);
  s.lastNewAt = at;
}

function finish(s: Spreading): SpreadItem {
  const item: SpreadItem = { ...s.item, reached: s.people.size };
  if (s.people.size > 1) item.secondsToLast = seconds(s.firstAt, s.lastNewAt);
  return item;
}

/**
 * Open mode: the share trees of the round's social posts (only posts shared at least once), each
 * edge from the shared post's author to the sharer.
 */
export function shareTrees(events: readonly TrailEvent[], ix: Index): SpreadItem[] {
  const trees = new Map<string, Spreading>();
  const tree = (root: string, at: string) => {
    let t = trees.get(root);
    if (!t) {
      t = {
        item: { itemId: root, title: ix.socialTitle(root), kind: 'post', reached: 0, edges: [] },
        firstAt: at,
        lastNewAt: at,
        people: new Set(),
      };
      trees.set(root, t);
      reach(t, ix.idOf(ix.socialAuthor.get(root)), at);
    }
    return t;
  };
  for (const e of events) {
    if (e.kind === 'social_posted' && e.detail.post) tree(e.detail.post, e.at);
    else if (e.kind === 'social_shared' && e.detail.post && e.detail.root) {
      const t = tree(e.detail.root, e.at);
      const from = ix.idOf(ix.socialAuthor.get(e.detail.parent ?? e.detail.root));
      const to = ix.idOf(e.username);
      t.item.edges.push({ from, to, at: e.at });
      reach(t, to, e.at);
    }
  }
  return [...trees.values()].filter((t) => t.item.edges.length > 0).map(finish);
}

/** Closed mode: the hand-over chains of smuggled files, each edge from the giver to the receiver. */
export function fileChains(events: readonly TrailEvent[], ix: Index): SpreadItem[] {
  const chains = new Map<string, Spreading>();
  const chain = (e: TrailEvent) => {
    const file = e.detail.file!;
    let c = chains.get(file);
    if (!c) {
      c = {
        item: {
          itemId: file,
          title: (e.detail.title ?? file).slice(0, TITLE_MAX),
          kind: 'file',
          reached: 0,
          edges: [],
        },
        firstAt: e.at,
        lastNewAt: e.at,
        people: new Set(),
      };
      chains.set(file, c);
    }
    return c;
  };
  for (const e of events) {
    if (!e.detail.file) continue;
    if (e.kind === 'file_dropped' || e.kind === 'file_found') reach(chain(e), ix.idOf(e.username), e.at);
    else if (e.kind === 'file_handed_over') {
      const c = chain(e);
      const edge: SpreadEdge = { from: ix.idOf(e.username), to: ix.idOf(e.detail.toUser), at: e.at };
      c.item.edges.push(edge);
      reach(c, edge.from, e.at);
      reach(c, edge.to, e.at);
    }
  }
  return [...chains.values()].map(finish);
}

/** The figures of one round from its own events (`ix` is built over the whole session). */
export function roundFigures(
  number: number,
  frame: { mode: Mode; startedAt?: string; endedAt: string | null },
  events: readonly TrailEvent[],
  ix: Index,
): DebriefRound {
  const n = { sent: 0, delivered: 0, blocked: 0, rewritten: 0 };
  const p = { submitted: 0, approved: 0, rejected: 0, filtered: 0 };
  const visible: number[] = [];
  let searches = 0;
  let emptyByFilter = 0;
  let blockedAddresses = 0;
  let outsideTried = 0;
  let wouldBlock = 0;
  const muted = new Set<string>();
  const revoked = new Set<string>();
  const inspected = new Set<string>();
  for (const e of events) {
    // The simulated cast's own lines and posts are not the class's activity (its decisions on the
    // class's posts are: they set when a post became visible).
    if (e.detail.authorSimulated === 'true') continue;
    if (e.detail.simulated === 'true' && e.kind !== 'post_approved' && e.kind !== 'post_rejected') continue;
    switch (e.kind) {
      case 'chat_message':
        n.sent++;
        n.delivered++;
        if (e.detail.substitutions) n.rewritten++;
        break;
      case 'chat_blocked':
        n.sent++;
        n.blocked++;
        break;
      case 'post_submitted': {
        p.submitted++;
        if ((e.mode ?? frame.mode) === 'open') visible.push(0);
        else {
          const approved = e.detail.post ? ix.approvedAt.get(e.detail.post) : undefined;
          if (approved) visible.push(seconds(e.at, approved));
        }
        break;
      }
      case 'post_filtered':
        p.submitted++;
        p.filtered++;
        break;
      case 'post_approved':
        p.approved++;
        break;
      case 'post_rejected':
        p.rejected++;
        break;
      case 'social_posted':
        visible.push(0);
        break;
      case 'search':
        searches++;
        break;
      case 'search_flagged':
        searches++;
        emptyByFilter++;
        break;
      case 'library_search':
        searches++;
        if (e.detail.flagged === 'true') emptyByFilter++;
        break;
      case 'blocked_address':
        blockedAddresses++;
        if (!e.detail.wall || e.detail.wall === 'outside') outsideTried++;
        break;
      case 'site_locked':
        blockedAddresses++;
        break;
      case 'link_out':
        outsideTried++;
        break;
      case 'would_block':
        wouldBlock++;
        break;
      case 'user_muted':
        if (e.detail.target) muted.add(ix.idOf(e.detail.target));
        break;
      case 'user_revoked':
        if (e.detail.target) revoked.add(ix.idOf(e.detail.target));
        break;
      case 'device_inspected':
        if (e.detail.target) inspected.add(ix.idOf(e.detail.target));
        break;
      default:
        break;
    }
  }
  const trees = shareTrees(events, ix);
  const chains = fileChains(events, ix);
  const byReach = (a: SpreadItem, b: SpreadItem) => b.reached - a.reached || a.itemId.localeCompare(b.itemId);
  trees.sort(byReach);
  chains.sort(byReach);
  return {
    number,
    mode: frame.mode,
    ...(frame.startedAt ? { startedAt: frame.startedAt } : {}),
    endedAt: frame.endedAt,
    messages: n,
    posts: { ...p, medianSecondsToVisible: median(visible) },
    searches: { total: searches, emptyByFilter },
    blockedAddresses,
    outsideTried,
    discipline: { muted: [...muted], revoked: [...revoked], inspected: [...inspected] },
    wouldBlock,
    spread: frame.mode === 'open' ? [...trees, ...chains] : [...chains, ...trees],
  };
}

/** Every round of a session from its trail (oldest first), in round order. Events outside any round are left out. */
export function debriefRounds(events: readonly TrailEvent[], lookups: DebriefLookups): DebriefRound[] {
  const frames = roundFrames(events);
  const ix = indexOf(events, lookups);
  const byRound = new Map<number, TrailEvent[]>();
  for (const e of events) {
    if (e.round === undefined) continue;
    let list = byRound.get(e.round);
    if (!list) byRound.set(e.round, (list = []));
    list.push(e);
  }
  return [...frames.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, frame]) => roundFigures(number, frame, byRound.get(number) ?? [], ix));
}

/** The figures of a round as `[figure, value]` pairs, in a fixed order (the CSV rows). */
export function figureRows(r: DebriefRound): [string, number | string | null][] {
  return [
    ['messages.sent', r.messages.sent],
    ['messages.delivered', r.messages.delivered],
    ['messages.blocked', r.messages.blocked],
    ['messages.rewritten', r.messages.rewritten],
    ['posts.submitted', r.posts.submitted],
    ['posts.approved', r.posts.approved],
    ['posts.rejected', r.posts.rejected],
    ['posts.filtered', r.posts.filtered],
    ['posts.medianSecondsToVisible', r.posts.medianSecondsToVisible],
    ['searches.total', r.searches.total],
    ['searches.emptyByFilter', r.searches.emptyByFilter],
    ['blockedAddresses', r.blockedAddresses],
    ['outsideTried', r.outsideTried ?? 0],
    ['wouldBlock', r.wouldBlock ?? 0],
    ['discipline.muted', r.discipline?.muted.length ?? 0],
    ['discipline.revoked', r.discipline?.revoked.length ?? 0],
    ['discipline.inspected', r.discipline?.inspected.length ?? 0],
    ['spread.items', r.spread.length],
    ['spread.maxReached', r.spread.reduce((m, s) => Math.max(m, s.reached), 0)],
  ];
}

/** One line of the transcript. */
export interface TranscriptLine {
  at: string;
  /** `chat:<room>`, `board:<board>` or `social`. */
  place: string;
  author: string;
  text: string;
}

/**
 * The session's public record: messages of chat rooms (not direct messages) as typed, from the
 * trail, and approved board posts and social posts (given by the caller from their stores), by time.
 */
export function transcriptLines(
  events: readonly TrailEvent[],
  users: readonly DebriefUser[],
  posts: readonly { at: string; place: string; author: string; text: string }[],
): TranscriptLine[] {
  const names = new Map(users.map((u) => [u.username, u.displayName]));
  const lines: TranscriptLine[] = [];
  for (const e of events)
    if (e.kind === 'chat_message' && e.detail.room && !e.detail.room.startsWith('dm:'))
      lines.push({
        at: e.at,
        place: `chat:${e.detail.room}`,
        author: (e.username && names.get(e.username)) ?? e.username ?? '',
        text: e.detail.text ?? '',
      });
  lines.push(...posts.map((p) => ({ ...p })));
  return lines.sort((a, b) => a.at.localeCompare(b.at));
}

/** The columns of `trail.csv`. */
export const TRAIL_CSV_COLUMNS = ['id', 'at', 'round', 'mode', 'kind', 'username', 'role', 'detail'] as const;

/** One trail event as the fields of a `trail.csv` row (`detail` as JSON). */
export function trailCsvFields(e: TrailEvent): (string | number | null)[] {
  return [e.id, e.at, e.round ?? null, e.mode ?? null, e.kind, e.username, e.role, JSON.stringify(e.detail)];
}
