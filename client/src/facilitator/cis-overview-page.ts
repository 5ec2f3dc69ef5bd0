import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { PolicyMatrix } from '../../../server/protocol/api';
import { facilitatorApi } from './api';
import { sharedStyles } from '../ui/styles/shared';
import './cis-policy-matrix';
import '../trail/cis-trail-view';

/**
 * The facilitator's overview: who may see what (from the server's policy table)
 * beside the live surveillance trail.
 */
@localized()
@customElement('cis-overview-page')
export class CisOverviewPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h1 {
        margin: 0.5rem 0 1rem;
      }
      .columns {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 80rem) {
        .columns {
          grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
          align-items: start;
        }
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.35rem;
      }
      .mode {
        margin: 0;
        color: var(--cis-muted);
      }
      .status {
        color: var(--cis-muted);
      }
    `,
  ];

  @state() private matrix: PolicyMatrix | undefined;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.matrix = await facilitatorApi.policyMatrix();
    } catch {
      this.error = msg('The policy matrix could not be loaded. Reload the page to try again.');
    }
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Facilitator overview')}</h1>
      <div class="columns">
        <section aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">${msg('Who may see what')}</h2>
          ${this.renderMatrix()}
        </section>
        <section aria-labelledby="trail-heading">
          <h2 id="trail-heading">${msg('Live surveillance trail')}</h2>
          <cis-trail-view></cis-trail-view>
        </section>
      </div>
    `;
  }

  private renderMatrix(): TemplateResult {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.matrix) return html`<p class="status">${msg('Loading…')}</p>`;
    const mode = this.matrix.mode;
    return html`
      <p class="mode">${msg(str`Mode of this session: ${mode}.`)}</p>
      <cis-policy-matrix .matrix=${this.matrix}></cis-policy-matrix>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-overview-page': CisOverviewPage;
  }
}
