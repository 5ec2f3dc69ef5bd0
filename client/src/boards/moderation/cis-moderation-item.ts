import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ModerationItem } from '../../../../server/protocol/api';
import { ApiFailure } from '../../core/api';
import { moderationApi } from './api';
import { roleLabel } from '../../ui/labels';
import { formatInstant } from '../../ui/format';
import { sharedStyles } from '../../ui/styles/shared';
import { boardsStyles } from '../cis-boards.styles';
import { emit } from '../../core/events';
import { LIMITS } from '../../../../server/protocol/vocabulary';
import '../../cast/cis-simulated-badge';
import { errorText } from '../../core/error-text';

/**
 * One post in the censor's queue: where it was posted, by whom and when, its text (as text),
 * and Approve / Reject. Rejecting needs a reason, which the author will read. Fires
 * `cis-moderation-decided` once the server has the decision (`item` undefined when another
 * censor had already decided it).
 */
@localized()
@customElement('cis-moderation-item')
export class CisModerationItem extends LitElement {
  static override styles = [
    sharedStyles,
    boardsStyles,
    css`
      article {
        border: 1px solid var(--cis-line);
        border-left: 6px solid #8a6d00;
        border-radius: 8px;
        padding: 0.75rem 1rem 1rem;
        background: var(--cis-paper);
      }
      .where {
        margin: 0;
        font-size: 0.95rem;
        color: var(--cis-muted);
      }
      h3 {
        margin: 0.2rem 0 0;
        font-size: 1.15rem;
      }
      .body {
        padding: 0.5rem 0.75rem;
        background: #f6f4ef;
        border-radius: 4px;
      }
      .decide {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-top: 0.75rem;
      }
      .field {
        display: grid;
        gap: 0.2rem;
        flex: 1 1 16rem;
      }
      .hint {
        margin: 0;
        font-size: 0.9rem;
        color: var(--cis-muted);
      }
      button.reject {
        border-color: var(--cis-danger);
        background: var(--cis-danger);
      }
      input[aria-invalid='true'] {
        border-color: var(--cis-danger);
      }
      .error {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** The queued post. */
  @property({ attribute: false }) item: ModerationItem | undefined;

  @state() private reason = '';
  @state() private busy: 'approve' | 'reject' | undefined;
  @state() private error = '';
  @state() private invalid = false;

  @query('#reason') private reasonField: HTMLInputElement | undefined;

  private async decide(decision: 'approve' | 'reject'): Promise<void> {
    const item = this.item;
    if (!item || this.busy) return;
    this.error = '';
    this.invalid = false;
    const reason = this.reason.trim();
    if (decision === 'reject' && !reason) {
      this.error = msg('Give a reason to reject this post. Its author will read it.');
      this.invalid = true;
      this.reasonField?.focus();
      return;
    }
    this.busy = decision;
    try {
      const decided = await moderationApi.decide(item.id, decision === 'reject' ? { decision, reason } : { decision });
      this.decided(decided);
    } catch (error) {
      if (error instanceof ApiFailure && (error.status === 409 || error.status === 404)) {
        this.decided(undefined);
        return;
      }
      this.error =
        error instanceof ApiFailure && error.status === 400
          ? errorText(error, msg('The decision could not be sent. Try again in a moment.'))
          : msg('The decision could not be sent. Try again in a moment.');
    } finally {
      this.busy = undefined;
    }
  }

  private decided(item: ModerationItem | undefined): void {
    const id = this.item?.id ?? '';
    emit(this, 'cis-moderation-decided', { id, item });
  }

  override render(): TemplateResult | typeof nothing {
    const item = this.item;
    if (!item) return nothing;
    const opening = item.threadId === item.id;
    return html`
      <article aria-labelledby="item-title">
        <p class="where">
          ${opening ? msg(str`New thread on ${item.boardTitle}`) : msg(str`Reply on ${item.boardTitle}`)}
        </p>
        <h3 id="item-title">${opening ? item.title : msg(str`Re: ${item.threadTitle}`)}</h3>
        <p class="meta">
          <span class="author"
            >${item.authorName}${item.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing}</span
          >, ${roleLabel(item.authorRole)} ·
          <time datetime=${item.createdAt}>${formatInstant(item.createdAt)}</time>
        </p>
        <p class="body">${item.body}</p>
        <div class="decide">
          <button
            type="button"
            ?disabled=${!!this.busy}
            aria-describedby="item-title"
            @click=${() => this.decide('approve')}
          >
            ${msg('Approve')}
          </button>
          <div class="field">
            <label for="reason">${msg('Reason')}</label>
            <input
              id="reason"
              autocomplete="off"
              maxlength=${LIMITS.decisionReason}
              aria-describedby="reason-hint reason-error"
              aria-invalid=${this.invalid ? 'true' : 'false'}
              .value=${this.reason}
              @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') void this.decide('reject');
              }}
            />
            <p class="hint" id="reason-hint">${msg('Needed to reject. The author will read it.')}</p>
          </div>
          <button
            type="button"
            class="reject"
            ?disabled=${!!this.busy}
            aria-describedby="item-title"
            @click=${() => this.decide('reject')}
          >
            ${msg('Reject')}
          </button>
        </div>
        <p class="error" id="reason-error" role="alert">${this.error}</p>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-moderation-item': CisModerationItem;
  }
  interface GlobalEventHandlersEventMap {
    /** A queued post was decided (`item` is undefined when someone else had already decided it). */
    'cis-moderation-decided': CustomEvent<{ id: string; item: ModerationItem | undefined }>;
  }
}
