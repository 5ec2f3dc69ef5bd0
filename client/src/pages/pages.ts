/**
 * Pure helpers of the content sites' pages: which page a path opens, and the front page's
 * list of pages under their headings.
 */
import type { SitePage } from '../../../server/protocol/api';
import { PATTERNS } from '../../../server/protocol/vocabulary';

/** What a path within a content site shows. */
export type PagesRoute = { kind: 'index' } | { kind: 'page'; id: string } | { kind: 'unknown' };

/** The route of `path` ('' for the front page, `/<page id>` for a page). */
export function parsePagePath(path: string): PagesRoute {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return { kind: 'index' };
  const [id] = segments;
  if (segments.length > 1 || id === undefined || !PATTERNS.packId.test(id)) return { kind: 'unknown' };
  return { kind: 'page', id };
}

/** One heading of the front page and the pages under it. */
export interface PageGroup {
  group: string;
  pages: SitePage[];
}

/** The pages under their headings, each heading where its first page is, pages in pack order. */
export function groupPages(pages: readonly SitePage[]): PageGroup[] {
  const groups: PageGroup[] = [];
  for (const page of pages) {
    const known = groups.find((g) => g.group === page.group);
    if (known) known.pages.push(page);
    else groups.push({ group: page.group, pages: [page] });
  }
  return groups;
}
