import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ChatMonitorResponse } from '../../../../server/protocol/api';
import { sharedStyles } from '../../ui/styles/shared';
import { emit } from '../../core/events';
import { roleLabel } from '../../ui/labels';
import { cellLabel } from '../../ui/scrolling-table';
import { tableCardStyles } from '../../ui/styles/tables';

/** A person the censor may discipline, as the monitor lists them. */
export type MonitoredUser = ChatMonitorResponse['users'][number];

/** What the censor does to a person. */
export type DisciplineAction = 'mute' | 'unmute' | 'revoke' | 'restore';

/**
 * The people a censor may discipline, with Mute/Unmute and Revoke/Restore. Revoking
 * logs a person out everywhere at once, so it asks again first: the first press shows
 * "Confirm revoke" (focused) and "Cancel"; Escape cancels too. Fires `cis-discipline`.
 */
@localized()
@customElement('cis-monitor-people')
export class CisMonitorPeople extends LitElement {
  static override styles = [
    sharedStyles,
    tableCardStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--cis-paper);
        border: 1px solid var(--cis-line);
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid #e3e5e8;
        vertical-align: middle;
      }
      thead th {
        background: #eceef1;
      }
      .role {
        color: var(--cis-muted);
        font-size: 0.9rem;
      }
      .state {
        font-weight: 600;
      }
      .state.bad {
        color: var(--cis-danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      .confirm {
        flex-basis: 100%;
        margin: 0;
        font-weight: 600;
        color: var(--cis-danger);
      }
      button.danger {
        border-color: var(--cis-danger);
        background: var(--cis-danger);
        color: #ffffff;
      }
    `,
  ];

  /** The people listed. */
  @property({ attribute: false }) users: MonitoredUser[] = [];

  @state() private confirming = '';

  private async askToRevoke(username: string): Promise<void> {
    this.confirming = username;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.danger')?.focus();
  }

  private async cancel(username: string): Promise<void> {
    this.confirming = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-revoke='${username}']`)?.focus();
  }

  private async act(username: string, action: DisciplineAction): Promise<void> {
    this.confirming = '';
    emit(this, 'cis-discipline', { username, action });
    if (action !== 'revoke' && action !== 'restore') return;
    // The pressed button goes away: keep focus in the row, on its Mute button.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-mute='${username}']`)?.focus();
  }

  override render(): TemplateResult {
    return html`
      <table>
        <caption class="visually-hidden">
          ${msg('People you may mute or revoke')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Person')}</th>
            <th scope="col">${msg('State')}</th>
            <th scope="col">${msg('Actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map((user) => this.renderRow(user))}
        </tbody>
      </table>
    `;
  }

  private renderRow(user: MonitoredUser): TemplateResult {
    const name = user.displayName;
    const hidden = (text: string) => html`<span class="visually-hidden"> ${text}</span>`;
    return html`<tr>
      <th scope="row">
        ${cellLabel(msg('Person'))}<span>${name} <span class="role">(${roleLabel(user.role)})</span></span>
      </th>
      <td>
        ${cellLabel(msg('State'))}<span class="state ${user.revoked || user.muted ? 'bad' : ''}"
          >${user.revoked ? msg('Revoked') : user.muted ? msg('Muted') : msg('Active')}</span
        >
      </td>
      <td>
        ${cellLabel(msg('Actions'))}
        <div
          class="actions"
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.confirming && void this.cancel(user.username)}
        >
          <button
            type="button"
            class="secondary"
            data-mute=${user.username}
            @click=${() => void this.act(user.username, user.muted ? 'unmute' : 'mute')}
          >
            ${user.muted ? msg('Unmute') : msg('Mute')}${hidden(name)}
          </button>
          ${
            user.revoked
              ? html`<button type="button" class="secondary" @click=${() => void this.act(user.username, 'restore')}>
                  ${msg('Restore')}${hidden(name)}
                </button>`
              : this.confirming === user.username
                ? html`<p class="confirm">${msg(str`Log ${name} out everywhere and lock them out?`)}</p>
                    <button type="button" class="danger" @click=${() => void this.act(user.username, 'revoke')}>
                      ${msg('Confirm revoke')}${hidden(name)}
                    </button>
                    <button type="button" class="secondary" @click=${() => void this.cancel(user.username)}>
                      ${msg('Cancel')}
                    </button>`
                : html`<button
                    type="button"
                    class="secondary"
                    data-revoke=${user.username}
                    @click=${() => void this.askToRevoke(user.username)}
                  >
                    ${msg('Revoke')}${hidden(name)}
                  </button>`
          }
        </div>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-monitor-people': CisMonitorPeople;
  }
  interface GlobalEventHandlersEventMap {
    /** The censor mutes, unmutes, revokes or restores a person. */
    'cis-discipline': CustomEvent<{ username: string; action: DisciplineAction }>;
  }
}
