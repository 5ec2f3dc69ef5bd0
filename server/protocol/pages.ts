/**
 * The content sites' shapes: the pages of the plain intranet sites (Science and Technology
 * Network, University Network, Hotel Services) and the Research E-Library's catalogue.
 * Type-only; `api.ts` re-exports them.
 */

/** One block of a page's body, drawn in order. Every text is plain text (never HTML). */
export type PageBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A passage the censors cut before re-posting: shown as a visible "[passage removed]" mark. */
  | { kind: 'removed' }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  /** A boxed note (a rule, a warning). */
  | { kind: 'notice'; text: string }
  /**
   * A table: `columns` are the column headings; with `rowHeaders` the first cell of each row
   * heads its row (a timetable's hours, a menu's dishes).
   */
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; rowHeaders?: boolean };

/** Where a copied-in foreign paper came from, and when it was copied in. */
export interface PageCopy {
  /** The original journal, named generically (fictional). */
  original: string;
  /** The year the original appeared. */
  published: number;
  /** The day the copy was downloaded, censored and re-posted on the intranet (YYYY-MM-DD). */
  copiedIn: string;
}

/** One page of a content site; it opens at `<site address>/<id>`. */
export interface SitePage {
  id: string;
  title: string;
  /** The heading the site's front page lists it under (a field of science, "Notices", …). */
  group: string;
  /** One line for the front page's list. */
  summary: string;
  /** The authors or issuing office, when the page names them (fictional). */
  byline?: string;
  /** Set on translated foreign papers. */
  copy?: PageCopy;
  blocks: PageBlock[];
}

/** `GET /api/sites/:id/pages`: the site's pages, in pack order (empty for a site with none). */
export interface SitePagesResponse {
  site: string;
  pages: SitePage[];
}

/** One title in the e-library's catalogue (fictional). */
export interface CatalogueEntry {
  id: string;
  title: string;
  author: string;
  year: number;
  subject: string;
  callNumber: string;
  kind: 'book' | 'paper';
}

/** `GET /api/library/catalogue`: every approved title, in shelf order. */
export interface LibraryCatalogueResponse {
  entries: CatalogueEntry[];
}

/** `POST /api/library/search {q}`: recorded; a query with a filtered word finds nothing. */
export interface LibrarySearchResponse {
  query: string;
  results: CatalogueEntry[];
}

/** `POST /api/library/requests {title}` → 201: recorded, and never fulfilled. */
export interface LibraryRequestResponse {
  title: string;
  at: string;
}
