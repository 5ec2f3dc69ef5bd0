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
      :host {
        /* The state sites' palette (media/styles.ts): the frame is the state's window on its network. */
        --frame-red: #8f1111;
        --frame-gold: #f2c94c;
        --frame-cream: #fff8e7;
        --frame-blue: #1e3a8a;
        --frame-ink: #2a1605;
      }
      .frame {
        border: 2px solid var(--frame-red);
        border-radius: 10px;
        overflow: hidden;
        background: var(--cis-paper);
        box-shadow:
          0 0 0 3px var(--frame-gold),
          0 6px 18px rgb(110 11 11 / 0.18);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 0.5rem;
        background: linear-gradient(to bottom, #fffdf6, var(--frame-cream));
        border-bottom: 3px solid var(--frame-gold);
        box-shadow: 0 2px 0 var(--frame-red);
        margin-bottom: 2px;
      }
      .toolbar button.secondary {
        border-color: var(--frame-blue);
        color: var(--frame-blue);
      }
      .toolbar button[type='submit'] {
        border-color: var(--frame-blue);
        background: var(--frame-blue);
      }
      form label {
        color: var(--frame-ink);
      }
      form input {
        border-color: #7a5a2a;
      }
      /* The phone's "Address" button: on a wide screen the field is always there. */
      .address-toggle {
        display: none;
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
      /* A phone: one compact bar (Back, Home, the address as a button), the field on demand. */
      @media (max-width: 40rem) {
        .frame {
          border-width: 1px;
          border-radius: 6px;
          box-shadow: 0 0 0 2px var(--frame-gold);
        }
        .toolbar {
          position: relative;
          flex-wrap: nowrap;
          gap: 0.35rem;
          padding: 0.3rem;
        }
        .toolbar.open {
          flex-wrap: wrap;
        }
        .toolbar > button {
          padding: 0.35rem 0.55rem;
          flex: none;
        }
        .toolbar > .address-toggle {
          display: inline-flex;
          align-items: center;
          gap: 0.35rem;
          flex: 1 1 auto;
          min-width: 0;
          overflow: hidden;
        }
        .address-toggle .current {
          min-width: 0;
          overflow: hidden;
          text-overflow: ellipsis;
          white-space: nowrap;
          font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
          font-weight: 400;
        }
        form {
          flex: 1 1 100%;
        }
        /* Folded away to the eye but still in the page: a keyboard (or a screen reader) reaching the
           field unfolds it, as the "Address" button does. */
        .toolbar:not(.open) form:not(:focus-within) {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        .toolbar:has(form:focus-within) {
          flex-wrap: wrap;
        }
        .viewport {
          padding: 0.6rem;
          min-height: 10rem;
        }
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
  /** On a phone, whether the address field is shown (on a wide screen it always is). */
  @state() private addressOpen = false;

  @query('cis-site-page') private sitePage!: CisSitePage;
  @query('#address') private addressInput!: HTMLInputElement;

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
      const start = this.startAddress.trim();
      // A deep link opens its address while the directory loads, not after it (one round trip less).
      const opening = start ? this.open(start, { push: true, focus: false }) : undefined;
      this.directory = await browserApi.sites();
      this.loadError = '';
      if (opening) {
        await opening;
        const view = this.view;
        if (view?.kind === 'site' && !view.directory) this.view = { ...view, ...this.directoryFor(view.site) };
      } else await this.goHome(false);
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
    // The phone's field folds away again once the page opens (the heading takes the focus).
    this.addressOpen = false;
    void this.open(this.typed, { push: true, focus: true });
  }

  /** The phone's "Address" button: shows the field (focused, its text selected) or hides it. */
  private async toggleAddress(): Promise<void> {
    this.addressOpen = !this.addressOpen;
    if (!this.addressOpen) return;
    await this.updateComplete;
    this.addressInput?.focus();
    this.addressInput?.select();
  }

  private onAddressKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.addressOpen) return;
    this.addressOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.address-toggle')?.focus());
  }

  override render(): TemplateResult {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.loadError}</p>`;
    }
    const canGoBack = this.visited.length > 1 && !this.opening;
    return html`
      <div class="frame">
        <div class="toolbar ${this.addressOpen ? 'open' : ''}">
          <button type="button" class="secondary" ?disabled=${!canGoBack} @click=${() => void this.back()}>
            <span aria-hidden="true">←</span> ${msg('Back')}
          </button>
          <button type="button" class="secondary" ?disabled=${!this.directory} @click=${() => void this.goHome(true)}>
            <span aria-hidden="true">⌂</span> ${msg('Home')}
          </button>
          <button
            type="button"
            class="secondary address-toggle"
            aria-expanded=${this.addressOpen ? 'true' : 'false'}
            aria-controls="address-form"
            @click=${() => void this.toggleAddress()}
          >
            <span>${msg('Address')}</span><span class="current">${this.typed}</span>
          </button>
          <form id="address-form" @submit=${this.onSubmit}>
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
              @keydown=${this.onAddressKeydown}
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
