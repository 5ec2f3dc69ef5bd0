/**
 * The kiosk's attract screen at `/` (issue 15): a short loop of the network's grand surface with
 * "Touch to begin" in both languages, then a language choice, then persona cards — one tap starts
 * a visit (`POST /api/kiosk/visits`), no typing, no password. A step left alone for the idle time
 * goes back to the loop. The operator's exit is hidden here: five quick taps in the top-left corner
 * (or Ctrl+Alt+O on a keyboard) ask for the PIN.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { KioskInfo, Locale, Me } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { emit } from '../core/events';
import { chooseLocale, getLocale } from '../core/localization';
import { roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';
import { kioskApi } from './api';
import { kioskStyles } from './styles';
import './cis-kiosk-operator';

type Step = 'loop' | 'language' | 'persona';

/** Taps in the corner that open the operator's PIN, and the time they must fall within. */
const OPERATOR_TAPS = 5;
const OPERATOR_WINDOW_MS = 4000;

@localized()
@customElement('cis-kiosk-attract')
export class CisKioskAttract extends LitElement {
  static override styles = [
    sharedStyles,
    kioskStyles,
    css`
      :host {
        min-height: 100vh;
        color: #ffffff;
        background: radial-gradient(circle at 50% 20%, #c3262b 0, var(--k-red) 45%, var(--k-red-deep) 100%);
      }
      .frame {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
        border-top: 14px solid var(--k-blue);
        border-bottom: 14px solid var(--k-blue);
        box-shadow:
          inset 0 6px 0 var(--k-gold),
          inset 0 -6px 0 var(--k-gold);
        padding: 1.5rem clamp(1rem, 4vw, 3rem);
      }
      .corner {
        position: absolute;
        top: 0;
        left: 0;
        width: 64px;
        height: 64px;
      }
      .sim {
        margin: 0;
        font-size: 0.85em;
        color: var(--k-gold);
        letter-spacing: 0.08em;
        text-transform: uppercase;
        text-align: center;
      }
      .begin {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1.25rem;
        width: 100%;
        border: none;
        background: transparent;
        color: inherit;
        text-align: center;
        padding: 1rem;
      }
      /* The Republic's flag, the same image as on the login banner (client/public/art). */
      .begin .flag {
        width: min(60vw, 320px);
        height: auto;
        filter: drop-shadow(0 6px 12px rgb(0 0 0 / 40%));
      }
      .slides {
        position: relative;
        min-height: 4.5em;
        width: min(90vw, 48rem);
      }
      .slide {
        position: absolute;
        inset: 0;
        margin: 0;
        font-size: clamp(1.5rem, 4vw, 2.6rem);
        font-weight: 700;
        color: var(--k-gold);
        text-shadow: 0 2px 0 var(--k-red-deep);
        opacity: 0;
        animation: slide 12s infinite;
      }
      .slide:nth-child(2) {
        animation-delay: 4s;
      }
      .slide:nth-child(3) {
        animation-delay: 8s;
      }
      @keyframes slide {
        0%,
        30% {
          opacity: 1;
        }
        36%,
        100% {
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .slide:first-child {
          opacity: 1;
        }
      }
      .touch {
        display: inline-flex;
        flex-direction: column;
        gap: 0.25rem;
        padding: 1rem 2.5rem;
        border-radius: 999px;
        background: var(--k-gold);
        color: #1b1f24;
        font-size: clamp(1.4rem, 4vw, 2.2rem);
        font-weight: 700;
        animation: pulse 2.4s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          transform: scale(1.05);
        }
      }
      h1 {
        margin: 0.5rem 0 1rem;
        font-size: clamp(1.8rem, 5vw, 3rem);
        color: var(--k-gold);
        text-align: center;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 1.25rem;
        justify-content: center;
      }
      .lang {
        min-width: min(80vw, 16rem);
        min-height: 120px;
        font-size: clamp(1.6rem, 4vw, 2.4rem);
        background: #ffffff;
        color: var(--k-blue);
        border: 4px solid var(--k-gold);
      }
      .cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
        gap: 1rem;
      }
      .card {
        width: 100%;
        height: 100%;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.4rem;
        text-align: left;
        padding: 1.1rem 1.2rem;
        background: #fffdf5;
        color: #1b1f24;
        border: 4px solid var(--k-gold);
        border-radius: 14px;
        font-weight: 400;
      }
      .card .name {
        font-size: 1.35em;
        font-weight: 700;
        color: var(--k-blue);
      }
      .card .role {
        font-weight: 700;
        color: var(--k-red);
      }
      .bar {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        margin-top: 1.5rem;
        flex-wrap: wrap;
      }
      .status {
        text-align: center;
      }
    `,
  ];

  /** The kiosk's settings and persona cards (`GET /api/session`). */
  @property({ attribute: false }) info: KioskInfo | undefined;
  /** Open at the persona cards ("live another life"). */
  @property({ type: Boolean }) another = false;

  @state() private step: Step = 'loop';
  @state() private starting = '';
  @state() private error = '';
  @state() private operator = false;

  private taps: number[] = [];
  private back: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, this.onInput, true);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    for (const type of ['pointerdown', 'keydown'] as const) window.removeEventListener(type, this.onInput, true);
    clearTimeout(this.back);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('another') && this.another) this.step = 'persona';
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('step')) {
      this.armBack();
      if (this.step !== 'loop') this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  /** Any input keeps a step open; left alone for the idle time, it goes back to the loop. */
  private readonly onInput = (): void => this.armBack();

  private armBack(): void {
    clearTimeout(this.back);
    if (this.step === 'loop' || this.operator || this.another) return;
    const seconds = this.info?.settings.idleSeconds ?? 90;
    this.back = setTimeout(() => {
      this.step = 'loop';
      this.error = '';
    }, seconds * 1000);
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey && event.altKey && event.key.toLowerCase() === 'o') {
      event.preventDefault();
      this.operator = true;
    }
  };

  private onCorner(event: PointerEvent): void {
    event.stopPropagation();
    const now = Date.now();
    this.taps = [...this.taps.filter((t) => now - t < OPERATOR_WINDOW_MS), now];
    if (this.taps.length >= OPERATOR_TAPS) {
      this.taps = [];
      this.operator = true;
    }
  }

  private async pickLanguage(locale: Locale): Promise<void> {
    await chooseLocale(locale);
    emit(this, 'cis-locale', { locale });
    this.step = 'persona';
  }

  private async pickPersona(username: string, name: string): Promise<void> {
    if (this.starting) return;
    this.starting = name;
    this.error = '';
    try {
      const me: Me = await kioskApi.start(username, getLocale());
      emit(this, 'cis-kiosk-visit', { me });
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.status === 429
          ? msg('Too many visits were started here just now. Wait a minute, then try again.')
          : msg('The visit could not be started. Try again, or ask at the museum desk.');
    } finally {
      this.starting = '';
    }
  }

  override render(): TemplateResult {
    return html`<div class="frame">
      <div class="corner" @pointerdown=${this.onCorner}></div>
      <p class="sim">${msg('A simulation for a museum: the state and its people are fictional.')}</p>
      ${this.step === 'loop' ? this.renderLoop() : nothing}
      ${this.step === 'language' ? this.renderLanguage() : nothing}
      ${this.step === 'persona' ? this.renderPersonas() : nothing}
      ${
        this.operator
          ? html`<cis-kiosk-operator @cis-kiosk-operator-closed=${() => (this.operator = false)}></cis-kiosk-operator>`
          : nothing
      }
    </div>`;
  }

  private renderLoop(): TemplateResult {
    return html`<button
      class="begin"
      aria-label="Touch to begin. 시작하려면 화면을 누르세요."
      @click=${() => (this.step = 'language')}
    >
      <img class="flag" src="/art/flag.svg" width="60" height="40" alt="" />
      <span class="slides" aria-hidden="true">
        <span class="slide" lang="en">The network of our own: safe, clean, ours.</span>
        <span class="slide" lang="ko">우리 식의 망: 안전하고 깨끗한 우리의 것.</span>
        <span class="slide" lang="en">Every terminal a fortress of the homeland.</span>
      </span>
      <span class="touch" aria-hidden="true">
        <span lang="en">Touch to begin</span>
        <span lang="ko">시작하려면 누르세요</span>
      </span>
    </button>`;
  }

  private renderLanguage(): TemplateResult {
    return html`<h1 tabindex="-1">
        <span lang="en">Choose your language</span> · <span lang="ko">언어를 고르세요</span>
      </h1>
      <div class="choices" role="group" aria-label="Language · 언어">
        <button class="lang" lang="en" @click=${() => void this.pickLanguage('en')}>English</button>
        <button class="lang" lang="ko" @click=${() => void this.pickLanguage('ko')}>한국어</button>
      </div>`;
  }

  private renderPersonas(): TemplateResult {
    const personas = this.info?.personas ?? [];
    return html`<h1 tabindex="-1">${msg('Choose a life')}</h1>
      <p class="status">${msg('Who you are decides what this network lets you see. Touch a person to begin.')}</p>
      <ul class="cards">
        ${personas.map(
          (p) =>
            html`<li>
              <button
                class="card"
                ?disabled=${!!this.starting}
                @click=${() => void this.pickPersona(p.username, p.displayName)}
              >
                <span class="name">${p.displayName}</span>
                <span class="role">${roleLabel(p.role)}</span>
                <span>${p.description}</span>
              </button>
            </li>`,
        )}
      </ul>
      ${
        this.starting
          ? html`<p class="status" role="status">${msg(str`Starting your visit as ${this.starting}…`)}</p>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="bar">
        ${
          this.another
            ? html`<button class="ghost" @click=${() => emit(this, 'cis-kiosk-stay')}>
                ${msg('Back to my visit')}
              </button>`
            : html`<button class="ghost" @click=${() => (this.step = 'language')}>${msg('Back')}</button>`
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-kiosk-attract': CisKioskAttract;
  }
  interface GlobalEventHandlersEventMap {
    /** A visit started (the shell takes its user). */
    'cis-kiosk-visit': CustomEvent<{ me: Me }>;
    /** "Live another life" was left without choosing: back to the visit. */
    'cis-kiosk-stay': CustomEvent<void>;
  }
}
