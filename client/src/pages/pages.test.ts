import { describe, expect, it } from 'vitest';
import type { SitePage } from '../../../server/protocol/api';
import { groupPages, parsePagePath } from './pages';

const page = (id: string, group: string): SitePage => ({ id, group, title: id, summary: id, blocks: [] });

describe('parsePagePath', () => {
  it('opens the front page, a page by its id, and nothing else', () => {
    expect(parsePagePath('')).toEqual({ kind: 'index' });
    expect(parsePagePath('/')).toEqual({ kind: 'index' });
    expect(parsePagePath('/drought-rice')).toEqual({ kind: 'page', id: 'drought-rice' });
    expect(parsePagePath('/drought-rice/')).toEqual({ kind: 'page', id: 'drought-rice' });
    expect(parsePagePath('/a/b')).toEqual({ kind: 'unknown' });
    expect(parsePagePath('/-bad')).toEqual({ kind: 'unknown' });
  });
});

describe('groupPages', () => {
  it('keeps the pack order of headings and of the pages under each', () => {
    const groups = groupPages([page('a', 'Energy'), page('b', 'Medicine'), page('c', 'Energy')]);
    expect(groups.map((g) => [g.group, g.pages.map((p) => p.id)])).toEqual([
      ['Energy', ['a', 'c']],
      ['Medicine', ['b']],
    ]);
  });
});
