/**
 * The screen registry: every logged-in screen, declared once — its path, the label of its
 * nav link, the capability that opens it, the loader of its (lazy) element and how it is
 * drawn. The router (`routes.ts`), the app shell and the top bar all read this list; adding
 * a screen is one entry here.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Capability } from '../../../server/protocol/vocabulary';

/** What a screen's `render` may use from the page URL. */
export interface ScreenContext {
  /** The address a deep link (`?address=…`) asks the in-page browser to open first ('' for none). */
  address: string;
  /** For a screen with `param`: the path segment after its path (`/join/123456` → '123456'), else ''. */
  param: string;
}

/** One logged-in screen. */
export interface Screen<Name extends string = string> {
  /** The screen's id; every `Home` the server may send is one. */
  name: Name;
  path: string;
  /** The nav link text and page title (localized at call time). */
  label: () => string;
  /** The capability the server must have granted; absent for a screen only the server sends people to ("denied"). */
  capability?: Capability;
  /** Opens for anyone, logged in or not (joining a class); never in the nav. */
  public?: boolean;
  /** Opens for every logged-in user whatever they hold (their own record), and is in everyone's nav. */
  everyone?: boolean;
  /** Also answers `path/<one segment>`, handed to `render` as `param`; never in the nav. */
  param?: boolean;
  /** An older screen kept as an address only: opening it (or being sent home to it) shows this screen instead. */
  redirect?: string;
  /** Loads the screen's element: one chunk per screen, fetched on first visit. */
  load: () => Promise<unknown>;
  /** The screen's element, once loaded. */
  render: (context: ScreenContext) => TemplateResult;
}

/** A student's screens (join, lobby, the seat's chrome) come in one chunk, the facilitator's in another. */
export const loadStudent = () => import('../sessions/student');
const loadTeacher = () => import('../sessions/teacher');
const renderConsole = () => html`<cis-console-page></cis-console-page>`;

/** All logged-in screens, in the order the nav shows them. */
export const SCREENS = [
  {
    name: 'denied',
    path: '/denied',
    label: () => msg('No access'),
    load: () => import('../auth/cis-denied-page'),
    render: () => html`<cis-denied-page></cis-denied-page>`,
  },
  {
    name: 'portal',
    path: '/portal',
    label: () => msg('Portal'),
    capability: 'network.domestic',
    load: () => import('../browser/cis-network-page'),
    render: ({ address }) => html`<cis-network-page network="domestic" .startAddress=${address}></cis-network-page>`,
  },
  {
    name: 'foreign',
    path: '/foreign',
    label: () => msg("Foreigners' network"),
    capability: 'network.foreign',
    load: () => import('../browser/cis-network-page'),
    render: ({ address }) => html`<cis-network-page network="foreign" .startAddress=${address}></cis-network-page>`,
  },
  {
    name: 'desk',
    path: '/desk',
    label: () => msg('Editor desk'),
    capability: 'media.publish',
    load: () => import('../media/desk/cis-desk-page'),
    render: () => html`<cis-desk-page></cis-desk-page>`,
  },
  {
    name: 'trail',
    path: '/trail',
    label: () => msg('Surveillance trail'),
    capability: 'trail.read',
    load: () => import('../trail/cis-trail-page'),
    render: () => html`<cis-trail-page></cis-trail-page>`,
  },
  {
    name: 'moderation',
    path: '/moderation',
    label: () => msg('Moderation queue'),
    capability: 'moderation.review',
    load: () => import('../boards/moderation/cis-moderation-page'),
    render: () => html`<cis-moderation-page></cis-moderation-page>`,
  },
  {
    name: 'monitor',
    path: '/monitor',
    label: () => msg('Chat monitor'),
    capability: 'users.discipline',
    load: () => import('../chat/monitor/cis-monitor-page'),
    render: () => html`<cis-monitor-page></cis-monitor-page>`,
  },
  {
    name: 'lobby',
    path: '/lobby',
    label: () => msg('Lobby'),
    load: loadStudent,
    render: () => html`<cis-lobby-page></cis-lobby-page>`,
  },
  {
    name: 'console',
    path: '/console',
    label: () => msg('Console'),
    capability: 'sessions.manage',
    load: loadTeacher,
    render: renderConsole,
  },
  {
    // Every user's own record, citizens and seats in the lobby included: the device watches everyone.
    name: 'record',
    path: '/record',
    label: () => msg('What your device recorded'),
    everyone: true,
    load: () => import('../record/cis-record-page'),
    render: () => html`<cis-record-page></cis-record-page>`,
  },
  {
    // The facilitator's overview (policy matrix and trail) now lives in the console.
    name: 'overview',
    path: '/overview',
    label: () => msg('Console'),
    capability: 'policy.overview',
    redirect: '/console',
    load: loadTeacher,
    render: renderConsole,
  },
  {
    name: 'present',
    path: '/present',
    label: () => msg('Projector view'),
    capability: 'sessions.manage',
    param: true,
    load: loadTeacher,
    render: ({ param }) => html`<cis-present-page .code=${param}></cis-present-page>`,
  },
  {
    name: 'debrief',
    path: '/console/debrief',
    label: () => msg('Debrief'),
    capability: 'sessions.manage',
    param: true,
    load: () => import('../debrief/cis-debrief-page'),
    render: ({ param }) => html`<cis-debrief-page .sessionId=${param}></cis-debrief-page>`,
  },
  {
    name: 'join',
    path: '/join',
    label: () => msg('Join a class'),
    public: true,
    param: true,
    load: loadStudent,
    render: ({ param }) => html`<cis-join-page .code=${param}></cis-join-page>`,
  },
] as const satisfies readonly Screen[];

/** A logged-in screen's id. */
export type ScreenName = (typeof SCREENS)[number]['name'];
