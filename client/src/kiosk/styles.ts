/** Styles the kiosk's screens share: big type for standing distance, large touch targets, the state palette. */
import { css } from 'lit';

export const kioskStyles = css`
  :host {
    --k-red: #a4161a;
    --k-red-deep: #6e0d10;
    --k-gold: #f2c14e;
    --k-gold-deep: #8a6d00;
    --k-blue: #13306b;
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
