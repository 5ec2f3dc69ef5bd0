import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { LIMITS } from '../../../../server/protocol/vocabulary';
import { ApiFailure } from '../../core/api';
import { emit } from '../../core/events';
import { sessionsApi } from '../api';
import { CODE_LENGTH, codeDigits, joinErrorText, nameProblem, parseJoinCode } from '../sessions';
import { sharedStyles } from '../../ui/styles/shared';

/**
 * Joining a class: `/join` asks for the 6-digit code and a display name, `/join/<code>` (the
 * classroom screen's QR code) only for the name. No password, no account: the server sets the
 * seat's cookie, and the app shell takes the student to the lobby (`cis-logged-in`).
 */
@localized()
@customElement('cis-join-page')
export class CisJoinPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        max-width: 28rem;
        margin: 0 auto;
      }
      h1 {
        font-size: clamp(1.7rem, 7vw, 2.4rem);
        margin: 1rem 0 0.5rem;
      }
      .lede {
        margin: 0 0 1.25rem;
        color: var(--cis-muted);
        font-size: 1.1rem;
      }
      form {
        background: var(--cis-paper);
        border: 1px solid var(--cis-line);
        border-radius: 10px;
        padding: 1.25rem;
        display: grid;
        gap: 1rem;
      }
      .field {
        display: grid;
        gap: 0.35rem;
      }
      label {
        font-size: 1.1rem;
      }
      input {
        width: 100%;
        min-height: 52px;
        font-size: 1.25rem;
      }
      input.code {
        font-size: 1.8rem;
        letter-spacing: 0.3em;
        font-variant-numeric: tabular-nums;
        text-align: center;
      }
      .hint {
        margin: 0;
        color: var(--cis-muted);
        font-size: 0.95rem;
      }
      .code-shown {
        margin: 0;
        font-size: 1.1rem;
      }
      .code-shown strong {
        font-size: 1.5rem;
        letter-spacing: 0.2em;
      }
      button[type='submit'] {
        width: 100%;
        min-height: 56px;
        font-size: 1.2rem;
      }
      button[aria-disabled='true'] {
        opacity: 0.85;
        cursor: progress;
      }
      .alert.shown {
        margin: 0;
        padding: 0.6rem 0.75rem;
        border-left: 4px solid var(--cis-danger);
        background: #fdf2f2;
      }
      .other {
        margin: 1rem 0 0;
      }
      a {
        color: var(--cis-accent);
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
    `,
  ];

  /** The code from the address (`/join/<code>`), '' when the student types it. */
  @property() code = '';

  @state() private typedCode = '';
  @state() private name = '';
  @state() private error = '';
  @state() private busy = false;

  @query('#name') private nameInput!: HTMLInputElement;
  @query('#code') private codeInput: HTMLInputElement | undefined;

  /** The code from the address, when it is one. */
  private get givenCode(): string | undefined {
    return parseJoinCode(this.code);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) this.error = '';
  }

  override render(): TemplateResult {
    const given = this.givenCode;
    return html`
      <h1 tabindex="-1">${msg('Join your class')}</h1>
      <p class="lede">
        ${
          given
            ? msg('Choose the name the others will see. No password, no account.')
            : msg('Type the 6-digit code shown on the classroom screen, then choose your name.')
        }
      </p>
      <form @submit=${this.onSubmit} aria-labelledby="join-heading" novalidate>
        <h2 id="join-heading" class="visually-hidden">${msg('Join')}</h2>
        <div class="alert error ${this.error ? 'shown' : ''}" role="alert">${this.error}</div>
        ${
          given
            ? html`<p class="code-shown">${msg('Class code:')} <strong>${given}</strong></p>`
            : html`<div class="field">
                <label for="code">${msg('Class code')}</label>
                <input
                  id="code"
                  class="code"
                  name="code"
                  inputmode="numeric"
                  autocomplete="off"
                  pattern="[0-9]*"
                  maxlength=${CODE_LENGTH + 2}
                  aria-describedby="code-hint"
                  required
                  .value=${this.typedCode}
                  @input=${this.onCodeInput}
                />
                <p class="hint" id="code-hint">${msg('Six digits, e.g. 482 913.')}</p>
              </div>`
        }
        <div class="field">
          <label for="name">${msg('Your name')}</label>
          <input
            id="name"
            name="name"
            autocomplete="nickname"
            autocapitalize="words"
            spellcheck="false"
            maxlength=${LIMITS.seatNameMax}
            aria-describedby="name-hint"
            required
            .value=${this.name}
            @input=${(event: Event) => (this.name = (event.target as HTMLInputElement).value)}
          />
          <p class="hint" id="name-hint">
            ${msg(str`${LIMITS.seatNameMin} to ${LIMITS.seatNameMax} characters. Your teacher sees it.`)}
          </p>
        </div>
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? msg('Joining…') : msg('Join')}
        </button>
      </form>
      ${
        given
          ? html`<p class="other"><a href="/join" @click=${this.typeAnother}>${msg('Use another code')}</a></p>`
          : nothing
      }
    `;
  }

  private onCodeInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    // Keep what was typed readable ("482 913" stays), but never more than six digits.
    this.typedCode = codeDigits(input.value).length <= CODE_LENGTH ? input.value : codeDigits(input.value);
  }

  private typeAnother(event: MouseEvent): void {
    event.preventDefault();
    emit(this, 'cis-navigate', { path: '/join' });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const code = this.givenCode ?? parseJoinCode(this.typedCode);
    if (!code) {
      this.error = msg('Enter the 6-digit code shown on the classroom screen.');
      this.codeInput?.focus();
      return;
    }
    const name = this.name.trim();
    const problem = nameProblem(name);
    if (problem) {
      this.error = problem;
      this.nameInput.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await sessionsApi.join(code, name);
      const me = await sessionsApi.me();
      emit(this, 'cis-logged-in', { me });
    } catch (error) {
      this.error =
        error instanceof ApiFailure ? joinErrorText(error.code, error.status) : joinErrorText('network_error');
      const onCode = error instanceof ApiFailure && error.code === 'bad_code';
      (onCode && this.codeInput ? this.codeInput : this.nameInput).focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-join-page': CisJoinPage;
  }
}
