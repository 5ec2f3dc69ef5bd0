import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { TrendingPost, TrendingResponse } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { Latest } from '../core/requests';
import { loadFailedNotice } from '../browser/site-templates';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { withLike } from './social';
import './cis-social-post';

/** How often the list is read again while nothing is pushed: scores decay with time alone. */
const REFRESH_MS = 30_000;
/** Pushes come in bursts (a share is a post and two counts): read the list once they pause. */
const PUSH_QUIET_MS = 1_500;

/**
 * The trending list: the posts most shared and liked in the last minutes, highest score first,
 * each with its score, and a plain statement that scores decay. Read again every half minute
 * and shortly after any like or share anywhere on the network.
 */
@localized()
@customElement('cis-social-trending')
export class CisSocialTrending extends LitElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.3rem;
      }
      .decay {
        max-width: 46rem;
        padding: 0.5rem 0.75rem;
        border-left: 6px solid var(--social-accent);
        background: #eef6fa;
      }
      .score {
        font-weight: 700;
        margin: 0 0 0.25rem;
      }
      .status,
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The Commons' address, for links. */
  @property() siteAddress = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private trending: TrendingResponse | undefined;

  private readonly latest = new Latest();
  private timer: ReturnType<typeof setInterval> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'social:counts': () => this.soon(), 'social:post': () => this.soon() },
    onConnect: () => this.soon(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
    this.timer = setInterval(() => void this.load(true), REFRESH_MS);
    this.addEventListener('cis-social-liked', this.onLiked);
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    clearTimeout(this.pushTimer);
    this.removeEventListener('cis-social-liked', this.onLiked);
    super.disconnectedCallback();
  }

  /** Move focus to the list's heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.focus-target')?.focus();
  }

  private readonly onLiked = (event: GlobalEventHandlersEventMap['cis-social-liked']): void => {
    const trending = this.trending;
    if (trending) {
      const posts = withLike(trending.posts, event.detail.id, event.detail.likes, event.detail.liked);
      this.trending = { ...trending, posts };
    }
    this.soon();
  };

  private soon(): void {
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.load(true), PUSH_QUIET_MS);
  }

  private async load(quiet: boolean): Promise<void> {
    if (!quiet) this.phase = 'loading';
    await this.latest.run(() => socialApi.trending(), {
      use: (trending) => {
        this.trending = trending;
        this.phase = 'ready';
      },
      fail: () => {
        if (!quiet) this.phase = 'failed';
      },
    });
  }

  override render(): TemplateResult {
    const trending = this.trending;
    return html`
      <h3 class="focus-target" tabindex="-1">${msg('Trending')}</h3>
      ${
        trending
          ? html`<p class="decay">
              ${msg(
                str`Ranked by likes and shares in the last ${trending.windowMinutes} minutes. Scores decay: each like or share counts half as much every ${trending.halfLifeMinutes} minutes, so old news sinks.`,
              )}
            </p>`
          : html`<p class="decay">${msg('Ranked by recent likes and shares. Scores decay as they age.')}</p>`
      }
      ${this.renderList(trending)}
    `;
  }

  private renderList(trending: TrendingResponse | undefined): TemplateResult {
    if (this.phase === 'loading' && !trending) return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed' || !trending) return loadFailedNotice(() => void this.load(false));
    if (trending.posts.length === 0) {
      return html`<p class="empty">${msg('Nothing is trending yet: nobody has liked or shared anything lately.')}</p>`;
    }
    return html`<ol class="posts" aria-label=${msg('Trending posts, highest score first')}>
      ${repeat(
        trending.posts,
        (post) => post.id,
        (post: TrendingPost, index) =>
          html`<li>
            <p class="score">${msg(str`#${index + 1}`)}</p>
            <cis-social-post .post=${post} siteAddress=${this.siteAddress}></cis-social-post>
          </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-trending': CisSocialTrending;
  }
}
