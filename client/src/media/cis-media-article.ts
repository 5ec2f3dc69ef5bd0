import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg } from '@lit/localize';
import type { Article, Section, SocialCounts } from '../../../server/protocol/api';
import { sectionLabel } from './media';
import { formatDateline } from '../ui/format';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { mediaStyles } from './styles';
import '../ui/cis-placard';
import '../social/cis-social-bar';

/** The placard beside every article: why there are no comments, likes or shares. */
const NO_COMMENTS_PLACARD = 'no-comments';

/**
 * One state-media article: section, dateline, headline, summary, the body, the
 * simulation label, and the placard explaining why nobody can answer it. In closed mode
 * there are no comments, likes, shares, view counts or author names: that absence is the
 * point. In open mode (`social` set) the open network's like, share and comment controls appear.
 */
@localized()
@customElement('cis-media-article')
export class CisMediaArticle extends LitElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: minmax(0, 1fr);
        align-items: start;
      }
      @media (min-width: 64rem) {
        :host {
          grid-template-columns: minmax(0, 1fr) 20rem;
        }
      }
      article {
        max-width: 46rem;
      }
      h3 {
        margin: 0.2rem 0 0.5rem;
        font-size: clamp(1.8rem, 4.5vw, 2.8rem);
        line-height: 1.1;
        color: var(--media-red-ink);
      }
      .standfirst {
        margin: 0 0 0.75rem;
        font-family: var(--media-serif);
        font-size: 1.25rem;
        font-weight: 600;
      }
      .body {
        font-family: var(--media-serif);
        font-size: 1.1rem;
        line-height: 1.65;
        overflow-wrap: anywhere;
      }
      .body :is(h1, h2, h3, h4, h5, h6) {
        font-size: 1.25rem;
        color: var(--media-red-ink);
        margin: 1.25rem 0 0.5rem;
      }
      .body p:first-child::first-letter {
        float: left;
        font-size: 3.4rem;
        line-height: 0.9;
        padding: 0.2rem 0.4rem 0 0;
        color: var(--media-red-ink);
        font-weight: 700;
      }
      .body blockquote {
        margin: 1rem 0;
        padding: 0.5rem 1rem;
        border-left: 6px solid var(--media-gold);
        background: var(--media-cream);
      }
      .body img {
        max-width: 100%;
      }
      .end {
        margin: 1.5rem 0 0;
        text-align: center;
        color: var(--media-red-ink);
        letter-spacing: 0.6em;
      }
    `,
  ];

  /** The article to show (its `bodyHtml` was sanitised by the server). */
  @property({ attribute: false }) article: Article | undefined;

  /** The sections of the site, for the section's label. */
  @property({ attribute: false }) sections: Section[] = [];

  /** The address of the site the article is on (for the link to its section). */
  @property() siteAddress = '';

  /** Open mode only: the article's likes, shares and comments; undefined (no controls at all) in closed mode. */
  @property({ attribute: false }) social: SocialCounts | undefined;

  /** Move focus to the headline. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    const article = this.article;
    if (!article) return nothing;
    const sectionAddress = `${this.siteAddress}/section/${article.section}`;
    return html`
      <article aria-labelledby="headline">
        <p class="kicker">
          ${addressLink(sectionAddress, sectionLabel(article.section, this.sections))} ·
          <time datetime=${article.date}>${formatDateline(article.date)}</time>
        </p>
        <h3 id="headline" tabindex="-1">${article.title}</h3>
        <div class="rule" aria-hidden="true"></div>
        <p class="standfirst">${article.summary}</p>
        <p class="simulation-label">${msg('Simulation: this article is fictional')}</p>
        <!-- The one place server HTML is rendered: bodyHtml is sanitised server-side. -->
        <div class="body">${unsafeHTML(article.bodyHtml)}</div>
        <p class="end" aria-hidden="true">★ ★ ★</p>
        ${
          this.social
            ? html`<cis-social-bar
                kind="article"
                .targetId=${article.id}
                .targetTitle=${article.title}
                .counts=${this.social}
              ></cis-social-bar>`
            : nothing
        }
      </article>
      ${this.social ? nothing : html`<cis-placard .placardId=${NO_COMMENTS_PLACARD}></cis-placard>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-media-article': CisMediaArticle;
  }
}
