import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { SessionDetail, SessionRound } from '../../../../server/protocol/api';
import { formatClock } from '../../ui/format';
import { sharedStyles } from '../../ui/styles/shared';
import { MAX_TIMER_MINUTES, timersFromDraft, type TimerDraftResult } from './round-timers';

/**
 * The timed events of a round in the facilitator's console: minutes after the start at which each
 * of the pack's events fires on its own (set before starting the next round), and the timers of
 * the round running now with whether each has fired. The panel reads `collect()` when it starts a
 * round; the server validates the timers again.
 */
@localized()
@customElement('cis-round-timers')
export class CisRoundTimers extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        margin: 0.75rem 0 0;
        padding: 0.5rem 0.75rem 0.75rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .hint {
        margin: 0 0 0.5rem;
        color: var(--cis-muted);
      }
      .timer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin: 0.25rem 0;
      }
      .timer label {
        min-width: 10rem;
      }
      input {
        width: 6rem;
        min-height: 44px;
        font: inherit;
        padding: 0.25rem 0.5rem;
        border: 1px solid #6b7280;
        border-radius: 6px;
      }
      input[aria-invalid='true'] {
        border-color: var(--cis-danger);
      }
      .error {
        color: var(--cis-danger);
        font-weight: 600;
        margin: 0.25rem 0 0;
      }
      ul {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
      }
      .fired {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The pack's events. */
  @property({ attribute: false }) events: SessionDetail['events'] = [];
  /** The round running now (its timers are listed). */
  @property({ attribute: false }) round: SessionRound | null = null;

  @state() private draft: Record<string, string> = {};
  @state() private invalid = '';

  /** The timers to start the next round with, or the invalid one (then shown and focused). */
  collect(): TimerDraftResult {
    const result = timersFromDraft(
      this.draft,
      this.events.map((e) => e.id),
    );
    this.invalid = result.ok ? '' : result.eventId;
    if (!result.ok) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(`#timer-${CSS.escape(result.eventId)}`)?.focus(),
      );
    }
    return result;
  }

  /** Clears the minutes typed (after a round started with them). */
  clear(): void {
    this.draft = {};
    this.invalid = '';
  }

  private titleOf(eventId: string): string {
    return this.events.find((e) => e.id === eventId)?.title ?? eventId;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.events.length === 0) return nothing;
    const timers = this.round?.timers ?? [];
    return html`
      ${
        timers.length
          ? html`<p class="hint" id="timers-now">${msg('On a timer in this round:')}</p>
              <ul aria-labelledby="timers-now">
                ${timers.map(
                  (t) =>
                    html`<li class=${t.fired ? 'fired' : ''}>
                      ${
                        t.fired
                          ? msg(str`${this.titleOf(t.eventId)}: fired at ${formatClock(t.at)}`)
                          : msg(str`${this.titleOf(t.eventId)}: fires at ${formatClock(t.at)}`)
                      }
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <fieldset>
        <legend>${msg('Events on a timer for the next round')}</legend>
        <p class="hint" id="timer-hint">
          ${msg(
            str`Minutes after the round starts (1 to ${MAX_TIMER_MINUTES}); leave empty to fire it by hand. A pause holds the timers.`,
          )}
        </p>
        ${this.events.map(
          (e) =>
            html`<div class="timer">
              <label for=${`timer-${e.id}`}>${e.title}</label>
              <input
                id=${`timer-${e.id}`}
                inputmode="numeric"
                autocomplete="off"
                aria-describedby=${this.invalid === e.id ? 'timer-hint timer-error' : 'timer-hint'}
                aria-invalid=${this.invalid === e.id ? 'true' : 'false'}
                .value=${this.draft[e.id] ?? ''}
                @input=${(ev: Event) => {
                  this.draft = { ...this.draft, [e.id]: (ev.target as HTMLInputElement).value };
                  if (this.invalid === e.id) this.invalid = '';
                }}
              />
              <span aria-hidden="true">${msg('min')}</span>
            </div>`,
        )}
        ${
          this.invalid
            ? html`<p class="error" id="timer-error" role="alert">
                ${msg(
                  str`${this.titleOf(this.invalid)}: type whole minutes from 1 to ${MAX_TIMER_MINUTES}, or leave it empty.`,
                )}
              </p>`
            : nothing
        }
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-round-timers': CisRoundTimers;
  }
}
