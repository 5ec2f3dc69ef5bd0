import { describe, expect, it } from 'vitest';
import type { SocialPost } from '../../../server/protocol/api';
import {
  appendPosts,
  applyCounts,
  charactersLeft,
  formatScore,
  parseSocialPath,
  prependPost,
  socialAddress,
  splitLinks,
  withLike,
} from './social';

function post(id: string, extra: Partial<SocialPost> = {}): SocialPost {
  return {
    id,
    authorId: 'a1',
    authorName: 'Min-ji',
    authorRole: null,
    text: `post ${id}`,
    createdAt: '2026-05-01T10:00:00Z',
    parentId: null,
    rootId: id,
    likes: 0,
    shares: 0,
    liked: false,
    ...extra,
  };
}

describe('parseSocialPath', () => {
  it('reads the feed, trending and profile pages', () => {
    expect(parseSocialPath('')).toEqual({ kind: 'feed' });
    expect(parseSocialPath('/')).toEqual({ kind: 'feed' });
    expect(parseSocialPath('/trending')).toEqual({ kind: 'trending' });
    expect(parseSocialPath('/profile/5e1c-aa')).toEqual({ kind: 'profile', id: '5e1c-aa' });
  });

  it('calls anything else unknown', () => {
    expect(parseSocialPath('/profile')).toEqual({ kind: 'unknown' });
    expect(parseSocialPath('/profile/a/b')).toEqual({ kind: 'unknown' });
    expect(parseSocialPath('/trending/2')).toEqual({ kind: 'unknown' });
    expect(parseSocialPath('/profile/<script>')).toEqual({ kind: 'unknown' });
    expect(parseSocialPath('/elsewhere')).toEqual({ kind: 'unknown' });
  });

  it('round-trips with socialAddress', () => {
    for (const path of ['', '/trending', '/profile/abc']) {
      expect(socialAddress('commons.open', parseSocialPath(path))).toBe(`commons.open${path}`);
    }
  });
});

describe('splitLinks', () => {
  const links = (text: string) => splitLinks(text).filter((part) => part.kind === 'link');

  it('finds scheme URLs, www addresses and bare hosts, and keeps the text around them', () => {
    const text = 'Read https://example.com/a?b=1 and www.bbc.co.uk, then news.intra/article/x.';
    const parts = splitLinks(text);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(links(text).map((part) => part.kind === 'link' && part.address)).toEqual([
      'https://example.com/a?b=1',
      'www.bbc.co.uk',
      'news.intra/article/x',
    ]);
  });

  it('leaves sentence punctuation outside the link', () => {
    const parts = splitLinks('See (http://x.org/y).');
    expect(parts).toEqual([
      { kind: 'text', text: 'See (' },
      { kind: 'link', text: 'http://x.org/y', address: 'http://x.org/y' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('does not make links of ordinary words, numbers or e-mail addresses', () => {
    expect(links('e.g. version 3.5 is out; mail kim@example.com')).toEqual([]);
    expect(splitLinks('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('keeps markup as text (it is rendered as text, never parsed)', () => {
    const parts = splitLinks('<img src=x onerror=alert(1)> evil.com');
    expect(parts[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)> ' });
    expect(parts[1]).toMatchObject({ kind: 'link', address: 'evil.com' });
  });
});

describe('formatScore', () => {
  it('shows one decimal for small scores and whole numbers for large ones', () => {
    expect(formatScore(0)).toBe('0');
    expect(formatScore(-1)).toBe('0');
    expect(formatScore(Number.NaN)).toBe('0');
    expect(formatScore(0.04)).toBe('0.0');
    expect(formatScore(1.25)).toBe('1.3');
    expect(formatScore(9.94)).toBe('9.9');
    expect(formatScore(12.6)).toBe('13');
  });
});

describe('charactersLeft', () => {
  it('counts as the server and maxlength do (UTF-16 units)', () => {
    expect(charactersLeft('', 10)).toBe(10);
    expect(charactersLeft('한국어', 10)).toBe(7);
    expect(charactersLeft('🙂🙂', 5)).toBe(1);
    expect(charactersLeft('abcd', 3)).toBe(-1);
  });
});

describe('live counts and lists', () => {
  it('applies a counts push to the post it names only', () => {
    const posts = [post('p1'), post('p2')];
    const next = applyCounts(posts, { target: { kind: 'post', id: 'p2' }, likes: 3, shares: 2, comments: 1 });
    expect(next[0]).toBe(posts[0]);
    expect(next[1]).toMatchObject({ id: 'p2', likes: 3, shares: 2 });
  });

  it('returns the same list when nothing changes', () => {
    const posts = [post('p1')];
    expect(applyCounts(posts, { target: { kind: 'article', id: 'p1' }, likes: 3, shares: 2, comments: 0 })).toBe(posts);
    expect(applyCounts(posts, { target: { kind: 'post', id: 'p1' }, likes: 0, shares: 0, comments: 0 })).toBe(posts);
  });

  it('puts a live post on top once, and appends a page without repeats', () => {
    const posts = [post('p1'), post('p2')];
    expect(prependPost(post('p2', { likes: 5 }), posts).map((p) => [p.id, p.likes])).toEqual([
      ['p2', 5],
      ['p1', 0],
    ]);
    expect(appendPosts(posts, [post('p2'), post('p3')]).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('sets the reader’s like from the server’s answer', () => {
    const next = withLike([post('p1'), post('p2')], 'p1', 4, true);
    expect(next[0]).toMatchObject({ likes: 4, liked: true });
    expect(next[1]).toMatchObject({ likes: 0, liked: false });
  });
});
