/**
 * Types shared by server and client: the JSON shapes of the HTTP API.
 * Type-only: the client imports this file with `import type`, never at run time.
 */

/** Every persona role in the simulated world (see DESIGN.md, "Roles"). */
export type Role = 'citizen' | 'elite' | 'scientist' | 'academic' | 'foreigner' | 'editor' | 'censor' | 'facilitator';

/** A session runs the closed simulation or the open comparison network. */
export type Mode = 'closed' | 'open';

/** What a user may do; the policy table maps role × mode to a set of these. */
export type Capability =
  | 'network.domestic'
  | 'network.foreign'
  | 'media.read'
  | 'media.publish'
  | 'boards.read'
  | 'boards.post'
  | 'chat.use'
  | 'moderation.review'
  | 'trail.read'
  | 'users.discipline'
  | 'policy.overview'
  | 'sessions.manage';

/** Which screen a user lands on after login, decided by the server's policy. */
export type Home = 'denied' | 'portal' | 'foreign' | 'trail' | 'overview';

/** Which network a site belongs to. */
export type Network = 'domestic' | 'foreign';

/** `GET /api/me` and the body of a successful login. */
export interface Me {
  username: string;
  displayName: string;
  role: Role;
  capabilities: Capability[];
  home: Home;
  mode: Mode;
  sessionId: string;
}

/** The one error shape every failing API call answers with. */
export interface ApiError {
  error: { code: string; message: string };
}

/** What a site's pages are: plain pages, a state-media site, the broadcast schedule or the search engine. */
export type SiteApp = 'page' | 'media' | 'broadcast' | 'search' | 'boards' | 'chat';

/** A site in the intranet directory, as a user of its network sees it. */
export interface Site {
  id: string;
  address: string;
  title: string;
  description: string;
  network: Network;
  /** Short paragraphs shown on the site's front page (plain text). */
  intro: string[];
  /** Id of a placard that explains this site, if any. */
  placardId?: string;
  /** How the client renders the site's pages (default 'page'). */
  app?: SiteApp;
  /** The banner of a state-media site: tagline, slogans, achievement figures. */
  masthead?: Masthead;
}

/** The decorations of a state-media site's front page (fictional). */
export interface Masthead {
  tagline: string;
  slogans: string[];
  stats: { label: string; value: string }[];
}

/** `GET /api/sites`. */
export interface SitesResponse {
  home: string;
  sites: Site[];
}

/** `POST /api/browse` body. */
export interface BrowseRequest {
  address: string;
}

/** `POST /api/browse`: the page that opened, or the wall. */
export type BrowseResponse =
  /** `path` is what followed the host, e.g. '/article/some-id' ('' for the front page). */
  | { reachable: true; address: string; path: string; site: Site }
  | { reachable: false; address: string; placardId: string };

/** A "why is it like this?" note with its public source. */
export interface Placard {
  id: string;
  title: string;
  text: string;
  source: string;
  /** True when the fact rests on a single report. */
  reported?: boolean;
}

/** `GET /api/placards`. */
export interface PlacardsResponse {
  placards: Placard[];
}

/** Kinds of event in the surveillance trail. Later features add more. */
export type TrailKind =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'page_view'
  | 'blocked_address'
  | 'search'
  | 'search_flagged'
  | 'article_saved'
  | 'article_published'
  | 'article_unpublished'
  | 'post_submitted'
  | 'post_filtered'
  | 'post_approved'
  | 'post_rejected'
  | 'chat_message'
  | 'chat_blocked'
  | 'user_muted'
  | 'user_unmuted'
  | 'user_revoked'
  | 'user_restored'
  | 'room_closed'
  | 'room_reopened';

/** One entry of the append-only surveillance trail. */
export interface TrailEvent {
  id: string;
  sessionId: string;
  at: string;
  kind: TrailKind;
  username: string | null;
  role: Role | null;
  /** Kind-specific details, e.g. the address typed or the site opened. */
  detail: Record<string, string>;
}

/** `GET /api/trail?user=&kind=&limit=&before=`: newest first. */
export interface TrailResponse {
  events: TrailEvent[];
}

/** `GET /api/policy/matrix`: who may see what, generated from the policy table. */
export interface PolicyMatrix {
  mode: Mode;
  roles: Role[];
  capabilities: { id: Capability; label: string }[];
  /** role → capabilities it holds in this mode */
  grants: Record<Role, Capability[]>;
  sites: { id: string; title: string; address: string; network: Network; roles: Role[] }[];
}

/** Sections of the state-media sites. */
export type SectionId = 'leadership' | 'industry' | 'science' | 'culture' | 'international';

/** A section with its display label. */
export interface Section {
  id: SectionId;
  label: string;
}

/** Where an article is in its life. Readers only ever see 'published'. */
export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';

/** An article in lists: no author, no view count, no comments — by design. */
export interface ArticleSummary {
  id: string;
  /** Id of the media site it appears on (e.g. 'news-agency', 'daily'). */
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  /** The dateline, YYYY-MM-DD. */
  date: string;
  /** The front-page lead story of its site. */
  lead: boolean;
  status: ArticleStatus;
  /** When it went out (ISO), or null. */
  publishedAt: string | null;
  /** When a scheduled article will go out (ISO), or null. */
  publishAt: string | null;
}

/** One article with its body: Markdown source and the sanitised HTML rendered from it. */
export interface Article extends ArticleSummary {
  body: string;
  bodyHtml: string;
}

/** `GET /api/media/articles?site=&section=&status=&page=&pageSize=`: newest first. */
export interface ArticlesResponse {
  articles: ArticleSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** The sections this user may read (all of them for an editor). */
  sections: Section[];
}

/** Body of `POST /api/media/articles` and `PATCH /api/media/articles/:id` (all optional on PATCH). */
export interface ArticleInput {
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  body: string;
  lead?: boolean;
}

/** Body of `POST /api/media/articles/:id/publish`: no `at` (or a past one) publishes now, a future one schedules. */
export interface PublishRequest {
  at?: string;
}

/** `POST /api/media/preview {body}` → the sanitised HTML an article body renders to. */
export interface PreviewResponse {
  html: string;
}

/** `GET /api/media/search?q=`: matching articles the user may read. A filtered query finds nothing. */
export interface SearchResponse {
  query: string;
  results: ArticleSummary[];
}

/** One programme of the broadcast schedule. */
export interface BroadcastItem {
  time: string;
  title: string;
  description: string;
}

/** A TV or radio channel with today's listings. */
export interface BroadcastChannel {
  id: string;
  name: string;
  kind: 'tv' | 'radio';
  items: BroadcastItem[];
}

/** `GET /api/media/broadcast`: today's schedule. */
export interface BroadcastResponse {
  date: string;
  channels: BroadcastChannel[];
}

/** A message board as a user who may read it sees it. */
export interface Board {
  id: string;
  title: string;
  description: string;
  /** Whether this user may start threads and reply here. */
  mayPost: boolean;
  /** Approved threads on the board. */
  threadCount: number;
}

/** `GET /api/boards`: the boards this user may read. */
export interface BoardsResponse {
  boards: Board[];
}

/** Where a post is in pre-moderation. */
export type PostStatus = 'pending' | 'approved' | 'rejected';

/** A thread's opening post or a reply, under its author's real name and role. */
export interface Post {
  id: string;
  boardId: string;
  /** The thread it belongs to; a thread's opening post has its own id here. */
  threadId: string;
  /** Only an opening post has a title. */
  title: string | null;
  body: string;
  authorName: string;
  authorRole: Role;
  status: PostStatus;
  /** The censor's reason, shown only to the author of a rejected post. */
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A thread in a board's list. */
export interface ThreadSummary {
  id: string;
  boardId: string;
  title: string;
  authorName: string;
  authorRole: Role;
  status: PostStatus;
  reason: string | null;
  createdAt: string;
  replyCount: number;
  lastActivityAt: string;
}

/** `GET /api/boards/:id/threads`: approved threads, plus the caller's own pending or rejected ones. */
export interface ThreadsResponse {
  board: Board;
  threads: ThreadSummary[];
}

/** `GET /api/threads/:id`: the thread with its approved replies and the caller's own pending or rejected ones. */
export interface ThreadResponse {
  board: Board;
  thread: Post;
  replies: Post[];
}

/** `POST /api/boards/:id/threads`. */
export interface NewThreadRequest {
  title: string;
  body: string;
}

/** `POST /api/threads/:id/replies`. */
export interface NewReplyRequest {
  body: string;
}

/** A post waiting for (or past) a censor's decision, with where it was posted. */
export interface ModerationItem extends Post {
  boardTitle: string;
  threadTitle: string;
  /** The display name of the censor who decided, once decided. */
  decidedBy: string | null;
}

/** `GET /api/moderation/queue`: pending posts across all boards, oldest first. */
export interface QueueResponse {
  queue: ModerationItem[];
}

/** `GET /api/moderation/history`: decided posts, newest decision first. */
export interface HistoryResponse {
  decisions: ModerationItem[];
}

/** `POST /api/moderation/:postId`: a reason is required to reject. */
export interface ModerationRequest {
  decision: 'approve' | 'reject';
  reason?: string;
}

/** Someone a user may chat with, by real name. */
export interface ChatPeer {
  username: string;
  displayName: string;
  role: Role;
}

/** A chat room, or a direct-message conversation between two users. */
export interface ChatRoom {
  /** Room id from the pack, or `dm:<userA>:<userB>` (user names sorted) for direct messages. */
  id: string;
  kind: 'room' | 'dm';
  title: string;
  description: string;
  /** A closed room can be read but takes no messages until reopened. */
  closed: boolean;
  /** How many people are in it now. */
  online: number;
  /** For a direct-message conversation: the other person. */
  peer?: ChatPeer;
}

/** `GET /api/chat/rooms`: the rooms this user may join, and who they may message directly. */
export interface ChatRoomsResponse {
  rooms: ChatRoom[];
  contacts: ChatPeer[];
}

/** A delivered chat message. */
export interface ChatMessage {
  id: string;
  /** Position in its room, counting from 1: the cursor for history and catching up. */
  seq: number;
  roomId: string;
  from: string;
  fromName: string;
  fromRole: Role;
  text: string;
  at: string;
  clientId: string;
  /** True when the network rewrote a word before delivery. */
  substituted: boolean;
}

/** `GET /api/chat/rooms/:id/messages?before=<seq>&limit=`: newest first. */
export interface ChatHistoryResponse {
  messages: ChatMessage[];
  /** Pass as `before` for the next (older) page, or null when there is none. */
  nextBefore: number | null;
}

/** One entry of the censor's chat monitor: every message, delivered or not. */
export interface ChatMonitorEntry {
  id: string;
  at: string;
  roomId: string;
  from: string;
  fromRole: Role;
  /** The text as typed. */
  text: string;
  delivered: boolean;
  /** The filtered term that stopped it, if it was not delivered. */
  term?: string;
  /** Words the network rewrote before delivery. */
  substitutions?: { from: string; to: string }[];
}

/** `GET /api/chat/monitor`: recent monitor entries across all rooms and DMs, newest first. */
export interface ChatMonitorResponse {
  entries: ChatMonitorEntry[];
  /** Users currently muted. */
  muted: string[];
  /** Rooms currently closed. */
  closedRooms: string[];
  /** The users a censor may discipline, with their state. */
  users: { username: string; displayName: string; role: Role; muted: boolean; revoked: boolean }[];
  /** Every chat room of the pack. */
  rooms: { id: string; title: string; closed: boolean }[];
}
