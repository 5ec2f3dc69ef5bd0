/**
 * The sunrise over mountains that closes the state's banners (the login page, the state
 * sites' mastheads): decorative, hidden from assistive technology. The mountains stretch to
 * the box's width; the sun keeps its shape, centred, rising in their middle valley.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { mountains } from './mountains';
import { sunrise } from './sunrise';

/** The scene as an `<svg class="scene">`, filling its box. */
export function sunriseScene(): TemplateResult {
  return html`<svg class="scene" aria-hidden="true">
    <svg viewBox="0 0 120 40" preserveAspectRatio="xMidYMax meet">${sunrise()}</svg>
    <svg viewBox="0 0 120 40" preserveAspectRatio="none">${mountains()}</svg>
  </svg>`;
}
