/**
 * The look of the message boards: plain lists of real names and text under a state banner.
 * No avatars, counters of followers or likes, by design. Every text colour is ≥ 4.5:1.
 * List after `sharedStyles` in the board elements' `static styles`.
 */
import { css } from 'lit';

/** Shared pieces of the board elements. */
export const boardsStyles = css`
  :host {
    --boards-red: #8b1414;
    --boards-gold: #c9a227;
    --boards-line: #d8cfb8;
    --boards-cream: #fffdf6;
  }

  a {
    color: #1d4ed8;
    text-underline-offset: 3px;
  }

  .meta {
    margin: 0.15rem 0 0;
    color: var(--cis-muted);
    font-size: 0.95rem;
  }

  .meta .author {
    color: var(--cis-ink);
    font-weight: 600;
  }

  /* "Awaiting approval" / "Rejected": text first, colour only as a second cue. */
  .badge {
    display: inline-block;
    margin: 0.35rem 0 0;
    padding: 0.1rem 0.5rem;
    border: 2px solid #8a6d00;
    border-radius: 4px;
    background: #fff4c2;
    color: #4d3b00;
    font-size: 0.9rem;
    font-weight: 700;
  }

  .badge.rejected {
    border-color: var(--cis-danger);
    background: #fdecec;
    color: #7f1414;
  }

  .reason {
    margin: 0.35rem 0 0;
    color: #7f1414;
  }

  .decided {
    margin: 0.35rem 0 0;
    color: var(--cis-muted);
    font-size: 0.95rem;
  }

  .body {
    margin: 0.5rem 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 46rem;
  }

  article.post {
    border: 1px solid var(--boards-line);
    border-left: 6px solid var(--boards-gold);
    border-radius: 6px;
    padding: 0.75rem 1rem;
    background: var(--boards-cream);
  }

  article.post.fresh {
    background: #fff8db;
  }

  article.post.pending {
    border-left-color: #8a6d00;
  }

  article.post.rejected {
    border-left-color: var(--cis-danger);
  }
`;
