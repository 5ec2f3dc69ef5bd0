/**
 * The staff screens' page head (desk, moderation, chat monitor, trail): the title, the
 * paragraph under it, and the one-line success and error messages. List after `sharedStyles`.
 */
import { css } from 'lit';

/** Title, lede and message lines of a staff screen. */
export const staffPageStyles = css`
  h1 {
    margin: 0.5rem 0 0.25rem;
  }
  .lede {
    margin: 0 0 1rem;
    color: var(--cis-muted);
    max-width: 50rem;
  }
  .message {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  .message:empty {
    display: none;
  }
  .success {
    color: #14532d;
  }
`;
