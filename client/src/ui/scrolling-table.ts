/**
 * The markup of the staff screens' scrolling tables (styled by `styles/tables.ts`): a
 * keyboard-reachable region around a table with a caption for screen readers, and the label
 * each cell repeats for the cards a narrow screen shows.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** What a `scrollingTable` shows. */
export interface ScrollingTableContent {
  /** The name of the scrolling region. */
  label: string;
  /** The table's caption, read by screen readers only. */
  caption: string;
  /** The column headings, left to right. */
  columns: readonly string[];
  /** The body's rows (`<tr>` templates, or a `repeat()` of them). */
  rows: unknown;
}

/** A table in a region that scrolls and can be reached with the keyboard. */
export function scrollingTable({ label, caption, columns, rows }: ScrollingTableContent): TemplateResult {
  return html`
    <div class="scroller" tabindex="0" role="region" aria-label=${label}>
      <table>
        <caption class="visually-hidden">
          ${caption}
        </caption>
        <thead>
          <tr>
            ${columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  `;
}

/**
 * A cell's column name, shown only when the table reflows into cards on a narrow screen (see
 * `tableCardStyles`). Hidden from screen readers, which read the column heading instead.
 * Put it first in every cell of a staff table.
 */
export function cellLabel(column: string): TemplateResult {
  return html`<span class="cell-label" aria-hidden="true">${column}</span>`;
}

/** What an empty cell shows: a dash to the eye, "none" to a screen reader. */
export function noneMark(): TemplateResult {
  return html`<span aria-hidden="true">—</span><span class="visually-hidden">${msg('none')}</span>`;
}
