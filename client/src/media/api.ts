/**
 * The API calls of reading the state media, searching and the broadcast schedule
 * (the editor desk's writes are in `desk/api.ts`).
 */
import type {
  Article,
  ArticleStatus,
  ArticlesResponse,
  BroadcastResponse,
  SearchResponse,
  SectionId,
} from '../../../server/protocol/api';
import { enc, queryString, request } from '../core/api';

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

/** State-media reading calls, one per route. */
export const mediaApi = {
  /** `GET /api/media/articles`: newest first, only what this user may read. */
  articles: (query: ArticlesQuery = {}) =>
    request<ArticlesResponse>('GET', `/media/articles${queryString({ ...query })}`),
  /** `GET /api/media/articles/:id`. */
  article: (id: string) => request<Article>('GET', `/media/articles/${enc(id)}`),
  /** `POST /api/media/search` (recorded in the trail, so never a GET). */
  search: (q: string) => request<SearchResponse>('POST', '/media/search', { q }),
  /** `GET /api/media/broadcast`: today's listings. */
  broadcast: () => request<BroadcastResponse>('GET', '/media/broadcast'),
};
