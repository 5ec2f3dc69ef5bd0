import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { FileContent, FileCopy, FilesResponse, Me, Site } from '../../../server/protocol/api';
import { browserApi } from '../browser/api';
import { liveContext } from '../app/context';
import { ApiFailure } from '../core/api';
import { LiveSubscription } from '../core/controllers/live-subscription';
import { emit } from '../core/events';
import type { LiveConnection } from '../core/live';
import { Latest, actionFailureText } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { filesApi } from './api';
import { copyListStyles } from './styles';
import { classmateField, copyFacts } from './templates';
import './cis-notel-player';

/** What the panel shows: the device's contents, an opened file, or the hand-over form (a copy, or the Notel: null). */
type View = { kind: 'list' } | { kind: 'open'; content: FileContent } | { kind: 'handover'; copy: FileCopy | null };

/** The state terminal's refusal, word for word. */
export function unsignedText(): string {
  return msg('This file is not signed by the state and cannot be opened');
}

/**
 * "Your device", as a modal dialog over any screen: the copies on the user's device (title, kind,
 * size, signed or not, how many marks), Open (a Notel plays an unsigned file; a state terminal
 * refuses it, and says so), Hand over in person to a classmate, the Notel itself, and in the
 * demo session a stick to look for. Re-reads the device on `files:changed`. Fires `cis-device-closed`.
 */
@localized()
@customElement('cis-device-panel')
export class CisDevicePanel extends LitElement {
  static override styles = [
    sharedStyles,
    copyListStyles,
    css`
      dialog {
        width: min(40rem, calc(100vw - 1rem));
        max-width: none;
        max-height: calc(100vh - 1rem);
        border: 2px solid var(--cis-ink);
        border-radius: 12px;
        padding: 1rem;
        color: var(--cis-ink);
        background: #f7f8fa;
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 60%);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
        margin: 0 0 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1.5rem;
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.15rem;
      }
      .lede {
        margin: 0 0 0.75rem;
        color: var(--cis-muted);
      }
      .message {
        margin: 0 0 0.75rem;
        font-weight: 600;
      }
      .message:empty {
        display: none;
      }
      .success {
        color: #14532d;
      }
      .refused {
        border-left: 6px solid var(--cis-danger);
        padding: 0.5rem 0.75rem;
        background: #fde8e8;
      }
      .notel-owned {
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        padding: 0.75rem;
        background: #eef2ff;
      }
      .notel-owned p {
        margin: 0 0 0.5rem;
      }
      form {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** The logged-in user (a class seat's device lists classmates; the demo session may hide a stick). */
  @property({ attribute: false }) me: Me | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private device: FilesResponse | undefined;
  @state() private loadError = '';
  @state() private view: View = { kind: 'list' };
  @state() private to = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';
  /** The site where the demo's hidden stick waits (from the directory), once the device says there is one. */
  @state() private findSite: Site | undefined;

  @query('dialog') private dialog: HTMLDialogElement | undefined;

  private readonly loads = new Latest();

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'files:changed': () => void this.reload() },
    onConnect: () => void this.reload(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  protected override firstUpdated(): void {
    void this.subscription;
    this.dialog?.showModal();
    void this.focusHeading();
  }

  /** Read the device again (after a push, a hand-over, a find). */
  reload(): Promise<void> {
    return this.loads.run(() => filesApi.device(), {
      use: (device) => {
        this.device = device;
        this.loadError = '';
        if (device.find && device.find.site !== this.findSite?.id) void this.loadFindSite(device.find.site);
      },
      fail: (error) => {
        this.loadError =
          error instanceof ApiFailure && error.status === 403
            ? msg('This account has no device.')
            : msg('Your device could not be read. Try again in a moment.');
      },
    });
  }

  /** The directory entry of the site the stick is hidden on (its title and address). */
  private async loadFindSite(id: string): Promise<void> {
    try {
      this.findSite = (await browserApi.sites()).sites.find((site) => site.id === id);
    } catch {
      this.findSite = undefined; // no hint, no button: the stick stays hidden
    }
  }

  /** Whether the in-page browser shows a page of `site` now (the shell mirrors its address in `?address=`). */
  private showing(site: Site): boolean {
    const address = new URLSearchParams(location.search).get('address')?.trim().toLowerCase() ?? '';
    return address.split('/')[0] === site.address.toLowerCase();
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private show(view: View): void {
    this.view = view;
    this.to = '';
    void this.focusHeading();
  }

  private async open(copy: FileCopy): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = '';
    this.error = '';
    try {
      const { content } = await filesApi.open(copy.copyId);
      this.show({ kind: 'open', content });
    } catch (error) {
      this.error = error instanceof ApiFailure && error.code === 'unsigned' ? unsignedText() : actionFailureText(error);
    } finally {
      this.busy = false;
      // Opening (or trying to) adds this device's mark.
      void this.reload();
    }
  }

  private async handOver(event: Event, copy: FileCopy | null): Promise<void> {
    event.preventDefault();
    const to = this.to;
    if (this.busy) return;
    if (!to) {
      this.error = msg('Choose whom to hand it to.');
      return;
    }
    const name = this.device?.classmates?.find((person) => person.playerId === to)?.name ?? to;
    this.busy = true;
    this.message = '';
    this.error = '';
    try {
      if (copy) await filesApi.handover(copy.copyId, to);
      else await filesApi.handoverNotel(to);
      this.show({ kind: 'list' });
      this.message = copy
        ? msg(str`You handed "${copy.title}" to ${name}.`)
        : msg(str`You handed your Notel to ${name}.`);
      await this.reload();
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  private async find(site: Site): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = '';
    this.error = '';
    try {
      await filesApi.find(site.id);
      this.message = msg('You found a USB stick. It is on your device now.');
      await this.reload();
    } catch (error) {
      // Nothing here (any more): say so and stop offering it.
      if (error instanceof ApiFailure && (error.status === 404 || error.status === 409 || error.status === 403)) {
        this.findSite = undefined;
        this.message = msg('You look around, but there is no stick to find.');
      } else {
        this.error = actionFailureText(error);
      }
    } finally {
      this.busy = false;
    }
  }

  private close(): void {
    this.dialog?.close();
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="device-heading" @close=${() => emit(this, 'cis-device-closed')}>
      <div class="head">
        <h2 id="device-heading" tabindex="-1">
          ${this.view.kind === 'open' ? this.view.content.title : msg('Your device')}
        </h2>
        <button type="button" class="secondary" @click=${this.close}>${msg('Close')}</button>
      </div>
      <p class="message success" role="status">${this.message}</p>
      <p class="message error ${this.error === unsignedText() ? 'refused' : ''}" role="alert">${this.error}</p>
      ${this.renderView()}
    </dialog>`;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    if (view.kind === 'open') {
      return html`<cis-notel-player .content=${view.content}></cis-notel-player>
        <div class="actions">
          <button type="button" class="secondary" @click=${() => this.show({ kind: 'list' })}>
            ${msg('Back to your device')}
          </button>
        </div>`;
    }
    if (view.kind === 'handover') return this.renderHandover(view.copy);
    return this.renderDevice();
  }

  private renderDevice(): TemplateResult {
    const device = this.device;
    if (!device) {
      return this.loadError
        ? html`<p class="error">${this.loadError}</p>`
        : html`<p role="status">${msg('Reading your device…')}</p>`;
    }
    return html`
      <p class="lede">
        ${msg(
          'Files reach you on USB sticks, in person. Every device a file touches adds its own mark to it, even a device that cannot open it.',
        )}
      </p>
      ${
        device.copies.length === 0
          ? html`<p class="empty">${msg('No files on your device.')}</p>`
          : html`<ul class="copies" aria-label=${msg('Files on your device')}>
              ${repeat(
                device.copies,
                (copy) => copy.copyId,
                (copy) => this.renderCopy(copy),
              )}
            </ul>`
      }
      ${device.notel ? this.renderNotel() : nothing} ${this.renderFind()}
    `;
  }

  private renderCopy(copy: FileCopy): TemplateResult {
    return html`<li>
      <p class="copy-title"><strong>${copy.title}</strong></p>
      ${copyFacts(copy)}
      <div class="actions">
        <button
          type="button"
          ?disabled=${this.busy}
          aria-label=${msg(str`Open ${copy.title}`)}
          @click=${() => this.open(copy)}
        >
          ${msg('Open')}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.busy}
          aria-label=${msg(str`Hand over ${copy.title}`)}
          @click=${() => this.show({ kind: 'handover', copy })}
        >
          ${msg('Hand over')}
        </button>
      </div>
    </li>`;
  }

  private renderNotel(): TemplateResult {
    return html`<h3>${msg('Your Notel')}</h3>
      <div class="notel-owned">
        <p>${msg('A Notel portable player is with you. It plays files that state terminals refuse.')}</p>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.busy}
          @click=${() => this.show({ kind: 'handover', copy: null })}
        >
          ${msg('Hand over the Notel')}
        </button>
      </div>`;
  }

  /** The demo session's hidden stick: a rumour of where it is, and on that site's page a way to look for it. */
  private renderFind(): TemplateResult | typeof nothing {
    const site = this.findSite;
    if (!this.device?.find || !site) return nothing;
    const here = this.showing(site);
    return html`<h3>${msg('Look around')}</h3>
      <p class="hint">
        ${
          here
            ? msg('Sticks are passed under desks and left in drawers. There may be one near this terminal.')
            : msg(
                str`Rumour has it that someone left a stick by a terminal showing ${site.title}. Open it, then look here.`,
              )
        }
      </p>
      ${
        here
          ? html`<div class="actions">
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.find(site)}>
                ${msg('Look for a USB stick')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderHandover(copy: FileCopy | null): TemplateResult {
    const what = copy ? copy.title : msg('your Notel');
    return html`
      <p class="lede">
        ${msg(
          str`Hand ${what} over in person. It does not travel over the network, so nothing can block it, but the devices notice.`,
        )}
      </p>
      <form @submit=${(event: Event) => this.handOver(event, copy)}>
        <div class="field">
          ${classmateField({
            id: 'handover-to',
            label: msg('Hand it to'),
            classmates: this.device?.classmates,
            value: this.to,
            onChange: (playerId) => (this.to = playerId),
          })}
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Hand over')}</button>
          <button type="button" class="secondary" @click=${() => this.show({ kind: 'list' })}>${msg('Cancel')}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-device-panel': CisDevicePanel;
  }
  interface GlobalEventHandlersEventMap {
    /** The device panel was closed. */
    'cis-device-closed': CustomEvent<void>;
  }
}
