/**
 * A monument invented for the project: an obelisk on a stepped plinth, crowned with a gold
 * star, between two red banners. No real building or person; decorative (hidden from assistive technology).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { starPoints } from './star';

/** The monument, 60 × 80, as an `<svg class="monument">`. */
export function monument(): TemplateResult {
  return html`<svg class="monument" viewBox="0 0 60 80" aria-hidden="true">
    <path d="M8 30V66L14 62V34Z M52 30V66L46 62V34Z" fill="#b3141b" />
    <path d="M27 16H33L36 66H24Z" fill="#e9dcc0" stroke="#8a6d2b" stroke-width=".6" />
    <path d="M30 16H33L36 66H30Z" fill="#cdbb94" />
    <polygon points=${starPoints(30, 10, 7)} fill="#f2c94c" stroke="#8a6d2b" stroke-width=".5" />
    <path d="M16 66H44V70H16Z M10 70H50V74H10Z M4 74H56V80H4Z" fill="#8a6d2b" />
  </svg>`;
}
