import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Placard } from '../../../server/protocol/api';
import { placardById } from './placard-cache';
import { sharedStyles } from './styles/shared';

/**
 * A "Why is it like this?" note: the real fact behind a mechanic of the
 * simulation, with its public source. Give it a `placard`, or a `placardId`
 * that it looks up in the shared placard cache.
 */
@localized()
@customElement('cis-placard')
export class CisPlacard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      aside {
        background: #fffbea;
        color: #1b1f24;
        border: 2px solid #8a6d00;
        border-left-width: 8px;
        border-radius: 8px;
        padding: 1rem 1.25rem;
        max-width: 46rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 0.95rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: #5c4700;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
      }
      p {
        margin: 0 0 0.5rem;
      }
      .source {
        font-size: 0.95rem;
        color: #4a5361;
        margin: 0;
      }
    `,
  ];

  /** The placard to show; takes precedence over `placardId`. */
  @property({ attribute: false }) placard: Placard | undefined;

  /** Id of a placard to look up when no `placard` object is given. */
  @property({ attribute: 'placard-id' }) placardId: string | undefined;

  @state() private resolved: Placard | undefined;
  @state() private failed = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('placardId') && !this.placard) void this.resolve(this.placardId);
  }

  private async resolve(id: string | undefined): Promise<void> {
    this.resolved = undefined;
    this.failed = false;
    if (!id) return;
    try {
      const found = await placardById(id);
      if (id !== this.placardId) return; // a newer id was set meanwhile
      this.resolved = found;
      this.failed = !found;
    } catch {
      if (id === this.placardId) this.failed = true;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const placard = this.placard ?? this.resolved;
    if (!placard) {
      // Nothing to explain yet: render nothing rather than an empty landmark.
      return this.failed && this.placardId
        ? html`<p class="source">${msg('The explanation for this could not be loaded.')}</p>`
        : nothing;
    }
    return html`
      <aside aria-label=${msg('Why is it like this?')}>
        <h2>${msg('Why is it like this?')}</h2>
        <h3>${placard.title}</h3>
        <p>${placard.text}</p>
        <p class="source">
          ${msg(str`Source: ${placard.source}`)}${placard.reported ? html` <span>${msg('(reported)')}</span>` : nothing}
        </p>
      </aside>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-placard': CisPlacard;
  }
}
