import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { PolicyMatrix, Role } from '../../../server/protocol/api';
import { capabilityLabel, roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';

/**
 * "Who may see what": the server's policy table as two grids, capabilities × roles
 * and sites × roles (capabilities named by `capabilityLabel`, not by the server). Roles are the columns so that the tables stay narrow enough
 * to sit beside the live trail; every mark has a spoken "yes" or "no".
 */
@localized()
@customElement('cis-policy-matrix')
export class CisPolicyMatrix extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      h3 {
        margin: 1.25rem 0 0.5rem;
        font-size: 1.1rem;
      }
      .scroller {
        position: relative;
        overflow-x: auto;
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        background: var(--cis-paper);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.95rem;
      }
      caption {
        text-align: left;
        padding: 0.5rem 0.6rem;
        color: var(--cis-muted);
      }
      th,
      td {
        padding: 0.35rem 0.4rem;
        border-top: 1px solid #e3e5e8;
      }
      thead th {
        background: #eceef1;
        font-size: 0.8rem;
        text-align: center;
      }
      thead th:first-child {
        text-align: left;
      }
      th[scope='row'] {
        text-align: left;
        font-weight: 600;
        min-width: 9rem;
      }
      td {
        text-align: center;
        font-size: 1.1rem;
      }
      td.yes {
        background: #e3f4e7;
        color: #14532d;
        font-weight: 700;
      }
      td.no {
        color: #4a5361;
      }
      .address {
        display: block;
        font-weight: 400;
        font-size: 0.85rem;
        color: var(--cis-muted);
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
      }
    `,
  ];

  /** The matrix from `GET /api/policy/matrix`. */
  @property({ attribute: false }) matrix: PolicyMatrix | undefined;

  override render(): TemplateResult {
    const matrix = this.matrix;
    if (!matrix) return html``;
    return html`
      <h3 id="caps-heading">${msg('What each role may do')}</h3>
      <div class="scroller" tabindex="0" role="region" aria-labelledby="caps-heading">
        <table>
          <caption>
            ${msg('Capabilities (rows) held by each role (columns).')}
          </caption>
          ${this.renderHead(matrix.roles, msg('Capability'))}
          <tbody>
            ${matrix.capabilities.map(
              (capability) =>
                html`<tr>
                  <th scope="row">${capabilityLabel(capability)}</th>
                  ${matrix.roles.map((role) => this.renderMark((matrix.grants[role] ?? []).includes(capability)))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3 id="sites-heading">${msg('Which sites each role may open')}</h3>
      <div class="scroller" tabindex="0" role="region" aria-labelledby="sites-heading">
        <table>
          <caption>
            ${msg('Sites (rows) each role (columns) may open.')}
          </caption>
          ${this.renderHead(matrix.roles, msg('Site'))}
          <tbody>
            ${matrix.sites.map(
              (site) =>
                html`<tr>
                  <th scope="row">${site.title}<span class="address">${site.address}</span></th>
                  ${matrix.roles.map((role) => this.renderMark(site.roles.includes(role)))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderHead(roles: Role[], corner: string): TemplateResult {
    return html`<thead>
      <tr>
        <th scope="col">${corner}</th>
        ${roles.map((role) => html`<th scope="col">${roleLabel(role)}</th>`)}
      </tr>
    </thead>`;
  }

  private renderMark(yes: boolean): TemplateResult {
    return yes
      ? html`<td class="yes"><span aria-hidden="true">✓</span><span class="visually-hidden">${msg('yes')}</span></td>`
      : html`<td class="no"><span aria-hidden="true">—</span><span class="visually-hidden">${msg('no')}</span></td>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-policy-matrix': CisPolicyMatrix;
  }
}
