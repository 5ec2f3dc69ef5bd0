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
