/**
 * The API calls of the state media: reading articles, the editor desk, search and the
 * broadcast schedule. Kept apart from `api.ts` so that only the screens that use them load them.
 */
import type {
  Article,
  ArticleInput,
  ArticleStatus,
  ArticlesResponse,
  BroadcastResponse,
  PreviewResponse,
  PublishRequest,
  SearchResponse,
  SectionId,
} from '../../server/protocol/api';
import { request } from './api';

/** Filters for `GET /api/media/articles`. */
export interface ArticlesQuery {
  site?: string;
  section?: SectionId;
  /** Editors only: the desk's view of every status. */
  status?: ArticleStatus | 'all';
  /** 1-based */
  page?: number;
  /** 1..50 */
  pageSize?: number;
}

/** `?a=1&b=2` from the defined entries of `query`, or '' when there are none. */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** State-media calls, one per route. */
export const mediaApi = {
  /** `GET /api/media/articles`: newest first, only what this user may read. */
  articles: (query: ArticlesQuery = {}) =>
    request<ArticlesResponse>('GET', `/media/articles${queryString({ ...query })}`),
  /** `GET /api/media/articles/:id`. */
  article: (id: string) => request<Article>('GET', `/media/articles/${encodeURIComponent(id)}`),
  /** `POST /api/media/articles` (editors): a new draft. */
  createArticle: (input: ArticleInput) => request<Article>('POST', '/media/articles', input),
  /** `PATCH /api/media/articles/:id` (editors). */
  updateArticle: (id: string, changes: Partial<ArticleInput>) =>
    request<Article>('PATCH', `/media/articles/${encodeURIComponent(id)}`, changes),
  /** `POST /api/media/articles/:id/publish` (editors): now, or scheduled when `at` is in the future. */
  publishArticle: (id: string, body: PublishRequest = {}) =>
    request<Article>('POST', `/media/articles/${encodeURIComponent(id)}/publish`, body),
  /** `POST /api/media/articles/:id/unpublish` (editors). */
  unpublishArticle: (id: string) => request<Article>('POST', `/media/articles/${encodeURIComponent(id)}/unpublish`),
  /** `POST /api/media/preview` (editors): the sanitised HTML a Markdown body renders to. */
  preview: (body: string) => request<PreviewResponse>('POST', '/media/preview', { body }),
  /** `POST /api/media/search` (recorded in the trail, so never a GET). */
  search: (q: string) => request<SearchResponse>('POST', '/media/search', { q }),
  /** `GET /api/media/broadcast`: today's listings. */
  broadcast: () => request<BroadcastResponse>('GET', '/media/broadcast'),
};
