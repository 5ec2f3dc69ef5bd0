/**
 * The staff screens' page head (desk, moderation, chat monitor, trail, console): the title, the
 * paragraph under it, and the one-line success and error messages. The state's palette, sober:
 * a blue title over a thin red and gold rule (the state sites wear it loud). List after `sharedStyles`.
 */
import { css } from 'lit';

/** Title, lede and message lines of a staff screen. */
export const staffPageStyles = css`
  h1 {
    margin: 0.5rem 0 0.5rem;
    padding-bottom: 0.3rem;
    color: var(--staff-heading, #1e3a8a);
    border-bottom: 2px solid var(--staff-rule, #8f1111);
    box-shadow: 0 2px 0 #f2c94c;
  }
  h2 {
    color: var(--staff-heading, #1e3a8a);
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
