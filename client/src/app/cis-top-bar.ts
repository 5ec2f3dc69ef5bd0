import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Me } from '../../../server/protocol/api';
import { navRoutes } from './routes';
import type { ScreenName } from './screens';
import { roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';
import { emit } from '../core/events';
import '../files/cis-device-button';
import '../ui/cis-language-switch';

/**
 * The bar on every logged-in screen: that this is a simulation, who you are,
 * links to the screens your capabilities open, and Log out.
 * Fires `cis-navigate` for its links and `cis-logout` for the button.
 */
@localized()
@customElement('cis-top-bar')
export class CisTopBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        --cis-focus: #ffd166;
      }
      header {
        background: #1f2933;
        color: #ffffff;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.5rem 1rem;
      }
      .brand {
        font-weight: 700;
        margin-right: auto;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.75rem;
        border-radius: 6px;
        color: #ffffff;
        text-decoration: underline;
        text-underline-offset: 3px;
      }
      nav a:hover {
        background: #323f4b;
      }
      nav a[aria-current='page'] {
        background: #ffffff;
        color: #1f2933;
        text-decoration: none;
        font-weight: 700;
      }
      .who {
        display: flex;
        flex-direction: column;
        line-height: 1.2;
      }
      .who .role {
        font-size: 0.9rem;
        color: #d9e2ec;
      }
      button {
        background: transparent;
        border-color: #ffffff;
        color: #ffffff;
      }
      button:hover {
        background: #323f4b;
      }
    `,
  ];

  /** The logged-in user (name, role and capabilities decide what is shown). */
  @property({ attribute: false }) me: Me | undefined;

  /** The screen being shown, marked as current in the nav. */
  @property() current: ScreenName | undefined;

  override render(): TemplateResult {
    const me = this.me;
    const routes = me ? navRoutes(me) : [];
    return html`
      <header>
        <span class="brand">${msg('Closed Intranet Sandbox — simulation')}</span>
        <nav aria-label=${msg('Screens')}>
          <ul>
            ${routes.map(
              (route) =>
                html`<li>
                  <a
                    href=${route.path}
                    aria-current=${route.name === this.current ? 'page' : 'false'}
                    @click=${(event: MouseEvent) => this.follow(event, route.path)}
                    >${route.label()}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <span class="who">
          <span class="name">${me?.displayName ?? ''}</span>
          <span class="role">${msg('Role:')} ${me?.role ? roleLabel(me.role) : msg('not given yet')}</span>
        </span>
        ${
          me?.seat?.card
            ? html`<button type="button" @click=${() => emit(this, 'cis-role-card')}>${msg('Role card')}</button>`
            : nothing
        }
        ${
          // Everyone inside the simulated world has a device (the facilitator stands outside it).
          me && !me.capabilities.includes('sessions.manage')
            ? html`<cis-device-button .me=${me}></cis-device-button>`
            : nothing
        }
        <cis-language-switch></cis-language-switch>
        <button type="button" @click=${this.logout}>${msg('Log out')}</button>
      </header>
    `;
  }

  private follow(event: MouseEvent, path: string): void {
    // Let the browser handle new-tab and other modified clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    emit(this, 'cis-navigate', { path });
  }

  private logout(): void {
    emit(this, 'cis-logout');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-top-bar': CisTopBar;
  }
  interface GlobalEventHandlersEventMap {
    /** Ask the app shell to show another screen. */
    'cis-navigate': CustomEvent<{ path: string }>;
    /** Ask the app shell to log the user out. */
    'cis-logout': CustomEvent<void>;
    /** Open the seat's role card again (the seat chrome listens). */
    'cis-role-card': CustomEvent<void>;
  }
}
