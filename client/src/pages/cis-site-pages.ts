import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Site, SitePage } from '../../../server/protocol/api';
import { Latest } from '../core/requests';
import { addressLink } from '../ui/address-link';
import { formatDateline } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';
import { loadFailedNotice, siteNotice } from '../browser/site-templates';
import { blockTemplate } from './page-blocks';
import { groupPages, parsePagePath } from './pages';
import { pagesApi } from './api';
import { pagesStyles } from './styles';

type Phase = 'loading' | 'ready' | 'failed';

/**
 * The pages of a plain content site, under the site's head that `cis-site-page` draws: on the
 * front page the list of pages under their headings, at `/<page id>` one page (a translated
 * paper shows where it was copied from, when, and the passages removed). Links open through the
 * browser frame, so every page view is recorded. A site without pages shows nothing.
 */
@localized()
@customElement('cis-site-pages')
export class CisSitePages extends LitElement {
  static override styles = [sharedStyles, pagesStyles];

  /** The site whose pages to show. */
  @property({ attribute: false }) site: Site | undefined;

  /** What followed the host in the address ('' for the front page). */
  @property() path = '';

  @state() private phase: Phase = 'loading';
  @state() private pages: SitePage[] = [];
  /** The site the pages on hand belong to. */
  private loadedFor = '';
  private readonly latest = new Latest();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site && this.site.id !== this.loadedFor) void this.load();
  }

  private async load(): Promise<void> {
    const site = this.site;
    if (!site) return;
    this.phase = 'loading';
    await this.latest.run(() => pagesApi.pages(site.id), {
      use: (response) => {
        this.pages = response.pages;
        this.loadedFor = site.id;
        this.phase = 'ready';
      },
      fail: (error) => {
        console.error(error);
        this.phase = 'failed';
      },
    });
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    if (this.phase === 'loading') return html`<p role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed') return loadFailedNotice(() => void this.load());
    const route = parsePagePath(this.path);
    if (route.kind === 'index' && this.pages.length === 0) return nothing;
    const look = site.network === 'foreign' ? 'guest' : 'state';
    let body: TemplateResult;
    if (route.kind === 'index') body = this.renderIndex(site);
    else {
      const page = route.kind === 'page' ? this.pages.find((p) => p.id === route.id) : undefined;
      body = page
        ? this.renderPage(site, page)
        : siteNotice(msg('There is no such page'), msg('This site has no page at that address.'), {
            address: site.address,
            label: msg(str`Back to ${site.title}`),
          });
    }
    return html`<div class=${look}>${body}</div>`;
  }

  private renderIndex(site: Site): TemplateResult {
    return html`
      <nav aria-label=${msg(str`Pages of ${site.title}`)}>
        ${groupPages(this.pages).map(
          ({ group, pages }) => html`
            <h3>${group}</h3>
            <div class="ribbon" aria-hidden="true"></div>
            <ul class="index">
              ${pages.map(
                (page) =>
                  html`<li>
                    ${addressLink(`${site.address}/${page.id}`, page.title)}
                    <p>${page.summary}</p>
                  </li>`,
              )}
            </ul>
          `,
        )}
      </nav>
    `;
  }

  private renderPage(site: Site, page: SitePage): TemplateResult {
    return html`
      <article>
        <p class="back">${addressLink(site.address, msg(str`Back to ${site.title}`))}</p>
        <p class="kicker">${page.group}</p>
        <h3 class="page-title">${page.title}</h3>
        <div class="ribbon" aria-hidden="true"></div>
        ${page.byline ? html`<p class="byline">${page.byline}</p>` : nothing}
        ${
          page.copy
            ? html`<dl class="copy">
                <dt>${msg('Original')}</dt>
                <dd>${page.copy.original}, ${page.copy.published}</dd>
                <dt>${msg('Copied in')}</dt>
                <dd><time datetime=${page.copy.copiedIn}>${formatDateline(page.copy.copiedIn)}</time></dd>
                <dt>${msg('This copy')}</dt>
                <dd>${msg('Downloaded, censored and re-posted on the national network')}</dd>
              </dl>`
            : nothing
        }
        ${page.blocks.map((block) => blockTemplate(block))}
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-site-pages': CisSitePages;
  }
}
