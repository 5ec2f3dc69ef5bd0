import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { TrailEvent, TrailKind } from '../../../server/protocol/api';
import { TRAIL_KINDS } from '../../../server/protocol/vocabulary';
import { Latest, loadFailureText } from '../core/requests';
import { trailApi } from './api';
import { sessionsApi } from '../sessions/api';
import { liveContext } from '../app/context';
import { ArrivalBatcher } from '../core/controllers/arrival-batcher';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { formatClock } from '../ui/format';
import { noneMark, scrollingTable } from '../ui/scrolling-table';
import { sharedStyles } from '../ui/styles/shared';
import { logTableStyles } from '../ui/styles/tables';
import { trailViewStyles } from './cis-trail-view.styles';

/** The kinds the filter offers. */
const KINDS = TRAIL_KINDS;

type KindFilter = TrailKind | 'all';
type LiveState = 'connecting' | 'live' | 'offline';

/** Newest first, no duplicates, at most `limit`. */
function merge(a: TrailEvent[], b: TrailEvent[], limit: number): TrailEvent[] {
  const byId = new Map<string, TrailEvent>();
  for (const event of [...a, ...b]) byId.set(event.id, event);
  return [...byId.values()].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0)).slice(0, limit);
}

function describeDetail(detail: Record<string, string>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
}

/**
 * The surveillance trail as a monitor sees it: filters by user and kind, the
 * events newest first from `/api/trail`, then kept up to date from the socket's
 * `trail:event` pushes. Used by the censor's trail screen and the facilitator's overview.
 */
@localized()
@customElement('cis-trail-view')
export class CisTrailView extends LitElement {
  static override styles = [sharedStyles, logTableStyles, trailViewStyles];

  /** How many events to fetch and keep on screen (1..200). */
  @property({ type: Number }) limit = 100;

  /**
   * A class session's id: show that session's trail (`GET /api/sessions/:id/trail` and the owner's
   * `session:trail` pushes, filtered here) instead of the viewer's own session's.
   */
  @property() session = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private events: TrailEvent[] = [];
  @state() private loading = true;
  @state() private error = '';
  @state() private user = '';
  @state() private kind: KindFilter = 'all';
  @state() private liveState: LiveState = 'connecting';
  @state() private announcement = '';
  @state() private fresh = new Set<string>();

  private readonly loads = new Latest();
  private userTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'trail:event': (event) => {
        if (!this.session) this.onTrailEvent(event);
      },
      'session:trail': ({ sessionId, event }) => {
        if (this.session && sessionId === this.session) this.onTrailEvent(event);
      },
    },
    onSubscribed: (connected) => {
      if (connected) this.onConnect();
    },
    onConnect: () => this.onConnect(),
    onDisconnect: () => (this.liveState = 'offline'),
    onError: () => (this.liveState = 'offline'),
  });

  private readonly arrivals = new ArrivalBatcher(this, (count) => {
    this.announcement = count === 1 ? msg('1 new event') : msg(str`${count} new events`);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.live) this.liveState = 'offline';
    void this.refresh();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.userTimer);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session') !== undefined) {
      this.events = [];
      void this.refresh();
    }
  }

  private onConnect(): void {
    this.liveState = 'live';
    // Fetch again on every (re)connection: events between the first fetch and joining
    // the live room would otherwise be missed. merge() drops duplicates by id.
    void this.refresh();
  }

  private onTrailEvent(event: TrailEvent): void {
    if (!this.passesFilter(event) || this.events.some((known) => known.id === event.id)) return;
    this.events = merge([event], this.events, this.limit);
    this.fresh = new Set([...this.fresh, event.id]);
    this.arrivals.add();
  }

  private passesFilter(event: TrailEvent): boolean {
    const user = this.user.trim();
    if (user && event.username !== user) return false;
    return this.kind === 'all' || event.kind === this.kind;
  }

  private refresh(): Promise<void> {
    this.loading = true;
    this.error = '';
    const user = this.user.trim();
    const query = { ...(user ? { user } : {}), ...(this.kind === 'all' ? {} : { kind: this.kind }), limit: this.limit };
    const session = this.session;
    const fetch = session ? () => sessionsApi.trail(session, this.limit) : () => trailApi.trail(query);
    return this.loads.run(fetch, {
      use: (response) => {
        // Keep live events that arrived while the request was in flight.
        this.events = merge(
          session ? response.events.filter((e) => this.passesFilter(e)) : response.events,
          this.events.filter((e) => this.passesFilter(e)),
          this.limit,
        );
        this.fresh = new Set();
      },
      fail: (error) => {
        this.error = loadFailureText(
          error,
          msg('You may not read the surveillance trail.'),
          msg('The trail could not be loaded. Try again in a moment.'),
        );
      },
      settle: () => (this.loading = false),
    });
  }

  private onUserInput(event: Event): void {
    this.user = (event.target as HTMLInputElement).value;
    clearTimeout(this.userTimer);
    this.userTimer = setTimeout(() => void this.refresh(), 350);
  }

  private onKindChange(event: Event): void {
    this.kind = (event.target as HTMLSelectElement).value as KindFilter;
    this.events = [];
    void this.refresh();
  }

  override render(): TemplateResult {
    return html`
      <div class="filters">
        <div class="field">
          <label for="trail-user">${msg('User')}</label>
          <input
            id="trail-user"
            type="search"
            list="trail-users"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            placeholder=${msg('All users')}
            .value=${this.user}
            @input=${this.onUserInput}
          />
          <datalist id="trail-users">
            ${[...new Set(this.events.map((e) => e.username).filter((u) => u !== null))].map(
              (username) => html`<option value=${username}></option>`,
            )}
          </datalist>
        </div>
        <div class="field">
          <label for="trail-kind">${msg('Kind')}</label>
          <select id="trail-kind" @change=${this.onKindChange}>
            <option value="all" ?selected=${this.kind === 'all'}>${msg('all')}</option>
            ${KINDS.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${kind}</option>`)}
          </select>
        </div>
        <p class="live ${this.liveState}">
          <span class="dot" aria-hidden="true"></span>
          ${
            this.liveState === 'live'
              ? msg('Live')
              : this.liveState === 'connecting'
                ? msg('Connecting…')
                : msg('Live updates paused')
          }
        </p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderBody()}
    `;
  }

  private renderBody(): TemplateResult {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.loading && this.events.length === 0) {
      return html`<p class="empty">${msg('Loading events…')}</p>`;
    }
    if (this.events.length === 0) return html`<p class="empty">${msg('No events yet')}</p>`;
    return scrollingTable({
      label: msg('Trail events'),
      caption: msg('Surveillance trail, newest first'),
      columns: [msg('Time'), msg('User'), msg('Role'), msg('Kind'), msg('Detail')],
      rows: this.events.map((event) => this.renderRow(event)),
    });
  }

  private renderRow(event: TrailEvent): TemplateResult {
    const none = noneMark();
    return html`
      <tr class=${this.fresh.has(event.id) ? 'fresh' : ''}>
        <td><time datetime=${event.at}>${formatClock(event.at, { seconds: true })}</time></td>
        <td>${event.username ?? none}</td>
        <td>${event.role ?? none}</td>
        <td><span class="kind ${event.kind}">${event.kind}</span></td>
        <td class="detail">${describeDetail(event.detail) || nothing}</td>
      </tr>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-trail-view': CisTrailView;
  }
}
