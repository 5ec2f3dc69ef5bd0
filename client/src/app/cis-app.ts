import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { KioskInfo, Me } from '../../../server/protocol/api';
import type { KioskView } from '../kiosk/shell';
import { authApi } from '../auth/api';
import { ApiFailure, onUnauthorized } from '../core/api';
import { clearDrafts } from '../core/drafts';
import { koreanFaces } from '../ui/korean-font';
import { liveContext, meContext } from './context';
import { LiveConnection } from '../core/live';
import { LOGIN_PATH, canonicalPath, cleanPath, encodeAddressParam, homePath, routeAt } from './routes';
import { loadStudent } from './screens';
import type { Screen } from './screens';
import { sharedStyles } from '../ui/styles/shared';
import '../auth/cis-login-page';
import '../ui/cis-language-switch';
import { applyPreferredLocale, getLocale, localeOfAddress, prepareDates, setLocale } from '../core/localization';

/** The top bar comes with the first logged-in screen: the login page does not need it. */
const loadTopBar = () => import('./cis-top-bar');
/** The end-of-visit summary comes with the first logout. */
const loadVisitSummary = () => import('../record/cis-visit-summary');
/** The kiosk's screens come only to a kiosk (KIOSK=1). */
const loadKiosk = () => import('../kiosk/kiosk');
type KioskShell = InstanceType<Awaited<ReturnType<typeof loadKiosk>>['KioskShell']>;

type PageLoad = 'loading' | 'ready' | 'failed';

/**
 * The app shell: finds out who is logged in, routes with the History API over the
 * screen registry (`screens.ts`: each screen's path, guard, loader and element), and
 * provides the user and the live connection to every page through context.
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
      /* The top bar's code comes with the first screen: its room is kept meanwhile, so nothing shifts. */
      cis-top-bar:not(:defined) {
        display: block;
        min-height: 3.6rem;
        background: #8f1111;
      }
      main.kiosk {
        padding: 0;
        max-width: none;
      }
      .lang-bar {
        display: flex;
        justify-content: flex-end;
        padding: 0.5rem 1rem 0;
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
  /** How far each screen's element has loaded, by screen name. */
  @state() private pages: Partial<Record<string, PageLoad>> = {};
  /** Shown on the login screen after the server ended the session. */
  @state() private notice = '';
  /** Why a class seat ended ('removed'), shown by its chrome instead of the login page. */
  @state() private seatEnd = '';
  /** Log out was asked for: the end-of-visit summary shows before the logout goes through. */
  @state() private leaving = false;

  /** With KIOSK=1: the kiosk's settings and persona cards (the attract screen replaces the login). */
  @state() private kiosk: KioskInfo | undefined;
  @state() private kioskView: KioskView = 'none';
  /** Bumped when the tour's "Go there" opens an address on the same screen: the screen is built again. */
  @state() private visitKey = 0;
  private kioskShell: KioskShell | undefined;

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
    this.addEventListener('cis-locale', this.onLocale);
    // A logged-in screen's code starts loading with the "who is this" probe, not after it answers.
    const early = routeAt(location.pathname);
    if (early && !early.public) {
      early.load().catch(() => undefined); // loadPage reports a failure
      loadTopBar().catch(() => undefined);
      prepareDates();
    }
    void this.loadMe();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.stopUnauthorized?.();
    this.removeEventListener('cis-navigate', this.onNavigate);
    this.removeEventListener('cis-logged-in', this.onLoggedIn);
    this.removeEventListener('cis-logout', this.onLogout);
    this.removeEventListener('cis-address-shown', this.onAddressShown);
    this.removeEventListener('cis-locale', this.onLocale);
    this.kioskShell?.detach();
    this.live?.close();
    super.disconnectedCallback();
  }

  private async loadMe(): Promise<void> {
    try {
      const [{ me, kiosk }] = await Promise.all([
        authApi.session(),
        applyPreferredLocale().catch(() => undefined),
        koreanFaces, // `ui/korean-font.ts`: Hangul drawn before its faces are known would stay unset
      ]);
      if (kiosk) await this.startKiosk(kiosk, !me);
      this.setUser(me ?? undefined);
      if (me) this.syncLocale(me);
    } catch (error) {
      // The server could not be reached or failed: land on the login screen.
      if (!(error instanceof ApiFailure)) console.error(error);
    } finally {
      this.started = true;
    }
  }

  /** Loads the kiosk's screens; an attract screen starts in the operator's language unless the address asks. */
  private async startKiosk(kiosk: KioskInfo, attract: boolean): Promise<void> {
    const { KioskShell } = await loadKiosk();
    this.kioskShell = new KioskShell({
      element: this,
      info: () => this.kiosk,
      setInfo: (info) => (this.kiosk = info),
      setView: (view) => (this.kioskView = view),
      setUser: (me) => this.setUser(me),
      goHome: (me) => this.navigate(homePath(me)),
      goTo: (path) => this.navigate(path, true),
    });
    this.kiosk = kiosk;
    document.documentElement.classList.add('kiosk'); // type sized for standing distance (global.css)
    if (attract && !localeOfAddress()) await setLocale(kiosk.settings.locale).catch(() => undefined);
  }

  private setUser(me: Me | undefined): void {
    // A login ended (or another began): its drafts go with it.
    if (this.me && me?.username !== this.me.username) clearDrafts();
    this.live?.close();
    this.me = me;
    this.seatEnd = '';
    this.leaving = false;
    if (me?.seat) void loadStudent();
    this.live = me
      ? new LiveConnection({
          onSessionEnded: (reason) => this.endSession(reason.message || msg('Your session has ended.'), reason.code),
          onStandingChanged: () => void this.reloadMe(),
        })
      : undefined;
  }

  /**
   * The server changed this user's standing (the session's mode, their role): read `/api/me` again and
   * re-render with it, keeping the live connection (the socket already acts on the new standing).
   */
  private async reloadMe(): Promise<void> {
    try {
      const me = await authApi.me();
      if (this.me?.username === me.username) this.me = me;
    } catch (error) {
      // A 401 ends the session through onUnauthorized; anything else keeps the user as they were.
      if (!(error instanceof ApiFailure)) console.error(error);
    }
  }

  /** Go to `path` within the app (pushes a history entry unless `replace`). */
  private navigate(path: string, replace = false): void {
    // A path may carry the in-page browser's address (`/portal?address=…`, the kiosk tour's "Go there").
    const [pathname = '/', search] = path.split('?');
    if (pathname === this.path && search === undefined) return;
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    if (search !== undefined) this.visitKey += 1;
    this.path = pathname;
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

  /** The language was switched: this browser's login keeps it (the server answers in it from now). */
  private readonly onLocale = (): void => {
    if (this.me) this.syncLocale(this.me);
    else void this.kioskShell?.reload(); // a kiosk's persona cards, in the language chosen
    this.requestUpdate();
  };

  /** Tells the server the language shown, where its record of this login differs. */
  private syncLocale(me: Me): void {
    const shown = getLocale();
    if (me.locale === shown) return;
    authApi.setLocale(shown).then(
      (updated) => {
        if (this.me?.username === updated.username) this.me = updated;
      },
      (error: unknown) => {
        if (!(error instanceof ApiFailure)) console.error(error);
      },
    );
  }

  private readonly onLoggedIn = (event: GlobalEventHandlersEventMap['cis-logged-in']): void => {
    this.notice = '';
    clearDrafts(); // a new login starts with nothing written
    this.setUser(event.detail.me);
    this.syncLocale(event.detail.me);
    this.navigate(homePath(event.detail.me));
  };

  /** Log out, after the end-of-visit summary (the visit's record) unless it cannot be loaded. */
  private readonly onLogout = async (): Promise<void> => {
    if (this.kiosk && this.me?.kiosk) {
      this.kioskView = 'ending'; // a kiosk visit ends with its record and the comparison, then the wipe
      return;
    }
    if (this.leaving) return;
    try {
      await loadVisitSummary();
      this.leaving = true;
    } catch (error) {
      console.error(error);
      await this.logOut();
    }
  };

  private readonly onVisitContinue = (): void => {
    this.leaving = false;
    void this.logOut();
  };

  private readonly onVisitStay = (): void => {
    this.leaving = false;
  };

  private async logOut(): Promise<void> {
    try {
      await authApi.logout();
    } catch {
      // Logging out locally still matters when the server cannot be reached.
    }
    this.notice = '';
    this.setUser(undefined);
    this.navigate(LOGIN_PATH);
  }

  /** The server ended this login; a class seat keeps the page, its chrome showing why (`code`). */
  private endSession(notice: string, code = 'ended'): void {
    if (!this.me || this.seatEnd) return;
    if (this.kiosk) {
      void this.kioskShell?.reset(); // the operator reset the visits, or the visit was swept
      return;
    }
    if (this.me.seat) {
      this.seatEnd = code;
      return;
    }
    this.notice = notice;
    this.setUser(undefined);
    this.navigate(LOGIN_PATH, true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.started) return;
    // A kiosk shows its attract screen at `/` to anyone without a visit.
    const target = this.kiosk && !this.me ? '/' : canonicalPath(this.me, this.path);
    if (target !== this.path) {
      history.replaceState(null, '', target);
      this.path = target;
    }
    const route = this.routeShown();
    if (route && this.pages[route.name] === undefined) void this.loadPage(route);
    if (changed.has('path') || changed.has('me') || changed.has('started')) this.updateTitle();
  }

  private async loadPage(screen: Screen): Promise<void> {
    const { name } = screen;
    this.pages = { ...this.pages, [name]: 'loading' };
    prepareDates();
    try {
      await Promise.all([this.me ? loadTopBar() : undefined, screen.load()]);
      this.pages = { ...this.pages, [name]: 'ready' };
    } catch (error) {
      console.error(error);
      this.pages = { ...this.pages, [name]: 'failed' };
    }
  }

  private updateTitle(): void {
    const app = msg('Closed Intranet Sandbox');
    const route = this.routeShown();
    const screen = route ? route.label() : msg('Log in');
    document.title = `${screen} — ${app}`;
  }

  /** The screen at the current path, if it shows (logged in, or a public screen). */
  private routeShown(): Screen | undefined {
    const route = routeAt(this.path);
    return this.me || route?.public ? route : undefined;
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
    const route = this.routeShown();
    if (this.kiosk) {
      const k = this.kiosk;
      if (!me || this.kioskView === 'another')
        return html`<main class="kiosk">
          <cis-kiosk-attract .info=${k} ?another=${!!me}></cis-kiosk-attract>
        </main>`;
      const idle = html`<cis-kiosk-idle
        .idleSeconds=${k.settings.idleSeconds}
        .countdownSeconds=${k.settings.countdownSeconds}
      ></cis-kiosk-idle>`;
      if (this.kioskView === 'ending')
        return html`<main><cis-kiosk-ending></cis-kiosk-ending></main>
          ${idle}`;
      return html`<cis-top-bar .me=${me} .current=${route?.name}></cis-top-bar>
        <main>${this.renderScreen(route)}</main>
        <cis-kiosk-tour .current=${route?.name}></cis-kiosk-tour>
        ${idle}`;
    }
    if (!me) {
      return html`<div class="lang-bar"><cis-language-switch></cis-language-switch></div>
        <main>
          ${route ? this.renderScreen(route) : html`<cis-login-page .notice=${this.notice}></cis-login-page>`}
        </main>`;
    }
    return html`
      <cis-top-bar .me=${me} .current=${route?.name}></cis-top-bar>
      ${me.seat ? html`<cis-seat-chrome .me=${me} .ending=${this.seatEnd}></cis-seat-chrome>` : nothing}
      <main>${this.renderScreen(route)}</main>
      ${
        this.leaving
          ? html`<cis-visit-summary
              dialog
              @cis-visit-continue=${this.onVisitContinue}
              @cis-visit-stay=${this.onVisitStay}
            ></cis-visit-summary>`
          : nothing
      }
    `;
  }

  private renderScreen(route: Screen | undefined): TemplateResult {
    const load = route ? this.pages[route.name] : undefined;
    return html`
      ${
        load === 'ready' && route
          ? // Keyed by language: a switch builds the screen again, so it fetches its content in the new one.
            keyed(
              `${getLocale()}|${this.visitKey}`,
              route.render({ address: this.addressParam(), param: cleanPath(this.path).slice(route.path.length + 1) }),
            )
          : nothing
      }
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
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-app': CisApp;
  }
}
