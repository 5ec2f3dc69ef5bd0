/**
 * API shapes of the simulated cast (type-only): its settings per session, how its people appear,
 * and the bureau's chat warning.
 *
 * - `PATCH /api/sessions/:id {cast: {bureau?, colleagues?, guide?, delaySeconds?: [min, max]}}` (the
 *   owning facilitator; with `:id` `demo`, the demo facilitator for the demo session): a class
 *   session answers its `SessionDetail` (with `cast`), the demo session `SessionCastResponse`.
 *   `GET /api/sessions/:id/cast` answers `SessionCastResponse` for either.
 * - A decision by the bureau shows `decidedBy: {simulated: true, name}` where a human decision shows
 *   the censor's display name; a cast member's chat message, presence entry and post carry
 *   `simulated: true`.
 */

/**
 * Whether the censor bureau decides posts and warns chatters: `'auto'` while no person holds the
 * censor role (no student seat is censor, no censor persona is connected), or on or off outright.
 */
export type BureauSetting = boolean | 'auto';

/** The cast's settings of one session. */
export interface CastSettings {
  bureau: BureauSetting;
  /** Colleagues in the chat rooms (ambient lines, answers) and board life. */
  colleagues: boolean;
  /** The hotel guide at the foreigners' help desk. */
  guide: boolean;
  /** How long the bureau takes to decide a post: a random number of seconds in `[min, max]`. */
  delaySeconds: [number, number];
}

/** The settings and whether the bureau acts now. */
export interface CastState extends CastSettings {
  bureauActive: boolean;
}

/** `PATCH /api/sessions/:id {cast}`. */
export interface CastSettingsRequest {
  cast: Partial<CastSettings>;
}

/** `GET /api/sessions/:id/cast`, and `PATCH /api/sessions/demo {cast}`. */
export interface SessionCastResponse {
  id: string;
  cast: CastState;
}

/** Who decided a post: a censor by display name, or the simulated bureau. */
export type DecidedBy = string | { simulated: true; name: string };

/** `cast:warning`: the bureau warned this user about their chat messages. */
export interface CastWarningPush {
  code: 'chat_warning';
  /** The room of the message that drew it. */
  roomId: string;
  from: { name: string; simulated: true };
  /** The pack's warning text. */
  text: string;
  at: string;
}
