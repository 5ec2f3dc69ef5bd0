import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { Me, SessionState } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { capabilityLabel, roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';
import { sessionsApi } from './api';
import { roleCardKey } from './sessions';
import '../files/cis-inspection-notice';
import '../record/cis-visit-summary';

/** Whether the card under `key` was dismissed in this tab (a new role or round shows it again). */
function dismissed(key: string): boolean {
  try {
    return sessionStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function rememberDismissed(key: string): void {
  try {
    sessionStorage.setItem(key, '1');
  } catch {
    // Private mode without storage: the card simply shows again after a reload.
  }
}

/**
 * What a student's seat adds to every screen, each as a modal dialog (so the screen beneath is
 * inert: no writes while paused): the "paused by your teacher" notice, the role card (re-opened
 * from the top bar), and the end and "removed" screens. Follows `session:state` pushes.
 */
@localized()
@customElement('cis-seat-chrome')
export class CisSeatChrome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog.paused {
        text-align: center;
        background: #fff4d6;
        border: 4px solid #8a6d00;
      }
      .paused h2 {
        margin: 0 0 0.5rem;
        font-size: clamp(1.5rem, 6vw, 2.2rem);
      }
      .paused p {
        margin: 0;
        font-size: 1.15rem;
      }
      dialog.over {
        width: 100vw;
        max-width: none;
        height: 100vh;
        max-height: none;
        margin: 0;
        border: 0;
        border-radius: 0;
        border-top: 10px solid var(--cis-accent);
        padding: 2rem 1.5rem;
      }
      dialog.over.removed {
        border-top-color: var(--cis-danger);
      }
      dialog.over > div {
        max-width: 40rem;
        margin: 2rem auto;
      }
      .over h1 {
        margin: 0 0 1rem;
        font-size: clamp(1.6rem, 6vw, 2.4rem);
      }
      .over p {
        font-size: 1.15rem;
      }
      a {
        color: var(--cis-accent);
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      dialog {
        max-width: min(34rem, calc(100vw - 1.5rem));
        width: 100%;
        border: 2px solid var(--cis-ink);
        border-radius: 12px;
        padding: 1.25rem;
        color: var(--cis-ink);
        background: var(--cis-paper);
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 60%);
      }
      .card-kicker {
        margin: 0;
        text-transform: uppercase;
        letter-spacing: 0.08em;
        font-size: 0.9rem;
        color: var(--cis-muted);
      }
      dialog h2 {
        margin: 0.25rem 0 0.25rem;
        font-size: 1.6rem;
      }
      .card-role {
        margin: 0 0 1rem;
        font-size: 1.2rem;
        font-weight: 700;
        color: var(--cis-accent);
      }
      dialog h3 {
        margin: 1rem 0 0.25rem;
        font-size: 1.05rem;
      }
      dialog ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      .brief {
        margin: 0;
        padding: 0.75rem;
        background: #f3f4f6;
        border-left: 4px solid var(--cis-accent);
        white-space: pre-line;
      }
      .secret {
        margin: 0.5rem 0 0;
        color: var(--cis-muted);
        font-size: 0.95rem;
      }
      .actions {
        margin-top: 1.25rem;
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  /** The seat's user, from `/api/me` (its `seat` says paused, ended and the role card). */
  @property({ attribute: false }) me: Me | undefined;

  /** Why the seat ended ('removed' from the `session:ended` push), '' while it stands. */
  @property() ending = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private paused = false;
  @state() private ended = false;
  @state() private cardOpen = false;

  @query('dialog') private dialog: HTMLDialogElement | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'session:state': (state) => this.onState(state) },
    onConnect: () => void this.catchUp(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cis-role-card', this.openCard);
    // The after-quiz and one's own result are their own chunk.
    void import('../quiz/index');
  }

  override disconnectedCallback(): void {
    window.removeEventListener('cis-role-card', this.openCard);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('me') && this.me?.seat) {
      const seat = this.me.seat;
      this.paused = seat.paused;
      this.ended = seat.ended;
      this.cardOpen = seat.card !== null && !dismissed(roleCardKey(this.me));
    }
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  private onState(state: SessionState): void {
    if (state.sessionId !== this.me?.sessionId) return;
    this.paused = state.paused;
    this.ended = state.ended;
  }

  /** Pushes sent while the socket was away are lost: read the seat's state again. */
  private async catchUp(): Promise<void> {
    void this.subscription;
    try {
      const me = await sessionsApi.me();
      if (me.seat && me.username === this.me?.username) {
        this.paused = me.seat.paused;
        this.ended = me.seat.ended;
      }
    } catch {
      // A 401 ends the seat through the shell; otherwise keep what we know.
    }
  }

  private readonly openCard = (): void => {
    if (this.me?.seat?.card) this.cardOpen = true;
  };

  private closeCard(): void {
    this.dialog?.close();
  }

  private onCardClose(): void {
    this.cardOpen = false;
    if (this.me) rememberDismissed(roleCardKey(this.me));
  }

  /** The pause and end notices stay until the teacher lifts them: Escape does not close them. */
  private keep(event: Event): void {
    event.preventDefault();
  }

  override render(): TemplateResult | typeof nothing {
    if (this.ending || this.ended) return this.renderOver();
    if (this.paused) {
      return html`<dialog
        class="paused"
        role="alertdialog"
        aria-labelledby="paused-heading"
        aria-describedby="paused-text"
        @cancel=${this.keep}
      >
        <h2 id="paused-heading" tabindex="-1">${msg('Paused by your teacher')}</h2>
        <p id="paused-text">${msg('Everything is on hold. Look up and listen; the class goes on in a moment.')}</p>
      </dialog>`;
    }
    // A censor's seat is told when an inspection is called (the banner is empty for everyone else).
    // The after-quiz opens over any screen when the teacher opens it (`cis-after-quiz` asks on every push).
    return html`<cis-inspection-notice .me=${this.me}></cis-inspection-notice
      >${this.cardOpen ? this.renderCard() : nothing}<cis-after-quiz></cis-after-quiz>`;
  }

  private renderOver(): TemplateResult {
    const removed = this.ending === 'removed';
    return html`
      <dialog class="over ${removed ? 'removed' : ''}" aria-labelledby="over-heading" @cancel=${this.keep}>
        <div>
          <h1 id="over-heading" tabindex="-1">
            ${removed ? msg('You were removed from this class') : msg('The class has ended')}
          </h1>
          <p>
            ${
              removed
                ? msg('Your teacher removed your seat. If you think this is a mistake, talk to your teacher.')
                : msg('Thank you for taking part. Your teacher will talk with you about what happened.')
            }
          </p>
          ${
            // The end of the visit shows what this terminal kept (a removed seat can no longer read it).
            removed ? nothing : html`<cis-visit-summary></cis-visit-summary>`
          }
          ${
            // The after-quiz may be opened once the class has ended: it comes over this screen.
            removed ? nothing : html`<cis-quiz-result></cis-quiz-result><cis-after-quiz></cis-after-quiz>`
          }
          ${removed ? nothing : html`<p><a href="/join">${msg('Join another class')}</a></p>`}
        </div>
      </dialog>
    `;
  }

  private renderCard(): TemplateResult | typeof nothing {
    const card = this.me?.seat?.card;
    if (!card) return nothing;
    return html`
      <dialog aria-labelledby="card-heading" @close=${this.onCardClose}>
        <p class="card-kicker">${msg('Your role card')}</p>
        <h2 id="card-heading">${card.persona}</h2>
        <p class="card-role">${roleLabel(card.role)}</p>
        <h3>${msg('You may')}</h3>
        ${
          card.may.length
            ? html`<ul>
                ${card.may.map((capability) => html`<li>${capabilityLabel(capability)}</li>`)}
              </ul>`
            : html`<p>${msg('Nothing on the network: you have no access at all.')}</p>`
        }
        <h3>${msg('You may not')}</h3>
        ${
          card.mayNot.length
            ? html`<ul>
                ${card.mayNot.map((capability) => html`<li>${capabilityLabel(capability)}</li>`)}
              </ul>`
            : html`<p>${msg('Everything is open to you.')}</p>`
        }
        ${
          card.brief
            ? html`<h3>${msg('Your brief')}</h3>
                <p class="brief">${card.brief}</p>`
            : nothing
        }
        <p class="secret">${msg('Keep your role secret. Reopen this card from the top bar.')}</p>
        <div class="actions">
          <button type="button" @click=${this.closeCard}>${msg('Got it')}</button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-seat-chrome': CisSeatChrome;
  }
}
