/**
 * "What your device recorded" (issue 12): a user's own trail, as the user may see it. Pure: it
 * picks, out of trail events, those about the reader and turns each into an entry (its time, its
 * kind, a summary of its details) or, for the device's screen snapshots, into a snapshot. The
 * summary is data (an address, a title, a term, the message typed), never prose: the client names
 * the kind in the reader's language. Nothing here deletes or changes an event: the record is a view.
 */
import type { RecordEntry, RecordResponse, RecordSnapshot, TrailEvent, TrailKind } from '../protocol/api';

/** The most entries (and, separately, snapshots) a record answers with: the newest. */
export const RECORD_LIMIT = 500;

/** Longest summary, in characters (a chat message is cut to this). */
export const SUMMARY_MAX = 120;

/** The placard of the record page and the end-of-visit summary: the Woolim tablet's trace viewer. */
export const RECORD_PLACARD_ID = 'device-record';

/** Who the record is for: one user name in one session. */
export interface RecordReader {
  username: string;
  sessionId: string;
}

/** Decisions others take on a reader's own posts (their fate belongs in the author's record). */
export const POST_FATE_KINDS = ['post_approved', 'post_rejected'] as const satisfies readonly TrailKind[];

/** Acts of a censor on a reader (detail `target`: the reader's user name), which the reader's device also keeps. */
export const DISCIPLINE_KINDS = [
  'user_muted',
  'user_unmuted',
  'user_revoked',
  'user_restored',
  'device_inspected',
  'inspection_outcome',
] as const satisfies readonly TrailKind[];

/** Hand-overs in person (detail `toUser`: the receiver's user name): the receiver's device keeps them too. */
export const HANDOVER_KINDS = ['file_handed_over', 'notel_handed_over'] as const satisfies readonly TrailKind[];

/**
 * The detail fields a kind's summary is made of, in order; a kind not listed uses `DEFAULT_FIELDS`.
 * Filter terms are left out where the user was only told "not delivered" (a post, a message, a
 * search): the record shows what the user did, not the filter's word list.
 */
const SUMMARY_FIELDS: Partial<Record<TrailKind, readonly string[]>> = {
  login: [],
  logout: [],
  page_view: ['address'],
  blocked_address: ['address'],
  site_locked: ['address'],
  link_out: ['address'],
  search: ['query', 'results'],
  search_flagged: ['query'],
  library_search: ['query', 'results'],
  library_request: ['title', 'query'],
  post_submitted: ['title', 'board'],
  post_filtered: ['board'],
  post_approved: ['title', 'board'],
  post_rejected: ['title', 'board', 'reason'],
  chat_message: ['room', 'text'],
  chat_blocked: ['room', 'text'],
  user_muted: ['target'],
  user_unmuted: ['target'],
  user_revoked: ['target'],
  user_restored: ['target'],
  throttled: ['action'],
  seat_joined: ['name'],
  would_block: ['where', 'term'],
  social_posted: ['text', 'post'],
  social_shared: ['text', 'post'],
  social_commented: ['kind', 'id'],
  // Smuggled files: what arrived, with the marks the chain carried; an inspection of the reader's device
  // names what it found, never the censor.
  file_dropped: ['title'],
  file_found: ['title', 'site'],
  file_handed_over: ['title', 'to', 'marks'],
  notel_handed_over: ['to'],
  file_opened: ['title', 'device'],
  file_refused: ['title', 'reason'],
  device_inspected: ['copies', 'notel'],
  inspection_outcome: ['outcome'],
};

/** Fields worth showing for any other kind (the files' events among them), in order of preference. */
const DEFAULT_FIELDS = [
  'title',
  'address',
  'query',
  'text',
  'file',
  'name',
  'site',
  'room',
  'board',
  'outcome',
  'marks',
  'term',
];

/** `text` cut to `max` characters (with an ellipsis when cut). */
function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** An event's summary: the values of its kind's fields, joined by " · ", cut to `SUMMARY_MAX`. */
export function summaryOf(event: Pick<TrailEvent, 'kind' | 'detail'>, titles?: ReadonlyMap<string, string>): string {
  const fields = SUMMARY_FIELDS[event.kind] ?? DEFAULT_FIELDS;
  const detail = { ...event.detail };
  // A decision on a post names the post by id only: the author's own submission gives its title.
  if (!detail.title && detail.post && titles?.has(detail.post)) detail.title = titles.get(detail.post)!;
  const values = fields.map((f) => detail[f]?.trim()).filter((v): v is string => !!v);
  return cut(values.join(' · '), SUMMARY_MAX);
}

/** A trail event as an entry of the record. */
export function entryOf(event: TrailEvent, titles?: ReadonlyMap<string, string>): RecordEntry {
  return { at: event.at, kind: event.kind, summary: summaryOf(event, titles) };
}

/** A `screen_snapshot` event as a snapshot: the site's title and address, or the screen shown. */
export function snapshotOf(event: Pick<TrailEvent, 'at' | 'detail'>): RecordSnapshot {
  const { title, address, screen } = event.detail;
  const text = title && address ? `${title} — ${address}` : (address ?? screen ?? '');
  return { at: event.at, text: cut(text, SUMMARY_MAX) };
}

/** The ids of the posts a reader submitted, with their titles (for their decisions' summaries). */
function ownPosts(own: readonly TrailEvent[]): Map<string, string> {
  const posts = new Map<string, string>();
  for (const e of own) if (e.kind === 'post_submitted' && e.detail.post) posts.set(e.detail.post, e.detail.title ?? '');
  return posts;
}

/**
 * Whether an event of someone else belongs in the reader's record: a decision on one of the
 * reader's posts, a censor's act on the reader (discipline, an inspection of their device), or a
 * file or Notel handed to the reader in person. Never anything else of another user.
 */
export function isAbout(event: TrailEvent, reader: RecordReader, posts: ReadonlyMap<string, string>): boolean {
  if (event.sessionId !== reader.sessionId || event.username === reader.username) return false;
  if ((POST_FATE_KINDS as readonly TrailKind[]).includes(event.kind)) return posts.has(event.detail.post ?? '');
  if ((DISCIPLINE_KINDS as readonly TrailKind[]).includes(event.kind)) return event.detail.target === reader.username;
  if ((HANDOVER_KINDS as readonly TrailKind[]).includes(event.kind)) return event.detail.toUser === reader.username;
  return false;
}

/**
 * A reader's record from a session's events in trail order, oldest first (only the reader's own and
 * those about the reader are kept): entries and snapshots newest first, each capped at `limit`, and
 * how many there are in all.
 */
export function recordOf(
  reader: RecordReader,
  events: readonly TrailEvent[],
  limit: number = RECORD_LIMIT,
): RecordResponse & { total: number } {
  const own = events.filter((e) => e.sessionId === reader.sessionId && e.username === reader.username);
  const posts = ownPosts(own);
  const mine = new Set(own);
  const all = events.filter((e) => mine.has(e) || isAbout(e, reader, posts)).reverse();
  const snapshots = all.filter((e) => e.kind === 'screen_snapshot');
  const entries = all.filter((e) => e.kind !== 'screen_snapshot');
  return {
    entries: entries.slice(0, limit).map((e) => entryOf(e, posts)),
    snapshots: snapshots.slice(0, limit).map(snapshotOf),
    total: all.length,
  };
}
