import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { CatalogueEntry, LibrarySearchResponse } from '../../../server/protocol/api';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { ApiFailure } from '../core/api';
import { Latest, actionFailureText } from '../core/requests';
import { SiteAppElement } from '../browser/site-app-element';
import { siteHeadStyles } from '../browser/site-styles';
import { sharedStyles } from '../ui/styles/shared';
import { libraryApi } from './api';
import { libraryStyles } from './styles';
import '../ui/cis-placard';

/**
 * The Research E-Library inside the browser frame: a search over the catalogue of approved
 * titles (every search is recorded by the server, and a query with a filtered word finds
 * nothing: the page shows "No titles found." either way), the whole catalogue to browse, and a
 * form to ask for a title it does not hold ("your request has been recorded": it is never
 * fulfilled). One page; any path shows it.
 */
@localized()
@customElement('cis-library-site')
export class CisLibrarySite extends SiteAppElement {
  static override styles = [
    sharedStyles,
    siteHeadStyles,
    libraryStyles,
    css`
      cis-placard {
        margin-top: 1.5rem;
      }
    `,
  ];

  @state() private entries: CatalogueEntry[] | undefined;
  @state() private catalogueFailed = false;
  @state() private query = '';
  @state() private searching = false;
  @state() private response: LibrarySearchResponse | undefined;
  @state() private searchError = '';
  @state() private requested = '';
  @state() private sending = false;
  @state() private requestMessage = '';
  @state() private requestError = '';

  private readonly searches = new Latest();

  /** Move focus to the site's title. */
  override async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site && this.entries === undefined) void this.loadCatalogue();
  }

  private async loadCatalogue(): Promise<void> {
    this.catalogueFailed = false;
    try {
      this.entries = (await libraryApi.catalogue()).entries;
    } catch (error) {
      console.error(error);
      this.catalogueFailed = true;
    }
  }

  private async search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const q = this.query.trim();
    if (!q) {
      this.searchError = msg('Type what you are looking for.');
      return;
    }
    this.searching = true;
    this.searchError = '';
    await this.searches.run(() => libraryApi.search(q), {
      use: (response) => (this.response = response),
      fail: (error) => {
        this.response = undefined;
        this.searchError =
          error instanceof ApiFailure && error.status === 429
            ? msg('Too many searches too quickly. Wait a moment and try again.')
            : actionFailureText(error);
      },
      settle: () => (this.searching = false),
    });
  }

  private async sendRequest(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const title = this.requested.trim();
    this.requestMessage = '';
    if (!title) {
      this.requestError = msg('Type the title you are looking for.');
      return;
    }
    this.sending = true;
    this.requestError = '';
    try {
      const sent = await libraryApi.requestTitle(title);
      this.requestMessage = msg(str`Your request for “${sent.title}” has been recorded.`);
      this.requested = '';
    } catch (error) {
      this.requestError =
        error instanceof ApiFailure && error.status === 429
          ? msg('Too many requests too quickly. Wait a moment and try again.')
          : actionFailureText(error);
    } finally {
      this.sending = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2 tabindex="-1">${site.title}</h2>
      <p class="address">${msg('Address:')} <code>${site.address}</code></p>
      ${site.intro.map((paragraph) => html`<p class="intro">${paragraph}</p>`)} ${this.renderSearch()}
      ${this.renderCatalogue()} ${this.renderRequest()}
      ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
    `;
  }

  private renderSearch(): TemplateResult {
    const results = this.response?.results ?? [];
    return html`
      <section aria-labelledby="search-heading">
        <h3 id="search-heading">${msg('Search the catalogue')}</h3>
        <form role="search" class="panel" @submit=${(event: SubmitEvent) => void this.search(event)}>
          <label for="q">${msg('Title, author, subject or call number')}</label>
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
        ${this.searchError ? html`<p class="error" role="alert">${this.searchError}</p>` : nothing}
        <p class="outcome" role="status">${this.outcome()}</p>
        ${results.length > 0 ? this.table(results, msg('Search results'), 'results') : nothing}
      </section>
    `;
  }

  private outcome(): string {
    if (this.searching) return msg('Searching…');
    const response = this.response;
    if (!response) return '';
    const count = response.results.length;
    if (count === 0) return msg('No titles found.');
    return count === 1
      ? msg(str`1 title found for “${response.query}”.`)
      : msg(str`${count} titles found for “${response.query}”.`);
  }

  private renderCatalogue(): TemplateResult {
    const entries = this.entries;
    return html`
      <section aria-labelledby="catalogue-heading">
        <h3 id="catalogue-heading">${msg('The catalogue')}</h3>
        ${
          this.catalogueFailed
            ? html`<p role="alert">
                ${msg('The catalogue could not be loaded.')}
                <button type="button" class="secondary" @click=${() => void this.loadCatalogue()}>
                  ${msg('Try again')}
                </button>
              </p>`
            : !entries
              ? html`<p role="status">${msg('Loading…')}</p>`
              : html`<details>
                  <summary>${msg(str`Browse all ${entries.length} approved titles`)}</summary>
                  ${this.table(entries, msg('Every approved title, in shelf order'), 'catalogue')}
                </details>`
        }
      </section>
    `;
  }

  private table(entries: readonly CatalogueEntry[], caption: string, name: string): TemplateResult {
    return html`
      <div class="scroller" tabindex="0" role="region" aria-label=${caption} data-table=${name}>
        <table>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Title')}</th>
              <th scope="col">${msg('Author')}</th>
              <th scope="col">${msg('Year')}</th>
              <th scope="col">${msg('Subject')}</th>
              <th scope="col">${msg('Call number')}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (e) =>
                html`<tr>
                  <th scope="row">${e.title}</th>
                  <td>${e.author}</td>
                  <td>${e.year}</td>
                  <td>${e.subject}</td>
                  <td><code>${e.callNumber}</code></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRequest(): TemplateResult {
    return html`
      <section aria-labelledby="request-heading">
        <h3 id="request-heading">${msg('Ask for a title not in the catalogue')}</h3>
        <p class="hint">${msg('The library records every request.')}</p>
        <form class="panel" @submit=${(event: SubmitEvent) => void this.sendRequest(event)}>
          <label for="title">${msg('Title of the book or paper')}</label>
          <input
            id="title"
            name="title"
            type="text"
            autocomplete="off"
            maxlength=${LIMITS.articleTitle}
            .value=${this.requested}
            @input=${(event: Event) => (this.requested = (event.target as HTMLInputElement).value)}
          />
          <button type="submit" ?disabled=${this.sending}>${msg('Send request')}</button>
        </form>
        ${this.requestError ? html`<p class="error" role="alert">${this.requestError}</p>` : nothing}
        <p class="confirmation" role="status">${this.requestMessage}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-library-site': CisLibrarySite;
  }
}
