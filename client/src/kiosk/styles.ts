/** Styles the kiosk's screens share: big type for standing distance, large touch targets, the state palette. */
import { css } from 'lit';

export const kioskStyles = css`
  :host {
    /* The state's colours (ui/styles/global.css). */
    --k-red: var(--state-red);
    --k-red-deep: var(--state-red-deep);
    --k-gold: var(--state-gold);
    --k-blue: var(--state-blue);
    font-size: clamp(1.05rem, 1.6vw, 1.35rem);
  }
  button {
    min-height: 56px;
    min-width: 56px;
    font-size: 1.05em;
  }
  .big {
    font-size: clamp(1.4rem, 3.5vw, 2.2rem);
    padding: 1rem 2rem;
  }
  .ghost {
    background: transparent;
    color: inherit;
    border-color: currentColor;
  }
  .error {
    color: #ffffff;
    background: var(--k-red-deep);
    border: 2px solid var(--k-gold);
    padding: 0.75rem 1rem;
    border-radius: 8px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
