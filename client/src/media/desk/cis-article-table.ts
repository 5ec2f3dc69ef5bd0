import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ArticleSummary, Section } from '../../../../server/protocol/api';
import { mediaSiteLabel, sectionLabel } from '../media';
import { formatDateline, formatInstant } from '../../ui/format';
import { sharedStyles } from '../../ui/styles/shared';
import { recordTableStyles } from '../../ui/styles/tables';
import { cellLabel } from '../../ui/scrolling-table';
import { emit } from '../../core/events';

/** What a row's buttons ask the desk to do. */
export type ArticleAction = 'edit' | 'publish' | 'unpublish';

/**
 * The editor desk's list: every article with its status, site, section and date, and
 * per-row Edit / Publish / Unpublish. It only asks: fires `cis-article-action`.
 */
@localized()
@customElement('cis-article-table')
export class CisArticleTable extends LitElement {
  static override styles = [
    sharedStyles,
    recordTableStyles,
    css`
      table {
        min-width: 52rem;
      }
      caption {
        text-align: left;
        padding: 0.6rem 0.75rem;
        font-weight: 700;
      }
      th,
      td {
        border-top: 1px solid var(--cis-line);
      }
      thead th {
        font-size: 0.95rem;
      }
      tbody th {
        font-weight: 600;
        max-width: 24rem;
      }
      .status {
        display: inline-block;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.9rem;
        font-weight: 600;
        white-space: nowrap;
      }
      .status.published {
        color: #14532d;
        background: #ecfdf3;
      }
      .status.draft {
        color: #374151;
        background: #f3f4f6;
      }
      .status.scheduled {
        color: #1e3a8a;
        background: #eff6ff;
      }
      .status.unpublished {
        color: #7f1d1d;
        background: #fef2f2;
      }
      .when {
        display: block;
        font-size: 0.9rem;
        color: var(--cis-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .actions button {
        padding: 0.25rem 0.75rem;
      }
      .lead {
        display: block;
        font-size: 0.85rem;
        color: #7a0e0e;
        font-weight: 700;
      }
    `,
  ];

  /** The articles to list (the desk's current page). */
  @property({ attribute: false }) articles: ArticleSummary[] = [];

  /** Section labels. */
  @property({ attribute: false }) sections: Section[] = [];

  /** Id of the article an action is running on (its buttons are disabled meanwhile). */
  @property() busyId: string | undefined;

  override render(): TemplateResult {
    return html`
      <div class="scroller" role="region" aria-labelledby="caption" tabindex="0">
        <table>
          <caption id="caption">
            ${msg('Articles')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Title')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('Site')}</th>
              <th scope="col">${msg('Section')}</th>
              <th scope="col">${msg('Date')}</th>
              <th scope="col">${msg('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.articles.map((article) => this.renderRow(article))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(article: ArticleSummary): TemplateResult {
    const busy = this.busyId === article.id;
    const canPublish = article.status !== 'published';
    const canUnpublish = article.status === 'published' || article.status === 'scheduled';
    return html`
      <tr>
        <th scope="row">
          ${cellLabel(msg('Title'))}${article.title}${article.lead ? html`<span class="lead">${msg('Lead story')}</span>` : nothing}
        </th>
        <td>${cellLabel(msg('Status'))}${this.renderStatus(article)}</td>
        <td>${cellLabel(msg('Site'))}${mediaSiteLabel(article.site)}</td>
        <td>${cellLabel(msg('Section'))}${sectionLabel(article.section, this.sections)}</td>
        <td>
          ${cellLabel(msg('Date'))}${
            article.publishedAt
              ? formatInstant(article.publishedAt)
              : html`<time datetime=${article.date}>${formatDateline(article.date)}</time>`
          }
        </td>
        <td>
          ${cellLabel(msg('Actions'))}
          <div class="actions">
            ${this.button(article, 'edit', msg('Edit'), busy)}
            ${canPublish ? this.button(article, 'publish', msg('Publish'), busy) : nothing}
            ${canUnpublish ? this.button(article, 'unpublish', msg('Unpublish'), busy) : nothing}
          </div>
        </td>
      </tr>
    `;
  }

  private renderStatus(article: ArticleSummary): TemplateResult {
    const label = {
      draft: msg('Draft'),
      scheduled: msg('Scheduled'),
      published: msg('Published'),
      unpublished: msg('Unpublished'),
    }[article.status];
    return html`<span class="status ${article.status}">${label}</span>${
        article.status === 'scheduled' && article.publishAt
          ? html`<span class="when">${msg(str`for ${formatInstant(article.publishAt)}`)}</span>`
          : nothing
      }`;
  }

  private button(article: ArticleSummary, action: ArticleAction, label: string, busy: boolean): TemplateResult {
    return html`<button
      type="button"
      class=${action === 'edit' ? 'secondary' : ''}
      aria-label=${msg(str`${label}: ${article.title}`)}
      ?disabled=${busy}
      @click=${() => this.ask(article, action)}
    >
      ${label}
    </button>`;
  }

  private ask(article: ArticleSummary, action: ArticleAction): void {
    emit(this, 'cis-article-action', { id: article.id, title: article.title, action });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-article-table': CisArticleTable;
  }
  interface GlobalEventHandlersEventMap {
    /** A row's Edit, Publish or Unpublish button was pressed. */
    'cis-article-action': CustomEvent<{ id: string; title: string; action: ArticleAction }>;
  }
}
