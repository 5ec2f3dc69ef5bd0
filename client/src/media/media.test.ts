import { describe, expect, it } from 'vitest';
import { isSectionId, parseMediaPath } from './media';

describe('media paths', () => {
  it('reads the front page, a section (with its page) and an article', () => {
    expect(parseMediaPath('')).toEqual({ kind: 'front' });
    expect(parseMediaPath('/section/science')).toEqual({ kind: 'section', section: 'science', page: 1 });
    expect(parseMediaPath('/section/culture/page/3')).toEqual({ kind: 'section', section: 'culture', page: 3 });
    expect(parseMediaPath('/article/a-1')).toEqual({ kind: 'article', id: 'a-1' });
  });

  it('calls anything else unknown', () => {
    for (const path of [
      '/section/sports',
      '/section/culture/page/0',
      '/section/culture/page/x',
      '/section/culture/page/12345',
      '/article',
      '/article/a/b',
      '/elsewhere',
    ]) {
      expect(parseMediaPath(path), path).toEqual({ kind: 'unknown' });
    }
  });

  it('knows the sections of the vocabulary', () => {
    expect(isSectionId('leadership')).toBe(true);
    expect(isSectionId('sports')).toBe(false);
    expect(isSectionId(undefined)).toBe(false);
  });
});
