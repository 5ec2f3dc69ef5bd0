import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Me, Network, Site, SitesResponse } from '../../../server/protocol/api';
import { meContext } from '../app/context';
import { ApiFailure } from '../core/api';
import { browserApi } from './api';
import { sharedStyles } from '../ui/styles/shared';
import type { CisSitePage, FrameView } from './cis-site-page';
import './cis-site-page';
import { emit } from '../core/events';

/**
 * An in-page browser over the user's network: Back, Home, an address bar and
 * the page area. Every page — typed, chosen in the directory, Home or Back — is
 * opened through `POST /api/browse`, so the server records each one in the trail.
 */
@localized()
@customElement('cis-browser-frame')
export class CisBrowserFrame extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .frame {
        border: 2px solid #9aa1ab;
        border-radius: 10px;
        overflow: hidden;
        background: var(--cis-paper);
        box-shadow: 0 4px 14px rgb(0 0 0 / 0.08);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.5rem;
        background: #e9ebee;
        border-bottom: 1px solid #9aa1ab;
      }
      .toolbar button.secondary {
        border-color: #4a5361;
        color: #1b1f24;
      }
      .toolbar button.secondary:disabled {
        color: #374151;
        border-color: #9aa1ab;
        background: #e5e7eb;
      }
      form {
        flex: 1 1 18rem;
        min-width: 0;
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      form label {
        white-space: nowrap;
      }
      form input {
        flex: 1 1 6rem;
        width: 6rem;
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
      }
      .progress {
        height: 4px;
        background: transparent;
      }
      .progress.active {
        background: repeating-linear-gradient(90deg, #1d4ed8 0 2rem, #93c5fd 2rem 4rem);
      }
      .viewport {
        padding: 1.25rem;
        min-height: 16rem;
      }
      .viewport[aria-busy='true'] {
        opacity: 0.6;
      }
      @media (prefers-reduced-motion: no-preference) {
        .progress.active {
          background-size: 200% 100%;
          animation: slide 1s linear infinite;
        }
        @keyframes slide {
          to {
            background-position: -4rem 0;
          }
        }
      }
    `,
  ];

  /** Which network this frame browses; only changes its look, the server decides the content. */
  @property({ reflect: true }) network: Network = 'domestic';

  /** An address to open first instead of the home site (a deep link); read once, at start. */
  @property({ attribute: false }) startAddress = '';

  /** The logged-in user: when the session's mode switches, the directory is read again (open mode adds sites). */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  @state() private directory: SitesResponse | undefined;
  @state() private view: FrameView | undefined;
  /** Addresses opened in this frame, oldest first; the last one is on screen. */
  @state() private visited: string[] = [];
  @state() private typed = '';
  @state() private opening: string | undefined;
  @state() private loadError = '';

  @query('cis-site-page') private sitePage!: CisSitePage;

  /** Counts requests so that only the answer to the latest one is shown. */
  private requestSeq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-open-address', this.onOpenAddress);
    this.addEventListener('cis-frame-back', this.onFrameBack);
    void this.start();
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-open-address', this.onOpenAddress);
    this.removeEventListener('cis-frame-back', this.onFrameBack);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('me');
    if (changed.has('me') && before && before.mode !== this.me?.mode) void this.refreshDirectory();
  }

  /**
   * The mode switched: read the directory again (nothing is recorded) and, on the home page, show
   * the new one. The page on screen stays; its site app follows the mode itself.
   */
  private async refreshDirectory(): Promise<void> {
    try {
      const directory = await browserApi.sites();
      this.directory = directory;
      const view = this.view;
      if (view?.kind === 'site' && view.directory) this.view = { ...view, ...this.directoryFor(view.site) };
    } catch {
      // Keep the directory on screen; the next page opened reads it again when it must.
    }
  }

  private readonly onFrameBack = (): void => {
    if (this.visited.length > 1) void this.back();
    else void this.goHome(true);
  };

  private async start(): Promise<void> {
    try {
      this.directory = await browserApi.sites();
      this.loadError = '';
      const start = this.startAddress.trim();
      if (start) await this.open(start, { push: true, focus: false });
      else await this.goHome(false);
    } catch (error) {
      this.loadError =
        error instanceof ApiFailure && error.status === 403
          ? msg('This account has no network to browse.')
          : msg('The directory could not be loaded. Reload the page to try again.');
    }
  }

  private get homeSite(): Site | undefined {
    const directory = this.directory;
    return directory?.sites.find((site) => site.id === directory.home);
  }

  private readonly onOpenAddress = (event: GlobalEventHandlersEventMap['cis-open-address']) => {
    void this.open(event.detail.address, { push: true, focus: true });
  };

  private async goHome(focus: boolean): Promise<void> {
    const home = this.homeSite;
    if (home) {
      await this.open(home.address, { push: true, focus });
    } else if (this.directory) {
      // A pack without a home site: show the bare directory (nothing to record).
      this.view = {
        kind: 'site',
        site: {
          id: '',
          address: '',
          title: msg('Directory'),
          description: '',
          network: this.network,
          intro: [],
        },
        path: '',
        directory: this.directory.sites,
      };
    }
  }

  private async back(): Promise<void> {
    if (this.visited.length < 2) return;
    const previous = this.visited[this.visited.length - 2] ?? '';
    // Like a real browser, Back reloads the previous page (and so is recorded again).
    const opened = await this.open(previous, { push: false, focus: true });
    if (opened) this.visited = this.visited.slice(0, -1);
  }

  /** Open `address` through the server; returns whether the server answered. */
  private async open(address: string, options: { push: boolean; focus: boolean }): Promise<boolean> {
    const target = address.trim();
    if (!target) return false;
    const seq = ++this.requestSeq;
    this.opening = target;
    try {
      const result = await browserApi.browse(target);
      if (seq !== this.requestSeq) return false;
      this.view = result.reachable
        ? { kind: 'site', site: result.site, path: result.path, ...this.directoryFor(result.site) }
        : 'leaving' in result
          ? { kind: 'leaving', address: result.address, placardId: result.placardId }
          : { kind: 'blocked', address: result.address, placardId: result.placardId, wall: result.wall };
      this.typed = result.address;
      if (options.push) this.visited = [...this.visited, result.address];
      emit(this, 'cis-address-shown', { address: result.address });
      return true;
    } catch (error) {
      if (seq !== this.requestSeq) return false;
      this.view = {
        kind: 'error',
        address: target,
        message:
          error instanceof ApiFailure && error.status === 429
            ? msg('Too many pages opened too quickly. Wait a moment and try again.')
            : msg('The server could not be reached. Try again in a moment.'),
      };
      return false;
    } finally {
      if (seq === this.requestSeq) {
        this.opening = undefined;
        if (options.focus) void this.updateComplete.then(() => this.sitePage?.focusHeading());
      }
    }
  }

  /** On the home site, the directory lists the other sites of the network. */
  private directoryFor(site: Site): { directory?: Site[] } {
    const directory = this.directory;
    if (!directory || site.id !== directory.home) return {};
    return { directory: directory.sites.filter((entry) => entry.id !== directory.home) };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.open(this.typed, { push: true, focus: true });
  }

  override render(): TemplateResult {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.loadError}</p>`;
    }
    const canGoBack = this.visited.length > 1 && !this.opening;
    return html`
      <div class="frame">
        <div class="toolbar">
          <button type="button" class="secondary" ?disabled=${!canGoBack} @click=${() => void this.back()}>
            <span aria-hidden="true">←</span> ${msg('Back')}
          </button>
          <button type="button" class="secondary" ?disabled=${!this.directory} @click=${() => void this.goHome(true)}>
            <span aria-hidden="true">⌂</span> ${msg('Home')}
          </button>
          <form @submit=${this.onSubmit}>
            <label for="address">${msg('Address')}</label>
            <input
              id="address"
              name="address"
              inputmode="url"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              .value=${this.typed}
              @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
            />
            <button type="submit">${msg('Go')}</button>
          </form>
        </div>
        <div class="progress ${this.opening ? 'active' : ''}" aria-hidden="true"></div>
        <p class="visually-hidden" role="status">${this.opening ? msg(str`Opening ${this.opening}…`) : nothing}</p>
        <div class="viewport" aria-busy=${this.opening ? 'true' : 'false'}>
          ${
            this.view
              ? html`<cis-site-page
                  .view=${this.view}
                  .sites=${this.directory?.sites ?? []}
                  network=${this.network}
                ></cis-site-page>`
              : html`<p>${msg('Loading…')}</p>`
          }
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-browser-frame': CisBrowserFrame;
  }
  interface GlobalEventHandlersEventMap {
    /** The frame now shows `address` (as the server normalised it): the app mirrors it in the page URL. */
    'cis-address-shown': CustomEvent<{ address: string }>;
  }
}
