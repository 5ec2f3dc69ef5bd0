import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';

/**
 * "You are leaving the sandbox": what the browser frame shows, in open mode, for an address
 * outside the simulation (typed, or a link out in a post). It names the address as text and
 * never opens it — there is no link, frame or image to it here, and the server never fetches
 * it either — then explains with its placard and offers the way back (`cis-frame-back`).
 */
@localized()
@customElement('cis-leaving-page')
export class CisLeavingPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .leaving {
        border: 2px solid #0f5f8a;
        border-left-width: 10px;
        border-radius: 8px;
        padding: 1rem 1.25rem;
        background: #f2f8fb;
        max-width: 46rem;
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: 1.6rem;
        color: #0b4a6b;
      }
      p {
        margin: 0 0 0.75rem;
      }
      .target {
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
        padding: 0.4rem 0.6rem;
        background: #ffffff;
        border: 1px solid #c4d3dc;
        border-radius: 4px;
      }
      cis-placard {
        margin-top: 1.25rem;
      }
    `,
  ];

  /** The outside address asked for (shown as text only). */
  @property() address = '';

  /** The placard explaining links out on an open network. */
  @property() placardId = '';

  /** Move focus to the heading (the frame opened this page). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render(): TemplateResult {
    return html`
      <div class="leaving">
        <h2 tabindex="-1">${msg('You are leaving the sandbox')}</h2>
        <p>${msg('This link leads outside the simulation, to:')}</p>
        <p class="target">${this.address}</p>
        <p>
          ${msg(
            'It is not opened. The sandbox never goes outside: nothing was fetched from that address, and nothing was sent to it. On a real open network this link would simply open.',
          )}
        </p>
        <p>${msg('Following the link was recorded in the trail, as a link out.')}</p>
        <button type="button" @click=${() => emit(this, 'cis-frame-back')}>
          <span aria-hidden="true">←</span> ${msg('Back to where you were')}
        </button>
      </div>
      ${this.placardId ? html`<cis-placard .placardId=${this.placardId}></cis-placard>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-leaving-page': CisLeavingPage;
  }
  interface GlobalEventHandlersEventMap {
    /** Ask the browser frame to go back one page (or home, when there is none). */
    'cis-frame-back': CustomEvent<void>;
  }
}
