import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ArticleSummary, Section, Site } from '../../../server/protocol/api';
import { sectionLabel } from './media';
import { formatDateline } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { monument } from '../ui/illustrations/monument';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';
import { frontLayoutStyles } from './cis-media-front.styles';
import type { FrontLayout } from './surface';
import './cis-media-cards';

/** Articles in the "Latest" band, and per section group. */
const LATEST_COUNT = 4;
const PER_GROUP = 3;
/** Bulletins on the news agency's wire under the lead. */
const WIRE_COUNT = 24;
/** Headlines in the daily's "In this edition" column. */
const EDITION_COUNT = 6;

/** The articles of one section on a front page. */
interface Group {
  section: Section;
  articles: ArticleSummary[];
}

/**
 * The front page of a state-media site, laid out as its `layout` says: a wire of dated
 * bulletins in one column (the news agency), a broadsheet with the lead beside the edition's
 * contents and the sections in newspaper columns (the daily), or a digest (the lead story in
 * huge type, the latest articles, then each section's newest). Newest first throughout, as
 * `articles` comes.
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
    frontLayoutStyles,
  ];

  /** The layout (reflected, so that styles and tests can tell the layouts apart). */
  @property({ reflect: true }) layout: FrontLayout = 'digest';

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
    switch (this.layout) {
      case 'wire':
        return this.renderWire(site, lead, rest.slice(0, WIRE_COUNT));
      case 'broadsheet':
        return this.renderBroadsheet(site, lead, rest);
      default:
        return this.renderDigest(site, lead, rest);
    }
  }

  /** Each section's newest articles among `rest`, leaving out those already `shown`. */
  private groups(rest: ArticleSummary[], shown: ReadonlySet<ArticleSummary>): Group[] {
    return this.sections
      .map((section) => ({
        section,
        articles: rest.filter((article) => article.section === section.id && !shown.has(article)).slice(0, PER_GROUP),
      }))
      .filter((group) => group.articles.length > 0);
  }

  private renderLead(site: Site, lead: ArticleSummary, picture = false): TemplateResult {
    return html`
      <section class="lead" aria-labelledby="lead-badge lead-title">
        ${picture ? monument() : nothing}
        <p class="badge" id="lead-badge">${msg('Lead story')}</p>
        <p class="kicker">
          ${sectionLabel(lead.section, this.sections)} ·
          <time datetime=${lead.date}>${formatDateline(lead.date)}</time>
        </p>
        <h3 id="lead-title">${addressLink(`${site.address}/article/${lead.id}`, lead.title)}</h3>
        <div class="rule" aria-hidden="true"></div>
        <p class="summary">${lead.summary}</p>
      </section>
    `;
  }

  private bandTitle(id: string, label: string): TemplateResult {
    return html`<h3 class="band" id=${id}><span class="star" aria-hidden="true">★</span> ${label}</h3>
      <div class="rule" aria-hidden="true"></div>`;
  }

  /** The news agency: the flash, then the wire, one dated bulletin under the other. */
  private renderWire(site: Site, lead: ArticleSummary, bulletins: ArticleSummary[]): TemplateResult {
    return html`
      ${this.renderLead(site, lead)}
      ${
        bulletins.length > 0
          ? html`<section aria-labelledby="latest-title">
              ${this.bandTitle('latest-title', msg('Latest bulletins'))}
              <ol class="wire">
                ${bulletins.map(
                  (article) =>
                    html`<li class=${this.fresh.has(article.id) ? 'fresh' : ''}>
                      <time class="stamp" datetime=${article.date}>${formatDateline(article.date)}</time>
                      <div>
                        <p class="kicker">${sectionLabel(article.section, this.sections)}</p>
                        <h4>${addressLink(`${site.address}/article/${article.id}`, article.title)}</h4>
                        <p>${article.summary}</p>
                      </div>
                    </li>`,
                )}
              </ol>
            </section>`
          : nothing
      }
    `;
  }

  /** The daily: the lead with its picture beside the edition's headlines, then the sections in columns. */
  private renderBroadsheet(site: Site, lead: ArticleSummary, rest: ArticleSummary[]): TemplateResult {
    const edition = rest.slice(0, EDITION_COUNT);
    const groups = this.groups(rest, new Set([lead, ...edition]));
    return html`
      <div class="sheet-top">
        ${this.renderLead(site, lead, true)}
        ${
          edition.length > 0
            ? html`<section class="edition" aria-labelledby="edition-title">
                ${this.bandTitle('edition-title', msg('In this edition'))}
                <ol>
                  ${edition.map(
                    (article) =>
                      html`<li class=${this.fresh.has(article.id) ? 'fresh' : ''}>
                        <p class="kicker">${sectionLabel(article.section, this.sections)}</p>
                        ${addressLink(`${site.address}/article/${article.id}`, article.title)}
                      </li>`,
                  )}
                </ol>
              </section>`
            : nothing
        }
      </div>
      <div class="sheet-columns">
        ${groups.map(
          ({ section, articles }) => html`
            <section class="column" aria-labelledby=${`group-${section.id}`}>
              ${this.bandTitle(`group-${section.id}`, section.label)}
              ${articles.map(
                (article) =>
                  html`<article class="story" aria-labelledby=${`story-${article.id}`}>
                    <p class="kicker"><time datetime=${article.date}>${formatDateline(article.date)}</time></p>
                    <h4 id=${`story-${article.id}`}>
                      ${addressLink(`${site.address}/article/${article.id}`, article.title)}
                    </h4>
                    <p>${article.summary}</p>
                  </article>`,
              )}
              <p class="more">
                ${addressLink(`${site.address}/section/${section.id}`, msg(str`More: ${section.label}`))}
              </p>
            </section>
          `,
        )}
      </div>
    `;
  }

  /** Any other site: the lead, the latest, then each section's newest. */
  private renderDigest(site: Site, lead: ArticleSummary, rest: ArticleSummary[]): TemplateResult {
    const latest = rest.slice(0, LATEST_COUNT);
    const groups = this.groups(rest, new Set([lead, ...latest]));
    return html`
      ${this.renderLead(site, lead)}
      ${
        latest.length > 0
          ? html`<section aria-labelledby="latest-title">
              ${this.bandTitle('latest-title', msg('Latest bulletins'))}
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
              ${this.bandTitle(`group-${section.id}`, section.label)}
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
