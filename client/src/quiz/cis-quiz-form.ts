import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { QuizPhase } from '../../../server/protocol/debrief';
import { emit } from '../core/events';
import { actionFailureText } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { quizApi } from './api';
import { answersRequest, parseChoice, quizProgress, unanswered } from './quiz';
import type { QuizItem } from './quiz';

/**
 * One phase of the quiz: a fieldset per statement with "True" and "False" radio buttons, the
 * progress ("3 of 10 answered"), and one send. Nothing partial is sent; the server refuses a
 * second send. Fires `cis-quiz-sent` once the answers are stored.
 */
@localized()
@customElement('cis-quiz-form')
export class CisQuizForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        text-align: left;
      }
      .progress {
        margin: 0 0 1rem;
        font-weight: 600;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      fieldset {
        margin: 0 0 0.75rem;
        padding: 0.75rem;
        border: 2px solid var(--cis-line);
        border-radius: 8px;
        min-width: 0;
      }
      fieldset.missing {
        border-color: var(--cis-danger);
      }
      legend {
        padding: 0 0.25rem;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
        min-width: 44px;
        padding: 0 0.75rem;
        border: 1px solid var(--cis-line);
        border-radius: 6px;
        cursor: pointer;
      }
      input[type='radio'] {
        width: 1.25rem;
        height: 1.25rem;
        min-height: 0;
        margin: 0;
      }
      .field-error,
      .error {
        color: var(--cis-danger);
        font-weight: 600;
        margin: 0.5rem 0 0;
      }
      .error:empty {
        display: none;
      }
      .actions {
        margin-top: 1rem;
      }
    `,
  ];

  /** Which phase these answers are for. */
  @property() phase: QuizPhase = 'before';

  /** The statements, in the quiz's order. */
  @property({ attribute: false }) items: QuizItem[] = [];

  @state() private choices = new Map<string, boolean>();
  /** Whether a send was tried with statements left (only then are they marked). */
  @state() private tried = false;
  @state() private sending = false;
  @state() private sent = false;
  @state() private error = '';

  private choose(id: string, event: Event): void {
    const answer = parseChoice((event.target as HTMLInputElement).value);
    if (answer === undefined) return;
    this.choices = new Map(this.choices).set(id, answer);
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending || this.sent) return;
    const body = answersRequest(this.phase, this.items, this.choices);
    if (!body) {
      this.tried = true;
      const left = unanswered(this.items, this.choices);
      this.error =
        left.length === 1
          ? msg('One statement has no answer yet. Choose true or false for it.')
          : msg(str`${left.length} statements have no answer yet. Choose true or false for each.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="q-${CSS.escape(left[0] ?? '')}"]`)?.focus();
      return;
    }
    this.sending = true;
    this.error = '';
    try {
      await quizApi.answer(body);
      this.sent = true;
      emit(this, 'cis-quiz-sent', { phase: this.phase });
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.sending = false;
    }
  }

  override render(): TemplateResult {
    const { answered, total } = quizProgress(this.items, this.choices);
    return html`
      <form novalidate @submit=${this.send} aria-describedby="quiz-progress">
        <p id="quiz-progress" class="progress" role="status">${msg(str`${answered} of ${total} answered`)}</p>
        <ol>
          ${repeat(
            this.items,
            (item) => item.id,
            (item, index) => this.renderItem(item, index),
          )}
        </ol>
        <p class="error" role="alert">${this.error}</p>
        <div class="actions">
          <button type="submit" ?disabled=${this.sending || this.sent}>
            ${this.sending ? msg('Sending…') : msg('Send my answers')}
          </button>
        </div>
      </form>
    `;
  }

  private renderItem(item: QuizItem, index: number): TemplateResult {
    const choice = this.choices.get(item.id);
    const missing = this.tried && choice === undefined;
    const name = `q-${item.id}`;
    const errorId = `error-${item.id}`;
    return html`<li>
      <fieldset
        class=${missing ? 'missing' : ''}
        aria-invalid=${missing ? 'true' : 'false'}
        aria-describedby=${missing ? errorId : nothing}
        ?disabled=${this.sent}
      >
        <legend>${msg(str`Statement ${index + 1}:`)} ${item.text}</legend>
        <div class="choices">
          <label
            ><input
              type="radio"
              name=${name}
              value="true"
              .checked=${choice === true}
              @change=${(event: Event) => this.choose(item.id, event)}
            />${msg('True')}</label
          >
          <label
            ><input
              type="radio"
              name=${name}
              value="false"
              .checked=${choice === false}
              @change=${(event: Event) => this.choose(item.id, event)}
            />${msg('False')}</label
          >
        </div>
        ${missing ? html`<p class="field-error" id=${errorId}>${msg('Choose true or false.')}</p>` : nothing}
      </fieldset>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-quiz-form': CisQuizForm;
  }
  interface GlobalEventHandlersEventMap {
    /** A phase's answers are stored. */
    'cis-quiz-sent': CustomEvent<{ phase: QuizPhase }>;
  }
}
