import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Board } from '../../../server/protocol/api';
import { addressLink } from '../ui/address-link';
import { cardGridStyles } from '../ui/styles/lists';
import { sharedStyles } from '../ui/styles/shared';
import { boardsStyles } from './cis-boards.styles';

/** The boards a reader may open: title (a link to the board), description and thread count. */
@localized()
@customElement('cis-board-cards')
export class CisBoardCards extends LitElement {
  static override styles = [
    sharedStyles,
    cardGridStyles,
    boardsStyles,
    css`
      li {
        border: 1px solid var(--boards-line);
        border-top: 4px solid var(--boards-gold);
        border-radius: 8px;
        padding: 0.75rem;
        background: var(--boards-cream);
      }
      h4 {
        margin: 0;
        font-size: 1.15rem;
      }
      h4 a {
        display: inline-block;
        padding: 0.5rem 0;
      }
      p {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** The boards, in the pack's order. */
  @property({ attribute: false }) boards: Board[] = [];

  /** The address of the boards site, to link each board (`<address>/board/<id>`). */
  @property() siteAddress = '';

  override render(): TemplateResult {
    if (this.boards.length === 0) return html`<p>${msg('No boards are open to you.')}</p>`;
    return html`
      <ul aria-label=${msg('Boards')}>
        ${this.boards.map((board) => {
          const address = `${this.siteAddress}/board/${board.id}`;
          return html`<li>
            <h4>${addressLink(address, board.title)}</h4>
            <p>${board.description}</p>
            <p class="meta">${board.threadCount === 1 ? msg('1 thread') : msg(str`${board.threadCount} threads`)}</p>
          </li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-board-cards': CisBoardCards;
  }
}
