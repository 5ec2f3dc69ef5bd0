import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Network } from '../../../server/protocol/api';
import { sharedStyles } from '../ui/styles/shared';
import './cis-browser-frame';

/**
 * The network screen: the national intranet (grand, red, gold and blue) or the
 * separate foreigners' network (plain, hotel-like), each browsed in the frame.
 */
@localized()
@customElement('cis-network-page')
export class CisNetworkPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .masthead {
        border-radius: 10px;
        padding: 1.25rem 1.5rem;
        margin-bottom: 1rem;
      }
      h1 {
        margin: 0;
        font-size: clamp(1.5rem, 4vw, 2.2rem);
      }
      .masthead p {
        margin: 0.4rem 0 0;
      }
      :host([network='domestic']) .masthead {
        background: #a11919;
        color: #ffffff;
        border-top: 10px solid #1e3a8a;
        border-bottom: 10px solid #1e3a8a;
        box-shadow:
          inset 0 -4px 0 #f2c94c,
          inset 0 4px 0 #f2c94c;
        text-align: center;
      }
      :host([network='domestic']) h1 {
        color: #ffe08a;
        letter-spacing: 0.02em;
        text-shadow: 0 1px 0 #5a0c0c;
      }
      :host([network='domestic']) .star {
        color: #ffe08a;
        font-size: 1.4rem;
      }
      :host([network='foreign']) .masthead {
        background: #eef1ef;
        color: #23393a;
        border: 1px solid #b7c2bf;
        border-left: 8px solid #3d5a5b;
      }
      :host([network='foreign']) h1 {
        font-family: Georgia, 'Times New Roman', serif;
        font-weight: 400;
      }
      /* A phone: the network's name in one line; the first screen belongs to the site. */
      @media (max-width: 40rem) {
        .masthead {
          padding: 0.4rem 0.75rem;
          margin-bottom: 0.5rem;
        }
        :host([network='domestic']) .masthead {
          border-top-width: 5px;
          border-bottom-width: 5px;
        }
        h1 {
          font-size: 1.05rem;
        }
        .masthead p,
        .star {
          display: none;
        }
      }
    `,
  ];

  /** Which network this screen shows. */
  @property({ reflect: true }) network: Network = 'domestic';

  /** An address to open first instead of the home site (a deep link); read once, when the frame starts. */
  @property({ attribute: false }) startAddress = '';

  override render(): TemplateResult {
    const domestic = this.network === 'domestic';
    return html`
      <div class="masthead">
        ${domestic ? html`<div class="star" aria-hidden="true">★</div>` : ''}
        <h1 tabindex="-1">
          ${domestic ? msg('Kwangmyong — national intranet (simulated)') : msg("Foreigners' network")}
        </h1>
        <p>
          ${
            domestic
              ? msg('The bright national network: every site you may visit is in the directory.')
              : msg('Guest services for visitors. Local sites and local people are not on this network.')
          }
        </p>
      </div>
      <cis-browser-frame network=${this.network} .startAddress=${this.startAddress}></cis-browser-frame>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-network-page': CisNetworkPage;
  }
}
