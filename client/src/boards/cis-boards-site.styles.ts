/** Styles of `cis-boards-site`: the list of boards and the board and thread pages, under the site head. */
import { css } from 'lit';

/** The layout of the boards site's pages (after `siteHeadStyles`). */
export const boardsSiteStyles = css`
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1.4rem;
  }
  h4 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1.15rem;
  }
  .address {
    margin: 0 0 0.75rem;
  }
  .crumbs ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
  }
  .crumbs li + li::before {
    content: '›';
    margin-right: 0.5rem;
    color: var(--cis-muted);
  }
  .crumbs a {
    display: inline-block;
    padding: 0.6rem 0;
  }
  .crumbs li[aria-current='page'] {
    padding: 0.6rem 0;
    font-weight: 600;
  }
  .announce {
    margin: 0;
  }
  .announce:not(:empty) {
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--boards-gold);
    border-radius: 6px;
    background: #fff8db;
    font-weight: 600;
  }
  .intro p,
  .lede {
    margin: 0 0 0.75rem;
    max-width: 46rem;
  }
  .compose {
    margin: 1rem 0 1.5rem;
    padding: 1rem;
    border: 1px solid var(--boards-line);
    border-radius: 8px;
    background: #fbfaf5;
  }
  .note {
    margin: 1rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 6px solid var(--cis-muted);
    background: #f3f4f6;
    max-width: 46rem;
  }
  .replies {
    margin-top: 1rem;
  }
  .status {
    color: var(--cis-muted);
  }
  .notice h3 {
    color: var(--cis-danger);
  }
  .site-placard {
    margin-top: 2rem;
  }
`;
