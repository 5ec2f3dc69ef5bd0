import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Board, Me, Post, Site, SocialCounts } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { boardsApi } from './api';
import {
  changesCounts,
  decisionAnnouncement,
  isOnPage,
  isOpening,
  parsePath,
  showsCast,
  summaryOf,
  upsertPost,
  upsertThread,
} from './boards';
import type { BoardsRoute, ListedThread } from './boards';
import { liveContext, meContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import { PendingFocus } from '../core/controllers/pending-focus';
import type { LiveConnection } from '../core/live';
import { addressLink } from '../ui/address-link';
import { loadFailedNotice, siteNotice } from '../browser/site-templates';
import { sharedStyles } from '../ui/styles/shared';
import { siteHeadStyles } from '../browser/site-styles';
import { boardsStyles } from './cis-boards.styles';
import { boardsSiteStyles } from './cis-boards-site.styles';
import { postTemplate } from './cis-thread-posts';
import { SiteAppElement } from '../browser/site-app-element';
import './cis-board-cards';
import '../ui/cis-placard';
import './cis-post-form';
import './cis-thread-list';
import '../social/cis-social-bar';

type Phase = 'loading' | 'ready' | 'failed';

/** The placard that says who the people marked "Simulated" are. */
const CAST_PLACARD = 'simulated-cast';

/** A post that arrived while the page was loading (pushed, or the reader's own), replayed on its answer. */
type Push = { kind: 'post' | 'decided' | 'own'; post: Post };

/**
 * The message boards inside the browser frame: the list of boards, a board's threads with
 * the "New thread" form, and a thread with its replies and the reply form, addressed by `path`.
 * Approved posts the server pushes appear without a reload; decisions on the reader's own
 * posts update their status. Links ask the frame to open their address, so every page is recorded.
 */
@localized()
@customElement('cis-boards-site')
export class CisBoardsSite extends SiteAppElement {
  static override styles = [sharedStyles, boardsStyles, siteHeadStyles, boardsSiteStyles];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  /** The logged-in user: in open mode a thread carries the open network's controls. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  @state() private phase: Phase = 'loading';
  @state() private failure: ApiFailure | undefined;
  @state() private boards: Board[] = [];
  @state() private board: Board | undefined;
  @state() private threads: ListedThread[] = [];
  @state() private thread: Post | undefined;
  @state() private replies: Post[] = [];
  /** The thread's open-network counts (sent in open mode only). */
  @state() private social: SocialCounts | undefined;
  @state() private fresh: ReadonlySet<string> = new Set();
  @state() private announcement = '';

  private loadSeq = 0;
  /** Pushes that arrived while a fetch was in flight: replayed on its answer, which may predate them. */
  private backlog: Push[] = [];
  private fetching = false;
  private wasDisconnected = false;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    afterFirstPaint: true,
    pushes: { 'boards:post': (post) => this.onPost(post), 'boards:decided': (post) => this.onDecided(post) },
    reflect: true,
    onConnect: () => {
      // Pushes sent while disconnected are lost: fetch the page again, quietly.
      if (this.wasDisconnected && this.phase === 'ready') void this.load(true);
      this.wasDisconnected = false;
    },
    onDisconnect: () => (this.wasDisconnected = true),
  });

  private readonly pendingFocus = new PendingFocus(this, {
    ready: () => this.phase !== 'loading',
    focus: () => this.renderRoot.querySelector<HTMLElement>('.focus-target')?.focus(),
  });

  private get route(): BoardsRoute {
    return parsePath(this.path);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-post-submitted', this.onSubmitted);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-post-submitted', this.onSubmitted);
    super.disconnectedCallback();
  }

  /** Move focus to the page's main heading once it has loaded. */
  override async focusHeading(): Promise<void> {
    await this.pendingFocus.request();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') || changed.has('path')) void this.load(false);
    // The mode switched: read the page again quietly (the controls and counts follow), keeping any draft.
    else if (changed.has('me') && changed.get('me') && changed.get('me')?.mode !== this.me?.mode) void this.load(true);
  }

  /** Whether the page on screen shows anything the simulated cast wrote or decided. */
  private get showsCast(): boolean {
    if (this.phase !== 'ready') return false;
    const route = this.route;
    if (route.kind === 'board') return showsCast(this.threads);
    if (route.kind === 'thread') return showsCast([...(this.thread ? [this.thread] : []), ...this.replies]);
    return false;
  }

  private get open(): boolean {
    return this.me?.mode === 'open';
  }

  /** An approved post, pushed to everyone who may read its board. */
  private onPost(post: Post): void {
    if (this.fetching) this.backlog.push({ kind: 'post', post });
    else this.applyPost(post);
  }

  /** A censor's decision on one of this reader's own posts. */
  private onDecided(post: Post): void {
    if (this.fetching) this.backlog.push({ kind: 'decided', post });
    else this.applyDecision(post);
  }

  private readonly onSubmitted = (event: GlobalEventHandlersEventMap['cis-post-submitted']): void => {
    const { post } = event.detail;
    // A fetch in flight may answer without it: put it in again then.
    if (this.fetching) this.backlog.push({ kind: 'own', post });
    this.put(post);
  };

  /** Shows `post` where it belongs on the page on screen; answers whether it was new there. */
  private put(post: Post): boolean {
    const route = this.route;
    if (route.kind === 'board' && post.boardId === route.id && isOpening(post)) {
      const known = this.threads.find((thread) => thread.id === post.id);
      this.threads = upsertThread(this.threads, summaryOf(post, known));
      return !known;
    }
    if (route.kind === 'thread' && post.threadId === route.id) {
      if (isOpening(post)) {
        this.thread = post;
        return false;
      }
      const isNew = !this.replies.some((reply) => reply.id === post.id);
      this.replies = upsertPost(this.replies, post);
      return isNew;
    }
    return false;
  }

  private applyPost(post: Post): void {
    if (changesCounts(this.route, post)) {
      // Ask again rather than guess the new counts.
      void this.load(true);
      return;
    }
    if (!this.put(post)) return;
    this.fresh = new Set([...this.fresh, post.id]);
    this.announcement = isOpening(post)
      ? msg(str`New thread: ${post.title ?? ''}`)
      : msg(str`New reply by ${post.authorName}`);
  }

  private applyDecision(post: Post): void {
    if (!isOnPage(this.route, post)) return;
    this.put(post);
    this.announcement = decisionAnnouncement(post);
  }

  /** Fetch what the current path shows; `quiet` keeps the page on screen meanwhile. */
  private async load(quiet: boolean): Promise<void> {
    if (!this.site) return;
    const seq = ++this.loadSeq;
    const route = this.route;
    this.fetching = true;
    if (!quiet) {
      this.phase = 'loading';
      this.failure = undefined;
      this.announcement = '';
      this.fresh = new Set();
      this.backlog = [];
    }
    try {
      if (route.kind === 'boards') {
        const response = await boardsApi.boards();
        if (seq !== this.loadSeq) return;
        this.boards = response.boards;
      } else if (route.kind === 'board') {
        const response = await boardsApi.threads(route.id);
        if (seq !== this.loadSeq) return;
        this.board = response.board;
        this.threads = response.threads;
      } else if (route.kind === 'thread') {
        const response = await boardsApi.thread(route.id);
        if (seq !== this.loadSeq) return;
        this.board = response.board;
        this.thread = response.thread;
        this.replies = response.replies;
        this.social = response.social;
      }
      this.phase = 'ready';
      this.replayBacklog();
    } catch (error) {
      if (seq !== this.loadSeq) return;
      if (quiet) {
        this.replayBacklog(); // keep what is on screen
        return;
      }
      this.failure =
        error instanceof ApiFailure ? error : new ApiFailure(0, 'client_error', 'The page could not be shown.');
      this.phase = 'failed';
      this.fetching = false;
      this.backlog = [];
    }
  }

  private replayBacklog(): void {
    this.fetching = false;
    const backlog = this.backlog;
    this.backlog = [];
    for (const push of backlog) {
      if (push.kind === 'post') this.applyPost(push.post);
      else if (push.kind === 'decided') this.applyDecision(push.post);
      else this.put(push.post);
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2>${site.title}</h2>
      <p class="address">${msg('Address:')} <code>${site.address}</code></p>
      ${this.renderCrumbs(site)}
      <p class="announce" role="status">${this.announcement}</p>
      ${this.renderBody(site)}
      ${site.placardId ? html`<cis-placard class="site-placard" .placardId=${site.placardId}></cis-placard>` : nothing}
      ${this.showsCast ? html`<cis-placard class="site-placard" .placardId=${CAST_PLACARD}></cis-placard>` : nothing}
    `;
  }

  private renderCrumbs(site: Site): TemplateResult | typeof nothing {
    const route = this.route;
    if (route.kind === 'boards' || route.kind === 'unknown' || this.phase !== 'ready') return nothing;
    const board = this.board;
    return html`
      <nav class="crumbs" aria-label=${msg('You are here')}>
        <ol>
          <li>${addressLink(site.address, msg('All boards'))}</li>
          ${
            board && route.kind === 'thread'
              ? html`<li>${addressLink(`${site.address}/board/${board.id}`, board.title)}</li>`
              : nothing
          }
          <li aria-current="page">${route.kind === 'thread' ? (this.thread?.title ?? '') : (board?.title ?? '')}</li>
        </ol>
      </nav>
    `;
  }

  private renderBody(site: Site): TemplateResult | typeof nothing {
    if (this.phase === 'loading') return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed') return this.renderFailure(site);
    const route = this.route;
    switch (route.kind) {
      case 'boards':
        return this.renderBoards(site);
      case 'board':
        return this.renderBoard(site);
      case 'thread':
        return this.renderThread();
      case 'unknown':
        return this.renderNotice(
          site,
          msg('There is no such page on this site'),
          msg('The address names a page this site does not have.'),
        );
    }
  }

  private renderBoards(site: Site): TemplateResult {
    return html`
      <h3 class="focus-target" tabindex="-1">${msg('Boards')}</h3>
      <div class="intro">${site.intro.map((paragraph) => html`<p>${paragraph}</p>`)}</div>
      <cis-board-cards .boards=${this.boards} siteAddress=${site.address}></cis-board-cards>
    `;
  }

  private renderBoard(site: Site): TemplateResult | typeof nothing {
    const board = this.board;
    if (!board) return nothing;
    return html`
      <h3 class="focus-target" tabindex="-1">${board.title}</h3>
      <p class="lede">${board.description}</p>
      ${
        board.mayPost
          ? html`<section class="compose">
              <cis-post-form kind="thread" target=${board.id} ?open=${this.open}></cis-post-form>
            </section>`
          : html`<p class="note">${msg('You may read this board, but not post on it.')}</p>`
      }
      <section aria-labelledby="threads-title">
        <h4 id="threads-title">${msg('Threads')}</h4>
        <cis-thread-list .threads=${this.threads} .fresh=${this.fresh} siteAddress=${site.address}></cis-thread-list>
      </section>
    `;
  }

  private renderThread(): TemplateResult | typeof nothing {
    const { board, thread } = this;
    if (!board || !thread) return nothing;
    return html`
      <h3 class="focus-target" tabindex="-1">${thread.title}</h3>
      ${postTemplate(thread, msg(str`Opening post by ${thread.authorName}`))}
      ${
        this.open && this.social
          ? html`<cis-social-bar
              kind="thread"
              .targetId=${thread.id}
              .targetTitle=${thread.title ?? ''}
              .counts=${this.social}
            ></cis-social-bar>`
          : nothing
      }
      <section class="replies" aria-labelledby="replies-title">
        <h4 id="replies-title">${msg('Replies')}</h4>
        <cis-thread-posts .posts=${this.replies} .fresh=${this.fresh}></cis-thread-posts>
      </section>
      ${this.renderReplyForm(board, thread)}
    `;
  }

  private renderReplyForm(board: Board, thread: Post): TemplateResult {
    if (!board.mayPost) return html`<p class="note">${msg('You may read this board, but not post on it.')}</p>`;
    if (thread.status === 'pending') {
      return html`<p class="note">${msg('Replies open once a censor has approved this thread.')}</p>`;
    }
    if (thread.status === 'rejected') return html`<p class="note">${msg('This thread was not published.')}</p>`;
    return html`<section class="compose">
      <cis-post-form kind="reply" target=${thread.id} ?open=${this.open}></cis-post-form>
    </section>`;
  }

  private renderFailure(site: Site): TemplateResult {
    const status = this.failure?.status;
    const thread = this.route.kind === 'thread';
    if (status === 404) {
      return this.renderNotice(
        site,
        thread ? msg('There is no such thread') : msg('There is no such board'),
        msg('It does not exist, or it is not open to you.'),
      );
    }
    if (status === 403) {
      return this.renderNotice(site, msg('Not open to you'), msg('This board is not open to your role.'));
    }
    return loadFailedNotice(() => void this.load(false));
  }

  private renderNotice(site: Site, title: string, text: string): TemplateResult {
    return siteNotice(title, text, { address: site.address, label: msg('Go to the list of boards') });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-boards-site': CisBoardsSite;
  }
}
