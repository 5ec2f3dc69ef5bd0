/**
 * The staff screens' tables: a bordered box around a full-width table whose cells sit
 * top-left. Live logs (trail, chat monitor) scroll inside the screen under a sticky
 * header; record lists (the desk's articles, moderation decisions) scroll sideways when
 * narrow. Under 40rem (a phone) every row becomes a card: the header row is hidden to the eye
 * (screen readers still read the table) and each cell shows its column's name from the
 * `cellLabel()` it starts with. List after `sharedStyles`; each element adds its own columns and
 * row rules.
 */
import { css } from 'lit';

/**
 * Rows as cards on a narrow screen. `.cell-label` (from `cellLabel()`) is hidden on a wide one,
 * where the column heading names the cell. Part of both table styles; an element with a table
 * of its own (not a `scrollingTable`) lists it after `sharedStyles`.
 */
export const tableCardStyles = css`
  .cell-label {
    display: none;
  }
  @media (max-width: 40rem) {
    table,
    tbody,
    tr {
      display: block;
      width: 100%;
    }
    thead,
    thead tr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    tbody tr {
      margin: 0 0 0.6rem;
      padding: 0.35rem 0.25rem;
      border: 1px solid var(--cis-line);
      border-top: 3px solid var(--staff-rule, #8f1111);
      border-radius: 6px;
      background: var(--cis-paper);
    }
    tbody th,
    tbody td {
      display: grid;
      grid-template-columns: minmax(0, 6.5rem) minmax(0, 1fr);
      gap: 0 0.6rem;
      align-items: baseline;
      padding: 0.3rem 0.5rem;
      border: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .cell-label {
      display: block;
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--cis-muted);
    }
    /* A cell's content beyond its first piece stays in the second column. */
    tbody th > :not(.cell-label),
    tbody td > :not(.cell-label) {
      grid-column: 2;
    }
  }
`;

/** The box and the table every kind shares. */
const tableBox = css`
  .scroller {
    border: 1px solid var(--cis-line);
    border-top: 3px solid var(--staff-rule, #8f1111);
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
  }
  thead th {
    color: var(--staff-heading, #1e3a8a);
  }
  @media (max-width: 40rem) {
    .scroller {
      border: 0;
      background: transparent;
    }
  }
`;

/** A live log, newest first: compact rows, a sticky header, times in tabular figures. */
export const logTableStyles = [
  tableBox,
  tableCardStyles,
  css`
    .scroller {
      /* contains the absolutely positioned visually-hidden texts of scrolled-away rows */
      position: relative;
      max-height: 70vh;
      overflow: auto;
    }
    table {
      font-size: 0.95rem;
    }
    th,
    td {
      padding: 0.45rem 0.6rem;
      border-bottom: 1px solid #e3e5e8;
    }
    thead th {
      position: sticky;
      top: 0;
      background: #eceef1;
      z-index: 1;
    }
    time {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
];

/** A list of records; each element rules its rows (above or below). */
export const recordTableStyles = [
  tableBox,
  tableCardStyles,
  css`
    .scroller {
      overflow-x: auto;
    }
    th,
    td {
      padding: 0.5rem 0.75rem;
    }
    thead th {
      background: #eef0f3;
    }
  `,
];
