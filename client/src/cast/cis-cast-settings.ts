import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { CastState, SessionDetail } from '../../../server/protocol/api';
import { emit } from '../core/events';
import { actionFailureText } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { castApi } from './api';
import {
  BUREAU_CHOICES,
  MAX_DELAY_SECONDS,
  bureauFromValue,
  bureauLabel,
  bureauValue,
  castFormOf,
  readCastForm,
  type CastForm,
  type CastFormErrors,
} from './cast';

type Phase = 'loading' | 'ready' | 'failed';

const NO_ERRORS: CastFormErrors = { min: '', max: '' };

/**
 * The facilitator's controls of the simulated cast for one session (a class session or the demo
 * session, id `demo`): the bureau automatic, on or off, colleagues and the hotel guide on or off,
 * and the bureau's delay in seconds, with whether the bureau acts now. Reads the settings when
 * shown and again after every save; fires `cis-cast-saved` with what the server answered.
 */
@localized()
@customElement('cis-cast-settings')
export class CisCastSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 40rem;
      }
      fieldset {
        margin: 0;
        padding: 0.5rem 0.75rem 0.75rem;
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        min-width: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .choice {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        min-height: 44px;
        font-weight: 400;
        cursor: pointer;
      }
      .choice input {
        flex: none;
        min-height: 0;
        width: 1.4rem;
        height: 1.4rem;
        margin: 0;
      }
      .delays {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
      }
      .field input {
        width: 7rem;
      }
      .field input[aria-invalid='true'] {
        border-color: var(--cis-danger);
      }
      .hint {
        margin: 0.25rem 0 0;
        color: var(--cis-muted);
        font-size: 0.95rem;
      }
      .field .error {
        margin: 0;
        font-size: 0.95rem;
        max-width: 16rem;
      }
      .field .error:empty {
        display: none;
      }
      .active {
        margin: 0;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .message {
        margin: 0;
        font-weight: 600;
      }
      .message:empty {
        display: none;
      }
      .success {
        color: #14532d;
      }
    `,
  ];

  /** The session whose cast this is: a class session's id, or `demo` for the facilitator's demo session. */
  @property() sessionId = '';

  /** The cast as the caller already has it (a class session's detail); read from the server when absent. */
  @property({ attribute: false }) cast: CastState | undefined;

  @state() private phase: Phase = 'loading';
  @state() private current: CastState | undefined;
  @state() private form: CastForm | undefined;
  @state() private errors: CastFormErrors = NO_ERRORS;
  @state() private dirty = false;
  @state() private saving = false;
  @state() private message = '';
  @state() private error = '';

  private loadSeq = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId')) {
      this.dirty = false;
      this.message = '';
      this.error = '';
      this.errors = NO_ERRORS;
      if (this.cast) this.show(this.cast);
      void this.load();
    } else if (changed.has('cast') && this.cast) {
      this.show(this.cast);
    }
  }

  /** Shows the server's settings; the form follows unless the facilitator is editing it. */
  private show(cast: CastState): void {
    this.current = cast;
    if (!this.dirty) this.form = castFormOf(cast);
    this.phase = 'ready';
  }

  /** Reads the settings again (a human censor joining or leaving changes whether the bureau acts). */
  private async load(): Promise<void> {
    const id = this.sessionId;
    if (!id) return;
    const seq = ++this.loadSeq;
    if (!this.current) this.phase = 'loading';
    try {
      const answer = await castApi.get(id);
      if (seq === this.loadSeq && id === this.sessionId) this.show(answer.cast);
    } catch (error) {
      if (seq !== this.loadSeq || id !== this.sessionId) return;
      if (this.current) this.error = actionFailureText(error);
      else this.phase = 'failed';
    }
  }

  private edit(change: Partial<CastForm>): void {
    if (!this.form) return;
    this.form = { ...this.form, ...change };
    this.dirty = true;
    this.message = '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this.form;
    const id = this.sessionId;
    if (!form || !id || this.saving) return;
    const read = readCastForm(form);
    if (!read.ok) {
      this.errors = read.errors;
      this.message = '';
      this.error = msg('The delay is not right: see the fields marked.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = NO_ERRORS;
    this.error = '';
    this.message = '';
    this.saving = true;
    try {
      const saved = await castApi.save(id, read.settings);
      if (id !== this.sessionId) return;
      this.dirty = false;
      this.show(saved.cast);
      emit(this, 'cis-cast-saved', { id, cast: saved.cast, ...(saved.detail ? { detail: saved.detail } : {}) });
      this.message = msg('Saved.');
      void this.load(); // whether the bureau acts may follow a moment later
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.saving = false;
    }
  }

  override render(): TemplateResult {
    if (this.phase === 'loading') return html`<p role="status">${msg('Loading the cast…')}</p>`;
    if (this.phase === 'failed' || !this.form || !this.current) {
      return html`<div role="alert">
        <p class="error">${msg('The cast settings could not be loaded.')}</p>
        <button type="button" class="secondary" @click=${() => void this.load()}>${msg('Try again')}</button>
      </div>`;
    }
    const form = this.form;
    const active = this.current.bureauActive;
    return html`<form @submit=${this.onSubmit} novalidate aria-label=${msg('Simulated cast')}>
      <p class="active" role="status">
        ${active ? msg('The bureau is acting now: yes.') : msg('The bureau is acting now: no.')}
      </p>
      <fieldset>
        <legend>${msg('Censor bureau')}</legend>
        ${BUREAU_CHOICES.map(
          (choice) =>
            html`<label class="choice">
              <input
                type="radio"
                name="bureau"
                value=${bureauValue(choice)}
                .checked=${form.bureau === choice}
                @change=${(e: Event) => this.edit({ bureau: bureauFromValue((e.target as HTMLInputElement).value) })}
              />
              ${bureauLabel(choice)}
            </label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${msg('People')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            .checked=${form.colleagues}
            @change=${(e: Event) => this.edit({ colleagues: (e.target as HTMLInputElement).checked })}
          />
          ${msg('Colleagues in the chat rooms and on the boards')}
        </label>
        <label class="choice">
          <input
            type="checkbox"
            .checked=${form.guide}
            @change=${(e: Event) => this.edit({ guide: (e.target as HTMLInputElement).checked })}
          />
          ${msg('The hotel guide at the foreigners’ help desk')}
        </label>
      </fieldset>
      <fieldset>
        <legend>${msg('How long the bureau takes to decide a post')}</legend>
        <div class="delays">
          ${this.renderDelay('min', msg('Shortest (seconds)'), form.minSeconds, this.errors.min)}
          ${this.renderDelay('max', msg('Longest (seconds)'), form.maxSeconds, this.errors.max)}
        </div>
        <p class="hint" id="cast-delay-hint">
          ${msg('Whole seconds, 0 to 600; each post waits a random time in between.')}
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit" ?disabled=${this.saving}>
          ${this.saving ? msg('Saving…') : msg('Save the cast settings')}
        </button>
        <p class="message success" role="status">${this.message}</p>
      </div>
      <p class="message error" role="alert">${this.error}</p>
    </form>`;
  }

  private renderDelay(which: 'min' | 'max', label: string, value: string, error: string): TemplateResult {
    const id = `cast-delay-${which}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="number"
        inputmode="numeric"
        min="0"
        max=${MAX_DELAY_SECONDS}
        step="1"
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${id}-error cast-delay-hint"
        @input=${(e: Event) =>
          this.edit(
            which === 'min'
              ? { minSeconds: (e.target as HTMLInputElement).value }
              : { maxSeconds: (e.target as HTMLInputElement).value },
          )}
      />
      <p class="error" id="${id}-error">${error || nothing}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-cast-settings': CisCastSettings;
  }
  interface GlobalEventHandlersEventMap {
    /** The cast's settings were saved: as the server has them now, and a class session's whole detail. */
    'cis-cast-saved': CustomEvent<{ id: string; cast: CastState; detail?: SessionDetail }>;
  }
}
