import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { roleLabel } from '../ui/labels';
import { statusLabel, type ListedThread } from './boards';
import { formatInstant } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { boardsStyles } from './cis-boards.styles';
import '../cast/cis-simulated-badge';

/**
 * The threads of a board, newest activity first: title (a link to the thread), the author's
 * real name and role (marked when the simulated cast wrote it), the date and the number of replies. The reader's own threads that are
 * not public carry "Awaiting approval", or "Rejected" with the censor's reason.
 */
@localized()
@customElement('cis-thread-list')
export class CisThreadList extends LitElement {
  static override styles = [
    sharedStyles,
    boardsStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        border-top: 1px solid var(--boards-line);
      }
      li {
        padding: 0.75rem 0.25rem;
        border-bottom: 1px solid var(--boards-line);
      }
      li.fresh {
        background: #fff8db;
      }
      li.pending,
      li.rejected {
        border-left: 6px solid #8a6d00;
        padding-left: 0.75rem;
      }
      li.rejected {
        border-left-color: var(--cis-danger);
      }
      .title {
        margin: 0;
        font-size: 1.1rem;
        font-weight: 600;
      }
      .title a {
        display: inline-block;
        padding: 0.3rem 0;
        min-height: 44px;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The threads to list, in order. */
  @property({ attribute: false }) threads: ListedThread[] = [];

  /** The address of the boards site, to link each thread (`<address>/thread/<id>`). */
  @property() siteAddress = '';

  /** Threads that arrived live, highlighted. */
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  override render(): TemplateResult {
    if (this.threads.length === 0) {
      return html`<p class="empty">${msg('No threads yet.')}</p>`;
    }
    return html`
      <ul aria-label=${msg('Threads')}>
        ${this.threads.map((thread) => this.renderThread(thread))}
      </ul>
    `;
  }

  private renderThread(thread: ListedThread): TemplateResult {
    const address = `${this.siteAddress}/thread/${thread.id}`;
    const replies = thread.replyCount === 1 ? msg('1 reply') : msg(str`${thread.replyCount} replies`);
    const classes = [thread.status, this.fresh.has(thread.id) ? 'fresh' : ''].join(' ');
    return html`
      <li class=${classes}>
        <p class="title">${addressLink(address, thread.title)}</p>
        <p class="meta">
          <span class="author"
            >${thread.authorName}${thread.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing}</span
          >, ${roleLabel(thread.authorRole)} ·
          <time datetime=${thread.createdAt}>${formatInstant(thread.createdAt)}</time> · ${replies}
        </p>
        ${
          thread.status === 'approved'
            ? nothing
            : html`<p class="badge ${thread.status}">${statusLabel(thread.status)}</p>`
        }
        ${thread.reason ? html`<p class="reason">${msg(str`Reason: ${thread.reason}`)}</p>` : nothing}
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-thread-list': CisThreadList;
  }
}
