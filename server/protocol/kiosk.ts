/**
 * API shapes of the museum kiosk (type-only; issue 15). With `KIOSK=1`:
 *
 * - `GET /api/session` carries `kiosk: KioskInfo` (else `kiosk` is absent): the settings, persona
 *   cards and the tour, so the attract screen needs no second request.
 * - `POST /api/kiosk/visits {persona, locale}` starts a visit: a throwaway session of its own, seeded
 *   from the pack, with one user (the persona), a login and its cookie. Answers `Me` (201). A visit
 *   this browser already has is wiped first ("live another life").
 * - `GET /api/kiosk/visits/current` answers `KioskVisit` (the tour's progress and the ending's
 *   comparison); `DELETE /api/kiosk/visits/current` ends the visit and wipes everything of it (the
 *   session, its user, login, trail, posts, messages, files) and clears the cookie: 204.
 * - `POST /api/kiosk/operator {pin}` opens the operator settings (an operator cookie, 15 minutes):
 *   answers `KioskSettings`; a wrong PIN is 403 `wrong_pin`, too many 429. `PATCH /api/kiosk/settings`
 *   (any of the settings) answers them; `POST /api/kiosk/reset` wipes every visit and answers
 *   `{removed}`; `DELETE /api/kiosk/operator` closes the operator settings. Without the operator
 *   cookie these are 401 `operator_required`.
 * - Without KIOSK=1 every kiosk route is 404 `kiosk_off`.
 */
import type { Locale, Role, TrailKind } from './api';

/** What the operator may change; the environment gives the first values. */
export interface KioskSettings {
  /** The language the attract screen and a new visit start in. */
  locale: Locale;
  idleSeconds: number;
  countdownSeconds: number;
  /** Whether visits get the guided tour. */
  tour: boolean;
  /** Whether the simulated cast plays in visits. */
  cast: boolean;
}

/** A persona card. */
export interface KioskPersona {
  username: string;
  displayName: string;
  role: Role;
  description: string;
}

/** A stop of the guided tour. */
export interface KioskStop {
  id: string;
  title: string;
  mission: string;
  placardId: string;
  /** Where "Go there" leads (a screen path, maybe with `?address=`); absent: the persona's home. */
  path?: string;
}

/** `GET /api/session`'s `kiosk`. */
export interface KioskInfo {
  settings: KioskSettings;
  personas: KioskPersona[];
}

/** `POST /api/kiosk/visits`. */
export interface StartVisitRequest {
  persona: string;
  locale: Locale;
}

/** A row of the ending's comparison: what the visitor tried, closed and open, and how often they did. */
export interface KioskComparisonRow {
  id: string;
  label: string;
  closed: string;
  open: string;
  /** How many of the visit's records are of this kind of thing. */
  count: number;
}

/** `GET /api/kiosk/visits/current`. */
export interface KioskVisit {
  persona: KioskPersona;
  startedAt: string;
  /** The persona's tour (empty when the operator turned the tour off), each stop with whether it is done. */
  tour: (KioskStop & { done: boolean })[];
  comparison: KioskComparisonRow[];
  /** How many records the visit left in the trail. */
  records: number;
  endingPlacardId: string;
}

/** `POST /api/kiosk/reset`. */
export interface KioskResetResponse {
  removed: number;
}

/** The trail kinds a stop may wait for (re-exported for the client's tests). */
export type KioskDoneKind = TrailKind;
