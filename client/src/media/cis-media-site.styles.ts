/** Styles of `cis-media-site`: the page around the front page, section pages and article pages. */
import { css } from 'lit';

/** The layout of a state-media site's pages (after `mediaPageStyles`). */
export const mediaSiteStyles = css`
  .announce:empty {
    display: none;
  }
  .announce {
    margin: 0 0 1rem;
    padding: 0.6rem 1rem;
    background: var(--media-gold-light);
    border: 2px solid var(--media-red);
    border-radius: 4px;
    color: var(--media-red-ink);
    font-weight: 700;
  }
  .section-title {
    margin: 0.5rem 0 0;
    font-size: clamp(1.8rem, 4vw, 2.6rem);
    color: var(--media-red-ink);
  }
  .pager {
    margin: 1.25rem 0 0;
  }
  .pager ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    justify-content: space-between;
  }
  .pager a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 1rem;
    border: 2px solid var(--media-red);
    border-radius: 4px;
    background: var(--media-cream);
    font-weight: 700;
  }
  .about {
    margin: 2rem 0 0;
    padding: 1rem 0 0;
    border-top: 2px solid var(--media-gold);
    font-size: 0.95rem;
    color: var(--media-brown);
  }
  .about p {
    margin: 0 0 0.5rem;
    max-width: 50rem;
  }
  .notice h3 {
    margin: 0.5rem 0;
    color: var(--media-red-ink);
  }
  .related {
    margin-top: 2rem;
  }
  cis-placard {
    margin-top: 1rem;
  }
`;
