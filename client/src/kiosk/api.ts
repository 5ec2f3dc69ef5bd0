/** The kiosk's API calls (`server/protocol/kiosk.ts`). */
import type { KioskResetResponse, KioskSettings, KioskVisit, Locale, Me } from '../../../server/protocol/api';
import { request } from '../core/api';

export const kioskApi = {
  /** `POST /api/kiosk/visits`: a throwaway visit as `persona` (the cookie is set). */
  start: (persona: string, locale: Locale) => request<Me>('POST', '/kiosk/visits', { persona, locale }),
  /** `GET /api/kiosk/visits/current`: the tour's progress and the ending. */
  visit: () => request<KioskVisit>('GET', '/kiosk/visits/current'),
  /** `DELETE /api/kiosk/visits/current`: ends the visit and wipes it on the server. */
  end: () => request<void>('DELETE', '/kiosk/visits/current'),
  /** `POST /api/kiosk/operator {pin}`. */
  operator: (pin: string) => request<KioskSettings>('POST', '/kiosk/operator', { pin }),
  /** `PATCH /api/kiosk/settings`. */
  save: (change: Partial<KioskSettings>) => request<KioskSettings>('PATCH', '/kiosk/settings', change),
  /** `POST /api/kiosk/reset`: every visit ends. */
  resetAll: () => request<KioskResetResponse>('POST', '/kiosk/reset', {}),
  /** `DELETE /api/kiosk/operator`. */
  closeOperator: () => request<void>('DELETE', '/kiosk/operator'),
};
