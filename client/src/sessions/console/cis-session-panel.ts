import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { Mode, RolePreset, SeatRole, SessionDetail, SessionPlayer } from '../../../../server/protocol/api';
import { MODES, ROLES } from '../../../../server/protocol/vocabulary';
import { actionFailureText } from '../../core/requests';
import { emit } from '../../core/events';
import { sessionsApi } from '../api';
import { quizApi } from '../../quiz/api';
import { sortRoster } from './roster';
import './cis-round-timers';
import '../../files/cis-drop-stick';
import '../../cast/cis-cast-settings';
import { roleLabel } from '../../ui/labels';
import { formatClock } from '../../ui/format';
import { sharedStyles } from '../../ui/styles/shared';
import { staffPageStyles } from '../../ui/styles/page';
import { recordTableStyles } from '../../ui/styles/tables';
import { cellLabel } from '../../ui/scrolling-table';

/** The roles a student may be given, in the vocabulary's order. */
const SEAT_ROLES = ROLES.filter((role): role is SeatRole => role !== 'facilitator');

/** A mode as the console names it. */
function modeLabel(mode: Mode): string {
  return mode === 'closed' ? msg('Closed (the national intranet)') : msg('Open (the comparison network)');
}

/**
 * One class session in the facilitator's console: its join code, live counts, the round
 * controls (mode, start, end, pause), lock, the roster with online marks and role selects,
 * the pack's events, reset and delete. Every control answers with the session as it is now,
 * which replaces `detail` (`cis-session-updated`); pushes keep it live in between.
 */
@localized()
@customElement('cis-session-panel')
export class CisSessionPanel extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    recordTableStyles,
    css`
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.5rem;
      }
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.15rem;
      }
      .join {
        margin: 0 0 0.75rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
        align-items: center;
      }
      .join .code {
        font-size: 1.6rem;
        font-weight: 800;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
      }
      a {
        color: var(--cis-accent);
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      dl.counts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
        gap: 0.5rem;
        margin: 0 0 0.5rem;
      }
      dl.counts div {
        background: #f3f4f6;
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      dt {
        font-size: 0.9rem;
        color: var(--cis-muted);
      }
      dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .state {
        margin: 0 0 0.5rem;
        font-weight: 600;
      }
      .state .paused {
        color: #7a4d00;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .row label {
        font-weight: 600;
      }
      .danger {
        background: var(--cis-danger);
        border-color: var(--cis-danger);
      }
      button.secondary.danger {
        background: var(--cis-paper);
        color: var(--cis-danger);
      }
      .online {
        white-space: nowrap;
      }
      .dot {
        display: inline-block;
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 50%;
        margin-right: 0.35rem;
        border: 2px solid #4a5361;
        vertical-align: -0.05rem;
      }
      .online.yes .dot {
        background: #15803d;
        border-color: #15803d;
      }
      td select,
      td input {
        max-width: 12rem;
      }
      td .row {
        flex-wrap: nowrap;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The session as the server last described it. */
  @property({ attribute: false }) detail: SessionDetail | undefined;

  @state() private mode: Mode = 'closed';
  @state() private keepRoster = true;
  @state() private renaming = '';
  @state() private newName = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  /** Run one control; its answer (the session now) replaces `detail`. */
  private async act(run: (id: string) => Promise<SessionDetail | void>, done: string): Promise<boolean> {
    const detail = this.detail;
    if (!detail || this.busy) return false;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      const next = await run(detail.id);
      if (next) emit(this, 'cis-session-updated', { detail: next });
      this.message = done;
      return true;
    } catch (error) {
      this.error = actionFailureText(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const detail = this.detail;
    if (!detail) return nothing;
    const round = detail.round;
    return html`
      <h2 id="session-heading" tabindex="-1">${detail.name}</h2>
      <div class="join">
        <span>${msg('Join code:')} <span class="code">${detail.code}</span></span>
        <span>${detail.joinUrl}</span>
        <a
          href=${`/present/${detail.code}`}
          @click=${(event: MouseEvent) => this.follow(event, `/present/${detail.code}`)}
          >${msg('Open the projector view')}</a
        >
        <a
          href=${`/console/debrief/${encodeURIComponent(detail.id)}`}
          @click=${(event: MouseEvent) => this.follow(event, `/console/debrief/${encodeURIComponent(detail.id)}`)}
          >${msg('Debrief')}</a
        >
      </div>
      <p class="message success" role="status">${this.message}</p>
      <p class="message error" role="alert">${this.error}</p>
      <p class="state">
        ${
          detail.ended
            ? msg('This session has ended.')
            : round
              ? msg(str`Round ${round.number} running since ${formatClock(round.startedAt)}: ${modeLabel(round.mode)}.`)
              : msg('No round running.')
        }
        ${detail.paused ? html`<span class="paused">${msg('Paused.')}</span>` : nothing}
        ${detail.locked ? msg('Locked: nobody new can join.') : msg('Open for joining.')}
      </p>
      ${this.renderCounts(detail)} ${detail.ended ? nothing : this.renderControls(detail)} ${this.renderQuiz()}
      ${this.renderRoster(detail)} ${detail.ended ? nothing : this.renderEvents(detail)}
      ${detail.ended ? nothing : html`<cis-drop-stick .detail=${detail}></cis-drop-stick>`}
      ${detail.ended ? nothing : this.renderCast(detail)} ${this.renderUpkeep()}
    `;
  }

  private follow(event: MouseEvent, path: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    emit(this, 'cis-navigate', { path });
  }

  /** The after-quiz opens at the end, before or after the session is ended (opening it twice changes nothing). */
  private renderQuiz(): TemplateResult {
    return html`<h3>${msg('Quiz')}</h3>
      <div class="row">
        <button
          type="button"
          class="secondary"
          ?disabled=${this.busy}
          @click=${() =>
            this.act(
              (id) => quizApi.openAfter(id).then(() => undefined),
              msg('After-quiz opened: every student sees the statements again.'),
            )}
        >
          ${msg('Open the after-quiz')}
        </button>
      </div>`;
  }

  private renderCounts(detail: SessionDetail): TemplateResult {
    const c = detail.counts;
    const items: [string, number][] = [
      [msg('Joined'), c.joined],
      [msg('Online'), c.online],
      [msg('Posts'), c.posts],
      [msg('Messages'), c.messages],
      [msg('Blocked'), c.blocked],
      [msg('Pending'), c.pending],
    ];
    return html`<h3>${msg('Live counts')}</h3>
      <dl class="counts">
        ${items.map(
          ([label, value]) =>
            html`<div>
              <dt>${label}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>`;
  }

  private renderControls(detail: SessionDetail): TemplateResult {
    const next = (detail.round?.number ?? detail.roundsPlayed ?? 0) + 1;
    return html`
      <h3>${msg('Round')}</h3>
      <div class="row">
        <label for="round-mode">${msg('Mode')}</label>
        <select id="round-mode" @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as Mode)}>
          ${MODES.map((mode) => html`<option value=${mode} ?selected=${mode === this.mode}>${modeLabel(mode)}</option>`)}
        </select>
        <button type="button" ?disabled=${this.busy} @click=${() => this.startRound(next)}>
          ${msg(str`Start round ${next}`)}
        </button>
        ${
          detail.round
            ? html`<button
                type="button"
                class="secondary"
                ?disabled=${this.busy}
                @click=${() => this.act((id) => sessionsApi.endRound(id), msg('Round ended.'))}
              >
                ${msg('End round')}
              </button>`
            : nothing
        }
      </div>
      ${detail.round ? this.renderModeSwitch(detail.round.mode) : nothing}
      <cis-round-timers .events=${detail.events} .round=${detail.round}></cis-round-timers>
      <h3>${msg('Class')}</h3>
      <div class="row">
        <button
          type="button"
          ?disabled=${this.busy}
          @click=${() =>
            this.act(
              (id) => sessionsApi.pause(id, !detail.paused),
              detail.paused ? msg('Resumed.') : msg('Paused: every write is refused.'),
            )}
        >
          ${detail.paused ? msg('Resume') : msg('Pause')}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.busy}
          @click=${() =>
            this.act(
              (id) => sessionsApi.lock(id, !detail.locked),
              detail.locked ? msg('Unlocked: new students may join.') : msg('Locked.'),
            )}
        >
          ${detail.locked ? msg('Unlock joining') : msg('Lock joining')}
        </button>
        <button
          type="button"
          class="secondary danger"
          ?disabled=${this.busy}
          @click=${() => {
            if (confirm(msg('End this session for every student? They will see the end screen.'))) {
              void this.act((id) => sessionsApi.end(id), msg('Session ended.'));
            }
          }}
        >
          ${msg('End session')}
        </button>
      </div>
    `;
  }

  /** Switches the running round's mode: every student's screens follow live (no reload). */
  private renderModeSwitch(mode: Mode): TemplateResult {
    const next: Mode = mode === 'closed' ? 'open' : 'closed';
    return html`<div class="row">
      <button
        type="button"
        class="secondary"
        ?disabled=${this.busy}
        @click=${() =>
          this.act(
            // Every control answers with the session; read it if this one answered less.
            async (id) => {
              const answer = await sessionsApi.setMode(id, next);
              return answer && 'players' in answer ? answer : sessionsApi.detail(id);
            },
            next === 'open'
              ? msg('The round is now open: every student is on the open network.')
              : msg('The round is closed again: the national intranet is back.'),
          )}
      >
        ${next === 'open' ? msg('Switch this round to open') : msg('Switch this round to closed')}
      </button>
    </div>`;
  }

  /** Starts the next round with the mode chosen and the events set on a timer. */
  private async startRound(next: number): Promise<void> {
    const timers = this.renderRoot.querySelector('cis-round-timers');
    const collected = timers?.collect() ?? { ok: true as const, events: [] };
    if (!collected.ok) return;
    const started = await this.act(
      (id) => sessionsApi.startRound(id, this.mode, collected.events),
      collected.events.length
        ? msg(str`Round ${next} started, with ${collected.events.length} events on a timer.`)
        : msg(str`Round ${next} started.`),
    );
    if (started) timers?.clear();
  }

  private renderRoster(detail: SessionDetail): TemplateResult {
    const players = sortRoster(detail.players);
    return html`
      <h3 id="roster-heading">${msg('Roster')}</h3>
      ${
        detail.ended
          ? nothing
          : html`<div class="row">
              <span>${msg('Give roles by a preset:')}</span>
              ${this.presetButton('realistic', msg('Realistic'))} ${this.presetButton('active', msg('Active class'))}
            </div>`
      }
      ${
        players.length === 0
          ? html`<p class="empty">${msg('Nobody has joined yet.')}</p>`
          : html`<div class="scroller" tabindex="0" role="region" aria-labelledby="roster-heading">
              <table>
                <caption class="visually-hidden">
                  ${msg('Students: name, online or not, role, and actions')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${msg('Name')}</th>
                    <th scope="col">${msg('Online')}</th>
                    <th scope="col">${msg('Role')}</th>
                    <th scope="col">${msg('Actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    players,
                    (player) => player.id,
                    (player) => this.renderPlayer(player, detail.ended),
                  )}
                </tbody>
              </table>
            </div>`
      }
    `;
  }

  private presetButton(preset: RolePreset, label: string): TemplateResult {
    return html`<button
      type="button"
      class="secondary"
      ?disabled=${this.busy}
      @click=${() => this.act((id) => sessionsApi.roles(id, { preset }), msg(str`Roles given: ${label}.`))}
    >
      ${label}
    </button>`;
  }

  private renderPlayer(player: SessionPlayer, ended: boolean): TemplateResult {
    const selectId = `role-${player.id}`;
    return html`<tr>
      <th scope="row">
        ${cellLabel(msg('Name'))}${
          this.renaming === player.id
            ? html`<div class="row">
                <label class="visually-hidden" for="rename-${player.id}"
                  >${msg(str`New name for ${player.name}`)}</label
                >
                <input
                  id="rename-${player.id}"
                  .value=${this.newName}
                  @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') void this.rename(player);
                    if (e.key === 'Escape') this.renaming = '';
                  }}
                />
                <button type="button" @click=${() => this.rename(player)}>${msg('Save')}</button>
                <button type="button" class="secondary" @click=${() => (this.renaming = '')}>${msg('Cancel')}</button>
              </div>`
            : player.name
        }
      </th>
      <td class="online ${player.online ? 'yes' : 'no'}">
        ${cellLabel(msg('Online'))}<span class="dot" aria-hidden="true"></span
        >${player.online ? msg('online') : msg('offline')}
      </td>
      <td>
        ${cellLabel(msg('Role'))}<label class="visually-hidden" for=${selectId}
          >${msg(str`Role of ${player.name}`)}</label
        >
        <select id=${selectId} ?disabled=${ended || this.busy} @change=${(e: Event) => this.assign(player, e)}>
          ${player.role === null ? html`<option value="" selected disabled>${msg('Not given')}</option>` : nothing}
          ${SEAT_ROLES.map(
            (role) => html`<option value=${role} ?selected=${role === player.role}>${roleLabel(role)}</option>`,
          )}
        </select>
      </td>
      <td>
        ${cellLabel(msg('Actions'))}
        <div class="row">
          <button
            type="button"
            class="secondary"
            aria-label=${msg(str`Rename ${player.name}`)}
            @click=${() => this.startRename(player)}
          >
            ${msg('Rename')}
          </button>
          <button
            type="button"
            class="secondary danger"
            aria-label=${msg(str`Remove ${player.name}`)}
            ?disabled=${this.busy}
            @click=${() => this.removePlayer(player)}
          >
            ${msg('Remove')}
          </button>
        </div>
      </td>
    </tr>`;
  }

  private async startRename(player: SessionPlayer): Promise<void> {
    this.renaming = player.id;
    this.newName = player.name;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#rename-${CSS.escape(player.id)}`)?.select();
  }

  private assign(player: SessionPlayer, event: Event): void {
    const role = (event.target as HTMLSelectElement).value as SeatRole;
    void this.act(
      (id) => sessionsApi.roles(id, { assignments: [{ playerId: player.id, role }] }),
      msg(str`${player.name} is now: ${roleLabel(role)}.`),
    );
  }

  private async rename(player: SessionPlayer): Promise<void> {
    const name = this.newName.trim();
    if (!name || name === player.name) {
      this.renaming = '';
      return;
    }
    if (await this.act((id) => sessionsApi.rename(id, player.id, name), msg(str`Renamed to ${name}.`))) {
      this.renaming = '';
    }
  }

  private removePlayer(player: SessionPlayer): void {
    if (
      !confirm(msg(str`Remove ${player.name} from this class? Their seat ends at once and this name cannot rejoin.`))
    ) {
      return;
    }
    void this.act((id) => sessionsApi.remove(id, player.id), msg(str`${player.name} was removed.`));
  }

  private renderEvents(detail: SessionDetail): TemplateResult | typeof nothing {
    if (detail.events.length === 0) return nothing;
    return html`
      <h3>${msg('Events')}</h3>
      <div class="row">
        ${detail.events.map(
          (event) =>
            html`<button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => this.act((id) => sessionsApi.fireEvent(id, event.id), msg(str`Event fired: ${event.title}.`))}
            >
              ${event.title}
            </button>`,
        )}
      </div>
    `;
  }

  /** The simulated cast of this class: who plays the missing parts, and how fast the bureau decides. */
  private renderCast(detail: SessionDetail): TemplateResult {
    return html`
      <h3>${msg('Simulated cast')}</h3>
      <p class="lede">
        ${msg(
          'A scripted censor bureau, colleagues in the chat rooms and a hotel guide play the parts no student holds. They are always marked as simulated.',
        )}
      </p>
      <cis-cast-settings
        sessionId=${detail.id}
        .cast=${detail.cast}
        @cis-cast-saved=${(event: GlobalEventHandlersEventMap['cis-cast-saved']) => {
          const next = event.detail.detail;
          if (next) emit(this, 'cis-session-updated', { detail: next });
        }}
      ></cis-cast-settings>
    `;
  }

  private renderUpkeep(): TemplateResult {
    return html`
      <h3>${msg('Reset or delete')}</h3>
      <div class="row">
        <input
          id="keep-roster"
          type="checkbox"
          .checked=${this.keepRoster}
          @change=${(e: Event) => (this.keepRoster = (e.target as HTMLInputElement).checked)}
        />
        <label for="keep-roster">${msg('Keep the roster')}</label>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.busy}
          @click=${() => {
            const question = this.keepRoster
              ? msg("Reset this session's posts, messages and articles to the pack? The students keep their seats.")
              : msg('Reset this session to the pack and remove every student?');
            if (confirm(question)) {
              const keep = this.keepRoster;
              void this.act((id) => sessionsApi.reset(id, keep), msg('The session was reset.'));
            }
          }}
        >
          ${msg('Reset')}
        </button>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${this.deleteSession}>
          ${msg('Delete session')}
        </button>
      </div>
    `;
  }

  private async deleteSession(): Promise<void> {
    const detail = this.detail;
    if (!detail || !confirm(msg(str`Delete "${detail.name}" and everything in it? This cannot be undone.`))) return;
    if (await this.act((id) => sessionsApi.deleteSession(id), msg('Deleted.'))) {
      emit(this, 'cis-session-deleted', { id: detail.id });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-session-panel': CisSessionPanel;
  }
  interface GlobalEventHandlersEventMap {
    /** A control answered: the session as it is now. */
    'cis-session-updated': CustomEvent<{ detail: SessionDetail }>;
    /** The session was deleted. */
    'cis-session-deleted': CustomEvent<{ id: string }>;
  }
}
