import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import type { Article, ArticleStatus, Section } from '../../../../server/protocol/api';
import { deskApi } from './api';
import { articleInput, describeArticleFailure, draftOf, emptyDraft } from './article-draft';
import type { ArticleDraft } from './article-draft';
import { isSectionId } from '../media';
import { formatInstant } from '../../ui/format';
import { sharedStyles } from '../../ui/styles/shared';
import { articleFormStyles } from './cis-article-form.styles';
import { emit } from '../../core/events';
import { LIMITS } from '../../../../server/protocol/vocabulary';

/** What a button of the form does. */
type Action = 'preview' | 'draft' | 'publish' | 'schedule';

/** A media site the editor may publish to. */
export interface DeskSite {
  id: string;
  label: string;
}

/**
 * The editor's compose form: site, section, title, summary, Markdown body, lead story and
 * an optional publication time; Preview shows the server's rendering. Saves a new draft
 * or the article being edited, then publishes or schedules it. On failure every field
 * keeps its value. Fires `cis-article-saved` after each successful write.
 */
@localized()
@customElement('cis-article-form')
export class CisArticleForm extends LitElement {
  static override styles = [sharedStyles, articleFormStyles];

  /** The sites an article can go on. */
  @property({ attribute: false }) sites: DeskSite[] = [];

  /** The sections an article can go in. */
  @property({ attribute: false }) sections: Section[] = [];

  /** The article to edit; set a new object to load it into the form (undefined: a new article). */
  @property({ attribute: false }) article: Article | undefined;

  @state() private draft: ArticleDraft = emptyDraft(this.sites, this.sections);
  @state() private editingId: string | undefined;
  @state() private editingStatus: ArticleStatus | undefined;
  @state() private busy: Action | undefined;
  @state() private success = '';
  @state() private error = '';
  @state() private previewHtml: string | undefined;

  /** Move focus to the form's heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article')) this.load(this.article);
    // Fill in defaults once the lists are known (a new, untouched article).
    if (!this.editingId && !this.sites.some((site) => site.id === this.draft.site) && this.sites[0]) {
      this.draft = { ...this.draft, site: this.sites[0].id };
    }
  }

  private load(article: Article | undefined): void {
    this.success = '';
    this.error = '';
    this.previewHtml = undefined;
    this.editingId = article?.id;
    this.editingStatus = article?.status;
    this.draft = article ? draftOf(article) : emptyDraft(this.sites, this.sections);
  }

  private set<K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private async preview(): Promise<void> {
    this.busy = 'preview';
    this.error = '';
    try {
      this.previewHtml = (await deskApi.preview(this.draft.body)).html;
    } catch (error) {
      this.error = describeArticleFailure(error);
    } finally {
      this.busy = undefined;
    }
  }

  private async save(action: Exclude<Action, 'preview'>): Promise<void> {
    this.success = '';
    this.error = '';
    let at: string | undefined;
    if (action === 'schedule') {
      const when = this.draft.publishAt ? new Date(this.draft.publishAt) : undefined;
      if (!when || Number.isNaN(when.getTime())) {
        this.error = msg('To schedule, choose the date and time in "Publish at".');
        return;
      }
      if (when.getTime() <= Date.now()) {
        this.error = msg('"Publish at" is in the past: choose a later time, or use "Publish now".');
        return;
      }
      at = when.toISOString();
    }
    this.busy = action;
    try {
      const input = articleInput(this.draft);
      let saved = this.editingId
        ? await deskApi.updateArticle(this.editingId, input)
        : await deskApi.createArticle(input);
      // From here on, saving again changes this article instead of making another.
      this.editingId = saved.id;
      this.editingStatus = saved.status;
      if (action === 'publish') saved = await deskApi.publishArticle(saved.id);
      if (action === 'schedule') saved = await deskApi.publishArticle(saved.id, { at });
      this.editingStatus = saved.status;
      emit(this, 'cis-article-saved', { article: saved });
      if (action === 'draft') {
        this.success = msg(str`Saved “${saved.title}”.`);
        return;
      }
      const done =
        saved.status === 'scheduled' && saved.publishAt
          ? msg(str`Scheduled “${saved.title}” for ${formatInstant(saved.publishAt)}.`)
          : msg(str`Published “${saved.title}”.`);
      // Ready for the next article; the message says what happened to this one.
      this.load(undefined);
      this.success = done;
    } catch (error) {
      this.error = describeArticleFailure(error);
    } finally {
      this.busy = undefined;
    }
  }

  override render(): TemplateResult {
    const d = this.draft;
    const busy = this.busy !== undefined;
    const live = this.editingStatus === 'published';
    return html`
      <h2 tabindex="-1">${this.editingId ? msg('Edit article') : msg('New article')}</h2>
      ${
        this.editingId
          ? html`<p class="editing">
              ${msg(str`Editing “${d.title || this.article?.title || ''}”.`)}
              <button type="button" class="secondary" ?disabled=${busy} @click=${() => this.load(undefined)}>
                ${msg('Start a new article')}
              </button>
            </p>`
          : nothing
      }
      <form
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.save('draft');
        }}
      >
        <div class="row">
          <div class="field">
            <label for="site">${msg('Site')}</label>
            <select id="site" @change=${(e: Event) => this.set('site', (e.target as HTMLSelectElement).value)}>
              ${this.sites.map((site) => html`<option value=${site.id} .selected=${site.id === d.site}>${site.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="section">${msg('Section')}</label>
            <select
              id="section"
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value;
                if (isSectionId(value)) this.set('section', value);
              }}
            >
              ${this.sections.map(
                (section) =>
                  html`<option value=${section.id} .selected=${section.id === d.section}>${section.label}</option>`,
              )}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="title">${msg('Title')}</label>
          <input
            id="title"
            maxlength=${LIMITS.articleTitle}
            .value=${d.title}
            @input=${(e: Event) => this.set('title', (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="summary">${msg('Summary')}</label>
          <textarea
            id="summary"
            rows="2"
            maxlength=${LIMITS.articleSummary}
            .value=${d.summary}
            @input=${(e: Event) => this.set('summary', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="field">
          <label for="body">${msg('Body')}</label>
          <p class="hint" id="body-hint">${msg('Markdown: blank line between paragraphs, **bold**, *italic*.')}</p>
          <textarea
            id="body"
            class="body"
            aria-describedby="body-hint"
            .value=${d.body}
            @input=${(e: Event) => this.set('body', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="row">
          <div class="check">
            <input
              id="lead"
              type="checkbox"
              .checked=${d.lead}
              @change=${(e: Event) => this.set('lead', (e.target as HTMLInputElement).checked)}
            />
            <label for="lead">${msg('Lead story')}</label>
          </div>
          <div class="field">
            <label for="publish-at">${msg('Publish at')}</label>
            <input
              id="publish-at"
              type="datetime-local"
              aria-describedby="publish-at-hint"
              .value=${d.publishAt}
              @input=${(e: Event) => this.set('publishAt', (e.target as HTMLInputElement).value)}
            />
            <p class="hint" id="publish-at-hint">${msg('Optional: only for "Schedule".')}</p>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${busy} @click=${() => void this.preview()}>
            ${this.busy === 'preview' ? msg('Rendering…') : msg('Preview')}
          </button>
          <button type="submit" class="secondary" ?disabled=${busy}>
            ${this.busy === 'draft' ? msg('Saving…') : live || this.editingStatus === 'scheduled' ? msg('Save changes') : msg('Save draft')}
          </button>
          ${
            live
              ? nothing
              : html`<button type="button" ?disabled=${busy} @click=${() => void this.save('publish')}>
                    ${this.busy === 'publish' ? msg('Publishing…') : msg('Publish now')}
                  </button>
                  <button type="button" ?disabled=${busy} @click=${() => void this.save('schedule')}>
                    ${this.busy === 'schedule' ? msg('Scheduling…') : msg('Schedule')}
                  </button>`
          }
        </div>
        <p class="message success" role="status">${this.success}</p>
        <p class="message error" role="alert">${this.error}</p>
      </form>
      ${
        this.previewHtml !== undefined
          ? html`<section class="preview" aria-labelledby="preview-title">
              <h3 id="preview-title">${msg('Preview')}</h3>
              <!-- Sanitised by the server, like every article body. -->
              <div class="preview-body">${unsafeHTML(this.previewHtml)}</div>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-article-form': CisArticleForm;
  }
  interface GlobalEventHandlersEventMap {
    /** The desk's form saved, published or scheduled an article. */
    'cis-article-saved': CustomEvent<{ article: Article }>;
  }
}
