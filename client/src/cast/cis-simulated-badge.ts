import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';

/**
 * The small "Simulated" mark beside the name of a member of the simulated cast, so a scripted
 * person is never taken for a real one. Screen readers hear "(simulated person)" after the name;
 * the `simulated-cast` placard says why.
 */
@localized()
@customElement('cis-simulated-badge')
export class CisSimulatedBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: baseline;
    }
    .badge {
      display: inline-block;
      margin-left: 0.3rem;
      padding: 0 0.4rem;
      border: 1px solid #5b2a86;
      border-radius: 999px;
      background: #f3ecfa;
      color: #3f1c5e;
      font-size: 0.8rem;
      font-weight: 700;
      line-height: 1.5;
      letter-spacing: 0.02em;
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  override render(): TemplateResult {
    return html`<span class="badge"
      ><span aria-hidden="true">${msg('Simulated')}</span
      ><span class="visually-hidden">${msg('(simulated person)')}</span></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-simulated-badge': CisSimulatedBadge;
  }
}
