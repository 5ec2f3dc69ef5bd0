/**
 * What the editor desk's compose form holds, how an article fills it, how it becomes an
 * API request, and what to say when a write fails.
 */
import { msg } from '@lit/localize';
import type { Article, ArticleInput, Section, SectionId } from '../../../../server/protocol/api';
import { ApiFailure } from '../../core/api';
import { toDatetimeLocal } from '../../ui/format';
import { errorText } from '../../core/error-text';

/** What the form holds: the article's fields plus the optional "publish at" time. */
export interface ArticleDraft {
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  body: string;
  lead: boolean;
  /** A `datetime-local` value ('' when not scheduling). */
  publishAt: string;
}

/** A new article on the first site and section offered (the lists may not be known yet). */
export function emptyDraft(
  sites: readonly { id: string }[] | undefined,
  sections: readonly Section[] | undefined,
): ArticleDraft {
  const section = sections?.[0]?.id ?? 'leadership';
  return { site: sites?.[0]?.id ?? '', section, title: '', summary: '', body: '', lead: false, publishAt: '' };
}

/** `article` as the form shows it. */
export function draftOf(article: Article): ArticleDraft {
  return {
    site: article.site,
    section: article.section,
    title: article.title,
    summary: article.summary,
    body: article.body,
    lead: article.lead,
    publishAt: article.publishAt ? toDatetimeLocal(article.publishAt) : '',
  };
}

/** The draft as the API takes it ("publish at" goes with the publish request instead). */
export function articleInput(draft: ArticleDraft): ArticleInput {
  const { site, section, title, summary, body, lead } = draft;
  return { site, section, title, summary, body, lead };
}

/** What to tell the editor when a write failed (the form keeps every field). */
export function describeArticleFailure(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.status === 0) return msg('The server could not be reached. Nothing was lost: try again.');
    if (error.status === 400 || error.status === 409)
      return errorText(error, msg('Something you entered is not accepted. Check it and try again.'));
    if (error.status === 403) return msg('Your account may not do this.');
    if (error.status === 404) return msg('This article no longer exists.');
  }
  return msg('Something went wrong. Nothing was lost: try again.');
}
