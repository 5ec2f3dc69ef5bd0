import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Section, SectionId, Site } from '../../../server/protocol/api';
import { addressHref, followAddress } from '../ui/address-link';
import { formatJucheDate, formatToday, jucheYear } from '../ui/format';
import { getLocale } from '../core/localization';
import { sunriseScene } from '../ui/illustrations/scene';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';
import { nameplateOf } from './surface';
import './cis-slogan-ticker';

/**
 * The banner of a state-media site: emblem, the nameplate in the other script (Hangul beside
 * an English title, English beside a Korean one), title, tagline, today's date with the
 * state calendar's year, a sunrise over mountains, the scrolling band of slogans, the
 * achievement figures (front page only) and the section navigation.
 */
@localized()
@customElement('cis-media-masthead')
export class CisMediaMasthead extends LitElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      .banner {
        position: relative;
        overflow: hidden;
        text-align: center;
        padding: 1.25rem 1rem 0;
        color: #ffffff;
        background: radial-gradient(circle at 50% 0%, #b31b1b 0, transparent 70%), var(--media-red);
        border-top: 10px solid var(--media-blue);
        box-shadow:
          inset 0 4px 0 var(--media-gold),
          inset 0 -4px 0 var(--media-gold);
      }
      .emblem {
        margin: 0;
        color: var(--media-gold-light);
        font-size: 1.5rem;
        letter-spacing: 0.6em;
        line-height: 1;
      }
      .emblem .big {
        font-size: 2.4rem;
      }
      h2 {
        margin: 0.3rem 0 0.2rem;
        font-size: clamp(2rem, 6vw, 3.6rem);
        font-weight: 700;
        letter-spacing: 0.03em;
        line-height: 1.05;
        color: var(--media-gold-light);
        text-shadow:
          0 2px 0 var(--media-red-deep),
          0 0 18px rgb(0 0 0 / 0.35);
      }
      .tagline {
        margin: 0.2rem 0;
        font-family: var(--media-serif);
        font-size: 1.15rem;
        font-style: italic;
      }
      .date {
        margin: 0.5rem 0 0;
        font-size: 0.95rem;
        letter-spacing: 0.12em;
        text-transform: uppercase;
        color: var(--media-gold-light);
      }
      .nameplate {
        margin: 0;
        font-size: clamp(1.3rem, 4vw, 2rem);
        font-weight: 700;
        letter-spacing: 0.3em;
        color: #ffffff;
      }
      .nameplate:lang(en) {
        font-family: var(--media-serif);
        letter-spacing: 0.08em;
        text-transform: uppercase;
        font-size: clamp(1rem, 3vw, 1.4rem);
      }
      .date .era {
        font-weight: 700;
      }
      /* A sunrise over mountains closes the banner, under the text rather than behind it. */
      .scene {
        display: block;
        width: calc(100% + 2rem);
        height: 3.5rem;
        margin: 0.5rem -1rem 0;
      }
      /* A phone: the banner keeps its colours and names but gives the first screen to the news. */
      @media (max-width: 40rem) {
        .banner {
          padding: 0.5rem 0.75rem 0;
          border-top-width: 6px;
        }
        .emblem,
        .tagline,
        .scene {
          display: none;
        }
        h2 {
          font-size: 1.5rem;
          margin: 0.15rem 0;
        }
        .nameplate {
          font-size: 1rem;
        }
        .date {
          margin: 0.25rem 0 0.5rem;
          font-size: 0.8rem;
          letter-spacing: 0.04em;
        }
      }
      .stats {
        list-style: none;
        margin: 0;
        padding: 1rem;
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
        background: var(--media-cream-deep);
        border-bottom: 2px solid var(--media-gold);
      }
      .stats li {
        display: flex;
        flex-direction: column;
        align-items: center;
        text-align: center;
        padding: 0.6rem 0.5rem;
        background: var(--media-cream);
        border: 2px solid var(--media-gold);
        border-radius: 6px;
        box-shadow: 0 2px 0 var(--media-red);
      }
      .stats .value {
        font-family: var(--media-serif);
        font-size: 1.9rem;
        font-weight: 700;
        color: var(--media-red-ink);
        line-height: 1.1;
      }
      .stats .label {
        font-size: 0.9rem;
        color: var(--media-ink);
      }
      nav {
        background: var(--media-red-deep);
        border-bottom: 4px solid var(--media-gold);
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0.25rem 0.5rem;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.25rem;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.8rem;
        color: #ffffff;
        font-weight: 600;
        border-radius: 4px;
      }
      nav a:hover {
        background: var(--media-red);
      }
      nav a[aria-current='page'] {
        background: var(--media-gold-light);
        color: var(--media-red-ink);
        text-decoration: none;
      }
      /* A phone: the sections in one row that scrolls inside the bar (the page does not scroll sideways). */
      @media (max-width: 40rem) {
        nav ul {
          flex-wrap: nowrap;
          justify-content: flex-start;
          overflow-x: auto;
          scrollbar-width: thin;
        }
        nav li {
          flex: none;
        }
        nav a {
          white-space: nowrap;
          padding: 0 0.6rem;
        }
      }
      /* Focus rings that show on red (banner, navigation). */
      .banner,
      nav {
        --cis-focus: var(--media-gold-light);
      }
    `,
  ];

  /** The media site whose banner this is. */
  @property({ attribute: false }) site: Site | undefined;

  /** The sections the reader may open (from the articles list). */
  @property({ attribute: false }) sections: Section[] = [];

  /** Which page is open: the front page, a section, or neither (an article). */
  @property() current: 'front' | SectionId | undefined;

  /** Show the achievement figures (the front page does). */
  @property({ type: Boolean }) stats = false;

  /** Leave out the section navigation (a site without sections, like the broadcast schedule). */
  @property({ type: Boolean, attribute: 'no-nav' }) noNav = false;

  /** Move focus to the site's title. */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    const masthead = site.masthead;
    const plate = nameplateOf(site.id);
    const korean = getLocale() === 'ko';
    return html`
      <div class="banner">
        <p class="emblem" aria-hidden="true">★ <span class="big">★</span> ★</p>
        ${plate ? html`<p class="nameplate" lang=${korean ? 'en' : 'ko'}>${korean ? plate.en : plate.ko}</p>` : nothing}
        <h2 tabindex="-1">${site.title}</h2>
        ${masthead?.tagline ? html`<p class="tagline">${masthead.tagline}</p>` : nothing} ${this.renderDate(korean)}
        ${sunriseScene()}
      </div>
      ${
        masthead && masthead.slogans.length > 0
          ? html`<cis-slogan-ticker .slogans=${masthead.slogans}></cis-slogan-ticker>`
          : nothing
      }
      ${
        this.stats && masthead && masthead.stats.length > 0
          ? html`<ul class="stats" aria-label=${msg('Achievements')}>
              ${masthead.stats.map(
                (stat) =>
                  html`<li><span class="value">${stat.value}</span> <span class="label">${stat.label}</span></li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this.noNav
          ? nothing
          : html`<nav aria-label=${msg(str`Sections of ${site.title}`)}>
              <ul>
                ${this.link(site.address, msg('Front page'), this.current === 'front')}
                ${this.sections.map((section) =>
                  this.link(`${site.address}/section/${section.id}`, section.label, this.current === section.id),
                )}
              </ul>
            </nav>`
      }
    `;
  }

  /** Today, the Juche year beside the common date ("Juche 115 · Thursday 26 November 2026"; in Korean "주체115(2026)년 …"). */
  private renderDate(korean: boolean): TemplateResult {
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const juche = jucheYear(now.getFullYear());
    if (korean) return html`<p class="date"><time datetime=${day}>${formatJucheDate(now)}</time></p>`;
    return html`<p class="date">
      ${juche ? html`<span class="era">${msg(str`Juche ${juche}`)}</span> · ` : nothing}<time datetime=${day}
        >${formatToday(now)}</time
      >
    </p>`;
  }

  private link(address: string, label: string, current: boolean): TemplateResult {
    return html`<li>
      <a
        href=${addressHref(address)}
        aria-current=${current ? 'page' : 'false'}
        @click=${(event: MouseEvent) => followAddress(event, address)}
        >${label}</a
      >
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-media-masthead': CisMediaMasthead;
  }
}
