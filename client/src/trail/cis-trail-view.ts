import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Me, TrailEvent, TrailKind } from '../../../server/protocol/api';
import { TRAIL_KINDS } from '../../../server/protocol/vocabulary';
import { Latest, loadFailureText } from '../core/requests';
import { trailApi } from './api';
import { sessionsApi } from '../sessions/api';
import { liveContext, meContext } from '../app/context';
import { monitorApi } from '../chat/monitor/api';
import { boardsApi } from '../boards/api';
import { browserApi } from '../browser/api';
import { trailKindLabel } from '../record/kind-labels';
import { roleLabel } from '../ui/labels';
import { describeDetail, emptyDirectory, learnNames, personName } from './trail-words';
import type { TrailDirectory } from './trail-words';
import { ArrivalBatcher } from '../core/controllers/arrival-batcher';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { formatClock } from '../ui/format';
import { cellLabel, noneMark, scrollingTable } from '../ui/scrolling-table';
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

/** A login name as the trail's `user` query accepts it. */
const USERNAME = /^[a-z0-9_]{2,32}$/;

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

  /** The viewer: its own name, and what it may read to learn the others' names. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  /** Names and titles learnt so far; `directoryVersion` re-renders when it grows. */
  private readonly directory: TrailDirectory = emptyDirectory();
  @state() private directoryVersion = 0;
  /** Whose names were last learnt (the viewer's login name). */
  private learntFor = '';

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

  /**
   * Learns display names and titles from what the viewer may read anyway (the trail carries login
   * names and ids): its own login; for a censor the chat monitor's people and rooms; the boards and
   * sites its network lists. Each is optional: what fails leaves the login name or id on screen.
   */
  private async learnDirectory(): Promise<void> {
    const me = this.me;
    const people = this.directory.people;
    if (me) people.set(me.username, me.displayName);
    const may = (capability: string) => me?.capabilities.includes(capability as Me['capabilities'][number]) ?? false;
    const tasks: Promise<void>[] = [];
    if (may('users.discipline'))
      tasks.push(
        monitorApi.monitor(500).then((monitor) => {
          for (const user of monitor.users) people.set(user.username, user.displayName);
          for (const entry of monitor.entries)
            if (entry.fromName && !people.has(entry.from)) people.set(entry.from, entry.fromName);
          for (const room of monitor.rooms) this.directory.rooms.set(room.id, room.title);
        }),
      );
    if (may('boards.read'))
      tasks.push(
        boardsApi.boards().then(({ boards }) => {
          for (const board of boards) this.directory.boards.set(board.id, board.title);
        }),
      );
    if (may('network.domestic') || may('network.foreign'))
      tasks.push(
        browserApi.sites().then(({ sites }) => {
          for (const site of sites) this.directory.sites.set(site.id, site.title);
        }),
      );
    this.directoryVersion++;
    await Promise.allSettled(tasks.map((task) => task.then(() => void this.directoryVersion++)));
  }

  /** Learns the names the events carry; re-renders when a new one is learnt. */
  private learnFrom(events: readonly TrailEvent[]): void {
    if (learnNames(this.directory, events)) this.directoryVersion++;
  }

  /**
   * The login name the user filter means: a display name typed (or picked from the list) is
   * matched to its login; a login name is taken as it is; other text filters by name on screen.
   */
  private filterUser(): { username?: string; text?: string } {
    const typed = this.user.trim();
    if (!typed) return {};
    const folded = typed.toLocaleLowerCase();
    for (const [username, name] of this.directory.people) {
      if (name.toLocaleLowerCase() === folded) return { username };
    }
    return USERNAME.test(typed) ? { username: typed } : { text: folded };
  }

  override disconnectedCallback(): void {
    clearTimeout(this.userTimer);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Learn the names once the viewer is known (the context may arrive after the first render).
    if (changed.has('me') && this.me && this.learntFor !== this.me.username) {
      this.learntFor = this.me.username;
      void this.learnDirectory();
    }
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
    this.learnFrom([event]);
    if (!this.passesFilter(event) || this.events.some((known) => known.id === event.id)) return;
    this.events = merge([event], this.events, this.limit);
    this.fresh = new Set([...this.fresh, event.id]);
    this.arrivals.add();
  }

  private passesFilter(event: TrailEvent): boolean {
    const user = this.filterUser();
    if (user.username && event.username !== user.username) return false;
    if (user.text && !personName(this.directory, event).toLocaleLowerCase().includes(user.text)) return false;
    return this.kind === 'all' || event.kind === this.kind;
  }

  private refresh(): Promise<void> {
    this.loading = true;
    this.error = '';
    const user = this.filterUser().username;
    const query = { ...(user ? { user } : {}), ...(this.kind === 'all' ? {} : { kind: this.kind }), limit: this.limit };
    const session = this.session;
    const fetch = session ? () => sessionsApi.trail(session, this.limit) : () => trailApi.trail(query);
    return this.loads.run(fetch, {
      use: (response) => {
        this.learnFrom(response.events);
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
            ${[...new Set(this.events.map((e) => personName(this.directory, e)).filter((name) => name !== ''))].map(
              (name) => html`<option value=${name}></option>`,
            )}
          </datalist>
        </div>
        <div class="field">
          <label for="trail-kind">${msg('Kind')}</label>
          <select id="trail-kind" @change=${this.onKindChange}>
            <option value="all" ?selected=${this.kind === 'all'}>${msg('all')}</option>
            ${KINDS.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${trailKindLabel(kind)}</option>`)}
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
    const columns = [msg('Time'), msg('Who'), msg('Role'), msg('What happened'), msg('Detail')] as const;
    return scrollingTable({
      label: msg('Trail events'),
      caption: msg('Surveillance trail, newest first'),
      columns,
      rows: this.events.map((event) => this.renderRow(event, columns)),
    });
  }

  private renderRow(event: TrailEvent, [time, who, role, what, detail]: readonly string[]): TemplateResult {
    const none = noneMark();
    const details = describeDetail(event, this.directory);
    return html`
      <tr class=${this.fresh.has(event.id) ? 'fresh' : ''}>
        <td>${cellLabel(time ?? '')}<time datetime=${event.at}>${formatClock(event.at, { seconds: true })}</time></td>
        <td>${cellLabel(who ?? '')}${personName(this.directory, event) || none}</td>
        <td>${cellLabel(role ?? '')}${event.role ? roleLabel(event.role) : none}</td>
        <td>${cellLabel(what ?? '')}<span class="kind ${event.kind}">${trailKindLabel(event.kind)}</span></td>
        <td class="detail">${details ? html`${cellLabel(detail ?? '')}<span>${details}</span>` : nothing}</td>
      </tr>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-trail-view': CisTrailView;
  }
}
