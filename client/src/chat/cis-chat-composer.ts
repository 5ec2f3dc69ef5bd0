import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import { emit } from '../core/events';
import { readDraft, writeDraft } from '../core/drafts';
import { LIMITS } from '../../../server/protocol/vocabulary';

/**
 * The chat composer: a labelled "Message" field and a "Send" button. Enter sends,
 * Shift+Enter starts a new line (and Enter that ends an input-method composition, as
 * when typing Korean, never sends). Fires `cis-chat-send` with the text and clears itself.
 */
@localized()
@customElement('cis-chat-composer')
export class CisChatComposer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.25rem 0.5rem;
        align-items: end;
      }
      label,
      .hint {
        grid-column: 1 / -1;
      }
      .hint {
        margin: 0;
        color: var(--cis-muted);
        font-size: 0.9rem;
      }
      textarea {
        min-height: 44px;
        width: 100%;
      }
      textarea:disabled {
        background: #eceef1;
        color: #374151;
      }
    `,
  ];

  /** Whether sending is impossible now (room closed, user muted, not joined). */
  @property({ type: Boolean }) disabled = false;

  /** Why it is disabled, read with the field (plain text). */
  @property() reason = '';

  /** Where the draft is kept (`core/drafts.ts`): the room's, so a rebuilt room finds its half-written message. */
  @property() draftKey = '';

  @state() private text = '';

  @query('textarea') private field: HTMLTextAreaElement | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey') && this.draftKey) this.text = readDraft(this.draftKey);
  }

  private setText(text: string): void {
    this.text = text;
    if (this.draftKey) writeDraft(this.draftKey, text);
  }

  /** Put `text` back into the field (a message that was not sent) and focus it. */
  async restore(text: string): Promise<void> {
    this.setText(text);
    await this.updateComplete;
    this.field?.focus();
  }

  private submit(): void {
    const text = this.text.trim();
    if (this.disabled || !text) return;
    emit(this, 'cis-chat-send', { text });
    this.setText('');
  }

  private onKeyDown(event: KeyboardEvent): void {
    // keyCode 229: some browsers report the composition's Enter this way instead of isComposing.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.submit();
  }

  override render(): TemplateResult {
    const left = LIMITS.chatText - this.text.length;
    return html`
      <form
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          this.submit();
        }}
      >
        <label for="message">${msg('Message')}</label>
        <textarea
          id="message"
          name="message"
          rows="2"
          maxlength=${LIMITS.chatText}
          aria-describedby="hint"
          ?disabled=${this.disabled}
          .value=${this.text}
          @input=${(event: Event) => this.setText((event.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeyDown}
        ></textarea>
        <button type="submit" ?disabled=${this.disabled}>${msg('Send')}</button>
        <p id="hint" class="hint">
          ${this.disabled && this.reason ? this.reason : msg('Enter sends; Shift+Enter starts a new line.')}
          ${left <= 100 ? html` ${msg(str`${left} characters left.`)}` : nothing}
        </p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-chat-composer': CisChatComposer;
  }
  interface GlobalEventHandlersEventMap {
    /** The composer asks to send `text` (already trimmed, not empty). */
    'cis-chat-send': CustomEvent<{ text: string }>;
  }
}
