/**
 * The flag of the simulation's fictional state, made for the project: a gold star with rays on red
 * between blue bands. Not the flag of any real country.
 */
import { svg, type SVGTemplateResult } from 'lit';

/** The flag, decorative (`aria-hidden`): the text beside it says what it is. */
export function fictionalFlag(): SVGTemplateResult {
  return svg`<svg viewBox="0 0 300 200" aria-hidden="true" focusable="false">
    <rect width="300" height="200" fill="#13306b" />
    <rect y="28" width="300" height="144" fill="#f2c14e" />
    <rect y="34" width="300" height="132" fill="#a4161a" />
    <g fill="#f2c14e" transform="translate(150 100)">
      ${[0, 30, 60, 90, 120, 150].map((a) => svg`<rect x="-2" y="-62" width="4" height="124" transform="rotate(${a})" opacity="0.35" />`)}
      <polygon points="0,-38 9,-12 36,-12 14,4 22,31 0,15 -22,31 -14,4 -36,-12 -9,-12" />
    </g>
  </svg>`;
}
