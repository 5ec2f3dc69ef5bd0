import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ArticleSummary, SearchResponse, Site } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { mediaApi } from './api';
import { formatDateline } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';
import '../ui/cis-placard';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { SiteAppElement } from '../browser/site-app-element';
import { errorText } from '../core/error-text';

/**
 * The intranet search engine: a query over the state media the user may read. Every
 * search is recorded by the server, and a query with a filtered word finds nothing —
 * the page shows "No results." either way, as the server decides.
 */
@localized()
@customElement('cis-search-site')
export class CisSearchSite extends SiteAppElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      .banner {
        height: 14px;
        margin: -1.25rem -1.25rem 1.25rem;
        background: linear-gradient(
          to bottom,
          var(--media-blue) 0 3px,
          #ffffff 3px 4px,
          var(--media-red) 4px 10px,
          #ffffff 10px 11px,
          var(--media-blue) 11px
        );
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.8rem;
        color: var(--media-red-ink);
      }
      .intro {
        margin: 0 0 1rem;
        max-width: 46rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        padding: 1rem;
        max-width: 46rem;
        background: var(--media-cream);
        border: 2px solid var(--media-gold);
        border-radius: 8px;
      }
      label {
        flex: 1 0 100%;
      }
      input {
        flex: 1 1 14rem;
      }
      button {
        background: var(--media-red);
        border-color: var(--media-red);
      }
      .outcome {
        margin: 1rem 0 0.5rem;
        font-weight: 600;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        max-width: 46rem;
      }
      li {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--media-gold);
      }
      h3 {
        margin: 0 0 0.2rem;
        font-size: 1.2rem;
      }
      .where {
        margin: 0 0 0.2rem;
        font-size: 0.95rem;
        color: var(--media-brown);
      }
      li p {
        margin: 0;
      }
      cis-placard {
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The directory of the user's network: turns an article's site id into its address. */
  @property({ attribute: false }) sites: Site[] = [];

  @state() private query = '';
  @state() private searching = false;
  @state() private response: SearchResponse | undefined;
  @state() private error = '';

  private seq = 0;

  /** Move focus to the site's title. */
  override async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const q = this.query.trim();
    if (!q) {
      this.error = msg('Type what you are looking for.');
      return;
    }
    const seq = ++this.seq;
    this.searching = true;
    this.error = '';
    try {
      const response = await mediaApi.search(q);
      if (seq === this.seq) this.response = response;
    } catch (error) {
      if (seq !== this.seq) return;
      this.response = undefined;
      this.error =
        error instanceof ApiFailure && error.status === 400
          ? errorText(error, msg('The search could not be done. Try again in a moment.'))
          : error instanceof ApiFailure && error.status === 429
            ? msg('Too many searches too quickly. Wait a moment and try again.')
            : msg('The search could not be done. Try again in a moment.');
    } finally {
      if (seq === this.seq) this.searching = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2 tabindex="-1">${site.title}</h2>
      ${site.intro.map((paragraph) => html`<p class="intro">${paragraph}</p>`)}
      <form role="search" @submit=${(event: SubmitEvent) => void this.search(event)}>
        <label for="q">${msg('Search the intranet')}</label>
        <input
          id="q"
          name="q"
          type="search"
          autocomplete="off"
          maxlength=${LIMITS.searchQuery}
          .value=${this.query}
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
        />
        <button type="submit" ?disabled=${this.searching}>${msg('Search')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p class="outcome" role="status">${this.outcome()}</p>
      ${
        this.response && this.response.results.length > 0
          ? html`<ol aria-label=${msg('Search results')}>
              ${this.response.results.map((result) => this.renderResult(result))}
            </ol>`
          : nothing
      }
      ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
    `;
  }

  private outcome(): string {
    if (this.searching) return msg('Searching…');
    const response = this.response;
    if (!response) return '';
    const count = response.results.length;
    if (count === 0) return msg('No results.');
    return count === 1
      ? msg(str`1 result for “${response.query}”.`)
      : msg(str`${count} results for “${response.query}”.`);
  }

  private renderResult(result: ArticleSummary): TemplateResult {
    const site = this.sites.find((known) => known.id === result.site);
    const address = site ? `${site.address}/article/${result.id}` : undefined;
    return html`
      <li>
        <h3>${address ? addressLink(address, result.title) : result.title}</h3>
        <p class="where">
          ${site?.title ?? result.site} · <time datetime=${result.date}>${formatDateline(result.date)}</time>
        </p>
        <p>${result.summary}</p>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-search-site': CisSearchSite;
  }
}
