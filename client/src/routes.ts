/**
 * The screens of the client and who may open them. The client only mirrors the
 * server's policy: a route is allowed when the user holds the capability the
 * server granted (or, for the "denied" screen, when the server sends them there).
 * A screen's URL may also carry the in-page browser's address (`?address=…`).
 */
import { msg } from '@lit/localize';
import type { Capability, Home, Me } from '../../server/protocol/api';

/** A logged-in screen: every `Home` value, plus screens nobody lands on (the editor desk). */
export type RouteName = Home | 'desk' | 'monitor' | 'moderation';

/** One screen: its path, the label of its nav link and the test that opens it. */
export interface Route {
  name: RouteName;
  path: string;
  /** The nav link text (localized at call time). */
  label: () => string;
  /** Capability the server must have granted; undefined for the "denied" screen. */
  capability?: Capability;
}

/** All logged-in screens, in the order the nav shows them. */
export const ROUTES: readonly Route[] = [
  { name: 'denied', path: '/denied', label: () => msg('No access') },
  { name: 'portal', path: '/portal', label: () => msg('Portal'), capability: 'network.domestic' },
  {
    name: 'foreign',
    path: '/foreign',
    label: () => msg("Foreigners' network"),
    capability: 'network.foreign',
  },
  {
    name: 'desk',
    path: '/desk',
    label: () => msg('Editor desk'),
    capability: 'media.publish',
  },
  {
    name: 'trail',
    path: '/trail',
    label: () => msg('Surveillance trail'),
    capability: 'trail.read',
  },
  {
    name: 'moderation',
    path: '/moderation',
    label: () => msg('Moderation queue'),
    capability: 'moderation.review',
  },
  {
    name: 'monitor',
    path: '/monitor',
    label: () => msg('Chat monitor'),
    capability: 'users.discipline',
  },
  {
    name: 'overview',
    path: '/overview',
    label: () => msg('Overview'),
    capability: 'policy.overview',
  },
];

/** The path of the login screen. */
export const LOGIN_PATH = '/login';

/** The route at `path`, if it is a logged-in screen. */
export function routeAt(path: string): Route | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return ROUTES.find((route) => route.path === clean);
}

/** Whether `me` may open `route`. */
export function mayOpen(me: Me, route: Route): boolean {
  if (route.capability === undefined) return me.home === route.name;
  return me.capabilities.includes(route.capability);
}

/** The path of the screen the server chose as this user's home. */
export function homePath(me: Me): string {
  return ROUTES.find((route) => route.name === me.home)?.path ?? '/denied';
}

/** The screens `me` may open, for the top bar's nav. */
export function navRoutes(me: Me): Route[] {
  return ROUTES.filter((route) => mayOpen(me, route));
}

/** `address` as the value of a screen's `address` query parameter (slashes kept: legal there, and readable). */
export function encodeAddressParam(address: string): string {
  return encodeURIComponent(address).replace(/%2F/g, '/');
}
