/** Template pieces of the open network: a post's text with its links out, and a character counter. */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { addressHref, followAddress } from '../ui/address-link';
import { charactersLeft, splitLinks } from './social';

/**
 * User text as text, its addresses as links that open through the browser frame (and so through
 * `POST /api/browse`: an outside one shows the "leaving the sandbox" page, never the site itself).
 * The `href` is this app's own deep link, never the outside address.
 */
export function linkedText(text: string): TemplateResult {
  return html`${splitLinks(text).map((part) =>
    part.kind === 'text'
      ? part.text
      : html`<a
          class="out"
          href=${addressHref(part.address)}
          @click=${(e: MouseEvent) => followAddress(e, part.address)}
          >${part.text}</a
        >`,
  )}`;
}

/** "N characters left" under a text field (not a live region: it would speak at every key). */
export function counter(id: string, text: string, limit: number): TemplateResult {
  const left = charactersLeft(text, limit);
  return html`<p id=${id} class="hint ${left < 0 ? 'over' : ''}">
    ${left >= 0 ? msg(str`${left} characters left`) : msg(str`${-left} characters too many`)}
  </p>`;
}

/** What the like / share / comments row shows and does. */
export interface ReactionsRow {
  liked: boolean;
  likes: number;
  shares: number;
  busy: boolean;
  sharing: boolean;
  commentsOpen: boolean;
  /** The comments button's text ("Comments", "3 comments"). */
  commentsLabel: string;
  onLike: () => void;
  onShare: () => void;
  onComments: () => void;
}

/** "1 like" / "3 likes". */
export function likesText(n: number): string {
  return n === 1 ? msg('1 like') : msg(str`${n} likes`);
}

/** "1 share" / "3 shares". */
export function sharesText(n: number): string {
  return n === 1 ? msg('1 share') : msg(str`${n} shares`);
}

/** The like / share / comments buttons with their counts (a post on the Commons, an article or a thread). */
export function reactions(row: ReactionsRow): TemplateResult {
  return html`<button
      type="button"
      class="secondary like"
      aria-pressed=${row.liked ? 'true' : 'false'}
      ?disabled=${row.busy}
      @click=${row.onLike}
    >
      ${msg('Like')}
    </button>
    <span class="count likes">${likesText(row.likes)}</span>
    <button type="button" class="secondary share" aria-expanded=${row.sharing ? 'true' : 'false'} @click=${row.onShare}>
      ${msg('Share')}
    </button>
    <span class="count shares">${sharesText(row.shares)}</span>
    <button
      type="button"
      class="secondary comments"
      aria-expanded=${row.commentsOpen ? 'true' : 'false'}
      @click=${row.onComments}
    >
      ${row.commentsLabel}
    </button>`;
}
