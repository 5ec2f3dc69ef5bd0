import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Mode, PolicyMatrix, SessionDetail, SessionSummary } from '../../../../server/protocol/api';
import { LIMITS } from '../../../../server/protocol/vocabulary';
import { liveContext } from '../../app/context';
import { LiveSubscription } from '../../core/controllers/live-subscription';
import type { LiveConnection } from '../../core/live';
import { actionFailureText } from '../../core/requests';
import { facilitatorApi } from '../../facilitator/api';
import { sessionsApi } from '../api';
import { sharedStyles } from '../../ui/styles/shared';
import { staffPageStyles } from '../../ui/styles/page';
import '../../facilitator/cis-policy-matrix';
import '../../trail/cis-trail-view';
import './cis-session-panel';
import '../../cast/cis-cast-settings';

/** The selected session in the page URL (`/console?session=<id>`), so a reload keeps it. */
function sessionParam(): string {
  return new URLSearchParams(location.search).get('session') ?? '';
}

function setSessionParam(id: string): void {
  const params = new URLSearchParams(location.search);
  if (id) params.set('session', id);
  else params.delete('session');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/**
 * The facilitator's home: their class sessions (create one; pick one), the chosen session's
 * controls (`cis-session-panel`), the live trail (of that session, or of the facilitator's own
 * demo session when none is chosen) and who may see what (the policy matrix).
 */
@localized()
@customElement('cis-console-page')
export class CisConsolePage extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    css`
      .columns {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 70rem) {
        .columns {
          grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      section.box {
        background: var(--cis-paper);
        border: 1px solid var(--cis-line);
        border-radius: 10px;
        padding: 1rem 1.25rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.35rem;
      }
      ul.sessions {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      ul.sessions button {
        width: 100%;
        text-align: left;
        background: #f8f9fb;
        color: var(--cis-ink);
        border: 2px solid var(--cis-line);
        font-weight: 400;
        display: grid;
        gap: 0.1rem;
      }
      ul.sessions button[aria-current='true'] {
        border-color: var(--cis-accent);
        background: #eef2fb;
      }
      .session-name {
        font-weight: 700;
        color: var(--cis-accent);
      }
      form {
        display: grid;
        gap: 0.6rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .check input {
        min-height: 0;
        width: 1.4rem;
        height: 1.4rem;
      }
      .wide {
        margin-top: 1.5rem;
      }
      .empty {
        color: var(--cis-muted);
      }
      .demo {
        margin: 0 0 1rem;
      }
      .demo .message {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private sessions: SessionSummary[] = [];
  @state() private listError = '';
  @state() private selected = sessionParam();
  @state() private detail: SessionDetail | undefined;
  @state() private detailError = '';
  @state() private matrix: PolicyMatrix | undefined;
  @state() private matrixError = '';
  @state() private name = '';
  @state() private capacity = 40;
  @state() private lateJoin = true;
  @state() private creating = false;
  @state() private createError = '';
  @state() private demoBusy = false;
  @state() private demoMessage = '';
  @state() private demoError = '';

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'session:roster': (roster) => {
        this.sessions = this.sessions.map((s) =>
          s.id === roster.sessionId ? { ...s, joined: roster.counts.joined, online: roster.counts.online } : s,
        );
        if (this.detail?.id === roster.sessionId) {
          this.detail = { ...this.detail, players: roster.players, counts: roster.counts };
        }
      },
      'session:state': (state) => {
        const { sessionId, ...rest } = state;
        this.sessions = this.sessions.map((s) => (s.id === sessionId ? { ...s, ...rest } : s));
        if (this.detail?.id === sessionId) this.detail = { ...this.detail, ...rest };
      },
    },
    // Pushes sent while the socket was away are lost: read the chosen session again.
    onConnect: () => void this.loadDetail(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.subscription;
    void this.loadList();
    void this.loadDetail();
    void this.loadMatrix();
  }

  private async loadList(): Promise<void> {
    try {
      this.sessions = (await sessionsApi.list()).sessions;
      this.listError = '';
    } catch {
      this.listError = msg('Your sessions could not be loaded. Reload the page to try again.');
    }
  }

  private async loadDetail(): Promise<void> {
    const id = this.selected;
    if (!id) {
      this.detail = undefined;
      return;
    }
    try {
      const detail = await sessionsApi.detail(id);
      if (this.selected === id) this.detail = detail;
      this.detailError = '';
    } catch {
      if (this.selected !== id) return;
      this.detail = undefined;
      this.detailError = msg('This session could not be loaded. It may have been deleted.');
    }
  }

  private async loadMatrix(): Promise<void> {
    try {
      this.matrix = await facilitatorApi.policyMatrix();
    } catch {
      this.matrixError = msg('The policy matrix could not be loaded. Reload the page to try again.');
    }
  }

  /** Switches the facilitator's own demo session (id `demo`), so someone exploring alone can compare the modes. */
  private async switchDemo(next: Mode): Promise<void> {
    if (this.demoBusy) return;
    this.demoBusy = true;
    this.demoMessage = '';
    this.demoError = '';
    try {
      await sessionsApi.setMode('demo', next);
      this.matrix = await facilitatorApi.policyMatrix();
      this.demoMessage =
        next === 'open'
          ? msg('The demo session is now open: log in as any persona to see the open network.')
          : msg('The demo session is closed again.');
    } catch (error) {
      this.demoError = actionFailureText(error);
    } finally {
      this.demoBusy = false;
    }
  }

  private renderDemoSwitch(mode: Mode): TemplateResult {
    const next: Mode = mode === 'closed' ? 'open' : 'closed';
    return html`<div class="demo">
      <button type="button" class="secondary" ?disabled=${this.demoBusy} @click=${() => void this.switchDemo(next)}>
        ${next === 'open' ? msg('Switch the demo session to open') : msg('Switch the demo session to closed')}
      </button>
      <p class="message success" role="status">${this.demoMessage}</p>
      <p class="message error" role="alert">${this.demoError}</p>
    </div>`;
  }

  private select(id: string): void {
    this.selected = id;
    this.detailError = '';
    if (this.detail?.id !== id) this.detail = undefined;
    setSessionParam(id);
    void this.loadDetail().then(async () => {
      await this.updateComplete;
      this.renderRoot.querySelector('cis-session-panel')?.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    });
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = this.name.trim();
    if (!name) {
      this.createError = msg('Give the session a name.');
      return;
    }
    const capacity = Math.round(this.capacity);
    if (!(capacity >= 1 && capacity <= LIMITS.sessionCapacity)) {
      this.createError = msg(str`Capacity must be 1 to ${LIMITS.sessionCapacity}.`);
      return;
    }
    this.creating = true;
    this.createError = '';
    try {
      const created = await sessionsApi.create({ name, capacity, lateJoin: this.lateJoin });
      this.name = '';
      await this.loadList();
      this.select(created.id);
    } catch (error) {
      this.createError = actionFailureText(error);
    } finally {
      this.creating = false;
    }
  }

  private onUpdated(event: GlobalEventHandlersEventMap['cis-session-updated']): void {
    const detail = event.detail.detail;
    this.detail = detail;
    this.sessions = this.sessions.map((s) =>
      s.id === detail.id
        ? {
            ...s,
            name: detail.name,
            locked: detail.locked,
            paused: detail.paused,
            ended: detail.ended,
            round: detail.round,
            joined: detail.counts.joined,
            online: detail.counts.online,
          }
        : s,
    );
  }

  private onDeleted(event: GlobalEventHandlersEventMap['cis-session-deleted']): void {
    this.sessions = this.sessions.filter((s) => s.id !== event.detail.id);
    this.select('');
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Facilitator console')}</h1>
      <p class="lede">
        ${msg('Run a class: create a session, show its code on the projector, give roles, run rounds.')}
      </p>
      <div class="columns">
        <div>
          <section class="box" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">${msg('Your sessions')}</h2>
            ${this.renderList()}
          </section>
          <section class="box wide" aria-labelledby="create-heading">
            <h2 id="create-heading">${msg('New session')}</h2>
            ${this.renderCreate()}
          </section>
        </div>
        <section class="box" aria-label=${msg('Chosen session')}>
          ${this.detailError ? html`<p class="error" role="alert">${this.detailError}</p>` : nothing}
          ${
            this.detail
              ? html`<cis-session-panel
                  .detail=${this.detail}
                  @cis-session-updated=${this.onUpdated}
                  @cis-session-deleted=${this.onDeleted}
                ></cis-session-panel>`
              : this.selected
                ? html`<p role="status">${msg('Loading…')}</p>`
                : html`<p class="empty">${msg('Choose a session, or create one.')}</p>`
          }
        </section>
      </div>
      <section class="wide" aria-labelledby="trail-heading">
        <h2 id="trail-heading">
          ${this.detail ? msg(str`Live trail of ${this.detail.name}`) : msg('Live surveillance trail')}
        </h2>
        <cis-trail-view .session=${this.detail?.id ?? ''}></cis-trail-view>
      </section>
      <section class="wide" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">${msg('Who may see what')}</h2>
        ${
          this.matrixError
            ? html`<p class="error" role="alert">${this.matrixError}</p>`
            : this.matrix
              ? html`<p class="lede">${msg(str`Mode of this session: ${this.matrix.mode}.`)}</p>
                  ${this.renderDemoSwitch(this.matrix.mode)}
                  <cis-policy-matrix .matrix=${this.matrix}></cis-policy-matrix>`
              : html`<p class="empty">${msg('Loading…')}</p>`
        }
      </section>
      <section class="box wide" aria-labelledby="demo-cast-heading">
        <h2 id="demo-cast-heading">${msg('Simulated cast of your demo session')}</h2>
        <p class="lede">
          ${msg(
            'When you explore alone, a scripted censor bureau decides posts, colleagues talk in the chat rooms and a guide answers at the hotel desk. They are always marked as simulated.',
          )}
        </p>
        <cis-cast-settings sessionId="demo"></cis-cast-settings>
      </section>
    `;
  }

  private renderList(): TemplateResult {
    if (this.listError) return html`<p class="error" role="alert">${this.listError}</p>`;
    if (this.sessions.length === 0) return html`<p class="empty">${msg('No sessions yet.')}</p>`;
    return html`<ul class="sessions">
      ${this.sessions.map(
        (s) =>
          html`<li>
            <button
              type="button"
              aria-current=${s.id === this.selected ? 'true' : 'false'}
              @click=${() => this.select(s.id)}
            >
              <span class="session-name">${s.name}</span>
              <span>${msg(str`Code ${s.code} · ${s.joined} of ${s.capacity} joined, ${s.online} online`)}</span>
              <span
                >${
                  s.ended
                    ? msg('Ended')
                    : s.round
                      ? msg(str`Round ${s.round.number} (${s.round.mode})`)
                      : msg('Waiting to start')
                }${s.paused ? msg(', paused') : ''}${s.locked ? msg(', locked') : ''}</span
              >
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderCreate(): TemplateResult {
    return html`<form @submit=${this.onCreate} novalidate>
      <p class="message error" role="alert">${this.createError}</p>
      <div class="field">
        <label for="session-name">${msg('Name')}</label>
        <input
          id="session-name"
          maxlength=${LIMITS.sessionName}
          required
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="session-capacity">${msg('Capacity (students)')}</label>
        <input
          id="session-capacity"
          type="number"
          min="1"
          max=${LIMITS.sessionCapacity}
          .value=${String(this.capacity)}
          @input=${(e: Event) => (this.capacity = Number((e.target as HTMLInputElement).value))}
        />
      </div>
      <div class="check">
        <input
          id="session-late"
          type="checkbox"
          .checked=${this.lateJoin}
          @change=${(e: Event) => (this.lateJoin = (e.target as HTMLInputElement).checked)}
        />
        <label for="session-late">${msg('Let students join after a round has started')}</label>
      </div>
      <button type="submit" ?disabled=${this.creating}>
        ${this.creating ? msg('Creating…') : msg('Create session')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-console-page': CisConsolePage;
  }
}
