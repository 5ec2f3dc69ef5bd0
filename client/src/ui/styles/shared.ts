/**
 * Styles every element adopts: block display, focus outlines, touch-sized controls, the
 * visually-hidden helper and the palette (all text colours ≥ 4.5:1 on their backgrounds).
 */
import { css } from 'lit';

/** Shared base styles; list first in each element's `static styles`. */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    --cis-ink: #1b1f24;
    --cis-muted: #4a5361;
    --cis-paper: #ffffff;
    --cis-line: #c9ccd1;
    --cis-accent: #1d4ed8;
    --cis-accent-ink: #ffffff;
    --cis-danger: #a61b1b;
    --cis-focus: #1d4ed8;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--cis-focus);
    outline-offset: 2px;
  }

  h1,
  h2,
  h3 {
    line-height: 1.2;
  }

  h1:focus,
  h2:focus {
    outline: none;
  }

  button,
  input,
  select {
    font: inherit;
    min-height: 44px;
  }

  button {
    cursor: pointer;
    border-radius: 6px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--cis-accent);
    background: var(--cis-accent);
    color: var(--cis-accent-ink);
    font-weight: 600;
  }

  button.secondary {
    background: var(--cis-paper);
    color: var(--cis-accent);
  }

  button:disabled {
    cursor: not-allowed;
    border-color: #6b7280;
    background: #e5e7eb;
    color: #374151;
  }

  textarea {
    font: inherit;
    resize: vertical;
  }

  input,
  select,
  textarea {
    border: 2px solid #6b7280;
    border-radius: 6px;
    padding: 0.4rem 0.6rem;
    background: var(--cis-paper);
    color: var(--cis-ink);
    min-width: 0;
  }

  label {
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .error {
    color: var(--cis-danger);
    font-weight: 600;
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
`;
