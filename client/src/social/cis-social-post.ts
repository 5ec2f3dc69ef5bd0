import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { SocialPost, SocialQuote, TrendingPost } from '../../../server/protocol/api';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { emit } from '../core/events';
import { actionFailureText } from '../core/requests';
import { addressHref, addressLink, followAddress } from '../ui/address-link';
import { formatInstant } from '../ui/format';
import { roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { charactersLeft, formatScore, socialAddress } from './social';
import { counter, linkedText, reactions } from './templates';
import './cis-social-comments';

/** An article or thread quoted in a post, as a link that opens it in the browser frame. */
export function quoteTemplate(quote: SocialQuote): TemplateResult {
  return html`<p class="quote">
    ${quote.kind === 'article' ? msg('Article:') : msg('Thread:')} ${addressLink(quote.address, quote.title)}
  </p>`;
}

/**
 * One post of the Commons: its author (a link to their profile), time and text (addresses in it
 * as links out), the original inside a share, the quoted article or thread, and Like, Share (with
 * an optional comment) and Comments. Likes and shares go to the server here; the answer is fired
 * as `cis-social-liked` / `cis-social-posted` for the page to merge into its lists.
 */
@localized()
@customElement('cis-social-post')
export class CisSocialPost extends LitElement {
  static override styles = [sharedStyles, socialStyles];

  /** The post (a trending entry carries its score). */
  @property({ attribute: false }) post: SocialPost | TrendingPost | undefined;

  /** The Commons' address, for links to profiles. */
  @property() siteAddress = '';

  /** Arrived live: highlighted. */
  @property({ type: Boolean }) fresh = false;

  @state() private sharing = false;
  @state() private shareText = '';
  @state() private commentsOpen = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private success = '';

  private profile(id: string, name: string): TemplateResult {
    const address = socialAddress(this.siteAddress, { kind: 'profile', id });
    return html`<a class="author" href=${addressHref(address)} @click=${(e: MouseEvent) => followAddress(e, address)}
      >${name}</a
    >`;
  }

  private async toggleLike(post: SocialPost): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const { likes, liked } = await socialApi.like({ kind: 'post', id: post.id }, !post.liked);
      emit(this, 'cis-social-liked', { id: post.id, likes, liked });
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

  private async share(event: SubmitEvent, post: SocialPost): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.error = '';
    if (charactersLeft(this.shareText, LIMITS.socialText) < 0) {
      this.error = msg(str`A post may have up to ${LIMITS.socialText} characters.`);
      return;
    }
    this.busy = true;
    try {
      const answer = await socialApi.post({ text: this.shareText, parentId: post.id });
      this.shareText = '';
      this.sharing = false;
      this.success = msg('Shared.');
      emit(this, 'cis-social-posted', { post: answer.post });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button.share')?.focus();
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const post = this.post;
    if (!post) return nothing;
    const label = post.parentId ? msg(str`${post.authorName} shared a post`) : msg(str`Post by ${post.authorName}`);
    return html`
      <article class="social-post ${this.fresh ? 'fresh' : ''}" aria-label=${label}>
        ${post.parentId ? html`<p class="shared-note">${msg('Shared')}</p>` : nothing}
        <p class="meta">
          ${this.profile(post.authorId, post.authorName)}${post.authorRole ? html`, ${roleLabel(post.authorRole)}` : nothing}
          · <time datetime=${post.createdAt}>${formatInstant(post.createdAt)}</time>
        </p>
        ${post.text ? html`<p class="text">${linkedText(post.text)}</p>` : nothing}
        ${post.quote ? quoteTemplate(post.quote) : nothing} ${this.renderOriginal(post)}
        ${'score' in post ? html`<p class="hint">${msg(str`Score now: ${formatScore(post.score)}`)}</p>` : nothing}
        <div class="actions">
          ${reactions({
            liked: post.liked,
            likes: post.likes,
            shares: post.shares,
            busy: this.busy,
            sharing: this.sharing,
            commentsOpen: this.commentsOpen,
            commentsLabel: msg('Comments'),
            onLike: () => void this.toggleLike(post),
            onShare: () => void this.openShare(),
            onComments: () => (this.commentsOpen = !this.commentsOpen),
          })}
        </div>
        ${this.sharing ? this.renderShareForm(post) : nothing}
        <p class="message error" role="alert">${this.error}</p>
        <p class="message success" role="status">${this.success}</p>
        ${
          this.commentsOpen
            ? html`<cis-social-comments .target=${{ kind: 'post' as const, id: post.id }}></cis-social-comments>`
            : nothing
        }
      </article>
    `;
  }

  private renderOriginal(post: SocialPost): TemplateResult | typeof nothing {
    const root = post.root;
    if (!post.parentId || !root) return nothing;
    return html`<div class="original" role="group" aria-label=${msg(str`Original post by ${root.authorName}`)}>
      <p class="meta">
        ${this.profile(root.authorId, root.authorName)} ·
        <time datetime=${root.createdAt}>${formatInstant(root.createdAt)}</time>
      </p>
      ${root.text ? html`<p class="text">${linkedText(root.text)}</p>` : nothing}
      ${root.quote ? quoteTemplate(root.quote) : nothing}
    </div>`;
  }

  private renderShareForm(post: SocialPost): TemplateResult {
    const field = `share-${post.id}`;
    return html`<form class="inline share" @submit=${(e: SubmitEvent) => this.share(e, post)} novalidate>
      <label for=${field}>${msg('Add a comment to your share (optional)')}</label>
      <textarea
        id=${field}
        maxlength=${LIMITS.socialText}
        aria-describedby=${`${field}-hint`}
        .value=${this.shareText}
        @input=${(e: Event) => (this.shareText = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${counter(`${field}-hint`, this.shareText, LIMITS.socialText)}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Share now')}</button>
        <button type="button" class="secondary" @click=${() => (this.sharing = false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-post': CisSocialPost;
  }
  interface GlobalEventHandlersEventMap {
    /** A post or share was accepted by the server (it is published at once). */
    'cis-social-posted': CustomEvent<{ post: SocialPost }>;
    /** The reader liked or unliked a post: the server's count. */
    'cis-social-liked': CustomEvent<{ id: string; likes: number; liked: boolean }>;
  }
}
