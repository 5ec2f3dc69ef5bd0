/**
 * The flag of the fictional Republic, invented for the project (no real country's flag):
 * a blue band at the hoist edged in gold, and a gold star in a burst of rays on red.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { rayPath, starPoints } from './star';

/** The flag as an image named `label` (its `<title>`, e.g. "Flag of the Republic, a fictional state"). */
export function flag(label: string): TemplateResult {
  return html`<svg class="flag" viewBox="0 0 60 40" role="img">
    <title>${label}</title>
    <path d="M0 0H60V40H0Z" fill="#b3141b" />
    <path d="M0 0H14V40H0Z" fill="#1e3a8a" />
    <path d="M14 0H16V40H14Z" fill="#f2c94c" />
    <path d=${rayPath(38, 20, 17, 16)} fill="#f2c94c" opacity=".45" />
    <polygon points=${starPoints(38, 20, 9)} fill="#ffe08a" />
  </svg>`;
}
