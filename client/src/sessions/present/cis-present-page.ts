import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { PresentView } from '../../../../server/protocol/api';
import { liveContext } from '../../app/context';
import { ApiFailure } from '../../core/api';
import { LiveSubscription } from '../../core/controllers/live-subscription';
import type { LiveConnection } from '../../core/live';
import { sessionsApi } from '../api';
import { sharedStyles } from '../../ui/styles/shared';

/**
 * The projector view (`/present/<code>`), for the classroom screen: the join address, the code,
 * the QR code (an image the server draws, so no inline style or script) and how many have joined,
 * live. Never a student's name or role: roles are secret in the role-play.
 */
@localized()
@customElement('cis-present-page')
export class CisPresentPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        text-align: center;
      }
      h1 {
        font-size: clamp(2rem, 5vw, 3.5rem);
        margin: 0 0 1rem;
      }
      .layout > div {
        min-width: 0;
        max-width: 100%;
      }
      .layout {
        display: grid;
        gap: 2rem;
        align-items: center;
        justify-items: center;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .step {
        margin: 0;
        font-size: clamp(1.3rem, 3vw, 2rem);
        color: var(--cis-muted);
      }
      .url {
        margin: 0.25rem 0 1.5rem;
        font-size: clamp(1.4rem, 3vw, 2.4rem);
        font-weight: 700;
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
        overflow-wrap: anywhere;
      }
      .code {
        margin: 0.25rem 0 0;
        font-size: clamp(3rem, 7vw, 6.5rem);
        font-weight: 800;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
        line-height: 1;
      }
      img {
        width: min(55vmin, 26rem);
        height: auto;
        aspect-ratio: 1;
        background: #ffffff;
        padding: 1rem;
        border: 1px solid var(--cis-line);
        border-radius: 12px;
      }
      .joined {
        margin: 1rem 0 0;
        font-size: clamp(1.6rem, 4vw, 3rem);
        font-weight: 700;
      }
      .note {
        font-size: 1.3rem;
        color: var(--cis-danger);
        font-weight: 700;
      }
    `,
  ];

  /** The join code from the address. */
  @property() code = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private view: PresentView | undefined;
  @state() private error = '';

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'session:roster': (roster) => {
        if (this.view && roster.sessionId === this.view.id) this.view = { ...this.view, joined: roster.counts.joined };
      },
      'session:state': (state) => {
        if (this.view && state.sessionId === this.view.id) {
          this.view = { ...this.view, locked: state.locked, ended: state.ended };
        }
      },
    },
    onConnect: () => void this.load(),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) void this.load();
  }

  private async load(): Promise<void> {
    void this.subscription;
    if (!this.code) {
      this.error = msg('This address has no class code.');
      return;
    }
    try {
      this.view = await sessionsApi.present(this.code);
      this.error = '';
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.status === 404
          ? msg('None of your classes has this code.')
          : msg('The class could not be loaded. Reload the page to try again.');
    }
  }

  override render(): TemplateResult {
    const view = this.view;
    if (this.error) {
      return html`<h1 tabindex="-1">${msg('Projector view')}</h1>
        <p class="error" role="alert">${this.error}</p>`;
    }
    if (!view) {
      return html`<h1 tabindex="-1">${msg('Projector view')}</h1>
        <p role="status">${msg('Loading…')}</p>`;
    }
    const joined = view.joined;
    return html`
      <h1 tabindex="-1">${msg(str`Join ${view.name}`)}</h1>
      <div class="layout">
        <div>
          <p class="step">${msg('Open this address:')}</p>
          <p class="url">${view.joinUrl.replace(/^https?:\/\//, '')}</p>
          <p class="step">${msg('or go to /join and type the code:')}</p>
          <p class="code">${view.code}</p>
        </div>
        <img src=${sessionsApi.qrUrl(view.id)} alt=${msg(str`QR code for ${view.joinUrl}`)} />
      </div>
      <p class="joined" role="status">
        ${joined === 1 ? msg('1 student joined') : msg(str`${joined} students joined`)}
      </p>
      ${view.locked ? html`<p class="note">${msg('The class is locked: nobody new can join.')}</p>` : nothing}
      ${view.ended ? html`<p class="note">${msg('This class has ended.')}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-present-page': CisPresentPage;
  }
}
