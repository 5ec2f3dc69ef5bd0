/**
 * The content sites over the default pack: every filled site has its pages (papers with their
 * copied-in dates and removed passages, a timetable table, the hotel's rules), the catalogue's
 * size, the pack checks that keep them so, and who may read them (role × mode tables).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, PageBlock, Role, SitePage } from '../protocol/api';
import { outcome, testWorld, type Outcome, type World } from '../test/memory';
import { catalogue, requestTitle, searchLibrary, type LibraryDeps } from './library';
import { PACK_FILES, PackError, validatePack } from './pack';
import { sitePages } from './pages';
import { Throttle } from './throttle';
import { filterOf } from './media';

const DIR = new URL('../../fixtures/default/', import.meta.url);
function shipped(): Record<string, any> {
  const files: Record<string, unknown> = {};
  for (const f of Object.keys(PACK_FILES)) files[f] = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
  return files;
}
function failure(mutate: (files: Record<string, any>) => void): PackError {
  const files = shipped();
  mutate(files);
  try {
    validatePack(files);
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error('pack unexpectedly valid');
}

let w: World;
let lib: LibraryDeps;
beforeEach(async () => {
  w = await testWorld();
  lib = {
    pack: w.pack,
    recorder: w.recorder,
    filter: filterOf(w.pack),
    searchThrottle: new Throttle(10_000, 60),
    requestThrottle: new Throttle(10_000, 60),
  };
});

const pagesOf = (site: string): SitePage[] => w.pack.pages.find((p) => p.site === site)?.pages ?? [];
const blocks = (pages: SitePage[], kind: PageBlock['kind']) =>
  pages.flatMap((p) => p.blocks.filter((b) => b.kind === kind));

describe('the content of the four sites', () => {
  it('fills the Science and Technology Network with 5–8 papers, each copied in on a date with a passage removed', () => {
    const papers = pagesOf('scitech');
    expect(papers.length).toBeGreaterThanOrEqual(5);
    expect(papers.length).toBeLessThanOrEqual(8);
    expect(new Set(papers.map((p) => p.group)).size).toBeGreaterThanOrEqual(3);
    for (const p of papers) {
      expect(p.copy?.copiedIn, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.copy!.original, p.id).toBeTruthy();
      // copied in after the original appeared
      expect(Number(p.copy!.copiedIn.slice(0, 4)), p.id).toBeGreaterThanOrEqual(p.copy!.published);
      expect(
        p.blocks.some((b) => b.kind === 'removed'),
        p.id,
      ).toBe(true);
    }
  });

  it('fills the University Network with a week timetable, lecture notes (one on the leader’s works) and notices', () => {
    const pages = pagesOf('university');
    const groups = new Set(pages.map((p) => p.group));
    expect([...groups]).toEqual(expect.arrayContaining(['Timetables', 'Lecture notes', 'Notices']));
    const tables = blocks(pages, 'table') as Extract<PageBlock, { kind: 'table' }>[];
    const week = tables.find((t) => t.columns.includes('Monday') && t.columns.includes('Saturday'));
    expect(week?.rowHeaders).toBe(true);
    expect(week!.rows.length).toBeGreaterThanOrEqual(4);
    const notes = pages.filter((p) => p.group === 'Lecture notes');
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.some((p) => /leader's works/i.test(p.title))).toBe(true);
  });

  it('fills Hotel Services with room service, the exchange desk and the guide who accompanies you', () => {
    const pages = pagesOf('hotel');
    const titles = pages.map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['Room service', 'Exchange desk', 'The guide who accompanies you']));
    const guide = pages.find((p) => p.id === 'your-guide')!;
    const rules = (guide.blocks.filter((b) => b.kind === 'list') as { items: string[] }[]).flatMap((b) => b.items);
    expect(rules.some((r) => /accompanies you/.test(r))).toBe(true);
    expect(rules.some((r) => /[Pp]hotograph/.test(r))).toBe(true);
  });

  it('fills the Research E-Library with a catalogue of 20–40 titles, each with author, year, subject and call number', () => {
    const entries = w.pack.library.catalogue;
    expect(entries.length).toBeGreaterThanOrEqual(20);
    expect(entries.length).toBeLessThanOrEqual(40);
    for (const e of entries) expect(e.author && e.subject && e.callNumber && e.year > 1900, e.id).toBeTruthy();
    expect(w.pack.sites.find((s) => s.id === 'library')?.app).toBe('library');
  });

  it('gives each of the four sites a placard, and labels each as a simulation', () => {
    for (const id of ['scitech', 'library', 'university', 'hotel']) {
      const site = w.pack.sites.find((s) => s.id === id)!;
      expect(site.placardId, id).toBeTruthy();
      expect(
        w.pack.placards.some((p) => p.id === site.placardId && p.source.length > 0),
        id,
      ).toBe(true);
      expect(site.intro.join(' '), id).toMatch(/fictional|simulat/i);
    }
  });
});

describe('the pack checks of pages.json and library.json', () => {
  const cases: [string, (f: Record<string, any>) => void, string, string][] = [
    ['a missing file', (f) => delete f['pages.json'], 'pages.json', ''],
    ['an unknown site', (f) => (f['pages.json'][0].site = 'nowhere'), 'pages.json', '[0].site'],
    ['a site drawn by an app', (f) => (f['pages.json'][0].site = 'boards'), 'pages.json', '[0].site'],
    ['a site listed twice', (f) => (f['pages.json'][1].site = f['pages.json'][0].site), 'pages.json', '[1].site'],
    [
      'a duplicate page id',
      (f) => (f['pages.json'][0].pages[1].id = f['pages.json'][0].pages[0].id),
      'pages.json',
      '[0].pages[1].id',
    ],
    [
      'a copied paper with nothing removed',
      (f) => {
        const p = f['pages.json'][0].pages[0];
        p.blocks = p.blocks.filter((b: PageBlock) => b.kind !== 'removed');
      },
      'pages.json',
      '[0].pages[0].blocks',
    ],
    [
      'a table row with a missing cell',
      (f) => {
        const page = f['pages.json'][2].pages[0];
        page.blocks.find((b: PageBlock) => b.kind === 'table').rows[0].pop();
      },
      'pages.json',
      '[2].pages[0].blocks[1].rows',
    ],
    [
      'a bad copied-in date',
      (f) => (f['pages.json'][0].pages[0].copy.copiedIn = '14/3/2021'),
      'pages.json',
      '[0].pages[0].copy.copiedIn',
    ],
    [
      'an unknown block',
      (f) => (f['pages.json'][0].pages[0].blocks[0] = { kind: 'html', text: '<b>' }),
      'pages.json',
      '[0].pages[0].blocks[0]',
    ],
    [
      'a duplicate call number',
      (f) => (f['library.json'].catalogue[1].callNumber = f['library.json'].catalogue[0].callNumber),
      'library.json',
      'catalogue[1].callNumber',
    ],
    [
      'a catalogue without a library site',
      (f) => delete f['sites.json'].find((s: any) => s.app === 'library').app,
      'sites.json',
      '',
    ],
  ];
  it.each(cases)('rejects %s, naming file and field', (_what, mutate, file, field) => {
    const err = failure(mutate);
    expect(err.file).toBe(file);
    expect(err.field).toBe(field);
  });
});

// Who may read the pages of each content site and use the library (closed mode: the sites' role
// lists; open mode: every role with a network, i.e. everyone but the facilitator).
const SITES = ['scitech', 'university', 'hotel', 'portal'] as const;
type Row = [Role, Mode, ...Outcome[]];
//                                scitech univ  hotel portal library
const TABLE: Row[] = [
  ['citizen', 'closed', 403, 403, 403, 403, 403],
  ['elite', 'closed', 'ok', 'ok', 404, 'ok', 'ok'],
  ['scientist', 'closed', 'ok', 404, 404, 'ok', 'ok'],
  ['academic', 'closed', 404, 'ok', 404, 'ok', 'ok'],
  ['foreigner', 'closed', 404, 404, 'ok', 404, 404],
  ['editor', 'closed', 404, 404, 404, 'ok', 404],
  ['censor', 'closed', 'ok', 'ok', 404, 'ok', 'ok'],
  ['facilitator', 'closed', 403, 403, 403, 403, 403],
  ['citizen', 'open', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ['foreigner', 'open', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ['editor', 'open', 'ok', 'ok', 'ok', 'ok', 'ok'],
];

describe('who may read the content sites and the library', () => {
  it.each(TABLE)('%s in %s mode', async (role, mode, ...expected) => {
    const actor = w.actor(role, mode);
    const got: Outcome[] = [];
    for (const site of SITES) got.push(await outcome(() => sitePages(w, actor, site)));
    got.push(await outcome(() => catalogue(lib, actor)));
    expect(got).toEqual(expected);
  });

  it('answers a site one may not open exactly as a missing one', async () => {
    const actor = w.actor('scientist');
    const message = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        return (err as Error).message;
      }
      return 'ok';
    };
    expect(message(() => sitePages(w, actor, 'university'))).toBe(message(() => sitePages(w, actor, 'no-such-site')));
  });

  it('gives a plain site without content no pages, and a content site all of its pages', () => {
    expect(sitePages(w, w.actor('elite'), 'portal').pages).toEqual([]);
    expect(sitePages(w, w.actor('elite'), 'scitech').pages).toEqual(pagesOf('scitech'));
  });

  it('searches and requests nothing for one who may not open the library, and records nothing', async () => {
    const before = w.store.trail.items.length;
    expect(await outcome(() => searchLibrary(lib, w.actor('editor'), 'rice'))).toBe(404);
    expect(await outcome(() => requestTitle(lib, w.actor('foreigner'), 'A guidebook'))).toBe(404);
    expect(await outcome(() => requestTitle(lib, w.actor('citizen'), 'A guidebook'))).toBe(403);
    expect(w.store.trail.items.length).toBe(before);
  });
});

describe('searching the library and requesting a title', () => {
  it('finds titles by every word of the query (title, author, subject or call number), and records the search', async () => {
    const res = await searchLibrary(lib, w.actor('scientist'), 'rice  COLD');
    expect(res.results.map((e) => e.id)).toEqual(['rice-cultivation-in-cold-regions']);
    expect((await searchLibrary(lib, w.actor('scientist'), 'com t-0271')).results).toHaveLength(1);
    const events = w.store.trail.of('library_search');
    expect(events.map((e) => e.detail)).toEqual([
      { query: 'rice  COLD', results: '1' },
      { query: 'com t-0271', results: '1' },
    ]);
    expect(events[0]!.username).toBe('scientist');
  });

  it('finds nothing for a query with a filtered word, and records it flagged', async () => {
    const res = await searchLibrary(lib, w.actor('academic'), 'Democracy and rice');
    expect(res.results).toEqual([]);
    expect(w.store.trail.of('library_search').map((e) => e.detail)).toEqual([
      { query: 'Democracy and rice', results: '0', flagged: 'true', term: 'democracy' },
    ]);
  });

  it('lets a filtered word through in open mode, recording what the closed network would have blocked', async () => {
    await searchLibrary(lib, w.actor('academic', 'open'), 'freedom');
    expect(w.store.trail.of('library_search')[0]!.detail).toEqual({ query: 'freedom', results: '0' });
    expect(w.store.trail.of('would_block').map((e) => e.detail)).toEqual([{ where: 'search', term: 'freedom' }]);
  });

  it('records a request for a title not in the catalogue, and flags one that names a filtered word', async () => {
    const ok = await requestTitle(lib, w.actor('academic'), 'Modern Welding Practice');
    expect(ok.title).toBe('Modern Welding Practice');
    await requestTitle(lib, w.actor('academic'), 'A history of famine');
    expect(w.store.trail.of('library_request').map((e) => e.detail)).toEqual([
      { title: 'Modern Welding Practice' },
      { title: 'A history of famine', flagged: 'true', term: 'famine' },
    ]);
  });

  it('refuses a request for a title the catalogue holds (naming its call number) and records nothing', async () => {
    const held = w.pack.library.catalogue[0]!;
    const err = await requestTitle(lib, w.actor('elite'), `  ${held.title.toUpperCase()} `).catch((e: Error) => e);
    expect(err).toMatchObject({ kind: 'conflict', code: 'in_catalogue' });
    expect((err as Error).message).toContain(held.callNumber);
    expect(w.store.trail.of('library_request')).toEqual([]);
  });

  it('refuses searches past the limit (429), recording the throttling once', async () => {
    const tight = { ...lib, searchThrottle: new Throttle(2, 60) };
    const actor = w.actor('elite');
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await outcome(() => searchLibrary(tight, actor, 'rice')));
    expect(got).toEqual(['ok', 'ok', 429, 429]);
    expect(w.store.trail.of('throttled').map((e) => e.detail)).toEqual([{ action: 'library_search' }]);
  });
});
