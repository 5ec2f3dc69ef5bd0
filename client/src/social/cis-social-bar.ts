import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { SocialCounts } from '../../../server/protocol/api';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { actionFailureText } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { charactersLeft } from './social';
import { counter, reactions } from './templates';
import './cis-social-comments';

/**
 * The open network's controls under a state-media article or a board thread, shown only in open
 * mode (its parent renders it only when the server sent `social`): Like, Share to the Commons as
 * a quote (with an optional comment) and the comments. Counts follow `social:counts` live.
 */
@localized()
@customElement('cis-social-bar')
export class CisSocialBar extends LitElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      :host {
        margin: 1rem 0;
        padding: 0.75rem 1rem;
        border: 1px solid var(--social-line);
        border-radius: 8px;
        background: var(--social-paper);
        max-width: 46rem;
      }
      h4 {
        margin: 0;
        font-size: 1.05rem;
      }
    `,
  ];

  /** What the controls are about. */
  @property() kind: 'article' | 'thread' = 'article';

  /** The article's or thread's id. */
  @property() targetId = '';

  /** Its title, for the controls' names. */
  @property() targetTitle = '';

  /** The counts the server sent with the article or thread. */
  @property({ attribute: false }) counts: SocialCounts | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private current: SocialCounts = { likes: 0, liked: false, shares: 0, comments: 0 };
  @state() private sharing = false;
  @state() private shareText = '';
  @state() private commentsOpen = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private success = '';

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'social:counts': ({ target, likes, shares, comments }) => {
        if (target.kind !== this.kind || target.id !== this.targetId) return;
        this.current = { ...this.current, likes, shares, comments };
      },
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('counts') && this.counts) this.current = { ...this.counts };
  }

  private get target() {
    return { kind: this.kind, id: this.targetId };
  }

  private async toggleLike(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const { likes, liked } = await socialApi.like(this.target, !this.current.liked);
      this.current = { ...this.current, likes, liked };
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  private async openShare(): Promise<void> {
    this.sharing = !this.sharing;
    this.success = '';
    if (!this.sharing) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('form.share textarea')?.focus();
  }

  private async share(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.error = '';
    if (charactersLeft(this.shareText, LIMITS.socialText) < 0) {
      this.error = msg(str`A post may have up to ${LIMITS.socialText} characters.`);
      return;
    }
    this.busy = true;
    try {
      await socialApi.post({ text: this.shareText, quote: this.target });
      this.shareText = '';
      this.sharing = false;
      this.success = msg('Shared to the Commons.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button.share')?.focus();
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const c = this.current;
    const what = this.kind === 'article' ? msg('this article') : msg('this thread');
    return html`
      <h4>${msg('On the open network')}</h4>
      <div class="actions" role="group" aria-label=${msg(str`Reactions to ${what}`)}>
        ${reactions({
          liked: c.liked,
          likes: c.likes,
          shares: c.shares,
          busy: this.busy,
          sharing: this.sharing,
          commentsOpen: this.commentsOpen,
          commentsLabel: c.comments === 1 ? msg('1 comment') : msg(str`${c.comments} comments`),
          onLike: () => void this.toggleLike(),
          onShare: () => void this.openShare(),
          onComments: () => (this.commentsOpen = !this.commentsOpen),
        })}
      </div>
      ${this.sharing ? this.renderShareForm() : nothing}
      <p class="message error" role="alert">${this.error}</p>
      <p class="message success" role="status">${this.success}</p>
      ${this.commentsOpen ? html`<cis-social-comments .target=${this.target}></cis-social-comments>` : nothing}
    `;
  }

  private renderShareForm(): TemplateResult {
    return html`<form class="inline share" @submit=${this.share} novalidate>
      <label for="share-text">${msg('Add a comment to your share (optional)')}</label>
      <textarea
        id="share-text"
        maxlength=${LIMITS.socialText}
        aria-describedby="share-hint"
        .value=${this.shareText}
        @input=${(e: Event) => (this.shareText = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${counter('share-hint', this.shareText, LIMITS.socialText)}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Share to the Commons')}</button>
        <button type="button" class="secondary" @click=${() => (this.sharing = false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-bar': CisSocialBar;
  }
}
