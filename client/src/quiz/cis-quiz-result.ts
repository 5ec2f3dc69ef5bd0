import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiFailure } from '../core/api';
import { sharedStyles } from '../ui/styles/shared';
import { recordTableStyles } from '../ui/styles/tables';
import { quizApi } from './api';
import { correctCount, resultRows } from './quiz';
import type { ResultRow } from './quiz';

/** An answer in words ("—" when that phase was not answered). */
function answerText(answer: boolean | null): string {
  if (answer === null) return msg('not answered');
  return answer ? msg('True') : msg('False');
}

/** Whether an answer matched the truth, in words for every reader (not by colour alone). */
function markText(right: boolean | null): string {
  if (right === null) return '';
  return right ? msg('right') : msg('wrong');
}

/**
 * "Your before and after": the reader's own answers to each statement before and after the
 * class, the truth, and how many were right each time. Reads `GET /api/quiz/result` when it
 * is shown; shows nothing when there is no result to read (no quiz answered, not a seat).
 */
@localized()
@customElement('cis-quiz-result')
export class CisQuizResult extends LitElement {
  static override styles = [
    sharedStyles,
    recordTableStyles,
    css`
      h2 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.3rem;
      }
      .score {
        margin: 0 0 0.75rem;
        font-size: 1.1rem;
      }
      /* Long statements wrap anywhere; the short answers wrap only between words ("True" / "(right)"). */
      tbody th {
        overflow-wrap: anywhere;
        font-weight: 400;
      }
      th,
      td {
        padding: 0.5rem 0.4rem;
      }
      td .mark {
        display: inline-block;
      }
      .right {
        color: #14532d;
        font-weight: 600;
      }
      .wrong {
        color: var(--cis-danger);
        font-weight: 600;
      }
      .note {
        color: var(--cis-muted);
        margin: 0.75rem 0 0;
      }
    `,
  ];

  @state() private rows: ResultRow[] | undefined;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cis-quiz-sent', this.reload);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('cis-quiz-sent', this.reload);
    super.disconnectedCallback();
  }

  /** A phase was sent on this screen (the event bubbles out of every shadow root): the result changed. */
  private readonly reload = (): void => void this.load();

  /** Read the result again (after a phase was sent). */
  async load(): Promise<void> {
    try {
      this.rows = resultRows(await quizApi.result());
      this.failed = false;
    } catch (error) {
      // A 4xx means there is nothing of one's own to show (yet): show nothing rather than an error.
      this.rows = undefined;
      this.failed = !(error instanceof ApiFailure && error.status >= 400 && error.status < 500);
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (this.failed) return html`<p role="alert">${msg('Your quiz result could not be loaded.')}</p>`;
    const rows = this.rows;
    if (!rows || rows.length === 0) return nothing;
    const before = correctCount(rows, 'before');
    const after = correctCount(rows, 'after');
    const total = rows.length;
    return html`
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">${msg('Your before and after')}</h2>
        <p class="score">
          ${before === null ? msg('You did not answer the first time.') : msg(str`Before: ${before} of ${total} right.`)}
          ${after === null ? msg('Not answered at the end yet.') : msg(str`After: ${after} of ${total} right.`)}
        </p>
        <div class="scroller" tabindex="0" role="region" aria-label=${msg('Your answers, statement by statement')}>
          <table>
            <thead>
              <tr>
                <th scope="col">${msg('Statement')}</th>
                <th scope="col">${msg('Before')}</th>
                <th scope="col">${msg('After')}</th>
                <th scope="col">${msg('In fact')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) =>
                  html`<tr>
                    <th scope="row">${row.text}</th>
                    <td>${this.renderAnswer(row.before, row.rightBefore)}</td>
                    <td>${this.renderAnswer(row.after, row.rightAfter)}</td>
                    <td>${row.truth ? msg('True') : msg('False')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="note">
          ${msg('Doubting everything is not the same as telling true from false: true statements count as much as false ones.')}
        </p>
      </section>
    `;
  }

  private renderAnswer(answer: boolean | null, right: boolean | null): TemplateResult {
    return html`${answerText(answer)}${
      right === null ? nothing : html` <span class="mark ${right ? 'right' : 'wrong'}">(${markText(right)})</span>`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-quiz-result': CisQuizResult;
  }
}
