/**
 * The head of an intranet site inside the browser frame (plain sites and the boards): the
 * state banner, the site's title and its address. List after `sharedStyles`.
 */
import { css } from 'lit';

/** Banner, title and address line; the foreigners' network (`network="foreign"`) is plainer. */
export const siteHeadStyles = css`
  .banner {
    height: 14px;
    margin: -1.25rem -1.25rem 1.25rem;
    background: linear-gradient(
      to bottom,
      #1e3a8a 0 3px,
      #ffffff 3px 4px,
      #b91c1c 4px 10px,
      #ffffff 10px 11px,
      #1e3a8a 11px
    );
  }
  :host([network='foreign']) .banner {
    background: #3d5a5b;
    height: 6px;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.6rem;
    color: #8b1414;
  }
  :host([network='foreign']) h2 {
    color: #23393a;
    font-family: Georgia, 'Times New Roman', serif;
  }
  .address {
    margin: 0 0 1rem;
    color: var(--cis-muted);
    font-size: 0.95rem;
  }
  code {
    font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
    overflow-wrap: anywhere;
  }
`;
