/** The API calls of the in-page browser: the directory and opening an address. */
import type { BrowseResponse, SitesResponse } from '../../../server/protocol/api';
import { request } from '../core/api';

/** Directory and browse calls, one per route. */
export const browserApi = {
  /** `GET /api/sites`: the directory of the user's network. */
  sites: () => request<SitesResponse>('GET', '/sites'),
  /** `POST /api/browse`: open an address (recorded in the trail). */
  browse: (address: string) => request<BrowseResponse>('POST', '/browse', { address }),
};
