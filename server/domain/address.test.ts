import { describe, expect, it } from 'vitest';
import { normalizeAddress, pathOfAddress, resolveAddress } from './address';

const directory = [
  { id: 'portal', address: 'portal.intra' },
  { id: 'news', address: 'news.intra' },
];

describe('normalizeAddress', () => {
  const cases: [string, string][] = [
    ['news.intra', 'news.intra'],
    ['  NEWS.Intra  ', 'news.intra'],
    ['http://news.intra/', 'news.intra'],
    ['https://news.intra/article/3?x=1#top', 'news.intra'],
    ['//news.intra', 'news.intra'],
    ['news.intra:8080', 'news.intra'],
    ['user:pw@news.intra', 'news.intra'],
    ['news.intra.', 'news.intra'],
    ['www.news.intra', 'news.intra'],
    ['ｎｅｗｓ．ｉｎｔｒａ', 'news.intra'], // full-width letters and dot
    ['https://www.google.com/search?q=x', 'google.com'],
  ];
  for (const [input, out] of cases) {
    it(`${JSON.stringify(input)} → ${out}`, () => expect(normalizeAddress(input)).toBe(out));
  }
});

describe('resolveAddress', () => {
  it('finds a site in the directory however it is typed', () => {
    const r = resolveAddress('HTTP://News.Intra/today', directory);
    expect(r.kind).toBe('site');
    expect(r.kind === 'site' && r.site.id).toBe('news');
  });
  it('leaves outside addresses unreachable', () => {
    for (const a of [
      'www.google.com',
      'https://en.wikipedia.org/wiki/Kwangmyong',
      '8.8.8.8',
      'localhost',
      'news.intra.evil.com',
      'evil.com/news.intra',
    ]) {
      expect(resolveAddress(a, directory).kind, a).toBe('unreachable');
    }
  });
  it('does not treat a credential prefix as the host', () => {
    expect(resolveAddress('news.intra@evil.com', directory).kind).toBe('unreachable');
  });
  it('does not reach a site outside the caller’s directory', () => {
    expect(resolveAddress('hotel.guest', directory).kind).toBe('unreachable');
  });
});

describe('pathOfAddress', () => {
  const cases: [string, string][] = [
    ['news.intra', ''],
    ['news.intra/', ''],
    ['http://news.intra/article/Grain-Plan?x=1#top', '/article/grain-plan'],
    ['news.intra/section/science', '/section/science'],
    ['news.intra/<script>/x', '/x'],
    ['news.intra\\article\\a1', '/article/a1'],
  ];
  for (const [input, out] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(out)}`, () => expect(pathOfAddress(input)).toBe(out));
  }
  it('returns the path with the site', () => {
    const r = resolveAddress('news.intra/article/a1', directory);
    expect(r.kind === 'site' && r.path).toBe('/article/a1');
  });
});
