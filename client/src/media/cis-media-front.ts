import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ArticleSummary, Section, Site } from '../../../server/protocol/api';
import { sectionLabel } from './media';
import { formatDateline } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';
import './cis-media-cards';

/** Articles in the "Latest" band, and per section group. */
const LATEST_COUNT = 4;
const PER_GROUP = 3;

/**
 * The front page of a state-media site: the lead story in huge type, the latest
 * articles, then each section's newest. Newest first throughout, as `articles` comes.
 */
@localized()
@customElement('cis-media-front')
export class CisMediaFront extends LitElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      .lead {
        margin: 0 0 1.5rem;
        padding: 1.25rem 1.5rem;
        background: linear-gradient(180deg, var(--media-cream) 0%, #ffffff 100%);
        border: 3px double var(--media-red);
        outline: 2px solid var(--media-gold);
        outline-offset: 4px;
        text-align: center;
      }
      .badge {
        display: inline-block;
        margin: 0 0 0.5rem;
        padding: 0.15rem 0.8rem;
        background: var(--media-red);
        color: #ffffff;
        font-weight: 700;
        letter-spacing: 0.12em;
        text-transform: uppercase;
        font-size: 0.85rem;
      }
      .lead h3 {
        margin: 0.25rem 0 0.5rem;
        font-size: clamp(2rem, 5.5vw, 3.4rem);
        line-height: 1.08;
      }
      .lead h3 a {
        color: var(--media-red-ink);
        text-decoration-thickness: 2px;
      }
      .summary {
        max-width: 44rem;
        margin: 0 auto;
        font-family: var(--media-serif);
        font-size: 1.25rem;
      }
      .groups {
        display: grid;
        gap: 0 1.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
      }
      .more {
        margin: 0.75rem 0 0;
        font-weight: 600;
      }
    `,
  ];

  /** The media site. */
  @property({ attribute: false }) site: Site | undefined;

  /** Its published articles, newest first. */
  @property({ attribute: false }) articles: ArticleSummary[] = [];

  /** The sections the reader may open, in print order. */
  @property({ attribute: false }) sections: Section[] = [];

  /** Ids of articles that arrived live (highlighted). */
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    const lead = this.articles.find((article) => article.lead) ?? this.articles[0];
    if (!lead) return html`<p class="status">${msg('No articles have been published here yet.')}</p>`;
    const rest = this.articles.filter((article) => article !== lead);
    const latest = rest.slice(0, LATEST_COUNT);
    const shown = new Set([lead, ...latest]);
    const groups = this.sections
      .map((section) => ({
        section,
        articles: rest.filter((article) => article.section === section.id && !shown.has(article)).slice(0, PER_GROUP),
      }))
      .filter((group) => group.articles.length > 0);
    return html`
      <section class="lead" aria-labelledby="lead-badge lead-title">
        <p class="badge" id="lead-badge">${msg('Lead story')}</p>
        <p class="kicker">
          ${sectionLabel(lead.section, this.sections)} ·
          <time datetime=${lead.date}>${formatDateline(lead.date)}</time>
        </p>
        <h3 id="lead-title">${addressLink(`${site.address}/article/${lead.id}`, lead.title)}</h3>
        <div class="rule" aria-hidden="true"></div>
        <p class="summary">${lead.summary}</p>
      </section>
      ${
        latest.length > 0
          ? html`<section aria-labelledby="latest-title">
              <h3 class="band" id="latest-title">
                <span class="star" aria-hidden="true">★</span> ${msg('Latest bulletins')}
              </h3>
              <div class="rule" aria-hidden="true"></div>
              <cis-media-cards
                .site=${site}
                .articles=${latest}
                .sections=${this.sections}
                .fresh=${this.fresh}
                with-section
                ordered
              ></cis-media-cards>
            </section>`
          : nothing
      }
      <div class="groups">
        ${groups.map(
          ({ section, articles }) => html`
            <section aria-labelledby=${`group-${section.id}`}>
              <h3 class="band" id=${`group-${section.id}`}>
                <span class="star" aria-hidden="true">★</span> ${section.label}
              </h3>
              <div class="rule" aria-hidden="true"></div>
              <cis-media-cards
                .site=${site}
                .articles=${articles}
                .sections=${this.sections}
                .fresh=${this.fresh}
                column
              ></cis-media-cards>
              <p class="more">
                ${addressLink(`${site.address}/section/${section.id}`, msg(str`More: ${section.label}`))}
              </p>
            </section>
          `,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-media-front': CisMediaFront;
  }
}
