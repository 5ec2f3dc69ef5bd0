import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg } from '@lit/localize';
import type { ChatMessage } from '../../../server/protocol/api';
import { messageTime, type ChatDraft } from './chat';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import '../cast/cis-simulated-badge';

/** How close to the bottom (px) still counts as "reading the newest messages". */
const STICK_TO_BOTTOM = 48;

/**
 * The messages of a room, oldest first, as a list in a scrollable region: author (real
 * name and role, and the "Simulated" badge for the cast's lines), time and text (always as
 * text), then our own messages still being sent
 * or not sent. Keeps the newest in view while the reader is at the bottom, and the reading
 * position when older messages are added above. Fires `cis-chat-older` and `cis-chat-draft`.
 */
@localized()
@customElement('cis-chat-log')
export class CisChatLog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .scroller {
        position: relative;
        max-height: 28rem;
        min-height: 10rem;
        overflow: auto;
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        background: #fbfbfa;
        padding: 0.5rem;
      }
      /* A phone: the log scrolls in what the bar, the room's heading and the composer leave. */
      @media (max-width: 40rem) {
        .scroller {
          max-height: max(8rem, 100dvh - 30rem);
          min-height: 8rem;
        }
      }
      .older {
        display: block;
        margin: 0 auto 0.5rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        padding: 0.4rem 0.6rem;
        border-radius: 8px;
        background: var(--cis-paper);
        border: 1px solid #e3e5e8;
        max-width: 46rem;
      }
      li.mine {
        background: #eef4ff;
        border-color: #c7d7f5;
        margin-left: auto;
      }
      li.simulated {
        border-style: dotted;
        border-color: #8e6bb0;
      }
      li.sending {
        border-style: dashed;
      }
      li.failed {
        background: #fdf0f0;
        border-color: #a61b1b;
      }
      .meta {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.5rem;
        font-size: 0.9rem;
        color: var(--cis-muted);
      }
      .author {
        font-weight: 700;
        color: var(--cis-ink);
      }
      .text {
        margin: 0.15rem 0 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .state {
        font-weight: 600;
      }
      .failed .state {
        color: var(--cis-danger);
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.25rem;
      }
      .empty {
        margin: 1rem;
        text-align: center;
        color: var(--cis-muted);
      }
      time {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Stored messages, oldest first. */
  @property({ attribute: false }) messages: ChatMessage[] = [];

  /** Our messages not stored yet (sending) or refused (failed), in the order typed. */
  @property({ attribute: false }) drafts: ChatDraft[] = [];

  /** The reader's user name, to mark their own messages. */
  @property() username = '';

  /** Whether the room has messages older than the first one shown. */
  @property({ type: Boolean }) hasOlder = false;

  /** Whether older messages are being fetched. */
  @property({ type: Boolean }) loadingOlder = false;

  @query('.scroller') private scroller: HTMLElement | undefined;

  private atBottom = true;
  private heightBefore = 0;
  private prepending = false;

  /** Focus the list region (after the "Load older messages" button went away). */
  focusList(): void {
    this.scroller?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const scroller = this.scroller;
    if (!scroller) return;
    // Our own new message always brings the newest into view.
    const sent = changed.has('drafts') && this.drafts.length > (changed.get('drafts')?.length ?? 0);
    this.atBottom = sent || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= STICK_TO_BOTTOM;
    this.heightBefore = scroller.scrollHeight;
    const before = changed.get('messages');
    const firstBefore = before?.[0];
    this.prepending =
      changed.has('messages') && !!firstBefore && !!this.messages[0] && this.messages[0].seq < firstBefore.seq;
  }

  protected override updated(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    if (this.prepending) scroller.scrollTop += scroller.scrollHeight - this.heightBefore;
    else if (this.atBottom) scroller.scrollTop = scroller.scrollHeight;
  }

  override render(): TemplateResult {
    const empty = this.messages.length === 0 && this.drafts.length === 0;
    return html`
      <div class="scroller" tabindex="0" role="region" aria-label=${msg('Messages')}>
        ${
          this.hasOlder
            ? html`<button
                type="button"
                class="secondary older"
                ?disabled=${this.loadingOlder}
                @click=${() => emit(this, 'cis-chat-older')}
              >
                ${this.loadingOlder ? msg('Loading older messages…') : msg('Load older messages')}
              </button>`
            : nothing
        }
        ${
          empty
            ? html`<p class="empty">${msg('No messages yet.')}</p>`
            : html`<ol>
                ${repeat(
                  this.messages,
                  (m) => m.id,
                  (m) => this.renderMessage(m),
                )}
                ${repeat(
                  this.drafts,
                  (d) => d.clientId,
                  (d) => this.renderDraft(d),
                )}
              </ol>`
        }
      </div>
    `;
  }

  private renderMessage(message: ChatMessage): TemplateResult {
    const mine = message.from === this.username;
    return html`<li class=${mine ? 'mine' : message.simulated ? 'simulated' : ''}>
      <p class="meta">
        <span class="author"
          >${message.fromName}${message.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing}</span
        >
        <span class="role">(${message.fromRole})</span>
        <time datetime=${message.at}>${messageTime(message.at)}</time>
        ${mine && message.substituted ? html`<span class="state">${msg('Corrected by the network')}</span>` : nothing}
      </p>
      <p class="text">${message.text}</p>
    </li>`;
  }

  private renderDraft(draft: ChatDraft): TemplateResult {
    const failed = draft.status === 'failed';
    return html`<li class="mine ${draft.status}">
      <p class="meta">
        <span class="author">${msg('You')}</span>
        <span class="state">${failed ? msg('Not sent') : msg('Sending…')}</span>
        ${failed && draft.error ? html`<span>${draft.error}</span>` : nothing}
      </p>
      <p class="text">${draft.text}</p>
      ${
        failed
          ? html`<div class="actions">
              <button
                type="button"
                class="secondary"
                @click=${() => emit(this, 'cis-chat-draft', { clientId: draft.clientId, action: 'edit' })}
              >
                ${msg('Edit again')}
              </button>
              <button
                type="button"
                class="secondary"
                @click=${() => emit(this, 'cis-chat-draft', { clientId: draft.clientId, action: 'discard' })}
              >
                ${msg('Discard')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-chat-log': CisChatLog;
  }
  interface GlobalEventHandlersEventMap {
    /** The reader asks for older messages. */
    'cis-chat-older': CustomEvent<void>;
    /** The reader edits again or discards a message that was not sent. */
    'cis-chat-draft': CustomEvent<{ clientId: string; action: 'edit' | 'discard' }>;
  }
}
