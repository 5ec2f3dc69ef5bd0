import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { ArticleSummary, Section, Site } from '../../../server/protocol/api';
import { sectionLabel } from './media';
import { formatDateline } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';

/**
 * A list of article cards on a state-media site: dateline (and section), the title as
 * a link that asks the browser frame to open the article, and the summary.
 */
@localized()
@customElement('cis-media-cards')
export class CisMediaCards extends LitElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      ol,
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(17rem, 100%), 1fr));
      }
      :host([column]) :is(ol, ul) {
        grid-template-columns: minmax(0, 1fr);
      }
      li {
        padding: 0.85rem 1rem;
        background: var(--media-cream);
        border: 1px solid var(--media-gold);
        border-top: 5px solid var(--media-red);
        border-radius: 4px;
      }
      li.fresh {
        border-top-color: var(--media-blue);
        box-shadow: 0 0 0 3px var(--media-gold);
      }
      h4 {
        margin: 0 0 0.35rem;
        font-size: 1.2rem;
        line-height: 1.25;
      }
      p {
        margin: 0;
      }
      .kicker {
        margin: 0 0 0.35rem;
      }
    `,
  ];

  /** The site the articles are on (their addresses start with its address). */
  @property({ attribute: false }) site: Site | undefined;

  /** The articles, in the order to show them. */
  @property({ attribute: false }) articles: ArticleSummary[] = [];

  /** Section labels. */
  @property({ attribute: false }) sections: Section[] = [];

  /** Ids of articles that arrived live (highlighted). */
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  /** Name each card's section (lists that mix sections). */
  @property({ type: Boolean, attribute: 'with-section' }) withSection = false;

  /** A numbered list (newest first) rather than a plain one. */
  @property({ type: Boolean }) ordered = false;

  /** One card per row (narrow columns). */
  @property({ type: Boolean, reflect: true }) column = false;

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    const items = this.articles.map((article) => this.renderCard(site, article));
    return this.ordered
      ? html`<ol>
          ${items}
        </ol>`
      : html`<ul>
          ${items}
        </ul>`;
  }

  private renderCard(site: Site, article: ArticleSummary): TemplateResult {
    const address = `${site.address}/article/${article.id}`;
    return html`
      <li class=${this.fresh.has(article.id) ? 'fresh' : ''}>
        <p class="kicker">
          ${this.withSection ? html`${sectionLabel(article.section, this.sections)} · ` : nothing}<time
            datetime=${article.date}
            >${formatDateline(article.date)}</time
          >
        </p>
        <h4>${addressLink(address, article.title)}</h4>
        <p>${article.summary}</p>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-media-cards': CisMediaCards;
  }
}
