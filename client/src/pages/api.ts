/**
 * The API call of the content sites' pages.
 */
import type { SitePagesResponse } from '../../../server/protocol/api';
import { enc, request } from '../core/api';

/** Content-site calls, one per route. */
export const pagesApi = {
  /** `GET /api/sites/:id/pages`: a site's pages (none for a site without content). */
  pages: (siteId: string) => request<SitePagesResponse>('GET', `/sites/${enc(siteId)}/pages`),
};
