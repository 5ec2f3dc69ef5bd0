/** A range of mountains in the state's blues: decorative, to draw inside a 120 × 40 `<svg>` (see scene.ts). */
import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';

/** Two ridges along the bottom of a 120 × 40 drawing, the far one lighter, with a valley in the middle for the sun. */
export function mountains(): SVGTemplateResult {
  return svg`<path d="M0 40V28L12 20L24 27L36 16L48 30L60 36L72 30L84 17L98 26L110 19L120 24V40Z" fill="#2c4fa3"/><path d="M0 40V34L16 27L32 35L46 33L60 40L74 33L90 27L106 34L120 30V40Z" fill="#1e3a8a"/>`;
}
