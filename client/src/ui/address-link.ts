/**
 * Links between intranet pages. Every page opens through the in-page browser (and so
 * through `POST /api/browse`, which records it); a link still has a real `href`, the
 * deep link to the same page, so "open in new tab" and "copy link" work too.
 * Only the site apps use it, so it stays out of the login page's first load.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { encodeAddressParam } from '../app/routes';
import { emit } from '../core/events';

/** The URL of the current screen that opens `address` in its in-page browser. */
export function addressHref(address: string): string {
  return `${location.pathname}?address=${encodeAddressParam(address)}`;
}

/**
 * Click handler for a link to `address`: a plain click asks the browser frame to open it
 * (the `cis-open-address` event); clicks with a modifier key are left to the real browser.
 */
export function followAddress(event: MouseEvent, address: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const origin = event.currentTarget instanceof EventTarget ? event.currentTarget : event.target;
  if (origin) emit(origin, 'cis-open-address', { address });
}

/** A link to `address` that opens it in the browser frame (so the visit is recorded). */
export function addressLink(address: string, label: string): TemplateResult {
  return html`<a href=${addressHref(address)} @click=${(event: MouseEvent) => followAddress(event, address)}
    >${label}</a
  >`;
}
