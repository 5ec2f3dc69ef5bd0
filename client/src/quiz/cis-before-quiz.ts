import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import { quizApi } from './api';
import type { QuizItem } from './quiz';
import './cis-quiz-form';

/**
 * The lobby's quiz: while a student waits for a role, the statements to mark true or false
 * before the class begins (`GET /api/quiz` says phase "before"). Once sent, a thank-you; the
 * same statements come back at the end (`cis-after-quiz`). Shows nothing when there is no
 * before-quiz to answer.
 */
@localized()
@customElement('cis-before-quiz')
export class CisBeforeQuiz extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin: 2rem 0 0;
        padding: 1rem;
        border: 2px solid var(--cis-line);
        border-radius: 12px;
        text-align: left;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.4rem;
      }
      p {
        margin: 0 0 1rem;
      }
      .done {
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  @state() private items: QuizItem[] = [];
  @state() private open = false;
  @state() private sent = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const quiz = await quizApi.current();
      this.open = quiz.phase === 'before' && quiz.items.length > 0;
      this.items = quiz.items;
    } catch {
      // No quiz for this reader (or the server away): the lobby simply waits without one.
      this.open = false;
    }
  }

  private async onSent(): Promise<void> {
    this.sent = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    if (this.sent) {
      return html`<section aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">${msg('Before we start: true or false?')}</h2>
        <p class="done" tabindex="-1" role="status">
          ${msg('Thank you: your answers are in. You will see the same statements again at the end of the class.')}
        </p>
      </section>`;
    }
    if (!this.open) return nothing;
    return html`<section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">${msg('Before we start: true or false?')}</h2>
      <p>
        ${msg('Mark each statement true or false. This is not a test: there is no mark, and only you and your teacher see your answers.')}
      </p>
      <cis-quiz-form phase="before" .items=${this.items} @cis-quiz-sent=${this.onSent}></cis-quiz-form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-before-quiz': CisBeforeQuiz;
  }
}
