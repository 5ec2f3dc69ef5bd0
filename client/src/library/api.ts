/**
 * The API calls of the Research E-Library.
 */
import type {
  LibraryCatalogueResponse,
  LibraryRequestResponse,
  LibrarySearchResponse,
} from '../../../server/protocol/api';
import { request } from '../core/api';

/** E-library calls, one per route. */
export const libraryApi = {
  /** `GET /api/library/catalogue`: every approved title. */
  catalogue: () => request<LibraryCatalogueResponse>('GET', '/library/catalogue'),
  /** `POST /api/library/search` (recorded in the trail, so never a GET). */
  search: (q: string) => request<LibrarySearchResponse>('POST', '/library/search', { q }),
  /** `POST /api/library/requests`: a title the catalogue does not hold (recorded, never fulfilled). */
  requestTitle: (title: string) => request<LibraryRequestResponse>('POST', '/library/requests', { title }),
};
