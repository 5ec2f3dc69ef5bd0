/** The API calls of the editor desk: drafts, preview, publishing (editors only). */
import type { Article, ArticleInput, PreviewResponse, PublishRequest } from '../../../../server/protocol/api';
import { enc, request } from '../../core/api';

/** Editor-desk calls, one per route. */
export const deskApi = {
  /** `POST /api/media/articles`: a new draft. */
  createArticle: (input: ArticleInput) => request<Article>('POST', '/media/articles', input),
  /** `PATCH /api/media/articles/:id`. */
  updateArticle: (id: string, changes: Partial<ArticleInput>) =>
    request<Article>('PATCH', `/media/articles/${enc(id)}`, changes),
  /** `POST /api/media/articles/:id/publish`: now, or scheduled when `at` is in the future. */
  publishArticle: (id: string, body: PublishRequest = {}) =>
    request<Article>('POST', `/media/articles/${enc(id)}/publish`, body),
  /** `POST /api/media/articles/:id/unpublish`. */
  unpublishArticle: (id: string) => request<Article>('POST', `/media/articles/${enc(id)}/unpublish`),
  /** `POST /api/media/preview`: the sanitised HTML a Markdown body renders to. */
  preview: (body: string) => request<PreviewResponse>('POST', '/media/preview', { body }),
};
