/**
 * Class sessions: the JSON shapes of `/api/sessions/**` and what `GET /api/me` adds for a student's seat.
 * Type-only (the client imports it with `import type`).
 *
 * Socket pushes (declared in `events.ts`):
 * - `session:state` (`SessionState`) → every socket of a class session (students and the owner's
 *   console) when pause, lock, the round or the end of the session changes. Students show the
 *   "paused by your teacher" banner / the end screen from it without re-reading `/api/me`.
 * - `session:changed` (`SessionChanged`) → a seat's own sockets when its role was given or changed
 *   (`change: 'role'`) or the round's mode switched (`change: 'mode'`); the client re-reads `/api/me`
 *   (which then carries the role card in `seat.card`). `role` is `null` for a seat without a role.
 * - `session:roster` (`SessionRoster`) → the owning facilitator's sockets only: the live roster and
 *   counts of one session (joins, online dots, role changes, removals, renames). The projector view
 *   shows only `counts.joined` from it — never names or roles.
 * - `session:trail` (`SessionTrailEvent`) → the owning facilitator's sockets only: one new trail
 *   event of one of their sessions (the console's live trail).
 * - `session:event` (`SessionEventPush`) → every socket of a class session when the facilitator fires
 *   a scripted event (evening news, chat shutdown, inspection): a notice for everyone; the censor's
 *   screens highlight an `inspection` (the client decides by `me.role`). The news event's article also
 *   arrives as `media:published` to its readers, the shutdown's closed rooms as `chat:room`.
 * - `session:ended` (existing) with `code: 'removed'` → the removed student's sockets, which are then
 *   cut; their cookie no longer works (`/api/me` answers 401 `removed`).
 *
 * HTTP answers:
 * - Every control route (`roles`, `lock`, `pause`, `rounds`, `mode`, `rounds/end`, `end`, `events`, `reset`,
 *   `PATCH/DELETE players/:playerId`) answers 200 with the session's `SessionDetail` as it is now
 *   (`POST /api/sessions/demo/mode` answers `SessionModeResponse`).
 * - `DELETE /api/sessions/:id` answers 204. `POST /api/sessions/:id/end` ends the session (students see
 *   the end screen; the record stays until deleted). `GET /api/sessions/:id/trail?limit=` →
 *   `TrailResponse` (newest first) of that session.
 * - A write in a paused session answers 423 `{error: {code: 'paused'}}`, in an ended one 423
 *   `{error: {code: 'ended'}}`; socket acks `{ok: false, error: {code: 'paused' | 'ended'}}`.
 * - Join failures (400/403/404/409/429, `{error: {code}}`): `bad_input` (shape), `bad_code` (no live
 *   session has this code, or it ended), `locked`, `full`, `late_join_closed` (a round is running and
 *   late join is off), `name_length` (not 2–24 characters), `name_filtered` (the pack's keyword
 *   filter), `name_blocked` (the pack's name blocklist), `removed` (this name was removed from this
 *   session), `rate_limited` (429).
 */
import type { Capability, Mode, Role } from './vocabulary';
import type { TrailEvent } from './api';
import type { PackFileInfo } from './files';
import type { QuizPhase } from './debrief';
import type { CastState } from './cast';

/** A distribution preset from the pack. */
export type RolePreset = 'realistic' | 'active';

/** The roles a student's seat may be given (never the facilitator). */
export type SeatRole = Exclude<Role, 'facilitator'>;

/** The round running now. */
export interface SessionRound {
  /** 1 for the first round of the session. */
  number: number;
  mode: Mode;
  /** ISO time. */
  startedAt: string;
  /** Scripted events set to fire on a timer in this round (absent when none were set). */
  timers?: RoundTimer[];
}

/** A scripted event set to fire at a time of the round. */
export interface RoundTimer {
  eventId: string;
  /** ISO time it fires (the round's start plus its delay). */
  at: string;
  /** Whether it has fired. A timer due while the session is paused fires on resume. */
  fired: boolean;
}

/** One entry of `GET /api/sessions`. */
export interface SessionSummary {
  id: string;
  code: string;
  name: string;
  locked: boolean;
  paused: boolean;
  lateJoin: boolean;
  capacity: number;
  /** Seats held (removed seats excluded). */
  joined: number;
  /** Seats with at least one connected socket. */
  online: number;
  round: SessionRound | null;
  ended: boolean;
}

/** `GET /api/sessions`: the facilitator's own sessions, newest first. */
export interface SessionsResponse {
  sessions: SessionSummary[];
}

/** A student in the roster. */
export interface SessionPlayer {
  id: string;
  name: string;
  role: SeatRole | null;
  online: boolean;
}

/** A scripted event the facilitator may fire. */
export interface SessionEventInfo {
  id: string;
  title: string;
}

/** The live counts of a session. */
export interface SessionCounts {
  joined: number;
  online: number;
  /** Board posts written in the session (every status; the pack's seed posts excluded). */
  posts: number;
  /** Delivered chat messages. */
  messages: number;
  /** Trail events of kinds `blocked_address`, `chat_blocked` and `post_filtered`. */
  blocked: number;
  /** Posts waiting in the moderation queue. */
  pending: number;
}

/** `GET /api/sessions/:id` (and the answer of every control route). */
export interface SessionDetail {
  id: string;
  code: string;
  name: string;
  joinUrl: string;
  capacity: number;
  locked: boolean;
  paused: boolean;
  lateJoin: boolean;
  ended: boolean;
  round: SessionRound | null;
  /** How many rounds have been played (the next one is `roundsPlayed + 1`). */
  roundsPlayed?: number;
  players: SessionPlayer[];
  events: SessionEventInfo[];
  counts: SessionCounts;
  /** The pack's files the facilitator may drop (`POST /api/sessions/:id/files/drop`). */
  files: PackFileInfo[];
  /** Whether the transcript download is allowed (`PATCH /api/sessions/:id {transcript}`; default true). */
  transcript?: boolean;
  /** The simulated cast's settings (`PATCH /api/sessions/:id {cast}`) and whether the bureau acts now. */
  cast?: CastState;
}

/** `POST /api/sessions`. `capacity` 1–500 (default 40), `lateJoin` default true. */
export interface CreateSessionRequest {
  name: string;
  capacity?: number;
  lateJoin?: boolean;
}

/** `POST /api/sessions` → 201. */
export interface CreateSessionResponse {
  id: string;
  code: string;
  /** `<origin>/join/<code>` */
  joinUrl: string;
}

/** `POST /api/sessions/join`. `code` is the 6-digit join code. */
export interface JoinRequest {
  code: string;
  name: string;
}

/** `POST /api/sessions/join` → 200, with the seat's cookie set. */
export interface JoinResponse {
  player: { id: string; name: string };
  sessionId: string;
}

/** One hand assignment. */
export interface RoleAssignment {
  playerId: string;
  role: SeatRole;
}

/** `POST /api/sessions/:id/roles`: a preset (reshuffles every seat) or hand assignments. */
export type RolesRequest = { preset: RolePreset } | { assignments: RoleAssignment[] };

/** `POST /api/sessions/:id/lock`. */
export interface LockRequest {
  locked: boolean;
}

/** `POST /api/sessions/:id/pause`. */
export interface PauseRequest {
  paused: boolean;
}

/** `PATCH /api/sessions/:id/players/:playerId`. */
export interface RenameRequest {
  name: string;
}

/** `POST /api/sessions/:id/rounds`: start the next round in this mode. */
export interface StartRoundRequest {
  mode: Mode;
  /** Scripted events to fire by themselves, each so many seconds after the round starts. */
  events?: { eventId: string; afterSeconds: number }[];
}

/**
 * `POST /api/sessions/:id/mode`: switches the running round to this mode (it keeps its number; the
 * session and every connected student follow live). Answers the `SessionDetail`; 409 `no_round`
 * when no round runs. With `:id` `demo` (the facilitator's own demo session): `SessionModeResponse`.
 */
export interface SetModeRequest {
  mode: Mode;
}

/** `POST /api/sessions/demo/mode`: the demo session's mode now. */
export interface SessionModeResponse {
  id: string;
  mode: Mode;
}

/** `POST /api/sessions/:id/events`. */
export interface FireEventRequest {
  eventId: string;
}

/** `POST /api/sessions/:id/reset`: content back to the pack; `keepRoster: false` also removes every seat. */
export interface ResetRequest {
  keepRoster: boolean;
}

/**
 * `GET /api/sessions/present/:code` (the owner only): what the projector view shows. Never names or
 * roles. The QR code is `GET /api/sessions/:id/qr.svg` (image/svg+xml).
 */
export interface PresentView {
  id: string;
  code: string;
  name: string;
  joinUrl: string;
  joined: number;
  locked: boolean;
  ended: boolean;
}

/** A seat's role card: who they play, what they may and may not do, and the pack's private brief. */
export interface RoleCard {
  /** The persona name shown on the card (the student's display name). */
  persona: string;
  role: SeatRole;
  /** Capability ids the role holds in the current mode (the client names them). */
  may: Capability[];
  /** Capability ids it does not hold. */
  mayNot: Capability[];
  /** The pack's short private brief for this role (plain text). */
  brief: string;
}

/**
 * `GET /api/me` → `seat`, present only for a student of a class session. With no role yet `me.role`
 * is `null` and `me.home` is `'lobby'`; with a role `me.home` is the role's home and `seat.card` is set.
 */
export interface SeatInfo {
  sessionName: string;
  paused: boolean;
  ended: boolean;
  round: SessionRound | null;
  card: RoleCard | null;
}

/** `session:state`: the session-wide state after a pause, lock, round or end changed. */
export interface SessionState {
  sessionId: string;
  paused: boolean;
  locked: boolean;
  ended: boolean;
  round: SessionRound | null;
  /**
   * The quiz phase open in the session: `before` until the facilitator opens the after-quiz, then `after`
   * (whether a given student still has to answer it: `GET /api/quiz`).
   */
  quiz?: QuizPhase;
}

/** `session:roster`: the live roster and counts of one of the facilitator's sessions. */
export interface SessionRoster {
  sessionId: string;
  players: SessionPlayer[];
  counts: SessionCounts;
}

/** `session:trail`: a new trail event of one of the facilitator's sessions. */
export interface SessionTrailEvent {
  sessionId: string;
  event: TrailEvent;
}

/** The kinds of scripted events a pack may declare. */
export type SessionEventKind = 'news' | 'chat_shutdown' | 'inspection' | 'files_drop';

/** `session:event`: a scripted event was fired in the reader's session. */
export interface SessionEventPush {
  sessionId: string;
  eventId: string;
  kind: SessionEventKind;
  title: string;
  /** What everyone is told (plain text from the pack). */
  text: string;
  /** A placard explaining it, if the pack names one (e.g. the chat shutdown's gymnasium placard). */
  placardId?: string;
  /** The published article's id, for a `news` event. */
  articleId?: string;
  /** ISO time. */
  at: string;
}
