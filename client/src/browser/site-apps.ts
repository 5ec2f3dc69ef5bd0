/**
 * The site-app registry: how each kind of intranet site (`Site.app`) is drawn inside the
 * browser frame. Plain pages are drawn by `cis-site-page` itself; every other app is an
 * element loaded on first use (one chunk each). Adding a site app is one entry here (and
 * its id in `server/protocol/vocabulary.ts`, which makes this record incomplete until then).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Site } from '../../../server/protocol/api';
import type { SiteApp } from '../../../server/protocol/vocabulary';

/** What a site app's element is given. */
export interface SiteAppProps {
  site: Site;
  /** The path within the site ('' for its front page). */
  path: string;
  /** The directory of the user's network, so that an app can turn a site id into an address. */
  sites: Site[];
}

/** One site app: its loader and its element (the element gets `class="site-app"` and offers `focusHeading()`). */
export interface SiteAppEntry {
  load: () => Promise<unknown>;
  render: (props: SiteAppProps) => TemplateResult;
}

/** Every site app; `page` (plain pages) has no element of its own. */
export const SITE_APPS: Record<SiteApp, SiteAppEntry | null> = {
  page: null,
  media: {
    load: () => import('../media/cis-media-site'),
    render: ({ site, path }) => html`<cis-media-site class="site-app" .site=${site} .path=${path}></cis-media-site>`,
  },
  broadcast: {
    load: () => import('../media/cis-broadcast-site'),
    render: ({ site, path }) =>
      html`<cis-broadcast-site class="site-app" .site=${site} .path=${path}></cis-broadcast-site>`,
  },
  search: {
    load: () => import('../media/cis-search-site'),
    render: ({ site, sites }) =>
      html`<cis-search-site class="site-app" .site=${site} .sites=${sites}></cis-search-site>`,
  },
  boards: {
    load: () => import('../boards/cis-boards-site'),
    render: ({ site, path }) => html`<cis-boards-site class="site-app" .site=${site} .path=${path}></cis-boards-site>`,
  },
  chat: {
    load: () => import('../chat/cis-chat-site'),
    render: ({ site, path }) => html`<cis-chat-site class="site-app" .site=${site} .path=${path}></cis-chat-site>`,
  },
  social: {
    load: () => import('../social/cis-social-site'),
    render: ({ site, path }) => html`<cis-social-site class="site-app" .site=${site} .path=${path}></cis-social-site>`,
  },
  library: {
    load: () => import('../library/cis-library-site'),
    render: ({ site, path }) =>
      html`<cis-library-site class="site-app" .site=${site} .path=${path}></cis-library-site>`,
  },
};
