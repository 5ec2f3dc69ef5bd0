/**
 * Paths and who may open them, read from the screen registry (`screens.ts`). The client
 * only mirrors the server's policy: a screen is allowed when the user holds the capability
 * the server granted (or, for the "denied" screen, when the server sends them there).
 * A screen's URL may also carry the in-page browser's address (`?address=…`).
 */
import type { Capability, Home } from '../../../server/protocol/vocabulary';
import { SCREENS } from './screens';
import type { Screen, ScreenName } from './screens';

/** What deciding about screens needs to know of the logged-in user (`Me` has it). */
export interface Viewer {
  capabilities: readonly Capability[];
  home: Home;
}

/** The path of the login screen. */
export const LOGIN_PATH = '/login';

// Every home the server may send someone to is a screen (the build fails otherwise).
const _everyHomeIsAScreen: Home extends ScreenName ? true : never = true;
void _everyHomeIsAScreen;

/** `path` without trailing slashes (but '/' stays '/'). */
export function cleanPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** The one path segment after `screen`'s path in `clean` (for a screen with `param`), or undefined. */
function paramOf(screen: Screen, clean: string): string | undefined {
  if (clean === screen.path) return '';
  if (!screen.param || !clean.startsWith(`${screen.path}/`)) return undefined;
  const rest = clean.slice(screen.path.length + 1);
  return /^[^/]+$/.test(rest) ? rest : undefined;
}

/** The screen at `path`, if it is a screen of the registry. */
export function routeAt(path: string, screens: readonly Screen[] = SCREENS): Screen | undefined {
  const clean = cleanPath(path);
  return screens.find((screen) => paramOf(screen, clean) !== undefined);
}

/** The segment after a `param` screen's path (`/join/123456` → '123456'), '' when there is none (the shell slices it the same way). */
export function routeParam(path: string, screens: readonly Screen[] = SCREENS): string {
  const clean = cleanPath(path);
  const screen = routeAt(clean, screens);
  return screen ? (paramOf(screen, clean) ?? '') : '';
}

/** Whether `me` may open `screen`. */
export function mayOpen(me: Viewer, screen: Pick<Screen, 'name' | 'capability' | 'public' | 'everyone'>): boolean {
  if (screen.public || screen.everyone) return true;
  if (screen.capability === undefined) return me.home === screen.name;
  return me.capabilities.includes(screen.capability);
}

/** The path of the screen the server chose as this user's home. */
export function homePath(me: Viewer, screens: readonly Screen[] = SCREENS): string {
  const home = screens.find((screen) => screen.name === me.home);
  return home?.redirect ?? home?.path ?? '/denied';
}

/** The screens `me` may open, for the top bar's nav. */
export function navRoutes(me: Viewer, screens: readonly Screen[] = SCREENS): Screen[] {
  return screens.filter((screen) => !screen.public && !screen.param && !screen.redirect && mayOpen(me, screen));
}

/**
 * Where `me` should be when asking for `path`: that screen if it may open it (an older address
 * redirected), else its home. A public screen opens for anyone; any other needs a login.
 */
export function canonicalPath(me: Viewer | undefined, path: string, screens: readonly Screen[] = SCREENS): string {
  const clean = cleanPath(path);
  const screen = routeAt(clean, screens);
  if (screen?.public) return clean;
  if (!me) return LOGIN_PATH;
  if (!screen || !mayOpen(me, screen)) return homePath(me, screens);
  return screen.redirect ?? clean;
}

/** `address` as the value of a screen's `address` query parameter (slashes kept: legal there, and readable). */
export function encodeAddressParam(address: string): string {
  return encodeURIComponent(address).replace(/%2F/g, '/');
}
