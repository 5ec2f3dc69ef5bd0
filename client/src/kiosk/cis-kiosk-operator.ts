/**
 * The kiosk operator's settings, behind the PIN (`POST /api/kiosk/operator`): the language a visit
 * starts in, the idle time and countdown, the tour and the cast on or off, and "reset all visits".
 * A modal dialog; Escape or Close leaves it (the operator cookie is dropped).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { KioskSettings, Locale } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import { kioskApi } from './api';
import { kioskStyles } from './styles';

/** The limits the server enforces (server/config.ts KIOSK_LIMITS), mirrored for the form. */
const IDLE = { min: 15, max: 3600 };
const COUNTDOWN = { min: 20, max: 300 };

@localized()
@customElement('cis-kiosk-operator')
export class CisKioskOperator extends LitElement {
  static override styles = [
    sharedStyles,
    kioskStyles,
    css`
      dialog {
        width: min(36rem, calc(100vw - 1.5rem));
        max-height: calc(100vh - 2rem);
        overflow-y: auto;
        border: 2px solid #1b1f24;
        border-top: 8px solid var(--k-blue);
        border-radius: 12px;
        padding: 1.25rem;
        color: #1b1f24;
        background: #ffffff;
        font-size: 1rem;
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 70%);
      }
      h2 {
        margin: 0 0 1rem;
      }
      form {
        display: grid;
        gap: 1rem;
      }
      label,
      legend {
        font-weight: 600;
      }
      input[type='number'],
      input[type='password'] {
        display: block;
        width: 100%;
        padding: 0.5rem;
        border: 2px solid #4a5361;
        border-radius: 6px;
      }
      fieldset {
        border: 1px solid #c9ccd1;
        border-radius: 8px;
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      .check input {
        width: 24px;
        height: 24px;
      }
      .hint {
        margin: 0.25rem 0 0;
        color: #4a5361;
        font-size: 0.95rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .danger {
        background: #a61b1b;
        border-color: #a61b1b;
      }
      .ghost {
        color: #1d4ed8;
      }
      .error {
        margin: 0;
      }
    `,
  ];

  @state() private settings: KioskSettings | undefined;
  @state() private busy = false;
  @state() private error = '';
  @state() private notice = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  override firstUpdated(): void {
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private close(): void {
    kioskApi.closeOperator().catch(() => undefined);
    if (this.dialog.open) this.dialog.close();
    emit(this, 'cis-kiosk-operator-closed');
  }

  private async unlock(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const pin = new FormData(event.target as HTMLFormElement).get('pin');
    this.busy = true;
    this.error = '';
    try {
      this.settings = await kioskApi.operator(typeof pin === 'string' ? pin : '');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.code === 'wrong_pin'
          ? msg('That is not the operator PIN.')
          : error instanceof ApiFailure && error.status === 429
            ? msg('Too many wrong PINs. Wait 15 minutes.')
            : msg('The settings could not be opened. Try again.');
    } finally {
      this.busy = false;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const change: KioskSettings = {
      locale: (data.get('locale') === 'ko' ? 'ko' : 'en') satisfies Locale,
      idleSeconds: Number(data.get('idle')),
      countdownSeconds: Number(data.get('countdown')),
      tour: data.get('tour') === 'on',
      cast: data.get('cast') === 'on',
    };
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.settings = await kioskApi.save(change);
      this.notice = msg('Saved. The next visit follows these settings.');
      emit(this, 'cis-kiosk-settings', { settings: this.settings });
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.status === 400
          ? msg(
              str`Check the numbers: idle ${IDLE.min}–${IDLE.max} seconds, countdown ${COUNTDOWN.min}–${COUNTDOWN.max} seconds.`,
            )
          : error instanceof ApiFailure && error.status === 401
            ? msg('The operator settings timed out. Close them and type the PIN again.')
            : msg('The settings could not be saved. Try again.');
    } finally {
      this.busy = false;
    }
  }

  private async resetAll(): Promise<void> {
    if (!confirm(msg('End and wipe every visit on this kiosk now?'))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const { removed } = await kioskApi.resetAll();
      this.notice = msg(str`Every visit was wiped (${removed}).`);
    } catch {
      this.error = msg('The visits could not be reset. Try again.');
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="op-title" @cancel=${(e: Event) => (e.preventDefault(), this.close())}>
      ${this.settings ? this.renderSettings(this.settings) : this.renderPin()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
    </dialog>`;
  }

  private renderPin(): TemplateResult {
    return html`<h2 id="op-title" tabindex="-1">${msg('Operator')}</h2>
      <form @submit=${this.unlock}>
        <div>
          <label for="pin">${msg('Operator PIN')}</label>
          <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="12" required />
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Open the settings')}</button>
          <button type="button" class="ghost" @click=${this.close}>${msg('Close')}</button>
        </div>
      </form>`;
  }

  private renderSettings(s: KioskSettings): TemplateResult {
    return html`<h2 id="op-title" tabindex="-1">${msg('Kiosk settings')}</h2>
      <form @submit=${this.save}>
        <fieldset>
          <legend>${msg('Language a visit starts in')}</legend>
          <label class="check"
            ><input type="radio" name="locale" value="en" ?checked=${s.locale === 'en'} /> English</label
          >
          <label class="check" lang="ko"
            ><input type="radio" name="locale" value="ko" ?checked=${s.locale === 'ko'} /> 한국어</label
          >
        </fieldset>
        <div>
          <label for="idle">${msg('Seconds without input before the reset countdown')}</label>
          <input
            id="idle"
            name="idle"
            type="number"
            min=${IDLE.min}
            max=${IDLE.max}
            required
            .value=${String(s.idleSeconds)}
          />
        </div>
        <div>
          <label for="countdown">${msg('Seconds the countdown gives')}</label>
          <input
            id="countdown"
            name="countdown"
            type="number"
            min=${COUNTDOWN.min}
            max=${COUNTDOWN.max}
            required
            aria-describedby="countdown-hint"
            .value=${String(s.countdownSeconds)}
          />
          <p class="hint" id="countdown-hint">${msg('At least 20 seconds, so every visitor has time to respond.')}</p>
        </div>
        <label class="check"><input type="checkbox" name="tour" ?checked=${s.tour} /> ${msg('Guided tour')}</label>
        <label class="check"
          ><input type="checkbox" name="cast" ?checked=${s.cast} />
          ${msg('Simulated cast (the bureau, colleagues, the guide)')}</label
        >
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Save')}</button>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${this.resetAll}>
            ${msg('Reset all visits')}
          </button>
          <button type="button" class="ghost" @click=${this.close}>${msg('Close')}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-kiosk-operator': CisKioskOperator;
  }
  interface GlobalEventHandlersEventMap {
    'cis-kiosk-operator-closed': CustomEvent<void>;
    /** The operator saved new settings. */
    'cis-kiosk-settings': CustomEvent<{ settings: KioskSettings }>;
  }
}
