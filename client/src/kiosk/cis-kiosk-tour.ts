/**
 * The guided tour of a kiosk visit: a panel at the foot of every screen with the current stop's
 * small mission, its placard on demand, "Go there", "Skip" / "Next", "Live another life" and "End
 * visit". A stop is done when the visit's trail shows it (`GET /api/kiosk/visits/current`, read
 * again after each of the visitor's writes and each change of screen); the device-record stop
 * when its screen was opened. Where the visitor has got to lives in session storage (wiped at reset).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { KioskVisit } from '../../../server/protocol/api';
import { ApiFailure, onWrite } from '../core/api';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';
import { kioskApi } from './api';
import { kioskStyles } from './styles';

const STOP_KEY = 'cis-kiosk-stop';
const SEEN_KEY = 'cis-kiosk-seen';
/** How often the tour reads its progress while shown. */
const POLL_MS = 4000;

function stored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage refused: the tour still works for this page
  }
}

@localized()
@customElement('cis-kiosk-tour')
export class CisKioskTour extends LitElement {
  static override styles = [
    sharedStyles,
    kioskStyles,
    css`
      :host {
        position: sticky;
        bottom: 0;
        z-index: 5;
        font-size: 1rem;
      }
      section {
        margin: 0 auto;
        max-width: 90rem;
        color: #ffffff;
        background: var(--k-blue);
        border-top: 6px solid var(--k-gold);
        padding: 0.75rem clamp(0.75rem, 3vw, 1.5rem);
        box-shadow: 0 -4px 16px rgb(0 0 0 / 25%);
      }
      h2 {
        margin: 0;
        font-size: 1.1rem;
        color: var(--k-gold);
      }
      .mission {
        margin: 0.35rem 0 0.6rem;
        font-size: 1.15rem;
      }
      .done {
        color: var(--k-gold);
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .actions button {
        min-height: 48px;
      }
      .gold {
        background: var(--k-gold);
        border-color: var(--k-gold);
        color: #1b1f24;
      }
      .ghost {
        color: #ffffff;
      }
      cis-placard {
        margin: 0.5rem 0;
        color: #1b1f24;
      }
      .progress {
        margin: 0;
        font-size: 0.95rem;
      }
    `,
  ];

  /** The screen shown now (the tour reads its progress again when it changes). */
  @property() current: string | undefined;

  @state() private visit: KioskVisit | undefined;
  @state() private failed = false;
  @state() private why = false;
  @state() private index = Number(stored(STOP_KEY) ?? 0) || 0;

  private stopWrites: (() => void) | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWrites = onWrite(() => this.refreshSoon());
    // Chat goes over the socket, not a write request: read the progress every few seconds too.
    this.poll = setInterval(() => void this.refresh(), POLL_MS);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.stopWrites?.();
    clearTimeout(this.pending);
    clearInterval(this.poll);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('current') && this.current) {
      if (this.current === 'record') store(SEEN_KEY, '1');
      if (changed.get('current') !== undefined) this.refreshSoon();
    }
  }

  private refreshSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 250);
  }

  private async refresh(): Promise<void> {
    try {
      this.visit = await kioskApi.visit();
      this.failed = false;
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status !== 401) this.failed = true;
    }
  }

  private go(index: number): void {
    this.index = index;
    this.why = false;
    store(STOP_KEY, String(index));
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private done(stop: KioskVisit['tour'][number]): boolean {
    return stop.done || (stop.id === 'device-record' && stored(SEEN_KEY) === '1');
  }

  override render(): TemplateResult {
    const v = this.visit;
    if (!v) {
      return html`<section aria-label=${msg('Guided tour')}>
        <p class="progress" role="status">
          ${this.failed ? msg('The tour could not be loaded.') : msg('Loading the tour…')}
        </p>
        ${this.endButtons()}
      </section>`;
    }
    if (v.tour.length === 0) return html`<section aria-label=${msg('Your visit')}>${this.endButtons()}</section>`;
    const last = v.tour.length - 1;
    const index = Math.min(this.index, last);
    const stop = v.tour[index]!;
    const done = this.done(stop);
    const completed = v.tour.filter((s) => this.done(s)).length;
    return html`<section aria-label=${msg('Guided tour')}>
      <p class="progress">${msg(str`Stop ${index + 1} of ${v.tour.length}`)} · ${msg(str`${completed} done`)}</p>
      <h2 tabindex="-1">${stop.title} ${done ? html`<span class="done">✓ ${msg('Done')}</span>` : nothing}</h2>
      <p class="mission">${stop.mission}</p>
      ${this.why ? html`<cis-placard placard-id=${stop.placardId}></cis-placard>` : nothing}
      <div class="actions">
        <button class="gold" @click=${() => emit(this, 'cis-navigate', { path: stop.path ?? '/' })}>
          ${msg('Go there')}
        </button>
        <button class="ghost" aria-expanded=${this.why ? 'true' : 'false'} @click=${() => (this.why = !this.why)}>
          ${msg('Why is it like this?')}
        </button>
        ${index > 0 ? html`<button class="ghost" @click=${() => this.go(index - 1)}>${msg('Previous')}</button>` : nothing}
        ${
          index < last
            ? html`<button class="ghost" @click=${() => this.go(index + 1)}>
                ${done ? msg('Next') : msg('Skip')}
              </button>`
            : html`<button class="gold" @click=${() => emit(this, 'cis-kiosk-ending')}>
                ${msg('See the ending')}
              </button>`
        }
      </div>
      ${this.endButtons()}
    </section>`;
  }

  private endButtons(): TemplateResult {
    return html`<div class="actions">
      <button class="ghost" @click=${() => emit(this, 'cis-kiosk-another')}>${msg('Live another life')}</button>
      <button class="ghost" @click=${() => emit(this, 'cis-kiosk-ending')}>${msg('End visit')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-kiosk-tour': CisKioskTour;
  }
  interface GlobalEventHandlersEventMap {
    /** Show the visit's ending (record and comparison). */
    'cis-kiosk-ending': CustomEvent<void>;
    /** Choose another persona. */
    'cis-kiosk-another': CustomEvent<void>;
  }
}
