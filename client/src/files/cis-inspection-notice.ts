import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Me, SessionEventPush } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { formatClock } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';

/** The tool comes in its own chunk, on first use. */
const loadTool = () => import('./cis-inspect-tool');

/**
 * For a class seat that may discipline (the censor), on every screen: a bar with the "Inspect a
 * device" tool (a dialog, lazily loaded), which says so when the teacher calls an inspection
 * (`session:event` of kind `inspection`). Nothing for anyone else. The server alone decides
 * whether an inspection runs: outside one, the tool is told so.
 */
@localized()
@customElement('cis-inspection-notice')
export class CisInspectionNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .bar {
        margin: 0;
        padding: 0.25rem 1rem;
        background: #eef0f3;
        border-bottom: 1px solid var(--cis-line);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
      }
      .bar.called {
        background: #fff4d6;
        border-bottom: 3px solid #8a6d00;
        font-weight: 600;
      }
    `,
  ];

  /** The seat's user: only one who may discipline gets the tool. */
  @property({ attribute: false }) me: Me | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private calledAt = '';
  @state() private open = false;
  @state() private failed = false;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'session:event': (event) => this.onEvent(event) },
  });

  private onEvent(event: SessionEventPush): void {
    void this.subscription;
    if (event.kind === 'inspection' && event.sessionId === this.me?.sessionId) this.calledAt = event.at;
  }

  private async show(): Promise<void> {
    try {
      await loadTool();
      this.failed = false;
      this.open = true;
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }

  private async closed(): Promise<void> {
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector('button')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.me?.capabilities.includes('users.discipline')) return nothing;
    return html`
      <div class="bar ${this.calledAt ? 'called' : ''}">
        <span role="status">
          ${
            this.calledAt
              ? msg(str`Your teacher called an inspection at ${formatClock(this.calledAt)}.`)
              : msg('Devices may be inspected only while your teacher’s inspection runs.')
          }
          ${this.failed ? msg('The tool could not be loaded. Reload the page to try again.') : ''}
        </span>
        <button type="button" class="secondary" aria-haspopup="dialog" @click=${this.show}>
          ${msg('Inspect a device')}
        </button>
      </div>
      ${this.open ? html`<cis-inspect-tool @cis-inspect-closed=${this.closed}></cis-inspect-tool>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-inspection-notice': CisInspectionNotice;
  }
}
