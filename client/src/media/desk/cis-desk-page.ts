import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { Article, ArticleStatus, ArticleSummary, Section } from '../../../../server/protocol/api';
import { Latest, actionFailureText, loadFailureText } from '../../core/requests';
import { mediaApi } from '../api';
import { deskApi } from './api';
import { liveContext } from '../../app/context';
import { LiveSubscription } from '../../core/controllers/live-subscription';
import type { LiveConnection } from '../../core/live';
import { MEDIA_SITES, SECTION_IDS, sectionLabel } from '../media';
import { staffPageStyles } from '../../ui/styles/page';
import { sharedStyles } from '../../ui/styles/shared';
import type { CisArticleForm, DeskSite } from './cis-article-form';
import type { ArticleAction } from './cis-article-table';
import './cis-article-form';
import './cis-article-table';

/** Articles per page of the desk's list. */
const PAGE_SIZE = 25;

type StatusFilter = ArticleStatus | 'all';

/**
 * The editor desk: compose, preview, save, schedule and publish state-media articles,
 * and the list of every article with per-row Edit / Publish / Unpublish. The list
 * follows the live pushes, so scheduled articles turn "Published" when they go out.
 */
@localized()
@customElement('cis-desk-page')
export class CisDeskPage extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    css`
      .lede {
        margin: 0 0 1.25rem;
      }
      .compose {
        background: var(--cis-paper);
        border: 1px solid var(--cis-line);
        border-radius: 10px;
        padding: 1rem 1.25rem 1.25rem;
        margin-bottom: 1.5rem;
      }
      .list-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: end;
        justify-content: space-between;
        margin-bottom: 0.75rem;
      }
      .list-head h2 {
        margin: 0;
      }
      .filter {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .pager {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.75rem;
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private articles: ArticleSummary[] = [];
  @state() private total = 0;
  @state() private page = 1;
  @state() private sections: Section[] = [];
  @state() private filter: StatusFilter = 'all';
  @state() private loading = true;
  @state() private loadError = '';
  @state() private editing: Article | undefined;
  @state() private busyId: string | undefined;
  @state() private success = '';
  @state() private error = '';

  @query('cis-article-form') private form: CisArticleForm | undefined;

  private readonly loads = new Latest();

  // Something went out or was withdrawn (perhaps a scheduled article): show the desk as it is now.
  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'media:published': () => void this.refresh(), 'media:unpublished': () => void this.refresh() },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-article-saved', this.onSaved);
    this.addEventListener('cis-article-action', this.onAction);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-article-saved', this.onSaved);
    this.removeEventListener('cis-article-action', this.onAction);
    super.disconnectedCallback();
  }

  private refresh(): Promise<void> {
    return this.loads.run(() => mediaApi.articles({ status: this.filter, page: this.page, pageSize: PAGE_SIZE }), {
      use: (response) => {
        this.articles = response.articles;
        this.total = response.total;
        this.sections = response.sections;
        this.loadError = '';
      },
      fail: (error) => {
        this.loadError = loadFailureText(
          error,
          msg('Your account may not use the editor desk.'),
          msg('The articles could not be loaded. Try again in a moment.'),
        );
      },
      settle: () => (this.loading = false),
    });
  }

  private readonly onSaved = (): void => {
    this.success = '';
    this.error = '';
    void this.refresh();
  };

  private readonly onAction = async (event: GlobalEventHandlersEventMap['cis-article-action']): Promise<void> => {
    const { id, title, action } = event.detail;
    this.busyId = id;
    this.success = '';
    this.error = '';
    try {
      await this.run(id, title, action);
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busyId = undefined;
    }
  };

  private async run(id: string, title: string, action: ArticleAction): Promise<void> {
    switch (action) {
      case 'edit': {
        this.editing = await mediaApi.article(id);
        await this.form?.focusHeading();
        return;
      }
      case 'publish': {
        await deskApi.publishArticle(id);
        this.success = msg(str`Published “${title}”.`);
        break;
      }
      case 'unpublish': {
        await deskApi.unpublishArticle(id);
        this.success = msg(str`Unpublished “${title}”.`);
        break;
      }
    }
    await this.refresh();
  }

  /** The sites the form offers: the known media sites, plus any other the desk lists. */
  private deskSites(): DeskSite[] {
    const sites: DeskSite[] = MEDIA_SITES.map((site) => ({ id: site.id, label: site.label() }));
    for (const article of this.articles) {
      if (!sites.some((site) => site.id === article.site)) sites.push({ id: article.site, label: article.site });
    }
    return sites;
  }

  private deskSections(): Section[] {
    if (this.sections.length > 0) return this.sections;
    return SECTION_IDS.map((id) => ({ id, label: sectionLabel(id) }));
  }

  private setFilter(value: string): void {
    this.filter = value as StatusFilter;
    this.page = 1;
    void this.refresh();
  }

  private goToPage(page: number): void {
    this.page = page;
    void this.refresh();
  }

  override render(): TemplateResult {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    return html`
      <h1 tabindex="-1">${msg('Editor desk')}</h1>
      <p class="lede">
        ${msg(
          'Write what the state media publish. A published article reaches every reader with access at once; nobody can answer it.',
        )}
      </p>
      <section class="compose" aria-label=${msg('Compose')}>
        <cis-article-form
          .sites=${this.deskSites()}
          .sections=${this.deskSections()}
          .article=${this.editing}
        ></cis-article-form>
      </section>
      <section aria-labelledby="list-title">
        <div class="list-head">
          <h2 id="list-title">${msg('All articles')}</h2>
          <div class="filter">
            <label for="status-filter">${msg('Show')}</label>
            <select id="status-filter" @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value)}>
              ${(
                [
                  ['all', msg('All')],
                  ['draft', msg('Drafts')],
                  ['scheduled', msg('Scheduled')],
                  ['published', msg('Published')],
                  ['unpublished', msg('Unpublished')],
                ] as const
              ).map(
                ([value, label]) => html`<option value=${value} .selected=${value === this.filter}>${label}</option>`,
              )}
            </select>
          </div>
        </div>
        <p class="message success" role="status">${this.success}</p>
        <p class="message error" role="alert">${this.error || this.loadError}</p>
        ${this.renderList(pages)}
      </section>
    `;
  }

  private renderList(pages: number): TemplateResult | typeof nothing {
    if (this.loading) return html`<p role="status">${msg('Loading…')}</p>`;
    if (this.loadError && this.articles.length === 0) return nothing;
    if (this.articles.length === 0) return html`<p>${msg('No articles to show.')}</p>`;
    return html`
      <cis-article-table
        .articles=${this.articles}
        .sections=${this.sections}
        .busyId=${this.busyId}
      ></cis-article-table>
      ${
        pages > 1
          ? html`<div class="pager">
              <button
                type="button"
                class="secondary"
                ?disabled=${this.page <= 1}
                @click=${() => this.goToPage(this.page - 1)}
              >
                ${msg('Newer articles')}
              </button>
              <span>${msg(str`Page ${this.page} of ${pages}`)}</span>
              <button
                type="button"
                class="secondary"
                ?disabled=${this.page >= pages}
                @click=${() => this.goToPage(this.page + 1)}
              >
                ${msg('Older articles')}
              </button>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-desk-page': CisDeskPage;
  }
}
