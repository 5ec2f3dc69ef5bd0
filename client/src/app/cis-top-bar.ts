import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
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
 * links to the screens your capabilities open, and Log out (End visit on a kiosk, which shows the visit's
 * ending first).
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
        /* The state sites' red, gold and blue (as in media/styles.ts), for the national banner. */
        --bar-red: #8f1111;
        --bar-red-deep: #6e0b0b;
        --bar-gold: #f2c94c;
        --bar-gold-light: #ffe08a;
        --bar-blue: #1e3a8a;
        --bar-ink: #2a1605;
        --cis-focus: #ffe08a;
      }
      header {
        background:
          radial-gradient(circle at 1.4rem 50%, rgb(242 201 76 / 0.22) 0 0.9rem, transparent 0.95rem),
          linear-gradient(to bottom, var(--bar-red), var(--bar-red-deep));
        color: #ffffff;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 1.25rem;
        padding: 0.4rem 1rem;
        /* gold, then a thin blue rule: the ribbon under the state sites' mastheads */
        border-bottom: 3px solid var(--bar-gold);
        box-shadow: 0 3px 0 var(--bar-blue);
        margin-bottom: 3px;
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 700;
        letter-spacing: 0.02em;
        margin-right: auto;
      }
      .brand .short {
        display: none;
      }
      .brand .star {
        color: var(--bar-gold);
        font-size: 1.3rem;
        line-height: 1;
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
        text-decoration-color: rgb(255 224 138 / 0.8);
        text-underline-offset: 3px;
        white-space: nowrap;
      }
      nav a:hover {
        background: var(--bar-red-deep);
        text-decoration-color: var(--bar-gold-light);
      }
      nav a[aria-current='page'] {
        background: var(--bar-gold);
        color: var(--bar-ink);
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
        color: #fde9b0;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 0.75rem;
      }
      button {
        background: transparent;
        border-color: var(--bar-gold-light);
        color: #ffffff;
      }
      button:hover {
        background: var(--bar-red-deep);
      }
      .menu {
        display: none;
      }
      .panel {
        display: contents;
      }
      /* On a wide screen: the screens, who you are, your device and role card, then the language and Log out. */
      nav {
        order: 1;
      }
      .who {
        order: 2;
      }
      .quick {
        order: 3;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 0.75rem;
      }
      .controls {
        order: 4;
      }
      /* A phone: one compact bar — the short name and a Menu button; the screens' links, the name and
         the controls fold into the menu (the page itself never scrolls sideways). */
      @media (max-width: 40rem) {
        header {
          gap: 0.25rem 0.5rem;
          padding: 0.25rem 0.5rem;
        }
        .brand {
          font-size: 0.95rem;
        }
        /* The full name stays for screen readers; the eye reads the short one. */
        .brand .long {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
        .brand .short {
          display: inline;
        }
        .brand .star {
          font-size: 1rem;
        }
        .brand {
          margin-right: auto;
        }
        .quick {
          order: 0;
          gap: 0.25rem;
        }
        .menu {
          display: inline-flex;
          align-items: center;
          gap: 0.4rem;
        }
        .quick button,
        .menu {
          padding: 0.35rem 0.6rem;
        }
        .panel {
          display: none;
        }
        .panel.open {
          order: 5;
          display: flex;
          flex-direction: column;
          align-items: stretch;
          gap: 0.5rem;
          flex: 1 1 100%;
          padding: 0.25rem 0 0.5rem;
        }
        nav ul {
          flex-direction: column;
        }
        .controls {
          gap: 0.5rem;
        }
      }
    `,
  ];

  /** Whether the phone's menu is open (on a wider screen everything shows and the menu is hidden). */
  @state() private open = false;

  /** The logged-in user (name, role and capabilities decide what is shown). */
  @property({ attribute: false }) me: Me | undefined;

  /** The screen being shown, marked as current in the nav. */
  @property() current: ScreenName | undefined;

  override render(): TemplateResult {
    const me = this.me;
    const routes = me ? navRoutes(me) : [];
    return html`
      <header>
        <span class="brand"
          ><span class="star" aria-hidden="true">★</span
          ><span class="long">${msg('Closed Intranet Sandbox — simulation')}</span
          ><span class="short" aria-hidden="true">${msg('Simulation')}</span></span
        >
        <span class="quick">
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
        </span>
        <button
          type="button"
          class="menu"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="bar-menu"
          @click=${() => (this.open = !this.open)}
        >
          <span aria-hidden="true">☰</span>${msg('Menu')}
        </button>
        <div id="bar-menu" class="panel ${this.open ? 'open' : ''}">
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
          <span class="controls">
            <cis-language-switch></cis-language-switch>
            <button type="button" @click=${this.logout}>${me?.kiosk ? msg('End visit') : msg('Log out')}</button>
          </span>
        </div>
      </header>
    `;
  }

  private follow(event: MouseEvent, path: string): void {
    // Let the browser handle new-tab and other modified clicks.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    this.open = false;
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
