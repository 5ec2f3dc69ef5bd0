import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Me } from '../../../server/protocol/api';
import { meContext } from '../app/context';
import { sharedStyles } from '../ui/styles/shared';

/**
 * Where a student waits until the teacher gives out roles. Nothing to do here: when a role
 * arrives (`session:changed`), the app shell re-reads `/api/me` and takes them to their role's home.
 */
@localized()
@customElement('cis-lobby-page')
export class CisLobbyPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        max-width: 36rem;
        margin: 2rem auto;
        text-align: center;
      }
      h1 {
        font-size: clamp(1.8rem, 7vw, 2.6rem);
        margin: 0 0 1rem;
      }
      .name {
        font-size: 1.3rem;
        margin: 0 0 0.5rem;
      }
      .class {
        color: var(--cis-muted);
        margin: 0 0 2rem;
        font-size: 1.1rem;
      }
      .waiting {
        display: inline-flex;
        gap: 0.5rem;
        align-items: center;
        padding: 1rem 1.5rem;
        border-radius: 999px;
        background: #eef2fb;
        color: #1e3a8a;
        font-size: 1.15rem;
        font-weight: 600;
      }
      .dot {
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        background: #1d4ed8;
      }
      @media (prefers-reduced-motion: no-preference) {
        .dot {
          animation: pulse 1.6s ease-in-out infinite;
        }
      }
      @keyframes pulse {
        50% {
          opacity: 0.25;
        }
      }
      .note {
        margin: 2rem 0 0;
        color: var(--cis-muted);
      }
    `,
  ];

  /** The seat, from the app shell. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The quiz is its own chunk, fetched once a student is in the lobby.
    void import('../quiz/index');
  }

  override render(): TemplateResult {
    const name = this.me?.displayName ?? '';
    const session = this.me?.seat?.sessionName ?? '';
    return html`
      <h1 tabindex="-1">${msg('Waiting for your teacher')}</h1>
      <p class="name">${msg(str`You are in as ${name}.`)}</p>
      ${session ? html`<p class="class">${msg(str`Class: ${session}`)}</p>` : html``}
      <p class="waiting" role="status">
        <span class="dot" aria-hidden="true"></span>${msg('Roles are not given out yet')}
      </p>
      <p class="note">
        ${msg('Keep this page open. When your teacher gives you a role, this screen changes by itself.')}
      </p>
      <cis-before-quiz></cis-before-quiz>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-lobby-page': CisLobbyPage;
  }
}
