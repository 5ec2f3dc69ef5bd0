/**
 * The e-library's look: the state banner and heading (`siteHeadStyles`), cream-and-gold search
 * and request panels, and catalogue tables that scroll in their own region. Every text colour
 * is ≥ 4.5:1 on its background. List after `sharedStyles` and `siteHeadStyles`.
 */
import { css } from 'lit';

/** Panels, outcome lines and tables of the library site. */
export const libraryStyles = css`
  :host {
    --library-gold: #c9a227;
    --library-cream: #fff8e7;
    --library-red: #8f1111;
    --library-red-ink: #7a0e0e;
    --library-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', serif;
  }
  /* Korean in the serif: the machine's Korean serif if it has one, else the Korean font served here. */
  :host(:lang(ko)),
  :lang(ko) {
    --library-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', 'Noto Sans KR', serif;
  }
  .intro,
  .hint {
    margin: 0 0 0.75rem;
    max-width: 46rem;
  }
  h3 {
    margin: 1.5rem 0 0.5rem;
    font-size: 1.3rem;
    font-family: var(--library-serif);
    color: var(--library-red-ink);
  }
  .panel {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 1rem;
    max-width: 46rem;
    background: var(--library-cream);
    border: 2px solid var(--library-gold);
    border-radius: 8px;
  }
  .panel label {
    flex: 1 0 100%;
    font-weight: 600;
  }
  .panel input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .panel button {
    background: var(--library-red);
    border-color: var(--library-red);
  }
  .outcome,
  .confirmation {
    margin: 0.75rem 0 0.5rem;
    font-weight: 600;
  }
  .outcome:empty,
  .confirmation:empty {
    display: none;
  }
  .confirmation {
    color: #14532d;
  }
  .error {
    color: var(--cis-danger);
    font-weight: 600;
  }
  details {
    max-width: 100%;
  }
  summary {
    display: list-item;
    min-height: 44px;
    padding: 0.6rem 0;
    cursor: pointer;
    font-weight: 600;
    color: var(--library-red-ink);
  }
  .scroller {
    max-width: 100%;
    overflow-x: auto;
    margin: 0.5rem 0 1rem;
    border: 1px solid var(--library-gold);
    border-radius: 8px;
    background: #ffffff;
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
  }
  caption {
    text-align: left;
    padding: 0.5rem 0.75rem;
    font-weight: 700;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 0.75rem;
    border-top: 1px solid #e8dcb5;
  }
  thead th {
    background: #fbe7b0;
    color: #2a1605;
  }
  tbody th {
    font-weight: 600;
  }
  code {
    white-space: nowrap;
  }
`;
