import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { RecordResponse } from '../../../server/protocol/api';
import { emit } from '../core/events';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';
import { recordApi } from './api';
import { latestLines, placardOf, recordCount } from './record';
import { lineItem, recordListStyles } from './templates';

/** How many of the latest records the summary lists. */
const LATEST = 5;

/**
 * The end of a visit: "This terminal kept N records about you", the latest few, and the placard,
 * read from `GET /api/record`. As a modal dialog (`dialog`, before logging out) it offers to go on
 * and log out (`cis-visit-continue`) or to stay (`cis-visit-stay`, also on Escape); inline (the
 * end screen of a class session) it only shows. If the record cannot be read, logging out still works.
 */
@localized()
@customElement('cis-visit-summary')
export class CisVisitSummary extends LitElement {
  static override styles = [
    sharedStyles,
    recordListStyles,
    css`
      dialog {
        width: 100%;
        max-width: min(40rem, calc(100vw - 1.5rem));
        max-height: calc(100vh - 2rem);
        overflow-y: auto;
        border: 2px solid var(--cis-ink);
        border-top: 8px solid var(--cis-danger);
        border-radius: 12px;
        padding: 1.25rem;
        color: var(--cis-ink);
        background: var(--cis-paper);
        box-sizing: border-box;
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 60%);
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: clamp(1.3rem, 5vw, 1.8rem);
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.05rem;
      }
      cis-placard {
        margin-top: 1rem;
      }
      .actions {
        margin-top: 1.25rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: flex-end;
      }
      button {
        min-height: 44px;
      }
    `,
  ];

  /** Shown as a modal dialog with "log out" and "stay" (true), or inline without them (false). */
  @property({ type: Boolean }) dialog = false;

  @state() private record: RecordResponse | undefined;
  @state() private failed = false;

  @query('dialog') private dialogElement: HTMLDialogElement | undefined;
  @query('h2') private heading: HTMLElement | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.record = await recordApi.record();
    } catch {
      this.failed = true;
    }
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    const dialog = this.dialogElement;
    if (!dialog) return; // inline, inside another screen's dialog: that one keeps the focus
    if (!dialog.open) dialog.showModal();
    this.heading?.focus();
  }

  private stay(event?: Event): void {
    event?.preventDefault();
    this.dialogElement?.close();
    emit(this, 'cis-visit-stay');
  }

  private continue(): void {
    this.dialogElement?.close();
    emit(this, 'cis-visit-continue');
  }

  override render(): TemplateResult {
    if (!this.dialog) return html`<section aria-labelledby="visit-heading">${this.renderBody()}</section>`;
    return html`<dialog aria-labelledby="visit-heading" @cancel=${this.stay}>
      ${this.renderBody()}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.stay()}>${msg('Stay logged in')}</button>
        <button type="button" @click=${this.continue}>${msg('Continue to log out')}</button>
      </div>
    </dialog>`;
  }

  private renderBody(): TemplateResult {
    const record = this.record;
    const count = record ? recordCount(record) : 0;
    const heading = !record
      ? msg('What this terminal kept about you')
      : count === 1
        ? msg('This terminal kept 1 record about you')
        : msg(str`This terminal kept ${count} records about you`);
    return html`
      <h2 id="visit-heading" tabindex="-1">${heading}</h2>
      ${
        this.failed
          ? html`<p role="alert">${msg('The record could not be read. It is still kept on the server.')}</p>`
          : !record
            ? html`<p role="status">${msg('Reading the record…')}</p>`
            : this.renderLatest(record)
      }
      <cis-placard .placardId=${placardOf(record)}></cis-placard>
    `;
  }

  private renderLatest(record: RecordResponse): TemplateResult {
    const lines = latestLines(record, LATEST);
    return html`
      <p>${msg('You can log out, but the record stays: nobody can delete it, and a censor can read it.')}</p>
      ${
        lines.length
          ? html`<h3 id="latest-heading">${msg('The latest')}</h3>
              <ol class="record" aria-labelledby="latest-heading">
                ${lines.map(lineItem)}
              </ol>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-visit-summary': CisVisitSummary;
  }
  interface GlobalEventHandlersEventMap {
    /** The visitor read the end-of-visit summary and goes on to log out. */
    'cis-visit-continue': CustomEvent<void>;
    /** The visitor stays logged in (closed the summary). */
    'cis-visit-stay': CustomEvent<void>;
  }
}
