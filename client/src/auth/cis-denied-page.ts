import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';
import '../media/cis-one-way-channel';

/** The placard that explains why ordinary citizens have no access. */
const NO_ACCESS_PLACARD = 'citizen-no-access';

/**
 * What an ordinary citizen gets: a terminal that is not authorised for the
 * national network, and the placard explaining that most people never get on it.
 */
@localized()
@customElement('cis-denied-page')
export class CisDeniedPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 50rem;
        margin: 0 auto;
      }
      .terminal {
        background: #14181d;
        color: #f1f3f5;
        border-radius: 10px;
        padding: 2rem 1.5rem;
        margin: 1rem 0 1.5rem;
        border-top: 8px solid #c81e1e;
      }
      .code {
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
        color: #ffb4b4;
        margin: 0 0 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.1em;
      }
      h1 {
        font-size: clamp(1.6rem, 4.5vw, 2.4rem);
        margin: 0 0 1rem;
      }
      .terminal p {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
        max-width: 40rem;
      }
    `,
  ];

  override render(): TemplateResult {
    return html`
      <div class="terminal">
        <p class="code" aria-hidden="true">${msg('Access denied')}</p>
        <h1 tabindex="-1">${msg('This terminal is not authorised for the national network')}</h1>
        <p>
          ${msg(
            'You are playing an ordinary citizen. Like most people in the country, you have no way onto the national intranet: no account, no authorised device.',
          )}
        </p>
        <p>${msg('Others in the room may be reading news and chatting right now. You are not.')}</p>
      </div>
      <cis-one-way-channel></cis-one-way-channel>
      <cis-placard .placardId=${NO_ACCESS_PLACARD}></cis-placard>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-denied-page': CisDeniedPage;
  }
}
