import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Me } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { authApi } from './api';
import { sharedStyles } from '../ui/styles/shared';
import { emit } from '../core/events';
import { getLocale } from '../core/localization';

/** A demo persona of the default scenario pack: username = role, password `demo`. */
interface DemoPersona {
  username: string;
  description: string;
}

/** The shipped demo personas, described for a visitor choosing one. */
function demoPersonas(): DemoPersona[] {
  return [
    {
      username: 'citizen',
      description: msg('An ordinary citizen: no access to the network at all, like most people.'),
    },
    { username: 'elite', description: msg('A party member: every national site, board and chat.') },
    {
      username: 'scientist',
      description: msg('A researcher: science sites, the research library and work chat.'),
    },
    {
      username: 'academic',
      description: msg('A university lecturer: university sites, the e-library and work chat.'),
    },
    {
      username: 'foreigner',
      description: msg("A visitor from abroad: a separate foreigners' network, never meets locals."),
    },
    { username: 'editor', description: msg('A state-media editor: publishes what everyone reads.') },
    {
      username: 'censor',
      description: msg('A monitor: watches the surveillance trail and moderates.'),
    },
    {
      username: 'facilitator',
      description: msg('The teacher or museum operator: sees who may see what.'),
    },
  ];
}

const DEMO_PASSWORD = 'demo';

/**
 * The login screen: the national banner (the fictional Republic's flag, a sunrise over
 * mountains), what this is, the login form, and the demo personas that fill it in one
 * click. Fires `cis-logged-in` with the user on success.
 */
@localized()
@customElement('cis-login-page')
export class CisLoginPage extends LitElement {
  // The banner's colours are the state's (tokens in ui/styles/global.css); the sunrise sits under the text, never behind it.
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 56rem;
        margin: 0 auto;
      }
      .intro {
        margin: 0.5rem 0 1.5rem;
        overflow: hidden;
        text-align: center;
        color: var(--state-cream);
        background: var(--state-red);
        border: solid var(--state-blue);
        border-width: 8px 0;
        border-radius: 10px;
      }
      /* The banner's pictures are images (client/public/art, from scripts/render-art.ts): no script on the first load. */
      .flag {
        display: block;
        margin-inline: auto;
        height: auto;
        width: 6rem;
        margin-top: 1rem;
        border: 2px solid var(--state-gold);
      }
      h1 {
        font-size: clamp(1.8rem, 5vw, 2.6rem);
        margin: 0 1rem 0.5rem;
        color: var(--state-gold-light);
        font-family: Georgia, serif;
      }
      .intro p {
        margin: 0 1rem;
        font-size: 1.1rem;
      }
      .scene {
        display: block;
        width: 100%;
        height: 5rem;
      }
      .layout {
        display: grid;
        gap: 2rem;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 48rem) {
        .layout {
          grid-template-columns: minmax(0, 20rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      form,
      section {
        background: var(--cis-paper);
        border: 1px solid var(--state-gold);
        border-top: 6px solid var(--state-red);
        border-radius: 10px;
        padding: 1.25rem;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        margin-bottom: 1rem;
      }
      form button[type='submit'] {
        width: 100%;
      }
      form button[aria-disabled='true'] {
        opacity: 0.85;
        cursor: progress;
      }
      .alert.shown {
        margin: 0 0 1rem;
        padding: 0.5rem 0.75rem;
        border-left: 4px solid var(--cis-danger);
        background: #fdf2f2;
      }
      .notice {
        margin: 0 0 1rem;
        padding: 0.5rem 0.75rem;
        border-left: 4px solid var(--cis-accent);
        background: #eef2fb;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0 0 0.25rem;
      }
      section > p {
        margin: 0 0 1rem;
        color: var(--cis-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      }
      button.persona {
        width: 100%;
        height: 100%;
        text-align: left;
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
        background: #f8f9fb;
        color: var(--cis-ink);
        border: 2px solid var(--cis-line);
        font-weight: 400;
      }
      button.persona:hover {
        border-color: var(--cis-accent);
      }
      button.persona[aria-pressed='true'] {
        border-color: var(--cis-accent);
        background: #eef2fb;
      }
      .persona .name {
        font-weight: 700;
        color: var(--cis-accent);
      }
      .persona .desc {
        font-size: 0.95rem;
      }
    `,
  ];

  /** A message to show above the form, e.g. why the previous session ended. */
  @property() notice = '';

  @state() private username = '';
  @state() private password = '';
  @state() private error = '';
  @state() private busy = false;

  @query('button[type="submit"]') private submitButton!: HTMLButtonElement;

  override render(): TemplateResult {
    const personas = demoPersonas();
    return html`
      <div class="intro">
        <img
          class="flag"
          src="/art/flag.svg"
          width="60"
          height="40"
          alt=${msg('Flag of the Republic, a fictional state')}
        />
        <h1 tabindex="-1">${msg('Closed Intranet Sandbox')}</h1>
        <p>${msg('A simulation of a closed national intranet, made for education. Everything here is fictional.')}</p>
        <img class="scene" src="/art/sunrise.svg" alt="" />
      </div>
      <div class="layout">
        <form @submit=${this.onSubmit} aria-labelledby="login-heading" novalidate>
          <h2 id="login-heading">${msg('Log in')}</h2>
          ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
          <div class="alert error ${this.error ? 'shown' : ''}" role="alert">${this.error}</div>
          <div class="field">
            <label for="username">${msg('Username')}</label>
            <input
              id="username"
              name="username"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              required
              .value=${this.username}
              @input=${(e: Event) => (this.username = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="password">${msg('Password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              .value=${this.password}
              @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? msg('Logging in…') : msg('Log in')}
          </button>
        </form>
        <section aria-labelledby="personas-heading">
          <h2 id="personas-heading">${msg('Demo personas')}</h2>
          <p>${msg('Choose who you are: this fills in the form. The password is always “demo”.')}</p>
          <ul>
            ${personas.map(
              (persona) =>
                html`<li>
                  <button
                    type="button"
                    class="persona"
                    aria-pressed=${this.username === persona.username ? 'true' : 'false'}
                    @click=${() => this.choose(persona)}
                  >
                    <span class="name">${persona.username}</span>
                    <span class="desc">${persona.description}</span>
                  </button>
                </li>`,
            )}
          </ul>
        </section>
      </div>
    `;
  }

  private choose(persona: DemoPersona): void {
    this.username = persona.username;
    this.password = DEMO_PASSWORD;
    this.error = '';
    void this.updateComplete.then(() => this.submitButton.focus());
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const username = this.username.trim();
    if (!username || !this.password) {
      this.error = msg('Enter a username and a password.');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const me = await authApi.login(username, this.password, getLocale());
      emit(this, 'cis-logged-in', { me });
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  private describe(error: unknown): string {
    if (error instanceof ApiFailure) {
      if (error.status === 401) return msg('Wrong username or password.');
      if (error.status === 429) return msg('Too many attempts, wait a few minutes.');
      if (error.status === 400) return msg('Enter a username and a password.');
    }
    return msg('The server could not be reached. Try again in a moment.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-login-page': CisLoginPage;
  }
  interface GlobalEventHandlersEventMap {
    /** A user logged in; the app shell takes them to their home screen. */
    'cis-logged-in': CustomEvent<{ me: Me }>;
  }
}
