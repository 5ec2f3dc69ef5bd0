import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ModerationItem } from '../../../../server/protocol/api';
import { roleLabel } from '../../ui/labels';
import { formatInstant } from '../../ui/format';
import { cellLabel, noneMark, scrollingTable } from '../../ui/scrolling-table';
import { sharedStyles } from '../../ui/styles/shared';
import { recordTableStyles } from '../../ui/styles/tables';
import { decider } from '../../cast/cast';
import '../../cast/cis-simulated-badge';

/** How much of a post's text the table shows. */
const EXCERPT = 140;

/**
 * The censors' decisions, newest first: when, approved or rejected, which post, its author,
 * the reason given and the censor who decided (or the simulated bureau, marked so).
 */
@localized()
@customElement('cis-moderation-history')
export class CisModerationHistory extends LitElement {
  static override styles = [
    sharedStyles,
    recordTableStyles,
    css`
      th,
      td {
        border-bottom: 1px solid var(--cis-line);
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
    return scrollingTable({
      label: msg('Decisions'),
      caption: msg('Moderation decisions, newest first'),
      columns: [msg('Time'), msg('Decision'), msg('Post'), msg('Author'), msg('Reason'), msg('Censor')],
      rows: this.decisions.map((item) => this.renderRow(item)),
    });
  }

  /** The censor by name, or the simulated bureau by name with its badge. */
  private renderDecider(item: ModerationItem): TemplateResult {
    const who = decider(item.decidedBy);
    if (!who) return noneMark();
    return html`${who.name}${who.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing}`;
  }

  private renderRow(item: ModerationItem): TemplateResult {
    const opening = item.threadId === item.id;
    const excerpt = item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body;
    return html`
      <tr>
        <td>
          ${cellLabel(msg('Time'))}${item.decidedAt ? html`<time datetime=${item.decidedAt}>${formatInstant(item.decidedAt)}</time>` : nothing}
        </td>
        <td class="decision ${item.status}">
          ${cellLabel(msg('Decision'))}${item.status === 'approved' ? msg('Approved') : msg('Rejected')}
        </td>
        <th scope="row">
          ${cellLabel(msg('Post'))}${opening ? item.title : msg(str`Re: ${item.threadTitle}`)}
          <span class="excerpt">${excerpt}</span>
        </th>
        <td>
          ${cellLabel(msg('Author'))}${item.authorName}${item.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing},
          ${roleLabel(item.authorRole)}
        </td>
        <td>${cellLabel(msg('Reason'))}${item.reason ?? noneMark()}</td>
        <td>${cellLabel(msg('Censor'))}${this.renderDecider(item)}</td>
      </tr>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-moderation-history': CisModerationHistory;
  }
}
