/**
 * The staff screens' tables: a bordered box around a full-width table whose cells sit
 * top-left. Live logs (trail, chat monitor) scroll inside the screen under a sticky
 * header; record lists (the desk's articles, moderation decisions) scroll sideways when
 * narrow. List after `sharedStyles`; each element adds its own columns and row rules.
 */
import { css } from 'lit';

/** The box and the table every kind shares. */
const tableBox = css`
  .scroller {
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
  }
`;

/** A live log, newest first: compact rows, a sticky header, times in tabular figures. */
export const logTableStyles = [
  tableBox,
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
