/** Lists drawn as a grid of cards (boards, chat rooms and people). List after `sharedStyles`. */
import { css } from 'lit';

/** Every `ul` of the element is a responsive grid of cards, unbulleted. */
export const cardGridStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
`;
