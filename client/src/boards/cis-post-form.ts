import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Post } from '../../../server/protocol/api';
import { boardsApi } from './api';
import { describePostFailure } from './boards';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';
import { emit } from '../core/events';
import { readDraft, writeDraft } from '../core/drafts';
import { LIMITS } from '../../../server/protocol/vocabulary';

/**
 * The compose form of the boards: a new thread (Title and Message) on a board, or a reply
 * (Message) in a thread. In closed mode every post goes to the censors' queue (in open mode it
 * is published at once); after a successful submit the
 * form empties, says so politely and fires `cis-post-submitted`. On failure (the keyword
 * filter, too many posts, bad input) it says why in an alert and keeps the text. The
 * keyword-filter placard sits under it.
 */
@localized()
@customElement('cis-post-form')
export class CisPostForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 46rem;
      }
      h4 {
        margin: 0;
        font-size: 1.15rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
      textarea {
        min-height: 8rem;
      }
      .hint {
        margin: 0;
        font-size: 0.95rem;
        color: var(--cis-muted);
      }
      .actions {
        display: flex;
        gap: 0.75rem;
        align-items: center;
      }
      .message {
        margin: 0;
        font-weight: 600;
      }
      .success {
        color: #14532d;
      }
      /* Live regions stay in the page (so that they are announced), invisible while empty. */
      .error:not(:empty) {
        color: var(--cis-ink);
        border-left: 6px solid var(--cis-danger);
        padding: 0.4rem 0.75rem;
        background: #fdf2f2;
      }
      cis-placard {
        margin-top: 1rem;
      }
    `,
  ];

  /** A new thread on board `target`, or a reply in thread `target`. */
  @property() kind: 'thread' | 'reply' = 'thread';

  /** The board id (for a thread) or thread id (for a reply). */
  @property() target = '';

  /** The round runs in open mode: posts publish at once, with no keyword filter. */
  @property({ type: Boolean }) open = false;

  @state() private draftTitle = '';
  @state() private draftBody = '';
  @state() private busy = false;
  @state() private success = '';
  @state() private error = '';

  @query('#post-title') private titleField: HTMLInputElement | undefined;
  @query('#post-body') private bodyField: HTMLTextAreaElement | undefined;

  /** Where the draft is kept (`core/drafts.ts`): this form's board or thread. */
  private get draftKey(): string {
    return `post:${this.kind}:${this.target}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('kind') || changed.has('target')) && this.target) {
      this.draftTitle = readDraft(`${this.draftKey}:title`);
      this.draftBody = readDraft(`${this.draftKey}:body`);
    }
  }

  private setDraft(title: string, body: string): void {
    this.draftTitle = title;
    this.draftBody = body;
    writeDraft(`${this.draftKey}:title`, title);
    writeDraft(`${this.draftKey}:body`, body);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.success = '';
    this.error = '';
    const thread = this.kind === 'thread';
    if (thread && !this.draftTitle.trim()) {
      this.error = msg('Write a title.');
      this.titleField?.focus();
      return;
    }
    if (!this.draftBody.trim()) {
      this.error = msg('Write a message.');
      this.bodyField?.focus();
      return;
    }
    this.busy = true;
    try {
      const post: Post = thread
        ? await boardsApi.startThread(this.target, { title: this.draftTitle, body: this.draftBody })
        : await boardsApi.reply(this.target, { body: this.draftBody });
      this.setDraft('', '');
      this.success =
        post.status === 'approved' ? msg('Your post is published.') : msg('Your post is awaiting approval.');
      emit(this, 'cis-post-submitted', { post });
    } catch (error) {
      this.error = describePostFailure(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const thread = this.kind === 'thread';
    return html`
      <form @submit=${this.submit} aria-labelledby="form-title" novalidate>
        <h4 id="form-title">${thread ? msg('New thread') : msg('Reply')}</h4>
        <p class="hint">
          ${
            this.open
              ? msg('You post under your real name. On the open network it is published at once.')
              : msg('You post under your real name. A censor reads every post before anyone else can see it.')
          }
        </p>
        ${
          thread
            ? html`<div class="field">
                <label for="post-title">${msg('Title')}</label>
                <input
                  id="post-title"
                  name="title"
                  autocomplete="off"
                  maxlength=${LIMITS.postTitle}
                  .value=${this.draftTitle}
                  @input=${(e: Event) => this.setDraft((e.target as HTMLInputElement).value, this.draftBody)}
                />
              </div>`
            : nothing
        }
        <div class="field">
          <label for="post-body">${msg('Message')}</label>
          <textarea
            id="post-body"
            name="body"
            maxlength=${LIMITS.postBody}
            aria-describedby="body-hint"
            .value=${this.draftBody}
            @input=${(e: Event) => this.setDraft(this.draftTitle, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint" id="body-hint">${msg('Plain text, up to 4,000 characters.')}</p>
        </div>
        <p class="message error" role="alert">${this.error}</p>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${thread ? msg('Post thread') : msg('Post reply')}</button>
          <p class="message success" role="status">${this.success}</p>
        </div>
      </form>
      ${this.open ? nothing : html`<cis-placard placard-id="keyword-filter"></cis-placard>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-post-form': CisPostForm;
  }
  interface GlobalEventHandlersEventMap {
    /** A post was accepted by the server and now waits for a censor. */
    'cis-post-submitted': CustomEvent<{ post: Post }>;
  }
}
