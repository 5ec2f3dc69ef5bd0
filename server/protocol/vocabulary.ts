/**
 * The fixed vocabulary of the simulation, as data: roles, modes, capability ids, homes, networks,
 * trail kinds, media sections, id patterns and text limits. Server and client may import it at run time;
 * it imports nothing. `api.ts` derives its union types from these lists.
 */

/** Every persona role in the simulated world, in the order screens list them (see DESIGN.md, "Roles"). */
export const ROLES = [
  'citizen',
  'elite',
  'scientist',
  'academic',
  'foreigner',
  'editor',
  'censor',
  'facilitator',
] as const;
export type Role = (typeof ROLES)[number];

/** A session runs the closed simulation or the open comparison network. */
export const MODES = ['closed', 'open'] as const;
export type Mode = (typeof MODES)[number];

/** What a user may do; the policy table maps role × mode to a set of these. In table order. */
export const CAPABILITY_IDS = [
  'network.domestic',
  'network.foreign',
  'media.read',
  'media.publish',
  'boards.read',
  'boards.post',
  'chat.use',
  'moderation.review',
  'trail.read',
  'users.discipline',
  'policy.overview',
  'sessions.manage',
  'media.receive',
] as const;
export type Capability = (typeof CAPABILITY_IDS)[number];

/** Which screen a user lands on after login, decided by the server's policy. */
export const HOMES = ['denied', 'portal', 'foreign', 'trail', 'overview', 'lobby', 'console'] as const;
export type Home = (typeof HOMES)[number];

/** Which network a site belongs to. */
export const NETWORKS = ['domestic', 'foreign'] as const;
export type Network = (typeof NETWORKS)[number];

/** How the client renders a site's pages. */
export const SITE_APPS = ['page', 'media', 'broadcast', 'search', 'boards', 'chat', 'social', 'library'] as const;
export type SiteApp = (typeof SITE_APPS)[number];

/** Sections of the state-media sites (labels come from the pack). */
export const SECTION_IDS = ['leadership', 'industry', 'science', 'culture', 'international'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Every kind of event the surveillance trail records. */
export const TRAIL_KINDS = [
  'login',
  'login_failed',
  'logout',
  'page_view',
  'blocked_address',
  'search',
  'search_flagged',
  'article_saved',
  'article_published',
  'article_unpublished',
  'post_submitted',
  'post_filtered',
  'post_approved',
  'post_rejected',
  'chat_message',
  'chat_blocked',
  'user_muted',
  'user_unmuted',
  'user_revoked',
  'user_restored',
  'room_closed',
  'room_reopened',
  /** Someone was held back for doing one thing too often (recorded once per window). */
  'throttled',
  /** A facilitator switched the session between closed and open. */
  'session_mode_changed',
  /** Class sessions: a facilitator created one. */
  'session_created',
  /** Class sessions: a student took a seat, was removed or renamed; roles were given. */
  'seat_joined',
  'seat_removed',
  'seat_renamed',
  'roles_assigned',
  /** Class sessions: a round started or ended, the session was paused/resumed, locked/unlocked, ended. */
  'round_started',
  'round_ended',
  'session_paused',
  'session_resumed',
  'session_locked',
  'session_unlocked',
  'session_ended',
  'session_reset',
  /** Class sessions: the facilitator fired a scripted event from the pack. */
  'event_fired',
  /** Open network: a post on the social site (detail: post; with parent and root for a share). */
  'social_posted',
  'social_shared',
  /** Open network: likes (detail: target kind and id). */
  'social_liked',
  'social_unliked',
  /** Open network: follows (detail: the followed player). */
  'social_followed',
  'social_unfollowed',
  /** Open network: a comment under an article, thread or post. */
  'social_commented',
  /** Open network: an outside address opened the "leaving the sandbox" page (never fetched). */
  'link_out',
  /**
   * Open mode: what the closed network's filter would have blocked or rewritten, let through here
   * (detail: where — post, chat, search, comment, social — and the term), for the debrief.
   */
  'would_block',
  /** Smuggled files: a stick dropped by the facilitator or found, handed over in person, opened or refused. */
  'file_dropped',
  'file_found',
  'file_handed_over',
  'file_opened',
  'file_refused',
  'notel_handed_over',
  /** A censor inspected a device, decided an outcome, traced a copy. */
  'device_inspected',
  'inspection_outcome',
  'file_traced',
  /** A periodic snapshot of what the screen showed (as the Woolim tablet and the 2024 phone kept). */
  'screen_snapshot',
  /** A domestic site the role is not cleared for was opened (the inner wall). */
  'site_locked',
  /** The Research E-Library: a search, and a request for a title not in the catalogue. */
  'library_search',
  'library_request',
  /** The quiz: a student answered a phase; the facilitator opened the after-quiz. */
  'quiz_answered',
  'quiz_opened',
  /** The simulated bureau warned someone about their chat messages (detail: target, room, strikes). */
  'cast_warned',
  /** A simulated colleague reported a forbidden topic (detail: target, room, member). */
  'cast_reported',
] as const;
export type TrailKind = (typeof TRAIL_KINDS)[number];

/** The languages the sandbox speaks: the client's words and the default pack's content. */
export const LOCALES = ['en', 'ko'] as const;
/** One of them. */
export type Locale = (typeof LOCALES)[number];

/** Patterns of the ids and names that travel in addresses, bodies and socket events. */
export const PATTERNS = {
  /** A pack id: sites, boards, rooms, placards, sessions. */
  packId: /^[a-z0-9][a-z0-9-]{0,63}$/,
  /** A persona's user name. */
  username: /^[a-z][a-z0-9_]{1,31}$/,
  /** A user name as a request parameter (anything a user name could be; unknown ones are 404). */
  usernameParam: /^[a-z0-9_]{2,32}$/,
  /** A chat room: a pack room id, or `dm:<userA>:<userB>` for a direct conversation. */
  roomId: /^(dm:[a-z0-9_]{2,32}:[a-z0-9_]{2,32}|[a-z0-9][a-z0-9-]{0,63})$/,
  /** An article, board, thread or post id in a path (pack ids and generated UUIDs). */
  recordId: /^[a-z0-9-]{1,80}$/,
  /** A site's host name. */
  host: /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
  /** A session's join code (class sessions use 6 digits). */
  sessionCode: /^[A-Z0-9]{4,8}$/,
  /** A class session's 6-digit join code. */
  joinCode: /^\d{6}$/,
  /** A broadcast time of day. */
  clock: /^([01]\d|2[0-3]):[0-5]\d$/,
} as const;

/** Longest texts the server accepts (characters, after trimming). */
export const LIMITS = {
  chatText: 1000,
  chatClientId: 64,
  postTitle: 150,
  postBody: 4000,
  decisionReason: 300,
  articleTitle: 200,
  articleSummary: 300,
  articleBody: 20_000,
  searchQuery: 100,
  address: 2048,
  loginUsername: 64,
  password: 200,
  seatNameMin: 2,
  seatNameMax: 24,
  sessionName: 80,
  sessionCapacity: 500,
  /** A post on the social site (a share's comment too). */
  socialText: 1000,
  /** A comment under an article, thread or post. */
  commentText: 1000,
} as const;
