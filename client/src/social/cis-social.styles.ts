/**
 * The look of the open network: a plain, bright social site (no state banner), and the
 * like / share / comment controls that appear on boards and state media in open mode.
 * Every text colour is ≥ 4.5:1 on its background. List after `sharedStyles`.
 */
import { css } from 'lit';

/** Posts, action rows, counters and inline forms. */
export const socialStyles = css`
  :host {
    --social-accent: #0f5f8a;
    --social-line: #c4d3dc;
    --social-paper: #f7fbfd;
  }
  a {
    color: #1d4ed8;
    text-underline-offset: 3px;
  }
  .meta {
    margin: 0;
    color: var(--cis-muted);
    font-size: 0.95rem;
  }
  .meta .author,
  .meta a.author {
    font-weight: 700;
  }
  .text {
    margin: 0.4rem 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .text a.out::after {
    content: ' ↗';
  }
  article.social-post {
    border: 1px solid var(--social-line);
    border-left: 6px solid var(--social-accent);
    border-radius: 8px;
    padding: 0.75rem 1rem;
    background: var(--social-paper);
    min-width: 0;
  }
  article.social-post.fresh {
    background: #eaf5fb;
  }
  .shared-note {
    margin: 0 0 0.25rem;
    font-size: 0.9rem;
    font-weight: 600;
    color: #0b4a6b;
  }
  .original,
  .quote {
    margin: 0.6rem 0 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--social-line);
    border-radius: 6px;
    background: #ffffff;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.6rem;
  }
  .actions button {
    padding: 0.4rem 0.8rem;
  }
  .actions button[aria-pressed='true'] {
    background: #0b4a6b;
    border-color: #0b4a6b;
    color: #ffffff;
  }
  .count {
    font-variant-numeric: tabular-nums;
    color: var(--cis-ink);
    margin-right: 0.5rem;
  }
  form.inline {
    display: grid;
    gap: 0.5rem;
    margin-top: 0.6rem;
    max-width: 40rem;
  }
  form.inline textarea {
    min-height: 4rem;
    width: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .hint {
    margin: 0;
    font-size: 0.95rem;
    color: var(--cis-muted);
  }
  .hint.over {
    color: var(--cis-danger);
    font-weight: 600;
  }
  .message {
    margin: 0;
    font-weight: 600;
  }
  .message.error:not(:empty) {
    color: var(--cis-ink);
    border-left: 6px solid var(--cis-danger);
    padding: 0.3rem 0.6rem;
    background: #fdf2f2;
  }
  .message.success {
    color: #14532d;
  }
  ol.posts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
`;
