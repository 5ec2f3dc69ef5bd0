import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { Me } from '../../server/protocol/api';
import { ApiFailure, api, onUnauthorized } from './api';
import { liveContext, meContext } from './context';
import { LiveConnection } from './live';
import { LOGIN_PATH, encodeAddressParam, homePath, mayOpen, routeAt } from './routes';
import type { RouteName } from './routes';
import { sharedStyles } from './styles/shared';
import './components/cis-top-bar';
import './pages/cis-login-page';

/** Loads the element of each logged-in screen on first visit (one chunk per screen). */
const PAGE_LOADERS: Record<RouteName, () => Promise<unknown>> = {
  denied: () => import('./pages/cis-denied-page'),
  portal: () => import('./pages/cis-network-page'),
  foreign: () => import('./pages/cis-network-page'),
  desk: () => import('./pages/cis-desk-page'),
  trail: () => import('./pages/cis-trail-page'),
  moderation: () => import('./pages/cis-moderation-page'),
  monitor: () => import('./pages/cis-monitor-page'),
  overview: () => import('./pages/cis-overview-page'),
};

type PageLoad = 'loading' | 'ready' | 'failed';

/**
 * The app shell: finds out who is logged in, routes with the History API, guards
 * each screen with the user's capabilities, and provides the user and the live
 * connection to every page through context.
 */
@localized()
@customElement('cis-app')
export class CisApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      main {
        display: block;
        padding: 1rem;
        max-width: 90rem;
        margin: 0 auto;
      }
      .status {
        padding: 2rem 1rem;
        color: var(--cis-muted);
      }
    `,
  ];

  /** The logged-in user; undefined while logged out or before `/api/session` answered. */
  @provide({ context: meContext })
  @state()
  private me: Me | undefined;

  /** The live connection of the logged-in user (opened lazily by the pages that need it). */
  @provide({ context: liveContext })
  @state()
  private live: LiveConnection | undefined;

  @state() private started = false;
  @state() private path = location.pathname;
  @state() private pages: Partial<Record<RouteName, PageLoad>> = {};
  /** Shown on the login screen after the server ended the session. */
  @state() private notice = '';

  private stopUnauthorized: (() => void) | undefined;
  private focusAfterRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.stopUnauthorized = onUnauthorized(() => this.endSession(msg('Your session has ended. Please log in again.')));
    this.addEventListener('cis-navigate', this.onNavigate);
    this.addEventListener('cis-logged-in', this.onLoggedIn);
    this.addEventListener('cis-logout', this.onLogout);
    this.addEventListener('cis-address-shown', this.onAddressShown);
    void this.loadMe();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.stopUnauthorized?.();
    this.removeEventListener('cis-navigate', this.onNavigate);
    this.removeEventListener('cis-logged-in', this.onLoggedIn);
    this.removeEventListener('cis-logout', this.onLogout);
    this.removeEventListener('cis-address-shown', this.onAddressShown);
    this.live?.close();
    super.disconnectedCallback();
  }

  private async loadMe(): Promise<void> {
    try {
      this.setUser((await api.session()).me ?? undefined);
    } catch (error) {
      // The server could not be reached or failed: land on the login screen.
      if (!(error instanceof ApiFailure)) console.error(error);
    } finally {
      this.started = true;
    }
  }

  private setUser(me: Me | undefined): void {
    this.live?.close();
    this.me = me;
    this.live = me
      ? new LiveConnection({
          onSessionEnded: (reason) => this.endSession(reason.message || msg('Your session has ended.')),
        })
      : undefined;
  }

  /** Go to `path` within the app (pushes a history entry unless `replace`). */
  private navigate(path: string, replace = false): void {
    if (path === this.path) return;
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
    this.focusAfterRender = true;
  }

  private readonly onPopState = (): void => {
    this.path = location.pathname;
    this.focusAfterRender = true;
  };

  private readonly onNavigate = (event: GlobalEventHandlersEventMap['cis-navigate']): void => {
    this.navigate(event.detail.path);
  };

  /**
   * The in-page browser opened another address: mirror it in the page URL's `address`
   * parameter (replacing, not pushing: the frame keeps its own Back), so the page has a URL.
   */
  private readonly onAddressShown = (event: GlobalEventHandlersEventMap['cis-address-shown']): void => {
    if (routeAt(location.pathname)?.name !== routeAt(this.path)?.name) return;
    const params = new URLSearchParams(location.search);
    params.delete('address');
    const query = [params.toString(), `address=${encodeAddressParam(event.detail.address)}`].filter(Boolean).join('&');
    history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
  };

  /** The address a deep link (`/portal?address=…`) asks the in-page browser to open first. */
  private addressParam(): string {
    return new URLSearchParams(location.search).get('address')?.trim() ?? '';
  }

  private readonly onLoggedIn = (event: GlobalEventHandlersEventMap['cis-logged-in']): void => {
    this.notice = '';
    this.setUser(event.detail.me);
    this.navigate(homePath(event.detail.me));
  };

  private readonly onLogout = async (): Promise<void> => {
    try {
      await api.logout();
    } catch {
      // Logging out locally still matters when the server cannot be reached.
    }
    this.notice = '';
    this.setUser(undefined);
    this.navigate(LOGIN_PATH);
  };

  private endSession(notice: string): void {
    if (!this.me) return;
    this.notice = notice;
    this.setUser(undefined);
    this.navigate(LOGIN_PATH, true);
  }

  /** The path the current user should actually be on (redirects are applied here). */
  private canonicalPath(): string {
    const me = this.me;
    if (!me) return LOGIN_PATH;
    const route = routeAt(this.path);
    return route && mayOpen(me, route) ? route.path : homePath(me);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.started) return;
    const target = this.canonicalPath();
    if (target !== this.path) {
      history.replaceState(null, '', target);
      this.path = target;
    }
    const route = this.me ? routeAt(this.path) : undefined;
    if (route && this.pages[route.name] === undefined) void this.loadPage(route.name);
    if (changed.has('path') || changed.has('me') || changed.has('started')) this.updateTitle();
  }

  private async loadPage(name: RouteName): Promise<void> {
    this.pages = { ...this.pages, [name]: 'loading' };
    try {
      await PAGE_LOADERS[name]();
      this.pages = { ...this.pages, [name]: 'ready' };
    } catch (error) {
      console.error(error);
      this.pages = { ...this.pages, [name]: 'failed' };
    }
  }

  private updateTitle(): void {
    const app = msg('Closed Intranet Sandbox');
    const route = this.me ? routeAt(this.path) : undefined;
    const screen = route ? route.label() : msg('Log in');
    document.title = `${screen} — ${app}`;
  }

  protected override async updated(): Promise<void> {
    if (!this.focusAfterRender) return;
    // Move focus to the new screen's heading so keyboard and screen-reader users start there.
    const page = this.renderRoot.querySelector('main > :not(.status)');
    if (!page) return; // still loading: try again on the next render
    this.focusAfterRender = false;
    await customElements.whenDefined(page.localName);
    await (page as Partial<LitElement>).updateComplete;
    const heading = page.shadowRoot?.querySelector<HTMLElement>('h1');
    heading?.focus();
  }

  override render(): TemplateResult {
    if (!this.started) {
      return html`<main><p class="status" role="status">${msg('Loading…')}</p></main>`;
    }
    const me = this.me;
    if (!me) {
      return html`<main><cis-login-page .notice=${this.notice}></cis-login-page></main>`;
    }
    const route = routeAt(this.path);
    const load = route ? this.pages[route.name] : undefined;
    return html`
      <cis-top-bar .me=${me} .current=${route?.name}></cis-top-bar>
      <main>
        ${load === 'ready' && route ? this.renderPage(route.name) : nothing}
        ${
          load === 'loading' || load === undefined
            ? html`<p class="status" role="status">${msg('Loading…')}</p>`
            : nothing
        }
        ${
          load === 'failed'
            ? html`<p class="status error" role="alert">
                ${msg('This screen could not be loaded. Reload the page to try again.')}
              </p>`
            : nothing
        }
      </main>
    `;
  }

  private renderPage(name: RouteName): TemplateResult {
    switch (name) {
      case 'denied':
        return html`<cis-denied-page></cis-denied-page>`;
      case 'portal':
        return html`<cis-network-page network="domestic" .startAddress=${this.addressParam()}></cis-network-page>`;
      case 'foreign':
        return html`<cis-network-page network="foreign" .startAddress=${this.addressParam()}></cis-network-page>`;
      case 'desk':
        return html`<cis-desk-page></cis-desk-page>`;
      case 'trail':
        return html`<cis-trail-page></cis-trail-page>`;
      case 'moderation':
        return html`<cis-moderation-page></cis-moderation-page>`;
      case 'monitor':
        return html`<cis-monitor-page></cis-monitor-page>`;
      case 'overview':
        return html`<cis-overview-page></cis-overview-page>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-app': CisApp;
  }
}
