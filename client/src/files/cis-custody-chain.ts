import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { CustodyMark } from '../../../server/protocol/api';
import { formatClock, formatInstant } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';
import { custodySteps } from './files';

/**
 * A copy's chain of custody as the censor's trace shows it: an ordered list, first holder first,
 * each later line "Min-ji → Jae-ho, 10:42" (the device it came from, the one that marked it, when).
 */
@localized()
@customElement('cis-custody-chain')
export class CisCustodyChain extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h4 {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
        overflow-wrap: anywhere;
      }
      ol {
        margin: 0;
        padding-left: 1.75rem;
        display: grid;
        gap: 0.35rem;
      }
      li {
        overflow-wrap: anywhere;
      }
      .first {
        font-weight: 700;
      }
      time {
        font-variant-numeric: tabular-nums;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The marks, first holder first, as `GET /api/files/:copyId/trace` answers them. */
  @property({ attribute: false }) chain: CustodyMark[] = [];

  /** The traced copy's title, for the heading. */
  @property() heading = '';

  override render(): TemplateResult {
    const steps = custodySteps(this.chain);
    return html`<section aria-labelledby="chain-heading">
      <h4 id="chain-heading" tabindex="-1">
        ${this.heading ? msg(str`Chain of custody: ${this.heading}`) : msg('Chain of custody')}
      </h4>
      ${
        steps.length === 0
          ? html`<p class="empty">${msg('This copy carries no marks.')}</p>`
          : html`<ol>
              ${steps.map(
                (step) =>
                  html`<li class=${step.from === null ? 'first' : ''}>
                    ${step.from === null ? msg(str`${step.to} (first holder)`) : html`${step.from} → ${step.to}`},
                    <time datetime=${step.at} title=${formatInstant(step.at)}>${formatClock(step.at)}</time>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-custody-chain': CisCustodyChain;
  }
}
