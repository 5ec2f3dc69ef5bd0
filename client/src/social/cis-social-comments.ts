import { LitElement, css, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { SocialComment, SocialTarget } from '../../../server/protocol/api';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { actionFailureText } from '../core/requests';
import { formatInstant } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { charactersLeft } from './social';
import { counter, linkedText } from './templates';
import { readDraft, writeDraft } from '../core/drafts';

/** Counter ids must be unique in the page: each comments block gets its own. */
let nextId = 0;

/**
 * The comments under an article, a thread or a post (open mode only): oldest first, new ones
 * arriving live (`social:comment`), and a form to add one. The draft stays while comments arrive.
 */
@localized()
@customElement('cis-social-comments')
export class CisSocialComments extends LitElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      ol {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border-left: 4px solid var(--social-line);
        padding: 0.25rem 0.75rem;
      }
      .empty {
        color: var(--cis-muted);
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** What the comments are under. */
  @property({ attribute: false }) target: SocialTarget | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private comments: SocialComment[] = [];
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private draft = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private success = '';

  private readonly uid = `comments-${++nextId}`;
  private loadSeq = 0;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'social:comment': (comment) => this.onComment(comment) },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('target');
    if (changed.has('target') && (before?.kind !== this.target?.kind || before?.id !== this.target?.id)) {
      this.draft = this.draftKey ? readDraft(this.draftKey) : '';
      void this.load();
    }
  }

  private isMine(target: SocialTarget): boolean {
    return target.kind === this.target?.kind && target.id === this.target.id;
  }

  private onComment(comment: SocialComment): void {
    if (!this.isMine(comment.target)) return;
    this.add(comment);
  }

  private add(comment: SocialComment): void {
    if (this.comments.some((known) => known.id === comment.id)) return;
    this.comments = [...this.comments, comment];
  }

  private async load(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const seq = ++this.loadSeq;
    this.phase = 'loading';
    try {
      const { comments } = await socialApi.comments(target);
      if (seq !== this.loadSeq) return;
      // Keep any that arrived live while the list was on its way.
      const known = new Set(comments.map((comment) => comment.id));
      this.comments = [...comments, ...this.comments.filter((comment) => !known.has(comment.id))];
      this.phase = 'ready';
    } catch {
      if (seq === this.loadSeq) this.phase = 'failed';
    }
  }

  /** Where the comment being written is kept (`core/drafts.ts`): under what it comments on. */
  private get draftKey(): string {
    return this.target ? `comment:${this.target.kind}:${this.target.id}` : '';
  }

  private setDraft(text: string): void {
    this.draft = text;
    if (this.draftKey) writeDraft(this.draftKey, text);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const target = this.target;
    if (!target || this.busy) return;
    this.error = '';
    this.success = '';
    if (!this.draft.trim()) {
      this.error = msg('Write a comment.');
      return;
    }
    if (charactersLeft(this.draft, LIMITS.commentText) < 0) {
      this.error = msg(str`A comment may have up to ${LIMITS.commentText} characters.`);
      return;
    }
    this.busy = true;
    try {
      const answer = await socialApi.comment({ target, text: this.draft });
      this.add(answer.comment);
      this.setDraft('');
      this.success = msg('Your comment is published.');
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`${this.renderList()} ${this.renderForm()}`;
  }

  private renderList(): TemplateResult {
    if (this.phase === 'loading' && this.comments.length === 0) {
      return html`<p class="empty" role="status">${msg('Loading comments…')}</p>`;
    }
    if (this.phase === 'failed') {
      return html`<p class="message error" role="alert">
        ${msg('The comments could not be loaded.')}
        <button type="button" class="secondary" @click=${() => void this.load()}>${msg('Try again')}</button>
      </p>`;
    }
    if (this.comments.length === 0) return html`<p class="empty">${msg('No comments yet.')}</p>`;
    return html`<ol aria-label=${msg('Comments')}>
      ${this.comments.map(
        (comment) =>
          html`<li>
            <p class="meta">
              <span class="author">${comment.authorName}</span> ·
              <time datetime=${comment.createdAt}>${formatInstant(comment.createdAt)}</time>
            </p>
            <p class="text">${linkedText(comment.text)}</p>
          </li>`,
      )}
    </ol>`;
  }

  private renderForm(): TemplateResult {
    const field = `${this.uid}-text`;
    const hint = `${this.uid}-hint`;
    return html`<form class="inline" @submit=${this.submit} novalidate aria-label=${msg('Add a comment')}>
      <label for=${field}>${msg('Your comment')}</label>
      <textarea
        id=${field}
        maxlength=${LIMITS.commentText}
        aria-describedby=${hint}
        .value=${this.draft}
        @input=${(e: Event) => this.setDraft((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${counter(hint, this.draft, LIMITS.commentText)}
      <p class="message error" role="alert">${this.error}</p>
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Post comment')}</button>
        <p class="message success" role="status">${this.success}</p>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-comments': CisSocialComments;
  }
}
