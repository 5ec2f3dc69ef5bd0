import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { Latest } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { quizApi } from './api';
import type { QuizItem } from './quiz';
import './cis-quiz-form';
import './cis-quiz-result';

/** How often to ask again whether the after-quiz opened, in case a push was missed (a GET records nothing). */
const RECHECK_MS = 15_000;

/**
 * The after-quiz, on whatever screen a student is: when the facilitator opens it, a modal
 * dialog with the same statements as before; once sent, "Your before and after" in the same
 * dialog. It asks `GET /api/quiz` again on every session push and on reconnect.
 */
@localized()
@customElement('cis-after-quiz')
export class CisAfterQuiz extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(44rem, calc(100vw - 1rem));
        max-width: none;
        max-height: calc(100vh - 1rem);
        overflow: auto;
        border: 2px solid var(--cis-ink);
        border-radius: 12px;
        padding: 1rem;
        color: var(--cis-ink);
        background: var(--cis-paper);
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 60%);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: clamp(1.3rem, 5vw, 1.8rem);
      }
      .intro {
        margin: 0 0 1rem;
      }
      .actions {
        margin-top: 1rem;
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private items: QuizItem[] = [];
  /** 'quiz' while the after-quiz waits for answers, 'result' once sent, '' when there is nothing to show. */
  @state() private view: '' | 'quiz' | 'result' = '';

  @query('dialog') private dialog: HTMLDialogElement | undefined;

  private readonly latest = new Latest();
  private timer: ReturnType<typeof setInterval> | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'session:state': () => void this.check(),
      'session:event': () => void this.check(),
      'session:changed': () => void this.check(),
    },
    onConnect: () => void this.check(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.subscription;
    void this.check();
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.check();
    }, RECHECK_MS);
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  /** Whether the after-quiz is open for this reader now. */
  private async check(): Promise<void> {
    if (this.view === 'result') return;
    await this.latest.run(() => quizApi.current(), {
      use: (quiz) => {
        const open = quiz.phase === 'after' && quiz.items.length > 0;
        if (open && this.view === '') this.items = quiz.items;
        if (open) this.view = 'quiz';
        // Closed while it stood unanswered (the session ended, or it was answered in another tab).
        else if (this.view === 'quiz') this.view = '';
      },
      fail: () => undefined,
    });
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  private async onSent(): Promise<void> {
    this.view = 'result';
    await this.updateComplete;
    this.dialog?.querySelector<HTMLElement>('h2')?.focus();
  }

  /** The unanswered quiz stays until it is sent; the result closes with Escape or its button. */
  private onCancel(event: Event): void {
    if (this.view === 'quiz') event.preventDefault();
  }

  private close(): void {
    this.dialog?.close();
    this.view = '';
  }

  override render(): TemplateResult | typeof nothing {
    if (this.view === '') return nothing;
    return html`<dialog aria-labelledby="after-heading" @cancel=${this.onCancel} @close=${this.close}>
      ${this.view === 'quiz' ? this.renderQuiz() : this.renderResult()}
    </dialog>`;
  }

  private renderQuiz(): TemplateResult {
    return html`
      <h2 id="after-heading" tabindex="-1">${msg('At the end: true or false?')}</h2>
      <p class="intro">
        ${msg('The same statements as at the start. Mark each one again: you may change your mind, or not.')}
      </p>
      <cis-quiz-form phase="after" .items=${this.items} @cis-quiz-sent=${this.onSent}></cis-quiz-form>
    `;
  }

  private renderResult(): TemplateResult {
    return html`
      <h2 id="after-heading" tabindex="-1">${msg('Thank you: your answers are in')}</h2>
      <cis-quiz-result></cis-quiz-result>
      <div class="actions">
        <button type="button" @click=${this.close}>${msg('Close')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-after-quiz': CisAfterQuiz;
  }
}
