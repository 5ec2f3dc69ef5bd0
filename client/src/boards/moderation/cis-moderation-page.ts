import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { ModerationItem } from '../../../../server/protocol/api';
import { ApiFailure } from '../../core/api';
import { moderationApi } from './api';
import { liveContext } from '../../app/context';
import { LiveSubscription } from '../../core/controllers/live-subscription';
import type { LiveConnection } from '../../core/live';
import { staffPageStyles } from '../../ui/styles/page';
import { sharedStyles } from '../../ui/styles/shared';
import './cis-moderation-history';
import './cis-moderation-item';
import '../../ui/cis-placard';

type Phase = 'loading' | 'ready' | 'failed';

/** How many decisions the history keeps on screen. */
const HISTORY_LIMIT = 100;

/** Oldest first, one copy of each. */
function queueWith(queue: readonly ModerationItem[], item: ModerationItem): ModerationItem[] {
  return [...queue.filter((known) => known.id !== item.id), item].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
}

/** Newest decision first, one copy of each. */
function historyWith(history: readonly ModerationItem[], item: ModerationItem): ModerationItem[] {
  return [item, ...history.filter((known) => known.id !== item.id)]
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
    .slice(0, HISTORY_LIMIT);
}

/**
 * The censor's moderation console: every pending post on every board, oldest first, with
 * Approve and Reject-with-reason, kept up to date live; below it the history of decisions.
 */
@localized()
@customElement('cis-moderation-page')
export class CisModerationPage extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    css`
      h2 {
        margin: 1.5rem 0 0.75rem;
      }
      .live {
        margin: 0 0 0.5rem;
        font-weight: 600;
      }
      .announce {
        margin: 0;
      }
      .announce:not(:empty) {
        margin: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-left: 6px solid var(--cis-accent);
        background: #eef3ff;
        font-weight: 600;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
        max-width: 60rem;
      }
      .placard {
        margin-top: 1.5rem;
      }
      .empty {
        padding: 1rem;
        border: 2px dashed var(--cis-line);
        border-radius: 8px;
        color: var(--cis-muted);
        max-width: 60rem;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private phase: Phase = 'loading';
  @state() private queue: ModerationItem[] = [];
  @state() private decisions: ModerationItem[] = [];
  @state() private connected = false;
  @state() private announcement = '';

  @query('#queue-title') private queueTitle: HTMLElement | undefined;

  private loadSeq = 0;
  /** Pushes that arrived while a fetch was in flight: replayed on its answer, which may predate them. */
  private backlog: { kind: 'queued' | 'decided'; item: ModerationItem }[] = [];
  private fetching = false;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'moderation:queued': (item) => this.onQueued(item),
      'moderation:decided': (item) => this.onDecided(item),
    },
    reflect: true,
    onSubscribed: (connected) => {
      if (connected) this.onConnect();
    },
    onConnect: () => this.onConnect(),
    onDisconnect: () => (this.connected = false),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-moderation-decided', this.onDecidedHere);
    void this.load(false);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-moderation-decided', this.onDecidedHere);
    super.disconnectedCallback();
  }

  private onConnect(): void {
    this.connected = true;
    // Fetch again on every (re)connection: posts queued before the socket joined would be missed.
    void this.load(true);
  }

  private onQueued(item: ModerationItem): void {
    if (this.fetching) this.backlog.push({ kind: 'queued', item });
    if (item.status !== 'pending' || this.decisions.some((known) => known.id === item.id)) return;
    const isNew = !this.queue.some((known) => known.id === item.id);
    this.queue = queueWith(this.queue, item);
    if (isNew) this.announcement = msg(str`New in the queue: a post by ${item.authorName}.`);
  }

  private onDecided(item: ModerationItem): void {
    if (this.fetching) this.backlog.push({ kind: 'decided', item });
    this.queue = this.queue.filter((known) => known.id !== item.id);
    this.decisions = historyWith(this.decisions, item);
  }

  /** A decision made on this screen (or found already made by someone else). */
  private readonly onDecidedHere = (event: GlobalEventHandlersEventMap['cis-moderation-decided']): void => {
    const { id, item } = event.detail;
    this.queue = this.queue.filter((known) => known.id !== id);
    if (item) {
      this.decisions = historyWith(this.decisions, item);
      this.announcement =
        item.status === 'approved'
          ? msg(str`Approved: a post by ${item.authorName}.`)
          : msg(str`Rejected: a post by ${item.authorName}.`);
    } else {
      this.announcement = msg('That post had already been decided.');
      void this.load(true);
    }
    // The item and its buttons are gone: keep the keyboard user in the queue.
    void this.updateComplete.then(() => this.queueTitle?.focus());
  };

  private async load(quiet: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    if (!quiet) this.phase = 'loading';
    this.fetching = true;
    try {
      const [queue, history] = await Promise.all([moderationApi.queue(), moderationApi.history()]);
      if (seq !== this.loadSeq) return;
      this.queue = queue.queue;
      this.decisions = history.decisions.slice(0, HISTORY_LIMIT);
      this.phase = 'ready';
      this.fetching = false;
      const backlog = this.backlog;
      this.backlog = [];
      for (const push of backlog) {
        if (push.kind === 'queued') this.onQueued(push.item);
        else this.onDecided(push.item);
      }
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.fetching = false;
      this.backlog = [];
      if (quiet && this.phase === 'ready') return;
      if (error instanceof ApiFailure && error.status === 401) return;
      this.phase = 'failed';
    }
  }

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Moderation queue')}</h1>
      <p class="lede">
        ${msg(
          'Every post on every board waits here until a censor decides. Approved posts appear for readers at once; a rejected post is seen only by its author, with your reason.',
        )}
      </p>
      <p class="live">${this.connected ? msg('Live') : msg('Live updates paused')}</p>
      <p class="announce" role="status">${this.announcement}</p>
      ${this.renderBody()}
    `;
  }

  private renderBody(): TemplateResult {
    if (this.phase === 'loading') return html`<p role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed') {
      return html`
        <div role="alert">
          <p class="error">${msg('The moderation queue could not be loaded.')}</p>
          <button type="button" @click=${() => void this.load(false)}>${msg('Try again')}</button>
        </div>
      `;
    }
    const count = this.queue.length;
    return html`
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" tabindex="-1">
          ${count === 0 ? msg('Pending posts') : msg(str`Pending posts (${count})`)}
        </h2>
        ${
          count === 0
            ? html`<p class="empty">${msg('The queue is empty.')}</p>`
            : html`<ol aria-label=${msg('Pending posts, oldest first')}>
                ${repeat(
                  this.queue,
                  (item) => item.id,
                  (item) => html`<li><cis-moderation-item .item=${item}></cis-moderation-item></li>`,
                )}
              </ol>`
        }
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">${msg('Decisions')}</h2>
        <cis-moderation-history .decisions=${this.decisions}></cis-moderation-history>
      </section>
      <cis-placard class="placard" placard-id="simulated-cast"></cis-placard>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-moderation-page': CisModerationPage;
  }
}
