import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { ChatMonitorEntry, ChatMonitorResponse, ChatRoom, TrailEvent } from '../../../../server/protocol/api';
import { Latest, actionFailureText, loadFailureText } from '../../core/requests';
import { monitorApi } from './api';
import { liveContext } from '../../app/context';
import { ArrivalBatcher } from '../../core/controllers/arrival-batcher';
import { LiveSubscription } from '../../core/controllers/live-subscription';
import type { LiveConnection } from '../../core/live';
import { staffPageStyles } from '../../ui/styles/page';
import { sharedStyles } from '../../ui/styles/shared';
import type { DisciplineAction, MonitoredUser } from './cis-monitor-people';
import './cis-monitor-feed';
import './cis-monitor-people';
import '../../ui/cis-placard';

/** Entries fetched and kept on screen. */
const LIMIT = 200;

/** Trail kinds that mean another censor changed a room or a person: refresh the controls. */
const CONTROL_KINDS = new Set([
  'user_muted',
  'user_unmuted',
  'user_revoked',
  'user_restored',
  'room_closed',
  'room_reopened',
]);

type MonitoredRoom = ChatMonitorResponse['rooms'][number];

/**
 * The censor's chat monitor: every message in every room and conversation as it is
 * sent, delivered or not, and the censor's powers — close and reopen rooms, mute and
 * unmute people, revoke (confirmed) and restore their access. `data-live` is "on" while
 * the socket is connected.
 */
@localized()
@customElement('cis-monitor-page')
export class CisMonitorPage extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    css`
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.25rem;
      }
      .layout {
        display: grid;
        gap: 1.5rem;
      }
      @media (min-width: 70rem) {
        .layout {
          grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
          align-items: start;
        }
      }
      .controls {
        display: grid;
        gap: 1.5rem;
      }
      ul.rooms {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      .rooms li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--cis-line);
        border-radius: 6px;
        background: var(--cis-paper);
      }
      .closed {
        color: var(--cis-danger);
        font-weight: 600;
      }
      cis-placard {
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private entries: ChatMonitorEntry[] = [];
  @state() private rooms: MonitoredRoom[] = [];
  @state() private users: MonitoredUser[] = [];
  @state() private fresh = new Set<string>();
  @state() private loading = true;
  @state() private loadError = '';
  @state() private success = '';
  @state() private error = '';
  @state() private announcement = '';

  private readonly loads = new Latest();
  private busy = new Set<string>();

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'chat:monitor': (entry) => this.onEntry(entry),
      'chat:room': (room) => this.onRoom(room),
      'trail:event': (event) => this.onTrail(event),
    },
    reflect: true,
    // Entries sent while the socket was away are lost: fetch again (merged by id).
    onConnect: () => void this.refresh(),
  });

  private readonly arrivals = new ArrivalBatcher(this, (count) => {
    this.announcement = count === 1 ? msg('1 new chat message') : msg(str`${count} new chat messages`);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private onEntry(entry: ChatMonitorEntry): void {
    if (this.entries.some((known) => known.id === entry.id)) return;
    this.entries = [entry, ...this.entries].slice(0, LIMIT);
    this.fresh = new Set([...this.fresh, entry.id]);
    this.arrivals.add();
  }

  private onRoom(room: ChatRoom): void {
    this.rooms = this.rooms.map((known) => (known.id === room.id ? { ...known, closed: room.closed } : known));
  }

  private onTrail(event: TrailEvent): void {
    if (CONTROL_KINDS.has(event.kind)) void this.refresh();
  }

  private refresh(): Promise<void> {
    return this.loads.run(() => monitorApi.monitor(LIMIT), {
      use: (response) => {
        const byId = new Map<string, ChatMonitorEntry>();
        for (const entry of [...response.entries, ...this.entries]) byId.set(entry.id, entry);
        this.entries = [...byId.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, LIMIT);
        this.rooms = response.rooms;
        this.users = response.users;
        this.loadError = '';
      },
      fail: (error) => {
        this.loadError = loadFailureText(
          error,
          msg('You may not see the chat monitor.'),
          msg('The chat monitor could not be loaded. Try again in a moment.'),
        );
      },
      settle: () => (this.loading = false),
    });
  }

  /** Runs one change at a time per person or room, and reports it. */
  private async change(key: string, run: () => Promise<string>): Promise<void> {
    if (this.busy.has(key)) return;
    this.busy.add(key);
    this.success = '';
    this.error = '';
    try {
      this.success = await run();
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy.delete(key);
    }
  }

  private readonly onDiscipline = (event: GlobalEventHandlersEventMap['cis-discipline']): void => {
    const { username, action } = event.detail;
    const user = this.users.find((u) => u.username === username);
    if (!user) return;
    const name = user.displayName;
    type Step = { call: () => Promise<unknown>; patch: Partial<MonitoredUser>; report: string };
    const steps: Record<DisciplineAction, Step> = {
      mute: { call: () => monitorApi.mute(username, true), patch: { muted: true }, report: msg(str`Muted ${name}.`) },
      unmute: {
        call: () => monitorApi.mute(username, false),
        patch: { muted: false },
        report: msg(str`Unmuted ${name}.`),
      },
      revoke: {
        call: () => monitorApi.revoke(username, true),
        patch: { revoked: true },
        report: msg(str`Revoked ${name}: logged out everywhere.`),
      },
      restore: {
        call: () => monitorApi.revoke(username, false),
        patch: { revoked: false },
        report: msg(str`Restored ${name}'s access.`),
      },
    };
    const step = steps[action];
    void this.change(`user:${username}`, async () => {
      await step.call();
      this.users = this.users.map((u) => (u.username === username ? { ...u, ...step.patch } : u));
      return step.report;
    });
  };

  private toggleRoom(room: MonitoredRoom): void {
    void this.change(`room:${room.id}`, async () => {
      const state = await monitorApi.closeRoom(room.id, !room.closed);
      this.onRoom(state);
      return state.closed ? msg(str`Closed ${room.title}.`) : msg(str`Reopened ${room.title}.`);
    });
  }

  override render(): TemplateResult {
    const names = new Map(this.users.map((u) => [u.username, u.displayName]));
    const titles = new Map(this.rooms.map((r) => [r.id, r.title]));
    return html`
      <h1 tabindex="-1">${msg('Chat monitor')}</h1>
      <p class="lede">
        ${msg(
          'Every chat message in every room and conversation, as it is sent — including the ones the filter stopped. Nobody being watched can see this screen.',
        )}
      </p>
      <p class="message success" role="status">${this.success}</p>
      <p class="message error" role="alert">${this.error || this.loadError}</p>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      ${
        this.loading
          ? html`<p role="status">${msg('Loading…')}</p>`
          : html`<div class="layout">
              <section aria-labelledby="messages-title">
                <h2 id="messages-title">${msg('Messages')}</h2>
                <cis-monitor-feed
                  .entries=${this.entries}
                  .roomTitles=${titles}
                  .names=${names}
                  .fresh=${this.fresh}
                ></cis-monitor-feed>
              </section>
              <div class="controls">
                <section aria-labelledby="rooms-title">
                  <h2 id="rooms-title">${msg('Rooms')}</h2>
                  <ul class="rooms">
                    ${this.rooms.map((room) => this.renderRoom(room))}
                  </ul>
                </section>
                <section aria-labelledby="people-title" @cis-discipline=${this.onDiscipline}>
                  <h2 id="people-title">${msg('People')}</h2>
                  <cis-monitor-people .users=${this.users}></cis-monitor-people>
                </section>
              </div>
            </div>`
      }
      <cis-placard placard-id="chat-watched"></cis-placard>
    `;
  }

  private renderRoom(room: MonitoredRoom): TemplateResult {
    return html`<li>
      <span> ${room.title} ${room.closed ? html`<span class="closed">${msg('(closed)')}</span>` : nothing} </span>
      <button type="button" class="secondary" @click=${() => this.toggleRoom(room)}>
        ${room.closed ? msg('Reopen') : msg('Close')}<span class="visually-hidden"> ${room.title}</span>
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-monitor-page': CisMonitorPage;
  }
}
