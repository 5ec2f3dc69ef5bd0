import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { SessionDetail } from '../../../server/protocol/api';
import { actionFailureText } from '../core/requests';
import { sessionsApi } from '../sessions/api';
import { sortRoster } from '../sessions/console/roster';
import { sharedStyles } from '../ui/styles/shared';
import { staffPageStyles } from '../ui/styles/page';
import { kindLabel } from './files';

/**
 * The console's "Drop a USB stick": choose one of the pack's files and one or more students, and
 * each of them finds a fresh copy on their device (the chain of marks starts with them).
 */
@localized()
@customElement('cis-drop-stick')
export class CisDropStick extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    css`
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.15rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        margin: 0 0 0.75rem;
        max-width: 32rem;
      }
      fieldset {
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
      }
      legend {
        font-weight: 700;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 1rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      li input {
        min-height: 0;
        width: 1.25rem;
        height: 1.25rem;
        flex: none;
      }
      li label {
        font-weight: 400;
        overflow-wrap: anywhere;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The session as the server last described it (its `files` and `players`). */
  @property({ attribute: false }) detail: SessionDetail | undefined;

  @state() private fileId = '';
  @state() private chosen = new Set<string>();
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  private toggle(playerId: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(playerId);
    else next.delete(playerId);
    this.chosen = next;
  }

  private async drop(event: Event): Promise<void> {
    event.preventDefault();
    const detail = this.detail;
    if (!detail || this.busy) return;
    const files = detail.files;
    const file = files.find((f) => f.id === this.fileId);
    // Only students still in the roster: someone removed meanwhile is not sent.
    const to = detail.players.filter((p) => this.chosen.has(p.id)).map((p) => p.id);
    this.message = '';
    this.error = '';
    if (!file) {
      this.error = msg('Choose a file to put on the stick.');
      return;
    }
    if (to.length === 0) {
      this.error = msg('Choose at least one student.');
      return;
    }
    this.busy = true;
    try {
      await sessionsApi.dropFiles(detail.id, file.id, to);
      this.message =
        to.length === 1
          ? msg(str`A stick with "${file.title}" was dropped to 1 student.`)
          : msg(str`A stick with "${file.title}" was dropped to ${to.length} students.`);
      this.chosen = new Set();
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const detail = this.detail;
    if (!detail) return nothing;
    const files = detail.files;
    const players = sortRoster(detail.players);
    return html`
      <h3>${msg('Drop a USB stick')}</h3>
      <p class="message success" role="status">${this.message}</p>
      <p class="message error" role="alert">${this.error}</p>
      ${
        files.length === 0
          ? html`<p class="empty">${msg('This pack has no files to drop.')}</p>`
          : html`<form @submit=${this.drop}>
              <div class="field">
                <label for="drop-file">${msg('File on the stick')}</label>
                <select id="drop-file" @change=${(e: Event) => (this.fileId = (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${this.fileId === ''} disabled>${msg('Choose a file')}</option>
                  ${files.map(
                    (file) =>
                      html`<option value=${file.id} ?selected=${file.id === this.fileId}>
                        ${file.title} (${kindLabel(file.kind)}, ${file.signed ? msg('signed') : msg('not signed')})
                      </option>`,
                  )}
                </select>
              </div>
              <fieldset>
                <legend>${msg('Drop it to')}</legend>
                ${
                  players.length === 0
                    ? html`<p class="empty">${msg('Nobody has joined yet.')}</p>`
                    : html`<ul>
                        ${players.map(
                          (player) =>
                            html`<li>
                              <input
                                type="checkbox"
                                id="drop-to-${player.id}"
                                .checked=${this.chosen.has(player.id)}
                                @change=${(e: Event) => this.toggle(player.id, (e.target as HTMLInputElement).checked)}
                              />
                              <label for="drop-to-${player.id}">${player.name}</label>
                            </li>`,
                        )}
                      </ul>`
                }
              </fieldset>
              <button type="submit" ?disabled=${this.busy}>${msg('Drop the stick')}</button>
            </form>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-drop-stick': CisDropStick;
  }
}
