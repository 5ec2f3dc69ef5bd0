/**
 * The content sites' pack files: `pages.json` (the pages of the plain sites: papers, timetables,
 * menus) and `library.json` (the e-library's catalogue), their schemas and cross-file checks.
 * Registered in `pack.ts`; pure like it.
 */
import { z } from 'zod';
import type { CatalogueEntry, PageBlock, SitePage } from '../protocol/api';
import { PATTERNS } from '../protocol/vocabulary';

const id = z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)');
const text = (max: number) => z.string().trim().min(1).max(max);

const tableSchema = z
  .strictObject({
    kind: z.literal('table'),
    caption: text(200),
    columns: z.array(text(80)).min(2).max(8),
    rows: z
      .array(z.array(text(400)).min(1).max(8))
      .min(1)
      .max(60),
    rowHeaders: z.boolean().optional(),
  })
  .refine((t) => t.rows.every((row) => row.length === t.columns.length), {
    message: 'every row must have one cell per column',
    path: ['rows'],
  });

const blockSchema = z.union([
  z.strictObject({ kind: z.literal('heading'), text: text(200) }),
  z.strictObject({ kind: z.literal('paragraph'), text: text(3000) }),
  z.strictObject({ kind: z.literal('removed') }),
  z.strictObject({
    kind: z.literal('list'),
    items: z.array(text(600)).min(1).max(40),
    ordered: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('notice'), text: text(1000) }),
  tableSchema,
]) satisfies z.ZodType<PageBlock>;

const pageSchema = z.strictObject({
  id,
  title: text(200),
  group: text(80),
  summary: text(300),
  byline: text(200).optional(),
  copy: z
    .strictObject({
      original: text(200),
      published: z.number().int().min(1900).max(2100),
      copiedIn: z.iso.date(),
    })
    .optional(),
  blocks: z.array(blockSchema).min(1).max(80),
}) satisfies z.ZodType<SitePage>;

/** `pages.json`: per plain site, its pages. */
export const pagesFileSchema = z.array(z.strictObject({ site: id, pages: z.array(pageSchema).min(1).max(40) }));

const entrySchema = z.strictObject({
  id,
  title: text(200),
  author: text(120),
  year: z.number().int().min(1900).max(2100),
  subject: text(80),
  callNumber: text(40),
  kind: z.enum(['book', 'paper']),
}) satisfies z.ZodType<CatalogueEntry>;

/** `library.json`: the e-library's catalogue of approved titles. */
export const libraryFileSchema = z.strictObject({ catalogue: z.array(entrySchema).min(1).max(500) });

/** The pages of the plain sites. */
export type PackPages = z.infer<typeof pagesFileSchema>;
/** The e-library's catalogue. */
export type PackLibrary = z.infer<typeof libraryFileSchema>;

/** A site as far as these checks care. */
interface SiteRef {
  id: string;
  app?: string | undefined;
}

/** A cross-file problem: the file, the field and what is wrong (`pack.ts` turns it into a PackError). */
export type PagesProblem = [file: string, field: string, problem: string];

function duplicate<T>(items: T[], key: (t: T) => string): number {
  const seen = new Set<string>();
  return items.findIndex((item) => {
    const k = key(item);
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

/**
 * Checks `pages.json` against the sites: each entry names a plain site (no other app draws pages),
 * once; page ids are unique within a site; a copied-in paper shows at least one removed passage.
 */
export function checkPages(pages: PackPages, sites: SiteRef[]): PagesProblem | null {
  const file = 'pages.json';
  const bySite = duplicate(pages, (p) => p.site);
  if (bySite >= 0) return [file, `[${bySite}].site`, `duplicate site "${pages[bySite]!.site}"`];
  for (const [i, entry] of pages.entries()) {
    const site = sites.find((s) => s.id === entry.site);
    if (!site) return [file, `[${i}].site`, `no site "${entry.site}"`];
    if (site.app !== undefined && site.app !== 'page')
      return [file, `[${i}].site`, `"${entry.site}" is drawn by its "${site.app}" app, not as pages`];
    const dup = duplicate(entry.pages, (p) => p.id);
    if (dup >= 0) return [file, `[${i}].pages[${dup}].id`, `duplicate page id "${entry.pages[dup]!.id}"`];
    for (const [j, page] of entry.pages.entries())
      if (page.copy && !page.blocks.some((b) => b.kind === 'removed'))
        return [file, `[${i}].pages[${j}].blocks`, 'a copied-in paper must show at least one removed passage'];
  }
  return null;
}

/** Checks `library.json`: unique ids and call numbers, and a site with the `library` app to search it. */
export function checkLibrary(library: PackLibrary, sites: SiteRef[]): PagesProblem | null {
  const file = 'library.json';
  const byId = duplicate(library.catalogue, (e) => e.id);
  if (byId >= 0) return [file, `catalogue[${byId}].id`, `duplicate id "${library.catalogue[byId]!.id}"`];
  const byCall = duplicate(library.catalogue, (e) => e.callNumber);
  if (byCall >= 0)
    return [
      file,
      `catalogue[${byCall}].callNumber`,
      `duplicate call number "${library.catalogue[byCall]!.callNumber}"`,
    ];
  if (!sites.some((s) => s.app === 'library')) return ['sites.json', '', 'no site has the "library" app'];
  return null;
}
