import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { LIMITS } from '../../../server/protocol/vocabulary';
import { emit } from '../core/events';
import { actionFailureText } from '../core/requests';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { charactersLeft } from './social';
import { counter } from './templates';
import './cis-social-post';
import { readDraft, writeDraft } from '../core/drafts';

/** Where the post being written is kept. */
const DRAFT = 'social:post';

/**
 * The Commons' compose box: a text of up to `LIMITS.socialText` characters with a counter.
 * A post is published at once (no censor reads it first); after a successful send the box
 * empties, says so politely and fires `cis-social-posted`. On failure it keeps the text.
 */
@localized()
@customElement('cis-social-composer')
export class CisSocialComposer extends LitElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      form.inline {
        max-width: 46rem;
      }
      textarea {
        min-height: 5rem;
      }
    `,
  ];

  /** Kept as it is written (`core/drafts.ts`), so a rebuilt feed finds its half-written post. */
  @state() private draft = readDraft(DRAFT);
  @state() private busy = false;
  @state() private error = '';
  @state() private success = '';

  @query('textarea') private field: HTMLTextAreaElement | undefined;

  private setDraft(text: string): void {
    this.draft = text;
    writeDraft(DRAFT, text);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.error = '';
    this.success = '';
    if (!this.draft.trim()) {
      this.error = msg('Write something first.');
      this.field?.focus();
      return;
    }
    if (charactersLeft(this.draft, LIMITS.socialText) < 0) {
      this.error = msg(str`A post may have up to ${LIMITS.socialText} characters.`);
      this.field?.focus();
      return;
    }
    this.busy = true;
    try {
      const { post } = await socialApi.post({ text: this.draft });
      this.setDraft('');
      this.success = msg('Posted: everyone can see it now.');
      emit(this, 'cis-social-posted', { post });
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<form class="inline" @submit=${this.submit} novalidate aria-label=${msg('New post')}>
      <label for="compose">${msg('Write a post')}</label>
      <textarea
        id="compose"
        maxlength=${LIMITS.socialText}
        aria-describedby="compose-hint compose-note"
        .value=${this.draft}
        @input=${(e: Event) => this.setDraft((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${counter('compose-hint', this.draft, LIMITS.socialText)}
      <p class="hint" id="compose-note">${msg('Published at once, under your name. Nobody checks it first.')}</p>
      <p class="message error" role="alert">${this.error}</p>
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('Post')}</button>
        <p class="message success" role="status">${this.success}</p>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-composer': CisSocialComposer;
  }
}
