/** Styles the device panel and the censor's inspection share: copies as cards, their facts, the student field. */
import { css } from 'lit';

/** A list of copies as cards, each with its facts and actions. List after `sharedStyles`. */
export const copyListStyles = css`
  ul.copies {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  ul.copies > li {
    border: 1px solid var(--cis-line);
    border-radius: 8px;
    padding: 0.75rem;
    background: var(--cis-paper);
  }
  .copy-title {
    margin: 0 0 0.25rem;
    font-size: 1.1rem;
    overflow-wrap: anywhere;
  }
  ul.facts {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--cis-muted);
  }
  ul.facts .unsigned {
    color: var(--cis-danger);
    font-weight: 600;
  }
  ul.facts .signed {
    color: #14532d;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 0.75rem;
    max-width: 24rem;
  }
  .hint {
    margin: 0;
    font-size: 0.9rem;
    color: var(--cis-muted);
  }
  .empty {
    color: var(--cis-muted);
  }
`;
