/** The API calls of logging in and out and of the app shell's "who is this" probe. */
import type { KioskInfo, Locale, Me } from '../../../server/protocol/api';
import { request } from '../core/api';

/** Login, logout and the logged-in user, one per route. */
export const authApi = {
  /** `POST /api/auth/login`: sets the session cookie and answers the user. */
  login: (username: string, password: string, locale?: Locale) =>
    request<Me>('POST', '/auth/login', { username, password, ...(locale ? { locale } : {}) }),
  /** `PATCH /api/me {locale}`: the language of this browser's login. */
  setLocale: (locale: Locale) => request<Me>('PATCH', '/me', { locale }),
  /** `POST /api/auth/logout`. */
  logout: () => request<void>('POST', '/auth/logout'),
  /** `GET /api/me`: the logged-in user, or an `ApiFailure` with status 401. */
  me: () => request<Me>('GET', '/me'),
  /** `GET /api/session`: the logged-in user or null, always 200 (the first-load probe: no 401 in the console); a kiosk's settings with KIOSK=1. */
  session: () => request<{ me: Me | null; kiosk?: KioskInfo }>('GET', '/session'),
};
