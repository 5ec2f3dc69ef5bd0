/**
 * The end of a kiosk visit, in one screen: what the device recorded (the visit summary, read from
 * `GET /api/record`) and the closed-vs-open comparison — what the visitor tried, what the closed
 * network did with it, what an open one would have done, and how often they did it
 * (`GET /api/kiosk/visits/current`). "Finish" wipes the visit; "Live another life" picks another persona.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { KioskVisit } from '../../../server/protocol/api';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import '../record/cis-visit-summary';
import '../ui/cis-placard';
import { kioskApi } from './api';
import { kioskStyles } from './styles';

@localized()
@customElement('cis-kiosk-ending')
export class CisKioskEnding extends LitElement {
  static override styles = [
    sharedStyles,
    kioskStyles,
    css`
      :host {
        max-width: 72rem;
        margin: 0 auto;
        color: #1b1f24;
      }
      header {
        color: #ffffff;
        background: var(--k-red);
        border-top: 10px solid var(--k-blue);
        border-bottom: 6px solid var(--k-gold);
        padding: 1rem 1.25rem;
        border-radius: 12px 12px 0 0;
      }
      h1 {
        margin: 0;
        font-size: clamp(1.6rem, 4vw, 2.6rem);
        color: var(--k-gold);
      }
      header p {
        margin: 0.4rem 0 0;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
        gap: 1.25rem;
        margin-top: 1rem;
      }
      @media (max-width: 60rem) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: 1.3rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.6rem 0.5rem;
        border-bottom: 1px solid #c9ccd1;
      }
      thead th {
        background: var(--k-blue);
        color: #ffffff;
      }
      td.count {
        font-weight: 700;
        text-align: center;
      }
      @media (max-width: 40rem) {
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        tr,
        th,
        td {
          display: block;
        }
        tr {
          border: 2px solid #c9ccd1;
          border-radius: 10px;
          margin-bottom: 0.75rem;
          padding: 0.5rem;
        }
        td::before {
          display: block;
          font-size: 0.85rem;
          font-weight: 700;
          color: #4a5361;
          content: attr(data-label);
        }
        td.count {
          text-align: left;
        }
      }
      .closed {
        color: #7a1212;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 1.5rem 0;
      }
      cis-placard {
        margin-top: 1rem;
      }
    `,
  ];

  @state() private visit: KioskVisit | undefined;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    kioskApi.visit().then(
      (v) => (this.visit = v),
      () => (this.failed = true),
    );
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render(): TemplateResult {
    const v = this.visit;
    return html`<header>
        <h1 tabindex="-1">${msg('The end of your visit')}</h1>
        ${v ? html`<p>${msg(str`You lived as ${v.persona.displayName}. This is what the network did with you.`)}</p>` : nothing}
      </header>
      <div class="grid">
        <cis-visit-summary></cis-visit-summary>
        <section aria-labelledby="compare">
          <h2 id="compare">${msg('Closed network and open network')}</h2>
          ${this.failed ? html`<p role="alert">${msg('The comparison could not be loaded.')}</p>` : nothing}
          ${!v && !this.failed ? html`<p role="status">${msg('Loading…')}</p>` : nothing}
          ${v ? this.renderTable(v) : nothing}
          ${v ? html`<cis-placard placard-id=${v.endingPlacardId}></cis-placard>` : nothing}
        </section>
      </div>
      <div class="actions">
        <button class="big" @click=${() => emit(this, 'cis-kiosk-reset')}>${msg('Finish and wipe my visit')}</button>
        <button class="big ghost" @click=${() => emit(this, 'cis-kiosk-another')}>${msg('Live another life')}</button>
        <button class="ghost" @click=${() => emit(this, 'cis-kiosk-back')}>${msg('Back to my visit')}</button>
      </div>`;
  }

  private renderTable(v: KioskVisit): TemplateResult {
    const what = msg('What you tried');
    const closed = msg('On this closed network');
    const open = msg('On an open network');
    const yours = msg('In your visit');
    return html`<table>
      <caption class="visually-hidden">
        ${msg('What the closed network did, what an open one does, and how often you tried')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${what}</th>
          <th scope="col">${closed}</th>
          <th scope="col">${open}</th>
          <th scope="col">${yours}</th>
        </tr>
      </thead>
      <tbody>
        ${v.comparison.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.label}</th>
              <td class="closed" data-label=${closed}>${row.closed}</td>
              <td data-label=${open}>${row.open}</td>
              <td class="count" data-label=${yours}>
                ${row.count === 0 ? msg('not tried') : msg(str`${row.count} times`)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-kiosk-ending': CisKioskEnding;
  }
  interface GlobalEventHandlersEventMap {
    /** Leave the ending and go on with the visit. */
    'cis-kiosk-back': CustomEvent<void>;
  }
}
