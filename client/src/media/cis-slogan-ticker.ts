import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';

/**
 * The band of slogans under a state-media masthead, scrolling right to left without end.
 * Moving content that lasts more than 5 seconds must be pausable (WCAG 2.2.2): a Pause /
 * Play button stops it, as do hovering over it and focusing in it; with
 * `prefers-reduced-motion: reduce` it does not move at all and the slogans wrap in place.
 * Screen readers read the list once (the copy that closes the loop is hidden from them).
 */
@localized()
@customElement('cis-slogan-ticker')
export class CisSloganTicker extends LitElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        background: var(--media-gold-light);
        border-bottom: 3px solid var(--media-red);
        color: var(--media-red-ink);
      }
      .window {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        container-type: inline-size;
      }
      .track {
        display: flex;
        width: max-content;
        animation: cis-ticker var(--ticker-duration, 28s) linear infinite;
      }
      .window:hover .track,
      :host(:focus-within) .track,
      .track.paused {
        animation-play-state: paused;
      }
      @keyframes cis-ticker {
        from {
          transform: translateX(0);
        }
        to {
          transform: translateX(-50%);
        }
      }
      ul {
        list-style: none;
        margin: 0;
        /* Each copy at least as wide as the window, so the loop never shows a gap. */
        min-width: 100cqi;
        padding: 0.5rem 0;
        display: flex;
        justify-content: space-around;
        gap: 2.5rem;
        padding-inline-end: 2.5rem;
        font-family: var(--media-serif);
        font-weight: 700;
        white-space: nowrap;
      }
      button {
        flex: none;
        margin: 0 0.25rem;
        min-width: 44px;
        padding: 0.25rem 0.75rem;
        background: var(--media-red-deep);
        border-color: var(--media-red-deep);
        color: #ffffff;
      }
      @media (prefers-reduced-motion: reduce) {
        .track {
          animation: none;
          width: auto;
        }
        ul {
          min-width: 0;
          flex-wrap: wrap;
          justify-content: center;
          gap: 0.25rem 1.25rem;
          padding: 0.5rem 1rem;
          white-space: normal;
          text-align: center;
        }
        .copy,
        button {
          display: none;
        }
      }
    `,
  ];

  /** The slogans, in order. */
  @property({ attribute: false }) slogans: readonly string[] = [];

  /** Whether the reader stopped the band with the Pause button. */
  @state() private paused = false;

  override render(): TemplateResult {
    const items = this.slogans.map((slogan) => html`<li><span class="star" aria-hidden="true">★</span> ${slogan}</li>`);
    return html`
      <div class="window">
        <div class="track ${this.paused ? 'paused' : ''}">
          <ul aria-label=${msg('Slogans')}>
            ${items}
          </ul>
          <ul class="copy" aria-hidden="true">
            ${items}
          </ul>
        </div>
      </div>
      <button
        type="button"
        aria-label=${this.paused ? msg('Play the slogans') : msg('Pause the slogans')}
        @click=${() => (this.paused = !this.paused)}
      >
        <span aria-hidden="true">${this.paused ? '▶' : '❚❚'}</span> ${this.paused ? msg('Play') : msg('Pause')}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-slogan-ticker': CisSloganTicker;
  }
}
