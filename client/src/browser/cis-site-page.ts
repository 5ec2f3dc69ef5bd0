import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { BrowseWall, Network, Site, SiteApp } from '../../../server/protocol/api';
import type { SiteAppElement } from './site-app-element';
import { SITE_APPS } from './site-apps';
import { sharedStyles } from '../ui/styles/shared';
import { siteHeadStyles } from './site-styles';
import '../ui/cis-placard';
import './cis-leaving-page';
import { emit } from '../core/events';
import { wallHeading, wallText } from './walls';

/** What the browser frame shows in its page area. */
export type FrameView =
  /** A site that opened at `path` ('' for its front page); `directory` is set on the network's home page. */
  | { kind: 'site'; site: Site; path: string; directory?: Site[] }
  /**
   * An address that goes nowhere on this network (the attempt was recorded); `wall` says which wall:
   * no route outside (the default), not cleared for this site, or the other network.
   */
  | { kind: 'blocked'; address: string; placardId: string; wall?: BrowseWall }
  /** Open mode, an address outside the sandbox: named, never opened (the link out was recorded). */
  | { kind: 'leaving'; address: string; placardId: string }
  /** The server could not be asked (not the wall: a real failure). */
  | { kind: 'error'; address: string; message: string };

/** Under a directory that lists locked sites: the placard of the inner wall (the first locked site's). */
function lockedPlacard(sites: Site[]): TemplateResult | typeof nothing {
  const placardId = sites.find((site) => site.locked)?.placardId;
  return placardId ? html`<cis-placard .placardId=${placardId}></cis-placard>` : nothing;
}

/**
 * The page area of the in-page browser: a site's pages, the home page with the
 * directory, or the "not reachable" wall. Plain sites are drawn here; every other site app
 * (`site-apps.ts`) by its own lazily loaded element. Fires `cis-open-address` when
 * a directory entry is chosen; it never opens anything itself.
 */
@localized()
@customElement('cis-site-page')
export class CisSitePage extends LitElement {
  static override styles = [
    sharedStyles,
    siteHeadStyles,
    css`
      .intro p {
        margin: 0 0 0.75rem;
        max-width: 46rem;
      }
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.2rem;
      }
      ul.directory {
        list-style: none;
        margin: 0 0 1.5rem;
        padding: 0;
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      }
      .directory li {
        border: 1px solid var(--cis-line);
        border-top: 4px solid #c9a227;
        border-radius: 8px;
        padding: 0.75rem;
        background: #fffdf6;
      }
      :host([network='foreign']) .directory li {
        border-top-color: #3d5a5b;
        background: #fbfaf7;
      }
      .directory button {
        background: transparent;
        border: none;
        padding: 0.25rem 0;
        color: #1d4ed8;
        text-decoration: underline;
        text-align: left;
        font-size: 1.1rem;
      }
      .directory p {
        margin: 0.25rem 0 0;
      }
      .wall h2 {
        color: var(--cis-danger);
      }
      .directory li.locked {
        border-top-color: #6b7280;
        background: #f3f4f6;
      }
      .directory li.locked button {
        color: #374151;
      }
      .directory .lock {
        font-weight: 600;
        color: var(--cis-danger);
      }
      .wall p {
        margin: 0 0 0.75rem;
      }
      cis-placard {
        margin-top: 1.25rem;
      }
    `,
  ];

  /** What to show. */
  @property({ attribute: false }) view: FrameView | undefined;

  /** The network, for its look (reflected so styles can follow it). */
  @property({ reflect: true }) network: Network = 'domestic';

  /** The directory of the user's network, so that site apps can turn a site id into an address. */
  @property({ attribute: false }) sites: Site[] = [];

  @state() private apps: Partial<Record<SiteApp, 'loading' | 'ready' | 'failed'>> = {};

  /** Set when focus was asked for before the site app's element had loaded. */
  private focusPending = false;

  /** Move focus to the page's heading (after the frame opened a new page). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const app = this.appName();
    if (app && this.apps[app] !== 'ready') {
      this.focusPending = true;
      return;
    }
    await this.focusNow();
  }

  private async focusNow(): Promise<void> {
    const app = this.renderRoot.querySelector<SiteAppElement>('.site-app');
    if (app) {
      await customElements.whenDefined(app.localName);
      await app.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  /** The app of the site on screen, unless it is a plain page. */
  private appName(): SiteApp | undefined {
    const view = this.view;
    if (view?.kind !== 'site' || !view.site.app || !SITE_APPS[view.site.app]) return undefined;
    return view.site.app;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const app = this.appName();
    if (app && this.apps[app] === undefined) void this.loadApp(app);
    // A plain site's own pages (papers, timetables, menus) are drawn by their own chunk.
    if (!app && this.view?.kind === 'site' && !this.view.directory)
      import('../pages/cis-site-pages').catch((error: unknown) => console.error(error));
  }

  protected override updated(): void {
    const app = this.appName();
    if (this.focusPending && (!app || this.apps[app] !== 'loading')) {
      this.focusPending = false;
      void this.focusNow();
    }
  }

  private async loadApp(app: SiteApp): Promise<void> {
    this.apps = { ...this.apps, [app]: 'loading' };
    try {
      await SITE_APPS[app]?.load();
      this.apps = { ...this.apps, [app]: 'ready' };
    } catch (error) {
      console.error(error);
      this.apps = { ...this.apps, [app]: 'failed' };
    }
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    switch (view.kind) {
      case 'site':
        return this.appName()
          ? this.renderApp(view.site, view.path)
          : this.renderSite(view.site, view.directory, view.path);
      case 'blocked':
        return html`
          <div class="wall">
            <h2 tabindex="-1">${wallHeading(view.wall, this.network)}</h2>
            <p>${msg('You asked for:')} <code>${view.address}</code></p>
            <p>${wallText(view.wall, this.network)}</p>
          </div>
          <cis-placard .placardId=${view.placardId}></cis-placard>
        `;
      case 'leaving':
        return html`<cis-leaving-page
          class="site-app"
          .address=${view.address}
          .placardId=${view.placardId}
        ></cis-leaving-page>`;
      case 'error':
        return html`
          <div class="wall" role="alert">
            <h2 tabindex="-1">${msg('This page could not be opened')}</h2>
            <p>${msg('You asked for:')} <code>${view.address}</code></p>
            <p>${view.message}</p>
          </div>
        `;
    }
  }

  private renderSite(site: Site, directory: Site[] | undefined, path = ''): TemplateResult {
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2 tabindex="-1">${site.title}</h2>
      <p class="address">${msg('Address:')} <code>${site.address}</code></p>
      ${path ? nothing : html`<div class="intro">${site.intro.map((paragraph) => html`<p>${paragraph}</p>`)}</div>`}
      ${directory ? this.renderDirectory(directory) : html`<cis-site-pages .site=${site} .path=${path}></cis-site-pages>`}
      ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
    `;
  }

  private renderApp(site: Site, path: string): TemplateResult {
    const app = this.appName();
    const load = app ? this.apps[app] : undefined;
    if (load === 'failed') {
      return html`<div class="wall" role="alert">
        <h2 tabindex="-1">${msg('This page could not be opened')}</h2>
        <p>${msg('Part of the program could not be loaded. Reload the page to try again.')}</p>
      </div>`;
    }
    if (load !== 'ready') return html`<p role="status">${msg('Loading…')}</p>`;
    const entry = app ? SITE_APPS[app] : null;
    return entry ? entry.render({ site, path, sites: this.sites }) : this.renderSite(site, undefined);
  }

  private renderDirectory(sites: Site[]): TemplateResult {
    return html`
      <h3>${msg('Directory')}</h3>
      ${
        sites.length === 0
          ? html`<p>${msg('There are no sites in this directory.')}</p>`
          : html`<ul class="directory">
              ${sites.map(
                (site) =>
                  html`<li class=${site.locked ? 'locked' : ''}>
                    <button type="button" @click=${() => this.open(site.address)}>
                      ${site.title}${site.locked ? html`<span class="visually-hidden"> (${msg('locked')})</span>` : nothing}
                    </button>
                    <p><code>${site.address}</code></p>
                    ${
                      site.locked
                        ? html`<p class="lock">
                            <span aria-hidden="true">🔒</span> ${msg('Your clearance does not cover this.')}
                          </p>`
                        : nothing
                    }
                    <p>${site.description}</p>
                  </li>`,
              )}
            </ul>`
      }
      ${lockedPlacard(sites)}
    `;
  }

  private open(address: string): void {
    emit(this, 'cis-open-address', { address });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-site-page': CisSitePage;
  }
  interface GlobalEventHandlersEventMap {
    /** Ask the browser frame to open an address (through /api/browse). */
    'cis-open-address': CustomEvent<{ address: string }>;
  }
}
