/**
 * How the record's lines are drawn, shared by the record page and the end-of-visit summary:
 * the time, the kind in words and the summary as text (never markup), or a snapshot's text.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { RecordEntry, RecordSnapshot } from '../../../server/protocol/api';
import { formatInstant } from '../ui/format';
import { trailKindLabel } from './kind-labels';
import type { RecordLine } from './record';

/** The styles of the record's lists. */
export const recordListStyles = css`
  ol.record {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ol.record li {
    display: grid;
    grid-template-columns: minmax(0, 10rem) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cis-line);
    border-left: 4px solid #4a5361;
    border-radius: 6px;
    background: var(--cis-paper);
  }
  ol.record li.snapshot {
    border-left-color: #8a6d00;
    background: #fffbea;
  }
  ol.record time {
    color: var(--cis-muted);
    font-variant-numeric: tabular-nums;
  }
  ol.record .kind {
    font-weight: 700;
  }
  ol.record .summary {
    grid-column: 2;
    overflow-wrap: anywhere;
    font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
  }
  @media (max-width: 30rem) {
    ol.record li {
      grid-template-columns: minmax(0, 1fr);
    }
    ol.record .summary {
      grid-column: 1;
    }
  }
`;

/** One entry: its time, its kind in words, its summary as text. */
export function entryItem(entry: RecordEntry): TemplateResult {
  return html`<li class="entry">
    <time datetime=${entry.at}>${formatInstant(entry.at)}</time>
    <span class="kind">${trailKindLabel(entry.kind)}</span>
    ${entry.summary ? html`<span class="summary">${entry.summary}</span>` : nothing}
  </li>`;
}

/** One snapshot: its time and what the screen showed. */
export function snapshotItem(snapshot: RecordSnapshot): TemplateResult {
  return html`<li class="snapshot">
    <time datetime=${snapshot.at}>${formatInstant(snapshot.at)}</time>
    <span class="kind">${msg('Screen snapshot')}</span>
    <span class="summary">${snapshot.text}</span>
  </li>`;
}

/** Entries and snapshots mixed, as the summary lists the latest. */
export function lineItem(line: RecordLine): TemplateResult {
  return line.type === 'entry' ? entryItem(line.entry) : snapshotItem(line.snapshot);
}
