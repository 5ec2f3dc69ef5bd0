import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Me, Site, SocialCountsPush, SocialPost } from '../../../server/protocol/api';
import { liveContext, meContext } from '../app/context';
import { ArrivalBatcher } from '../core/controllers/arrival-batcher';
import { LiveSubscription } from '../core/controllers/live-subscription';
import { PendingFocus } from '../core/controllers/pending-focus';
import type { LiveConnection } from '../core/live';
import { Latest, loadFailureText } from '../core/requests';
import { SiteAppElement } from '../browser/site-app-element';
import { loadFailedNotice, siteAbout } from '../browser/site-templates';
import { addressHref, addressLink, followAddress } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { appendPosts, applyCounts, parseSocialPath, prependPost, socialAddress, withLike } from './social';
import type { SocialRoute } from './social';
import '../ui/cis-placard';
import './cis-social-composer';
import './cis-social-post';
import './cis-social-profile';
import './cis-social-trending';

type Phase = 'loading' | 'ready' | 'failed';

/** The reader's own player id, once known (from a post they made or their own profile). */
let ownId = '';

/**
 * The Commons, the open network's social site, inside the browser frame: the home feed
 * (followed people first, then everyone; "Load more"), the trending list and profiles,
 * addressed by `path`. It exists only while the reader's round runs in open mode: when the
 * mode switches back, the page says so and none of its controls remain. New posts and counts
 * arrive live and are announced politely; nothing takes focus and no draft is lost.
 */
@localized()
@customElement('cis-social-site')
export class CisSocialSite extends SiteAppElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      .head {
        border-bottom: 4px solid var(--social-accent);
        margin: 0 0 1rem;
        padding-bottom: 0.5rem;
      }
      h2 {
        margin: 0;
        font-size: 1.6rem;
        color: #0b4a6b;
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.3rem;
      }
      .address {
        margin: 0.25rem 0 0;
        color: var(--cis-muted);
      }
      code {
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
        overflow-wrap: anywhere;
      }
      nav ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.25rem;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        color: var(--cis-ink);
        text-decoration-thickness: 3px;
      }
      .announce {
        margin: 0;
      }
      .announce:not(:empty) {
        margin: 0.5rem 0;
        padding: 0.4rem 0.75rem;
        border: 2px solid var(--social-accent);
        border-radius: 6px;
        background: #eaf5fb;
        font-weight: 600;
      }
      .compose {
        margin: 0 0 1.25rem;
      }
      .more {
        margin: 1rem 0;
      }
      .status,
      .empty {
        color: var(--cis-muted);
      }
      .notice h3 {
        color: var(--cis-danger);
      }
      cis-placard,
      .about {
        margin-top: 1.5rem;
      }
      .about p {
        max-width: 46rem;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  /** The logged-in user: the site shows only while their mode is open. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  @state() private phase: Phase = 'loading';
  /** Why the feed did not load: not open to the reader (403), or not reached. */
  @state() private failure: 'forbidden' | 'unreachable' = 'unreachable';
  @state() private posts: SocialPost[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private fresh: ReadonlySet<string> = new Set();
  @state() private announcement = '';
  @state() private ownPlayer = ownId;

  private readonly latest = new Latest();
  private pendingNames: string[] = [];

  private readonly arrivals = new ArrivalBatcher(this, (count) => {
    const names = this.pendingNames;
    this.pendingNames = [];
    this.announcement =
      count === 1 && names[0] ? msg(str`New post by ${names[0]}`) : msg(str`${count} new posts in the feed`);
  });

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'social:post': (post) => this.onPost(post),
      'social:counts': (counts) => this.onCounts(counts),
    },
    reflect: true,
    onConnect: () => {
      // Pushes sent while disconnected are lost: read the feed again, quietly.
      if (this.phase === 'ready' && this.route.kind === 'feed') void this.load(true);
    },
  });

  private readonly pendingFocus = new PendingFocus(this, {
    ready: () => this.phase !== 'loading' || !this.isOpen || this.route.kind !== 'feed',
    focus: () => this.focusPage(),
  });

  private get route(): SocialRoute {
    return parseSocialPath(this.path);
  }

  private get isOpen(): boolean {
    return this.me?.mode === 'open';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-social-posted', this.onPosted);
    this.addEventListener('cis-social-liked', this.onLiked);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-social-posted', this.onPosted);
    this.removeEventListener('cis-social-liked', this.onLiked);
    super.disconnectedCallback();
  }

  /** Move focus to the page's heading once it has loaded. */
  override async focusHeading(): Promise<void> {
    await this.pendingFocus.request();
  }

  private focusPage(): void {
    const route = this.route;
    if (this.isOpen && route.kind === 'profile') {
      void this.renderRoot.querySelector('cis-social-profile')?.focusHeading();
    } else if (this.isOpen && route.kind === 'trending') {
      void this.renderRoot.querySelector('cis-social-trending')?.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('.focus-target')?.focus();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const modeChanged = changed.has('me') && changed.get('me')?.mode !== this.me?.mode;
    if (changed.has('site') || changed.has('path') || modeChanged) void this.load(false);
  }

  private onPost(post: SocialPost): void {
    if (!this.isOpen || this.route.kind !== 'feed' || this.phase !== 'ready') return;
    if (this.posts.some((known) => known.id === post.id)) return;
    this.posts = prependPost(post, this.posts);
    this.fresh = new Set([...this.fresh, post.id]);
    if (post.authorId !== this.ownPlayer) {
      this.pendingNames.push(post.authorName);
      this.arrivals.add();
    }
  }

  private onCounts(counts: SocialCountsPush): void {
    this.posts = applyCounts(this.posts, counts);
  }

  private readonly onPosted = (event: GlobalEventHandlersEventMap['cis-social-posted']): void => {
    const { post } = event.detail;
    ownId = post.authorId;
    this.ownPlayer = post.authorId;
    if (this.route.kind === 'feed') this.posts = prependPost(post, this.posts);
  };

  private readonly onLiked = (event: GlobalEventHandlersEventMap['cis-social-liked']): void => {
    const { id, likes, liked } = event.detail;
    this.posts = withLike(this.posts, id, likes, liked);
  };

  /** Fetch the feed (the other pages fetch their own); `quiet` keeps the page on screen meanwhile. */
  private async load(quiet: boolean): Promise<void> {
    if (!this.site || !this.isOpen || this.route.kind !== 'feed') {
      this.latest.start(); // any feed still on its way no longer counts
      this.phase = 'ready';
      return;
    }
    if (!quiet) {
      this.phase = 'loading';
      this.fresh = new Set();
      this.announcement = '';
      this.moreError = '';
    }
    await this.latest.run(() => socialApi.feed(), {
      use: (feed) => {
        this.posts = feed.posts;
        this.nextCursor = feed.nextCursor ?? null;
        this.phase = 'ready';
      },
      fail: (error) => {
        if (quiet) return;
        this.failure = loadFailureText(error, 'forbidden', 'unreachable') as 'forbidden' | 'unreachable';
        this.phase = 'failed';
      },
    });
  }

  private async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await socialApi.feed(cursor);
      const before = this.posts.length;
      this.posts = appendPosts(this.posts, page.posts);
      this.nextCursor = page.nextCursor ?? null;
      this.announcement = msg(str`${this.posts.length - before} more posts loaded.`);
    } catch {
      this.moreError = msg('More posts could not be loaded. Try again in a moment.');
    } finally {
      this.loadingMore = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <div class="head">
        <h2>${site.title}</h2>
        <p class="address">${msg('Address:')} <code>${site.address}</code></p>
        ${this.isOpen ? this.renderNav(site) : nothing}
      </div>
      <p class="announce" role="status">${this.announcement}</p>
      ${this.isOpen ? this.renderBody(site) : this.renderClosed()}
      ${
        this.isOpen && this.route.kind === 'feed'
          ? siteAbout(site)
          : site.placardId
            ? html`<cis-placard .placardId=${site.placardId}></cis-placard>`
            : nothing
      }
    `;
  }

  private renderNav(site: Site): TemplateResult {
    const route = this.route;
    const link = (target: SocialRoute, label: string, current: boolean) => {
      const address = socialAddress(site.address, target);
      return html`<li>
        <a
          href=${addressHref(address)}
          aria-current=${current ? 'page' : 'false'}
          @click=${(e: MouseEvent) => followAddress(e, address)}
          >${label}</a
        >
      </li>`;
    };
    return html`<nav aria-label=${msg('Commons')}>
      <ul>
        ${link({ kind: 'feed' }, msg('Home feed'), route.kind === 'feed')}
        ${link({ kind: 'trending' }, msg('Trending'), route.kind === 'trending')}
        ${link(
          { kind: 'profile', id: this.ownPlayer || 'me' },
          msg('My profile'),
          route.kind === 'profile' && (route.id === 'me' || route.id === this.ownPlayer),
        )}
      </ul>
    </nav>`;
  }

  private renderClosed(): TemplateResult {
    return html`<div class="notice">
      <h3 class="focus-target" tabindex="-1">${msg('The open network is switched off')}</h3>
      <p>
        ${msg(
          'This site exists only while the round runs in open mode. Everything posted here is kept for the debrief.',
        )}
      </p>
    </div>`;
  }

  private renderBody(site: Site): TemplateResult {
    const route = this.route;
    switch (route.kind) {
      case 'feed':
        return this.renderFeed(site);
      case 'trending':
        return html`<cis-social-trending siteAddress=${site.address}></cis-social-trending>`;
      case 'profile':
        return html`<cis-social-profile
          .playerId=${route.id}
          siteAddress=${site.address}
          @cis-social-own=${(e: GlobalEventHandlersEventMap['cis-social-own']) => {
            ownId = e.detail.playerId;
            this.ownPlayer = ownId;
          }}
        ></cis-social-profile>`;
      case 'unknown':
        return html`<div class="notice">
          <h3 class="focus-target" tabindex="-1">${msg('There is no such page on this site')}</h3>
          <p>${msg('The address names a page this site does not have.')}</p>
          <p>${addressLink(site.address, msg('Go to the home feed'))}</p>
        </div>`;
    }
  }

  private renderFeed(site: Site): TemplateResult {
    if (this.phase === 'loading') return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed') {
      return this.failure === 'unreachable'
        ? loadFailedNotice(() => void this.load(false))
        : html`<div class="notice" role="alert">
            <h3 class="focus-target" tabindex="-1">${msg('The open network is not open to you now')}</h3>
          </div>`;
    }
    return html`
      <h3 class="focus-target" tabindex="-1">${msg('Home feed')}</h3>
      <p class="hint">${msg('People you follow come first, then everyone else, newest first.')}</p>
      <section class="compose"><cis-social-composer></cis-social-composer></section>
      ${
        this.posts.length === 0
          ? html`<p class="empty">${msg('Nothing has been posted yet. Be the first.')}</p>`
          : html`<ol class="posts" aria-label=${msg('Posts')}>
              ${repeat(
                this.posts,
                (post) => post.id,
                (post) =>
                  html`<li>
                    <cis-social-post
                      .post=${post}
                      siteAddress=${site.address}
                      ?fresh=${this.fresh.has(post.id)}
                    ></cis-social-post>
                  </li>`,
              )}
            </ol>`
      }
      ${
        this.nextCursor
          ? html`<div class="more">
              <button
                type="button"
                class="secondary"
                ?disabled=${this.loadingMore}
                @click=${() => void this.loadMore()}
              >
                ${this.loadingMore ? msg('Loading…') : msg('Load more')}
              </button>
              <p class="message error" role="alert">${this.moreError}</p>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-site': CisSocialSite;
  }
}
