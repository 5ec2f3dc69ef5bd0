import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ChatMonitorEntry } from '../../../../server/protocol/api';
import { messageTime, monitorRoomLabel } from '../chat';
import { cellLabel, scrollingTable } from '../../ui/scrolling-table';
import { roleLabel } from '../../ui/labels';
import { sharedStyles } from '../../ui/styles/shared';
import { logTableStyles } from '../../ui/styles/tables';
import '../../cast/cis-simulated-badge';

/**
 * The censor's view of every chat message, newest first, delivered or not: room,
 * sender, time, the text as typed, and what the network did with it (filtered with the
 * term, or rewritten). Presentational: the monitor page feeds it.
 */
@localized()
@customElement('cis-monitor-feed')
export class CisMonitorFeed extends LitElement {
  static override styles = [
    sharedStyles,
    logTableStyles,
    css`
      td.text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        min-width: 10rem;
      }
      .outcome {
        display: inline-block;
        padding: 0.05rem 0.4rem;
        border-radius: 4px;
        font-weight: 600;
      }
      .outcome.delivered {
        background: #e3f1e6;
        color: #14532d;
      }
      .outcome.blocked {
        background: #fde2e2;
        color: #7f1212;
      }
      .outcome.rewritten {
        background: #fdecc8;
        color: #5c3d00;
      }
      tr.blocked {
        background: #fff5f5;
      }
      tr.fresh {
        outline: 2px solid #c9a227;
        outline-offset: -2px;
      }
      .role {
        color: var(--cis-muted);
      }
      .empty {
        padding: 1.5rem 1rem;
        text-align: center;
        color: var(--cis-muted);
        border: 1px dashed var(--cis-line);
        border-radius: 8px;
      }
    `,
  ];

  /** Monitor entries, newest first. */
  @property({ attribute: false }) entries: ChatMonitorEntry[] = [];

  /** Room id → title. */
  @property({ attribute: false }) roomTitles: ReadonlyMap<string, string> = new Map();

  /** User name → real name. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();

  /** Ids of entries that arrived live since the page was loaded (highlighted). */
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  override render(): TemplateResult {
    if (this.entries.length === 0) return html`<p class="empty">${msg('No chat messages yet.')}</p>`;
    return scrollingTable({
      label: msg('Monitored messages'),
      caption: msg('Every chat message, newest first'),
      columns: [msg('Time'), msg('Room'), msg('Sender'), msg('Message'), msg('Outcome')],
      rows: repeat(
        this.entries,
        (entry) => entry.id,
        (entry) => this.renderRow(entry),
      ),
    });
  }

  private renderRow(entry: ChatMonitorEntry): TemplateResult {
    const classes = [entry.delivered ? '' : 'blocked', this.fresh.has(entry.id) ? 'fresh' : ''].join(' ').trim();
    return html`<tr class=${classes}>
      <td>${cellLabel(msg('Time'))}<time datetime=${entry.at}>${messageTime(entry.at)}</time></td>
      <td>${cellLabel(msg('Room'))}${monitorRoomLabel(entry.roomId, this.roomTitles, this.names)}</td>
      <td>
        ${cellLabel(msg('Sender'))}${entry.fromName ?? this.names.get(entry.from) ?? entry.from}${
          entry.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing
        }
        <span class="role">(${roleLabel(entry.fromRole)})</span>
      </td>
      <td class="text">${cellLabel(msg('Message'))}${entry.text}</td>
      <td>${cellLabel(msg('Outcome'))}${this.renderOutcome(entry)}</td>
    </tr>`;
  }

  private renderOutcome(entry: ChatMonitorEntry): TemplateResult {
    if (!entry.delivered) {
      return html`<span class="outcome blocked"
        >${entry.term ? msg(str`Not delivered — filtered: ${entry.term}`) : msg('Not delivered')}</span
      >`;
    }
    const rewritten = entry.substitutions ?? [];
    return html`<span class="outcome ${rewritten.length ? 'rewritten' : 'delivered'}"
      >${rewritten.length ? nothing : msg('Delivered')}${
        rewritten.length ? msg(str`Rewritten: ${rewritten.map((s) => `${s.from} → ${s.to}`).join(', ')}`) : nothing
      }</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-monitor-feed': CisMonitorFeed;
  }
}
