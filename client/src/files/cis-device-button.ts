import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { FilesChangedPush, Me } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { sharedStyles } from '../ui/styles/shared';

/** The panel comes in its own chunk, on first use. */
const loadPanel = () => import('./cis-device-panel');

/** What the user is told when their device changed. */
function changeText(reason: FilesChangedPush['reason']): string {
  switch (reason) {
    case 'received':
      return msg('You received a USB stick');
    case 'found':
      return msg('You found a USB stick');
    case 'handed_over':
      return msg('Something left your device: it was handed over');
    case 'confiscated':
      return msg('Your files were confiscated');
  }
}

/**
 * The top bar's "Your device" button: opens the device panel (lazily loaded) over any screen,
 * citizens' included. For a class seat it follows `files:changed` and says politely what arrived
 * ("You received a USB stick"), refreshing the panel if it is open.
 */
@localized()
@customElement('cis-device-button')
export class CisDeviceButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        background: transparent;
        border-color: #ffffff;
        color: #ffffff;
      }
      button:hover {
        background: #323f4b;
      }
      /* A phone's top bar is one row: the button gives up some of its padding. */
      @media (max-width: 40rem) {
        button {
          padding: 0.35rem 0.6rem;
        }
      }
      button.news {
        border-color: #ffd166;
        box-shadow: 0 0 0 2px #ffd166;
      }
      .dot {
        display: inline-block;
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: #ffd166;
        margin-left: 0.4rem;
      }
    `,
  ];

  /** The logged-in user; a seat's device is followed live. */
  @property({ attribute: false }) me: Me | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private open = false;
  @state() private loaded = false;
  /** Something arrived since the panel was last opened. */
  @state() private news = false;
  @state() private announcement = '';

  private readonly subscription = new LiveSubscription(this, {
    // Only a class seat is handed sticks; other screens keep the socket closed until they need it.
    live: () => (this.me?.seat ? this.live : undefined),
    pushes: { 'files:changed': (push) => this.onChanged(push) },
  });

  private onChanged(push: FilesChangedPush): void {
    void this.subscription;
    // A repeated message is announced again only if it changes: clear it first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = changeText(push.reason)));
    if (!this.open) this.news = push.reason === 'received' || push.reason === 'found';
  }

  private async show(): Promise<void> {
    this.news = false;
    try {
      await loadPanel();
      this.loaded = true;
      this.open = true;
    } catch (error) {
      console.error(error);
      this.announcement = msg('Your device could not be opened. Reload the page to try again.');
    }
  }

  private async closed(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector('button')?.focus();
  }

  override render(): TemplateResult {
    return html`
      <button type="button" class=${this.news ? 'news' : ''} aria-haspopup="dialog" @click=${this.show}>
        ${msg('Your device')}${this.news ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
      </button>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${
        this.open && this.loaded
          ? html`<cis-device-panel .me=${this.me} @cis-device-closed=${this.closed}></cis-device-panel>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-device-button': CisDeviceButton;
  }
}
