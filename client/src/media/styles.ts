/**
 * The grand state-media look (news agency, newspaper, broadcast schedule): red and gold,
 * serif headlines, stars and ribbons. Deliberately over-decorated, unlike the app's own
 * chrome, yet every text colour stays ≥ 4.5:1 on its background (most ≥ 7:1).
 * List after `sharedStyles` in the media elements' `static styles`.
 */
import { css } from 'lit';

/** Palette and shared pieces of the state-media elements. */
export const mediaStyles = css`
  :host {
    --media-red: #8f1111;
    --media-red-deep: #6e0b0b;
    --media-red-ink: #7a0e0e;
    --media-gold: #f2c94c;
    --media-gold-light: #ffe08a;
    --media-cream: #fff8e7;
    --media-cream-deep: #fbe7b0;
    --media-ink: #2a1605;
    --media-brown: #5c3a00;
    --media-blue: #1e3a8a;
    --media-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', serif;
    --cis-focus: #1e3a8a;
    color: var(--media-ink);
  }
  /* Korean in the serif: the machine's Korean serif if it has one, else the Korean font served here. */
  :host(:lang(ko)),
  :lang(ko) {
    --media-serif: Georgia, 'Times New Roman', 'Noto Serif', 'Noto Serif KR', 'Noto Sans KR', serif;
  }

  a {
    color: var(--media-red-ink);
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 3px;
  }

  a:hover {
    text-decoration-thickness: 3px;
  }

  h2,
  h3,
  h4 {
    font-family: var(--media-serif);
  }

  /* A gold-and-red ribbon under headings. */
  .rule {
    height: 8px;
    margin: 0.4rem 0 1rem;
    background: linear-gradient(to bottom, var(--media-gold) 0 3px, transparent 3px 5px, var(--media-red) 5px 8px);
  }

  .kicker {
    margin: 0 0 0.35rem;
    font-size: 0.9rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--media-red-ink);
  }

  .kicker time {
    color: var(--media-brown);
    font-weight: 600;
  }

  .simulation-label {
    display: inline-block;
    margin: 0 0 1rem;
    padding: 0.2rem 0.6rem;
    border: 2px dashed var(--media-blue);
    border-radius: 4px;
    background: #ffffff;
    color: var(--media-blue);
    font-size: 0.9rem;
    font-weight: 700;
  }

  .panel {
    background: var(--media-cream);
    border: 2px solid var(--media-gold);
    border-top: 6px solid var(--media-red);
    border-radius: 4px;
    padding: 1rem 1.25rem;
  }

  .status {
    color: var(--media-brown);
    font-style: italic;
  }

  /* A band heading over a group of articles or programmes. */
  h3.band {
    margin: 1.5rem 0 0;
    font-size: 1.5rem;
    color: var(--media-red-ink);
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }

  .star {
    color: var(--media-red);
  }
`;

/** A media site's page: full-bleed inside the browser frame's padded viewport, on newsprint. */
export const mediaPageStyles = css`
  :host {
    margin: -1.25rem;
    background: #fffdf5;
  }
  .page {
    padding: 1.25rem;
  }
`;
