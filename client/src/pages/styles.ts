/**
 * The look of the content sites' pages. State sites (`.state`) wear the grand dress of the
 * state media (serif headings, red and gold); the foreigners' hotel (`.guest`) is plain and
 * quiet. Every text colour is ≥ 4.5:1 on its background. List after `sharedStyles`.
 */
import { css } from 'lit';

/** Index, page, blocks and tables of a content site. */
export const pagesStyles = css`
  :host {
    --pages-red: #8f1111;
    --pages-red-ink: #7a0e0e;
    --pages-gold: #c9a227;
    --pages-cream: #fff8e7;
    --pages-brown: #5c3a00;
    --pages-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', serif;
    --pages-line: #c9ccd1;
    --pages-head: #eef0f3;
  }
  /* Korean in the serif: the machine's Korean serif if it has one, else the Korean font served here. */
  :host(:lang(ko)),
  :lang(ko) {
    --pages-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', 'Noto Sans KR', serif;
  }
  .state {
    --pages-line: #c9a227;
    --pages-head: #fbe7b0;
  }
  .state h3,
  .state h4 {
    font-family: var(--pages-serif);
    color: var(--pages-red-ink);
  }
  .guest h3,
  .guest h4 {
    font-family: Georgia, 'Times New Roman', serif;
    color: #23393a;
  }
  h3 {
    margin: 1.5rem 0 0.5rem;
    font-size: 1.3rem;
  }
  h3.page-title {
    margin-top: 0.5rem;
    font-size: 1.5rem;
  }
  h4 {
    margin: 1.25rem 0 0.4rem;
    font-size: 1.1rem;
  }
  p,
  ul,
  ol {
    max-width: 46rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .state .ribbon {
    height: 8px;
    max-width: 46rem;
    margin: 0.25rem 0 1rem;
    background: linear-gradient(to bottom, #f2c94c 0 3px, transparent 3px 5px, var(--pages-red) 5px 8px);
  }
  .guest .ribbon {
    height: 1px;
    max-width: 46rem;
    margin: 0.25rem 0 1rem;
    background: #3d5a5b;
  }
  ul.index {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  .index li {
    border-bottom: 1px solid var(--pages-line);
    padding: 0.25rem 0 0.5rem;
  }
  .index a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
    font-size: 1.1rem;
  }
  .index p {
    margin: 0;
  }
  .state a {
    color: var(--pages-red-ink);
  }
  .guest a {
    color: #1d4ed8;
  }
  .back a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .kicker {
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
  }
  .state .kicker {
    color: var(--pages-red-ink);
  }
  .byline {
    color: #4a5361;
    font-style: italic;
  }
  dl.copy {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    max-width: 46rem;
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 2px dashed var(--pages-brown);
    border-radius: 6px;
    background: var(--pages-cream);
    color: #2a1605;
  }
  dl.copy dt {
    font-weight: 700;
  }
  dl.copy dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .removed .mark {
    display: inline-block;
    padding: 0.2rem 0.6rem;
    border: 2px solid #1b1f24;
    background: #1b1f24;
    color: #ffffff;
    font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  .notice-block {
    padding: 0.6rem 0.9rem;
    border-left: 4px solid var(--pages-gold);
    background: #f6f7f9;
  }
  .state .notice-block {
    background: var(--pages-cream);
    color: #2a1605;
  }
  .scroller {
    max-width: 100%;
    overflow-x: auto;
    margin: 0 0 1rem;
    border: 1px solid var(--pages-line);
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
    border-top: 1px solid var(--pages-line);
  }
  thead th {
    background: var(--pages-head);
    color: #1b1f24;
  }
  tbody th {
    white-space: nowrap;
  }
`;
