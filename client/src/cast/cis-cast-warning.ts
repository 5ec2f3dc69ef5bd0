import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { CastWarningPush } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { formatClock } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';
import './cis-simulated-badge';

/**
 * The simulated bureau's warning to this user (`cast:warning`), wherever they are in chat: who
 * warned them (marked simulated), when, and the pack's text (always shown as text), until they
 * dismiss it. A newer warning replaces an older one and is announced again.
 */
@localized()
@customElement('cis-cast-warning')
export class CisCastWarning extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .warning {
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
        border: 2px solid #7f1212;
        border-left-width: 8px;
        border-radius: 6px;
        background: #fdf0f0;
        color: #3d0a0a;
        max-width: 46rem;
      }
      .head {
        margin: 0 0 0.35rem;
        font-weight: 700;
      }
      .text {
        margin: 0 0 0.5rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0 0 0.5rem;
        color: #5c1a1a;
        font-size: 0.95rem;
      }
      button {
        border-color: #7f1212;
        background: var(--cis-paper);
        color: #7f1212;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private warning: CastWarningPush | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    afterFirstPaint: true,
    pushes: { 'cast:warning': (warning) => this.onWarning(warning) },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.subscription; // it subscribes on its own, as a controller
  }

  private onWarning(warning: CastWarningPush): void {
    this.warning = warning;
  }

  private dismiss(): void {
    this.warning = undefined;
  }

  override render(): TemplateResult | typeof nothing {
    const warning = this.warning;
    // An alert is announced as it is put in; none is left in the page while there is nothing to say.
    if (!warning) return nothing;
    return html`<div class="warning" role="alert">
      <p class="head">
        ${msg('Warning')} · <span>${warning.from.name}</span><cis-simulated-badge></cis-simulated-badge>
      </p>
      <p class="text">${warning.text}</p>
      <p class="meta">
        <time datetime=${warning.at}>${formatClock(warning.at)}</time> ·
        ${msg('Every message in this chat is recorded.')}
      </p>
      <button type="button" @click=${() => this.dismiss()}>${msg('Dismiss the warning')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-cast-warning': CisCastWarning;
  }
}
