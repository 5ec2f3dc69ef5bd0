/**
 * Links between intranet pages. Every page opens through the in-page browser (and so
 * through `POST /api/browse`, which records it); a link still has a real `href`, the
 * deep link to the same page, so "open in new tab" and "copy link" work too.
 */

/** `address` as the value of the `address` query parameter (slashes kept: legal there, and readable). */
export function encodeAddressParam(address: string): string {
  return encodeURIComponent(address).replace(/%2F/g, '/');
}

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
  origin?.dispatchEvent(new CustomEvent('cis-open-address', { detail: { address }, bubbles: true, composed: true }));
}
