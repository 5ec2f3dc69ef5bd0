import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_FILES, PackError, validatePack } from './pack';

const DIR = new URL('../../fixtures/default/', import.meta.url);
function shipped(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const f of Object.keys(PACK_FILES)) {
    files[f] = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
  }
  return files;
}

function failure(mutate: (files: Record<string, any>) => void): PackError {
  const files = shipped() as Record<string, any>;
  mutate(files);
  try {
    validatePack(files);
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error('pack unexpectedly valid');
}

describe('pack validator', () => {
  it('accepts the shipped pack with one demo persona per role', () => {
    const pack = validatePack(shipped());
    expect(pack.personas.map((p) => p.username).sort()).toEqual([
      'academic',
      'censor',
      'citizen',
      'editor',
      'elite',
      'facilitator',
      'foreigner',
      'scientist',
    ]);
    for (const p of pack.personas) expect(p.role).toBe(p.username);
  });

  const cases: [string, (f: Record<string, any>) => void, string, string][] = [
    ['a missing file', (f) => delete f['sites.json'], 'sites.json', ''],
    ['a missing field', (f) => delete f['sites.json'][2].title, 'sites.json', '[2].title'],
    ['a wrong type', (f) => (f['personas.json'][1].role = 'king'), 'personas.json', '[1].role'],
    ['an unknown field', (f) => (f['placards.json'][0].colour = 'red'), 'placards.json', '[0].colour'],
    ['a bad address', (f) => (f['sites.json'][0].address = 'not an address'), 'sites.json', '[0].address'],
    ['a duplicate username', (f) => (f['personas.json'][1].username = 'citizen'), 'personas.json', '[1].username'],
    ['a dangling placard id', (f) => (f['sites.json'][0].placardId = 'nope'), 'sites.json', '[0].placardId'],
    [
      'a home site on the wrong network',
      (f) => (f['pack.json'].homeSites.foreign = 'portal'),
      'pack.json',
      'homeSites.foreign',
    ],
    ['a bad session code', (f) => (f['pack.json'].session.code = 'demo'), 'pack.json', 'session.code'],
    ['an article on a non-media site', (f) => (f['articles.json'][0].site = 'portal'), 'articles.json', '[0].site'],
    ['a bad article date', (f) => (f['articles.json'][4].date = '26/11/2026'), 'articles.json', '[4].date'],
    [
      'a bad broadcast time',
      (f) => (f['broadcast.json'].channels[1].items[0].time = '25:00'),
      'broadcast.json',
      'channels[1].items[0].time',
    ],
    [
      'an unknown section for a role',
      (f) => (f['media.json'].roleSections.scientist = ['cooking']),
      'media.json',
      'roleSections.scientist[0]',
    ],
    ['an empty filter list', (f) => (f['filter.json'].terms = []), 'filter.json', 'terms'],
    ['an empty text', (f) => (f['placards.json'][1].text = '   '), 'placards.json', '[1].text'],
    ['an unknown site mode', (f) => (f['sites.json'][1].modes = ['free']), 'sites.json', '[1].modes[0]'],
    ['an empty site mode list', (f) => (f['sites.json'][1].modes = []), 'sites.json', '[1].modes'],
    ['a site mode listed twice', (f) => (f['sites.json'][1].modes = ['open', 'open']), 'sites.json', '[1].modes'],
    ['a home site of one mode only', (f) => (f['sites.json'][0].modes = ['open']), 'pack.json', 'homeSites.domestic'],
    [
      'no leaving-the-sandbox placard',
      (f) => (f['placards.json'] = f['placards.json'].filter((p: { id: string }) => p.id !== 'leaving-sandbox')),
      'placards.json',
      '',
    ],
  ];
  for (const [name, mutate, file, field] of cases) {
    it(`rejects ${name}, naming ${file} ${field}`, () => {
      const err = failure(mutate);
      expect(err.file).toBe(file);
      expect(err.field).toBe(field);
      expect(err.message).toContain(file);
    });
  }
});

describe('the open network in the shipped pack', () => {
  const pack = validatePack(shipped());

  it('lists the commons site for open mode only, and every other site in every mode', () => {
    const open = pack.sites.filter((s) => s.modes);
    expect(open.map((s) => [s.id, s.address, s.app, s.modes, s.placardId])).toEqual([
      ['commons', 'commons.open', 'social', ['open'], 'open-trending'],
    ]);
    expect(open[0]!.title).toBe('Commons (simulated)');
    expect(open[0]!.intro.join(' ')).toMatch(/simulation of an open social network/);
  });

  it('has the open side’s placards, each with a source', () => {
    for (const id of ['open-virality', 'open-no-premoderation', 'open-trending', 'leaving-sandbox']) {
      const p = pack.placards.find((x) => x.id === id);
      expect(p, id).toBeDefined();
      expect(p!.source.length, id).toBeGreaterThan(10);
    }
  });
});

describe('shipped state media', () => {
  const pack = validatePack(shipped());
  const words = (body: string) =>
    body
      .replace(/\*This article is fictional[^*]*\*/, '')
      .split(/\s+/)
      .filter((w) => /\w/.test(w)).length;
  const domestic = pack.articles.filter((a) => a.site !== 'visitor-news');

  it('has at least 24 distinct domestic articles across at least 5 sections', () => {
    expect(domestic.length).toBeGreaterThanOrEqual(24);
    expect(new Set(domestic.map((a) => a.section)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(domestic.map((a) => a.title)).size).toBe(domestic.length);
    // no repeated templates: no two articles share an opening sentence
    expect(new Set(domestic.map((a) => a.body.split('.')[0])).size).toBe(domestic.length);
  });

  it('keeps every article between 120 and 400 words and labels it fictional', () => {
    for (const a of pack.articles) {
      expect(words(a.body), a.id).toBeGreaterThanOrEqual(120);
      expect(words(a.body), a.id).toBeLessThanOrEqual(400);
      expect(a.body, a.id).toContain('This article is fictional, written for the Closed Intranet Sandbox simulation.');
    }
  });

  it('has one lead story per media site and a foreigners’ edition', () => {
    for (const site of ['news-agency', 'daily', 'visitor-news']) {
      expect(
        pack.articles.filter((a) => a.site === site && a.lead),
        site,
      ).toHaveLength(1);
    }
  });
});
