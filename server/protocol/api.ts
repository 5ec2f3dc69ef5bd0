/**
 * Types shared by server and client: the JSON shapes of the HTTP API.
 * Type-only: the client imports this file with `import type`, never at run time.
 */

// The vocabulary (roles, modes, capabilities, homes, networks, trail kinds) is data in `vocabulary.ts`;
// these types are derived from it, and importing them from here keeps working.
export type { Capability, Home, Locale, Mode, Network, Role, SiteApp, TrailKind } from './vocabulary';
import type { Capability, Home, Locale, Mode, Network, Role, SiteApp, TrailKind } from './vocabulary';
import type { SeatInfo } from './sessions';

/** `GET /api/me` and the body of a successful login. */
export interface Me {
  username: string;
  displayName: string;
  /** `null` for a class-session seat that has no role yet (its home is then `'lobby'`). */
  role: Role | null;
  capabilities: Capability[];
  home: Home;
  mode: Mode;
  sessionId: string;
  /** The language chosen in this browser (`PATCH /api/me {locale}`, or at login); `en` until then. */
  locale: Locale;
  /** Present only for a student's seat in a class session (see `sessions.ts`). */
  seat?: SeatInfo;
  /** True for a museum kiosk visit (`kiosk.ts`): the client shows the tour and the idle reset. */
  kiosk?: true;
}

/** The one error shape every failing API call answers with. */
export interface ApiError {
  error: { code: string; message: string };
}

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
  /**
   * A site of the user's network that the user's role is not cleared for: listed in the directory
   * (title, address, description only) and walled off when opened.
   */
  locked?: boolean;
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

/** Which wall an address hit (see `BrowseResponse`). */
export type BrowseWall = 'outside' | 'clearance' | 'network';

/** `POST /api/browse`: the page that opened, or the wall. */
export type BrowseResponse =
  /** `path` is what followed the host, e.g. '/article/some-id' ('' for the front page). */
  | { reachable: true; address: string; path: string; site: Site }
  /**
   * The wall: `wall` says which one — 'outside' (no route out of the national network),
   * 'clearance' (a site of the user's network the role is not cleared for, recorded as
   * `site_locked`) or 'network' (a site of the other network: the foreigners' network is apart).
   */
  | { reachable: false; address: string; placardId: string; wall?: BrowseWall }
  /**
   * Open mode, an address outside the sandbox: the "you are leaving the sandbox" page names it and
   * never fetches it (the sandbox never goes outside). Recorded as `link_out`.
   */
  | { reachable: false; address: string; leaving: true; placardId: string };

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

/** One entry of the append-only surveillance trail. */
export interface TrailEvent {
  id: string;
  sessionId: string;
  at: string;
  kind: TrailKind;
  username: string | null;
  role: Role | null;
  /** The person's display name when it was recorded (absent on older events and for nobody). */
  name?: string;
  /** Kind-specific details, e.g. the address typed or the site opened. */
  detail: Record<string, string>;
  /** The session's mode when it was recorded (absent on events recorded before modes were tagged). */
  mode?: Mode;
  /** The number of the round running when it was recorded; absent outside any round. */
  round?: number;
}

/** `GET /api/trail?user=&kind=&limit=&before=`: newest first. */
export interface TrailResponse {
  events: TrailEvent[];
}

/** `GET /api/policy/matrix`: who may see what, generated from the policy table. */
export interface PolicyMatrix {
  mode: Mode;
  roles: Role[];
  /** Capability ids in table order; the client names them. */
  capabilities: Capability[];
  /** role → capabilities it holds in this mode */
  grants: Record<Role, Capability[]>;
  sites: { id: string; title: string; address: string; network: Network; roles: Role[] }[];
}

// The feature areas' shapes live beside this file; importing from here keeps working.
export type * from './media';
export type * from './boards';
export type * from './chat';
export type * from './sessions';
export type * from './social';
export type * from './files';
export type * from './record';
export type * from './debrief';
export type * from './pages';
export type * from './cast';
export type * from './kiosk';
