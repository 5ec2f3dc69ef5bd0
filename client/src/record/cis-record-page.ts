import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { RecordResponse } from '../../../server/protocol/api';
import { sharedStyles } from '../ui/styles/shared';
import '../ui/cis-placard';
import { recordApi } from './api';
import { placardOf, recordCount } from './record';
import { entryItem, recordListStyles, snapshotItem } from './templates';

/**
 * "What your device recorded": the reader's own trail (page views, walls, searches, posts and
 * their fate, messages, files) and the device's screen snapshots, newest first, read from
 * `GET /api/record` (which records nothing). Viewable, never deletable: there is no control that
 * changes it. Open to every logged-in user, citizens and seats in the lobby included.
 */
@localized()
@customElement('cis-record-page')
export class CisRecordPage extends LitElement {
  static override styles = [
    sharedStyles,
    recordListStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
        margin: 0 auto;
      }
      h1 {
        margin: 0 0 0.5rem;
        font-size: clamp(1.6rem, 5vw, 2.2rem);
      }
      .lead {
        max-width: 46rem;
        margin: 0 0 1rem;
      }
      .count {
        font-weight: 700;
        font-size: 1.15rem;
      }
      h2 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.3rem;
      }
      .actions {
        margin: 0.5rem 0 1rem;
      }
      cis-placard {
        margin: 1rem 0;
      }
    `,
  ];

  @state() private record: RecordResponse | undefined;
  @state() private status: 'loading' | 'ready' | 'failed' = 'loading';

  /** Counts reads so that only the answer to the latest one is shown. */
  private seq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const seq = ++this.seq;
    this.status = 'loading';
    try {
      const record = await recordApi.record();
      if (seq !== this.seq) return;
      this.record = record;
      this.status = 'ready';
    } catch {
      if (seq === this.seq) this.status = 'failed';
    }
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('What your device recorded')}</h1>
      <p class="lead">
        ${msg(
          'This terminal keeps a record of what you do on it: every page you open, every wall you hit, your searches, posts and messages, and a short snapshot of your screen every few minutes. You may read it. You cannot delete it.',
        )}
      </p>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.status === 'loading'} @click=${() => void this.load()}>
          ${msg('Read again')}
        </button>
      </div>
      ${this.renderBody()}
      <cis-placard .placardId=${placardOf(this.record)}></cis-placard>
    `;
  }

  private renderBody(): TemplateResult {
    if (this.status === 'failed') {
      return html`<p class="error" role="alert">${msg('The record could not be read. Try again in a moment.')}</p>`;
    }
    const record = this.record;
    if (!record) return html`<p role="status">${msg('Reading the record…')}</p>`;
    const count = recordCount(record);
    return html`
      <p class="count" role="status">
        ${
          count === 1
            ? msg('This terminal kept 1 record about you.')
            : msg(str`This terminal kept ${count} records about you.`)
        }
      </p>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">${msg('What you did')}</h2>
        ${
          record.entries.length
            ? html`<ol class="record" aria-label=${msg('Records, newest first')}>
                ${record.entries.map(entryItem)}
              </ol>`
            : html`<p>${msg('Nothing recorded yet.')}</p>`
        }
      </section>
      <section aria-labelledby="snapshots-heading">
        <h2 id="snapshots-heading">${msg('Screen snapshots')}</h2>
        ${
          record.snapshots.length
            ? html`<ol class="record" aria-label=${msg('Screen snapshots, newest first')}>
                ${record.snapshots.map(snapshotItem)}
              </ol>`
            : html`<p>${msg('No snapshots yet.')}</p>`
        }
      </section>
      ${this.status === 'loading' ? html`<p role="status">${msg('Reading the record…')}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-record-page': CisRecordPage;
  }
}
