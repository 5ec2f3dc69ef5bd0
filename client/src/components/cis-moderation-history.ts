import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ModerationItem } from '../../../server/protocol/api';
import { roleLabel } from '../boards';
import { formatInstant } from '../media';
import { sharedStyles } from '../styles/shared';

/** How much of a post's text the table shows. */
const EXCERPT = 140;

/**
 * The censors' decisions, newest first: when, approved or rejected, which post, its author,
 * the reason given and the censor who decided.
 */
@localized()
@customElement('cis-moderation-history')
export class CisModerationHistory extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .scroller {
        overflow-x: auto;
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        background: var(--cis-paper);
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--cis-line);
      }
      thead th {
        background: #eef0f3;
      }
      .excerpt {
        display: block;
        font-weight: 400;
        color: var(--cis-muted);
        overflow-wrap: anywhere;
      }
      .decision {
        font-weight: 700;
      }
      .decision.rejected {
        color: var(--cis-danger);
      }
      .decision.approved {
        color: #14532d;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** Decided posts, newest decision first. */
  @property({ attribute: false }) decisions: ModerationItem[] = [];

  override render(): TemplateResult {
    if (this.decisions.length === 0) return html`<p class="empty">${msg('No decisions yet.')}</p>`;
    return html`
      <div class="scroller" tabindex="0" role="region" aria-label=${msg('Decisions')}>
        <table>
          <caption class="visually-hidden">
            ${msg('Moderation decisions, newest first')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Time')}</th>
              <th scope="col">${msg('Decision')}</th>
              <th scope="col">${msg('Post')}</th>
              <th scope="col">${msg('Author')}</th>
              <th scope="col">${msg('Reason')}</th>
              <th scope="col">${msg('Censor')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.decisions.map((item) => this.renderRow(item))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(item: ModerationItem): TemplateResult {
    const opening = item.threadId === item.id;
    const excerpt = item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body;
    return html`
      <tr>
        <td>
          ${item.decidedAt ? html`<time datetime=${item.decidedAt}>${formatInstant(item.decidedAt)}</time>` : nothing}
        </td>
        <td class="decision ${item.status}">${item.status === 'approved' ? msg('Approved') : msg('Rejected')}</td>
        <th scope="row">
          ${opening ? item.title : msg(str`Re: ${item.threadTitle}`)}
          <span class="excerpt">${excerpt}</span>
        </th>
        <td>${item.authorName}, ${roleLabel(item.authorRole)}</td>
        <td>
          ${item.reason ?? html`<span aria-hidden="true">—</span><span class="visually-hidden">${msg('none')}</span>`}
        </td>
        <td>${item.decidedBy ?? ''}</td>
      </tr>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-moderation-history': CisModerationHistory;
  }
}
