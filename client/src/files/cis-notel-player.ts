import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { FileContent } from '../../../server/protocol/api';
import { sharedStyles } from '../ui/styles/shared';
import { kindLabel } from './files';

/**
 * An opened file: on a Notel, a small portable player whose screen shows the film's scenes, the
 * album's tracks or the text; on the state terminal, a plain viewer. The content is the pack's
 * text, shown as text.
 */
@localized()
@customElement('cis-notel-player')
export class CisNotelPlayer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .notel {
        max-width: 26rem;
        margin: 0 auto;
        background: #2b2f36;
        border-radius: 22px;
        padding: 0.9rem 0.9rem 1.1rem;
        border: 3px solid #111418;
        color: #f1f3f5;
      }
      .brand {
        margin: 0 0 0.5rem;
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        font-size: 0.9rem;
        letter-spacing: 0.12em;
        text-transform: uppercase;
        color: #d9e2ec;
      }
      .screen {
        background: #0f1a14;
        color: #d7f5e0;
        border-radius: 10px;
        padding: 0.9rem;
        border: 2px solid #3c4a41;
        max-height: 50vh;
        overflow-y: auto;
      }
      .terminal .screen {
        background: #f3f4f6;
        color: var(--cis-ink);
        border-color: var(--cis-line);
      }
      .terminal {
        background: #e5e7eb;
        border-color: #6b7280;
        color: var(--cis-ink);
        border-radius: 10px;
      }
      .terminal .brand {
        color: var(--cis-muted);
      }
      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.2rem;
      }
      .kind {
        margin: 0 0 0.75rem;
        font-size: 0.95rem;
        opacity: 0.95;
      }
      .screen p {
        margin: 0 0 0.6rem;
        overflow-wrap: anywhere;
      }
      .controls {
        display: flex;
        justify-content: center;
        gap: 1rem;
        margin: 0.9rem 0 0;
        font-size: 1.3rem;
        color: #9aa5b1;
      }
      .note {
        margin: 0.6rem 0 0;
        font-size: 0.9rem;
        color: #d9e2ec;
      }
      .terminal .note {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The opened file. */
  @property({ attribute: false }) content: FileContent | undefined;

  override render(): TemplateResult | typeof nothing {
    const content = this.content;
    if (!content) return nothing;
    const notel = content.device === 'notel';
    const playing = content.kind === 'film' || content.kind === 'music';
    return html`
      <section
        class=${notel ? 'notel' : 'terminal'}
        aria-label=${notel ? msg('Notel player') : msg('State terminal viewer')}
      >
        <p class="brand">
          <span>${notel ? msg('Notel') : msg('State terminal')}</span>
          <span>${notel && playing ? msg('Playing') : ''}</span>
        </p>
        <div class="screen" tabindex="0" role="region" aria-label=${content.title}>
          <h3>${content.title}</h3>
          <p class="kind">${kindLabel(content.kind)}</p>
          ${content.body.map((paragraph) => html`<p>${paragraph}</p>`)}
        </div>
        ${notel ? html`<p class="controls" aria-hidden="true">◀◀ ▶ ▶▶</p>` : nothing}
        <p class="note">${msg('Simulation: this content was written for the project and is fictional.')}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-notel-player': CisNotelPlayer;
  }
}
