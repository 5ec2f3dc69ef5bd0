/**
 * The idle reset of a kiosk visit: after the idle time without input, a dialog counts down
 * ("Resetting in 30 s — touch to stay"; WCAG 2.2.1 asks for at least 20 s to respond); any touch,
 * click or key keeps the visitor, and at zero `cis-kiosk-reset` fires (the shell wipes the visit).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import { IdleClock } from './idle';
import { kioskStyles } from './styles';

/** What counts as a visitor being there. */
const INPUT = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

@localized()
@customElement('cis-kiosk-idle')
export class CisKioskIdle extends LitElement {
  static override styles = [
    sharedStyles,
    kioskStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 1.5rem));
        border: 4px solid var(--k-gold);
        border-top: 12px solid var(--k-red);
        border-radius: 14px;
        padding: 1.5rem;
        text-align: center;
        color: #1b1f24;
        background: #ffffff;
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 70%);
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: clamp(1.5rem, 4vw, 2.2rem);
      }
      .left {
        font-size: clamp(2.5rem, 8vw, 4rem);
        font-weight: 700;
        color: var(--k-red);
        margin: 0.25rem 0 1rem;
      }
    `,
  ];

  @property({ type: Number }) idleSeconds = 90;
  @property({ type: Number }) countdownSeconds = 30;

  @state() private left = 0;
  @query('dialog') private dialog!: HTMLDialogElement;
  private clock: IdleClock | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of INPUT) window.addEventListener(type, this.onInput, { capture: true, passive: true });
    this.restart();
  }

  override disconnectedCallback(): void {
    for (const type of INPUT) window.removeEventListener(type, this.onInput, { capture: true });
    this.clock?.stop();
    super.disconnectedCallback();
  }

  /** The operator changed the timeouts: count with the new ones (the first values started in connectedCallback). */
  override updated(changed: Map<string, unknown>): void {
    if (changed.get('idleSeconds') !== undefined || changed.get('countdownSeconds') !== undefined) this.restart();
  }

  private restart(): void {
    this.clock?.stop();
    this.clock = new IdleClock(this.idleSeconds, this.countdownSeconds, {
      onCountdown: (left) => {
        this.left = left;
        void this.updateComplete.then(() => {
          if (!this.dialog.open) {
            this.dialog.showModal();
            this.renderRoot.querySelector<HTMLElement>('button')?.focus();
          }
        });
      },
      onStay: () => this.hide(),
      onExpire: () => {
        this.hide();
        emit(this, 'cis-kiosk-reset');
      },
    });
    this.clock.start();
  }

  private readonly onInput = (): void => this.clock?.activity();

  private hide(): void {
    this.left = 0;
    if (this.dialog?.open) this.dialog.close();
  }

  override render(): TemplateResult {
    return html`<dialog
      aria-labelledby="idle-title"
      aria-describedby="idle-left"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.clock?.activity();
      }}
    >
      ${
        this.left > 0
          ? html`<h2 id="idle-title">${msg('Are you still there?')}</h2>
              <p class="left" id="idle-left" role="timer" aria-live="off">${msg(str`Resetting in ${this.left} s`)}</p>
              <p>${msg('Touch anywhere to stay. Otherwise this visit is wiped for the next visitor.')}</p>
              <button class="big" @click=${() => this.clock?.activity()}>${msg('Stay')}</button>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-kiosk-idle': CisKioskIdle;
  }
  interface GlobalEventHandlersEventMap {
    /** The visit is to be wiped and the attract screen to return. */
    'cis-kiosk-reset': CustomEvent<void>;
  }
}
