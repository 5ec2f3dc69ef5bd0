/** A sun rising in a burst of gold rays: decorative, to draw inside a 120 × 40 `<svg>` (see scene.ts). */
import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import { rayPath } from './star';

/** The sunrise, its centre near the bottom edge of a 120 × 40 drawing. */
export function sunrise(): SVGTemplateResult {
  return svg`<path d=${rayPath(60, 38, 90, 18, Math.PI, Math.PI)} fill="#f2c94c" opacity=".35"/><circle cx="60" cy="38" r="13" fill="#ffd24a"/>`;
}
