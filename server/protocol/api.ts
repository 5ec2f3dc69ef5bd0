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
  | 'room_reopened'
  /** Someone was held back for doing one thing too often (recorded once per window). */
  | 'throttled';

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

// The feature areas' shapes live beside this file; importing from here keeps working.
export type * from './media';
export type * from './boards';
export type * from './chat';
