import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Article, ArticleSummary, Me, Section, SectionId, Site } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { mediaApi } from './api';
import { liveContext, meContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import { PendingFocus } from '../core/controllers/pending-focus';
import type { LiveConnection } from '../core/live';
import { parseMediaPath, prepend, sectionLabel } from './media';
import type { MediaRoute } from './media';
import { addressLink } from '../ui/address-link';
import { loadFailedNotice, siteAbout, siteNotice } from '../browser/site-templates';
import { sharedStyles } from '../ui/styles/shared';
import { mediaPageStyles, mediaStyles } from './styles';
import { mediaSiteStyles } from './cis-media-site.styles';
import { frontLayoutOf } from './surface';
import type { CisMediaArticle } from './cis-media-article';
import type { CisMediaMasthead } from './cis-media-masthead';
import { SiteAppElement } from '../browser/site-app-element';
import './cis-media-article';
import './cis-media-cards';
import './cis-media-front';
import './cis-media-masthead';

/** Articles per section page. */
const SECTION_PAGE_SIZE = 10;
/** Articles fetched for the front page (the lead, the latest and each section's newest). */
const FRONT_PAGE_SIZE = 50;
/** Other articles of its section under an article. */
const RELATED_COUNT = 3;

type Phase = 'loading' | 'ready' | 'failed';

/**
 * A state-media site (news agency, daily paper, foreigners' digest) inside the browser
 * frame: the front page, a section's pages and article pages, addressed by `path`. While a
 * front or section page is open, articles the server pushes appear at the top, announced.
 * Links ask the frame to open their address (`cis-open-address`), so every page is recorded.
 */
@localized()
@customElement('cis-media-site')
export class CisMediaSite extends SiteAppElement {
  static override styles = [sharedStyles, mediaStyles, mediaPageStyles, mediaSiteStyles];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  /** The logged-in user: in open mode an article carries the open network's controls. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  @state() private phase: Phase = 'loading';
  @state() private failure: ApiFailure | undefined;
  @state() private articles: ArticleSummary[] = [];
  @state() private total = 0;
  @state() private sections: Section[] = [];
  @state() private article: Article | undefined;
  @state() private withdrawn = false;
  @state() private announcement = '';
  @state() private fresh = new Set<string>();

  @query('cis-media-masthead') private masthead: CisMediaMasthead | undefined;
  @query('cis-media-article') private articleView: CisMediaArticle | undefined;

  private loadSeq = 0;
  /** Pushes received while a list was being fetched, replayed on its answer. */
  private pushedDuringLoad: ArticleSummary[] = [];
  private removedDuringLoad = new Set<string>();

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    afterFirstPaint: true,
    pushes: {
      'media:published': (article) => this.onPublished(article),
      'media:unpublished': (ref) => this.onUnpublished(ref),
    },
    reflect: true,
    onConnect: () => {
      // Pushes sent while disconnected are lost: fetch the list again, quietly.
      if (this.phase === 'ready' && this.route.kind !== 'article') void this.load(true);
    },
  });

  private readonly pendingFocus = new PendingFocus(this, {
    ready: () => this.phase !== 'loading',
    focus: () => this.focusPage(),
  });

  private get route(): MediaRoute {
    return parseMediaPath(this.path);
  }

  /** Move focus to the page's main heading once it has loaded. */
  override async focusHeading(): Promise<void> {
    await this.pendingFocus.request();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && changed.get('site')?.id !== this.site?.id) this.sections = [];
    if (changed.has('site') || changed.has('path')) void this.load(false);
    // The mode switched: read the page again quietly (the open network's controls and counts follow).
    else if (changed.has('me') && changed.get('me') && changed.get('me')?.mode !== this.me?.mode) void this.load(true);
  }

  private focusPage(): void {
    const route = this.route;
    if (this.phase === 'ready' && route.kind === 'front') void this.masthead?.focusTitle();
    else if (this.phase === 'ready' && route.kind === 'article' && !this.withdrawn)
      void this.articleView?.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('.focus-target')?.focus();
  }

  /** Whether a pushed article belongs on the list now on screen. */
  private belongsHere(article: ArticleSummary): boolean {
    const route = this.route;
    if (article.site !== this.site?.id) return false;
    if (route.kind === 'front') return true;
    return route.kind === 'section' && route.page === 1 && route.section === article.section;
  }

  private onPublished(article: ArticleSummary): void {
    if (!this.belongsHere(article)) return;
    if (this.phase === 'loading') this.pushedDuringLoad.push(article);
    const isNew = !this.articles.some((known) => known.id === article.id);
    this.articles = prepend(article, this.articles);
    if (!isNew) return;
    this.total += 1;
    this.fresh = new Set([...this.fresh, article.id]);
    this.announcement = msg(str`New article: ${article.title}`);
  }

  private onUnpublished(ref: { id: string; site: string }): void {
    if (ref.site !== this.site?.id) return;
    if (this.phase === 'loading') this.removedDuringLoad.add(ref.id);
    if (this.articles.some((known) => known.id === ref.id)) {
      this.articles = this.articles.filter((known) => known.id !== ref.id);
      this.total = Math.max(0, this.total - 1);
    }
    if (this.article?.id === ref.id) this.withdrawn = true;
  }

  /** Fetch what the current path shows; `quiet` keeps the page on screen meanwhile. */
  private async load(quiet: boolean): Promise<void> {
    const site = this.site;
    if (!site) return;
    const seq = ++this.loadSeq;
    const route = this.route;
    if (!quiet) {
      this.phase = 'loading';
      this.failure = undefined;
      this.announcement = '';
      this.fresh = new Set();
      this.withdrawn = false;
    }
    this.pushedDuringLoad = [];
    this.removedDuringLoad = new Set();
    try {
      if (route.kind === 'article') {
        // The article and, beside it, the section list for the masthead's navigation (best effort):
        // the page shows as soon as both are here; the rest of its section follows below it.
        const [article, listed] = await Promise.all([
          mediaApi.article(route.id),
          this.sections.length > 0
            ? undefined
            : mediaApi.articles({ site: site.id, pageSize: 1 }).catch(() => undefined),
        ]);
        if (seq !== this.loadSeq) return;
        if (article.site !== site.id) throw new ApiFailure(404, 'not_found', 'Not on this site.');
        this.article = article;
        this.articles = [];
        if (listed) this.sections = listed.sections;
        void this.loadRelated(seq, site, article);
      } else if (route.kind === 'front' || route.kind === 'section') {
        const response = await mediaApi.articles(
          route.kind === 'front'
            ? { site: site.id, pageSize: FRONT_PAGE_SIZE }
            : { site: site.id, section: route.section, page: route.page, pageSize: SECTION_PAGE_SIZE },
        );
        if (seq !== this.loadSeq) return;
        let articles = response.articles.filter((known) => !this.removedDuringLoad.has(known.id));
        for (const pushed of this.pushedDuringLoad) articles = prepend(pushed, articles);
        this.articles = articles;
        this.total = response.total;
        this.sections = response.sections;
      } else if (this.sections.length === 0) {
        const response = await mediaApi.articles({ site: site.id, pageSize: 1 }).catch(() => undefined);
        if (seq !== this.loadSeq) return;
        this.sections = response?.sections ?? [];
      }
      this.phase = 'ready';
    } catch (error) {
      if (seq !== this.loadSeq) return;
      if (quiet) return; // keep what is on screen; the next push or visit will do
      this.failure =
        error instanceof ApiFailure ? error : new ApiFailure(0, 'client_error', 'The page could not be shown.');
      this.phase = 'failed';
    }
  }

  /** The rest of the article's section, under it (best effort: none when it cannot be fetched). */
  private async loadRelated(seq: number, site: Site, article: Article): Promise<void> {
    const more = await mediaApi
      .articles({ site: site.id, section: article.section, pageSize: RELATED_COUNT + 1 })
      .catch(() => undefined);
    if (seq !== this.loadSeq || !more) return;
    this.articles = more.articles.filter((known) => known.id !== article.id).slice(0, RELATED_COUNT);
    this.sections = more.sections;
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    const route = this.route;
    return html`
      <cis-media-masthead
        .site=${site}
        .sections=${this.sections}
        .current=${route.kind === 'front' ? 'front' : route.kind === 'section' ? route.section : undefined}
        ?stats=${route.kind === 'front'}
      ></cis-media-masthead>
      <div class="page">
        <p class="announce" role="status">${this.announcement}</p>
        ${this.renderBody(site, route)} ${route.kind === 'front' ? siteAbout(site) : nothing}
      </div>
    `;
  }

  private renderBody(site: Site, route: MediaRoute): TemplateResult {
    if (this.phase === 'loading') return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed') return this.renderFailure(site);
    switch (route.kind) {
      case 'front':
        return html`<cis-media-front
          layout=${frontLayoutOf(site.id)}
          .site=${site}
          .articles=${this.articles}
          .sections=${this.sections}
          .fresh=${this.fresh}
        ></cis-media-front>`;
      case 'section':
        return this.renderSection(site, route.section, route.page);
      case 'article':
        return this.renderArticle(site);
      case 'unknown':
        return this.renderNotice(
          site,
          msg('There is no such page on this site'),
          msg('The address names a page this site does not have.'),
        );
    }
  }

  private renderSection(site: Site, section: SectionId, page: number): TemplateResult {
    const pages = Math.max(1, Math.ceil(this.total / SECTION_PAGE_SIZE));
    const base = `${site.address}/section/${section}`;
    const pageAddress = (n: number) => (n === 1 ? base : `${base}/page/${n}`);
    return html`
      <h3 class="section-title focus-target" tabindex="-1">${this.sectionName(section)}</h3>
      <div class="rule" aria-hidden="true"></div>
      ${page <= pages ? html`<p class="status">${msg(str`Page ${page} of ${pages}`)}</p>` : nothing}
      ${
        this.articles.length === 0
          ? html`<p>${msg('There are no articles on this page.')}</p>`
          : html`<cis-media-cards
              .site=${site}
              .articles=${this.articles}
              .sections=${this.sections}
              .fresh=${this.fresh}
              ordered
            ></cis-media-cards>`
      }
      ${
        page > 1 || page < pages
          ? html`<nav class="pager" aria-label=${msg('Pages of this section')}>
              <ul>
                ${
                  page > 1
                    ? html`<li>${addressLink(pageAddress(Math.min(page - 1, pages)), msg('Newer articles'))}</li>`
                    : nothing
                }
                ${page < pages ? html`<li>${addressLink(pageAddress(page + 1), msg('Older articles'))}</li>` : nothing}
              </ul>
            </nav>`
          : nothing
      }
    `;
  }

  private renderArticle(site: Site): TemplateResult {
    const article = this.article;
    if (!article || this.withdrawn) {
      return this.renderNotice(
        site,
        msg('This article has been withdrawn'),
        msg('It is no longer published. Articles can disappear from the state media at any time, without a trace.'),
      );
    }
    return html`
      <cis-media-article
        .article=${article}
        .sections=${this.sections}
        .social=${this.me?.mode === 'open' ? article.social : undefined}
        siteAddress=${site.address}
      ></cis-media-article>
      ${
        this.articles.length > 0
          ? html`<section class="related" aria-labelledby="related-title">
              <h3 class="band" id="related-title">
                <span class="star" aria-hidden="true">★</span> ${msg(str`More: ${this.sectionName(article.section)}`)}
              </h3>
              <div class="rule" aria-hidden="true"></div>
              <cis-media-cards .site=${site} .articles=${this.articles} .sections=${this.sections}></cis-media-cards>
            </section>`
          : nothing
      }
    `;
  }

  private renderFailure(site: Site): TemplateResult {
    const status = this.failure?.status;
    if (status === 404) {
      return this.renderNotice(
        site,
        msg('This article is not available'),
        msg('It does not exist, or it is not published (any more).'),
      );
    }
    if (status === 403) {
      return this.renderNotice(
        site,
        msg('Not open to you'),
        msg('Your access does not include this part of the state media.'),
      );
    }
    return loadFailedNotice(() => void this.load(false));
  }

  private renderNotice(site: Site, title: string, text: string): TemplateResult {
    return siteNotice(title, text, { address: site.address, label: msg('Go to the front page') });
  }

  private sectionName(section: SectionId): string {
    return sectionLabel(section, this.sections);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-media-site': CisMediaSite;
  }
}
