/**
 * What the open network's screens share, as pure functions: the pages a Commons path names,
 * post text split into text and links out, the trending score as shown, and live counts
 * merged into the posts on screen.
 */
import type { SocialCountsPush, SocialPost, SocialTarget } from '../../../server/protocol/api';
import { PATTERNS } from '../../../server/protocol/vocabulary';

/** Which page of the Commons a path names. */
export type SocialRoute =
  { kind: 'feed' } | { kind: 'trending' } | { kind: 'profile'; id: string } | { kind: 'unknown' };

/** Reads '' | '/trending' | '/profile/<id>'; anything else is an unknown page. */
export function parseSocialPath(path: string): SocialRoute {
  const [first, second, ...rest] = path.split('/').filter(Boolean);
  if (first === undefined) return { kind: 'feed' };
  if (rest.length > 0) return { kind: 'unknown' };
  if (first === 'trending' && second === undefined) return { kind: 'trending' };
  if (first === 'profile' && second && PATTERNS.recordId.test(second)) return { kind: 'profile', id: second };
  return { kind: 'unknown' };
}

/** A piece of a post's text: plain text, or an address it names (opened through the browser frame, never directly). */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; address: string };

/** Top-level domains an address without a scheme may end in (the sandbox's own, and the common outside ones). */
const BARE_TLDS = [
  'intra',
  'open',
  'guest',
  'com',
  'org',
  'net',
  'info',
  'io',
  'co',
  'edu',
  'gov',
  'uk',
  'de',
  'fr',
  'kr',
  'kp',
  'cn',
  'jp',
  'ru',
  'us',
  'eu',
  'news',
];

/** A scheme URL, a www. address, or a bare host ending in one of `BARE_TLDS`, with an optional path. */
const LINK = new RegExp(
  String.raw`\b(?:https?://[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:${BARE_TLDS.join('|')})\b(?:/[^\s<>"]*)?)`,
  'gi',
);

/** Punctuation that ends a sentence rather than an address. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits `text` into plain text and the addresses in it, in order; joining every part's `text` gives `text` back. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const raw = match[0];
    // An address glued to a word before it (e.g. 'user@host.com') is not a link.
    if (start > 0 && /[@\w.-]/.test(text[start - 1] ?? '')) continue;
    const address = raw.replace(TRAILING, '');
    if (!address.includes('.')) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: address, address });
    last = start + address.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** A trending score as shown: one decimal below 10, whole numbers above (it decays continuously). */
export function formatScore(score: number): string {
  if (!Number.isFinite(score) || score <= 0) return '0';
  if (score < 10) return (Math.round(score * 10) / 10).toFixed(1);
  return String(Math.round(score));
}

/** How much of `limit` is left after `text` (negative when over), counted as the server counts (UTF-16 units, like `maxlength`). */
export function charactersLeft(text: string, limit: number): number {
  return limit - text.length;
}

/** Whether a counts push is about this post (by its own id). */
function isAbout(target: SocialTarget, post: { id: string }): boolean {
  return target.kind === 'post' && target.id === post.id;
}

/** `posts` with the counts of `push` applied to the post it is about (and to a share's root shown inside it); the same array when none is. */
export function applyCounts<P extends SocialPost>(posts: readonly P[], push: SocialCountsPush): P[] {
  let changed = false;
  const next = posts.map((post) => {
    if (!isAbout(push.target, post)) return post;
    if (post.likes === push.likes && post.shares === push.shares) return post;
    changed = true;
    return { ...post, likes: push.likes, shares: push.shares };
  });
  return changed ? next : (posts as P[]);
}

/** `post` first, then `posts` without any older copy of it (a live post on top of a fetched feed). */
export function prependPost<P extends SocialPost>(post: P, posts: readonly P[]): P[] {
  return [post, ...posts.filter((known) => known.id !== post.id)];
}

/** `more` appended to `posts`, skipping any already there (a page fetched after live posts moved the list). */
export function appendPosts<P extends SocialPost>(posts: readonly P[], more: readonly P[]): P[] {
  const known = new Set(posts.map((post) => post.id));
  return [...posts, ...more.filter((post) => !known.has(post.id))];
}

/** `post` with the reader's like set to `liked` and the server's count. */
export function withLike<P extends SocialPost>(posts: readonly P[], id: string, likes: number, liked: boolean): P[] {
  return posts.map((post) => (post.id === id ? { ...post, likes, liked } : post));
}

/** The in-browser address of a page of the Commons. */
export function socialAddress(siteAddress: string, route: SocialRoute): string {
  switch (route.kind) {
    case 'trending':
      return `${siteAddress}/trending`;
    case 'profile':
      return `${siteAddress}/profile/${route.id}`;
    default:
      return siteAddress;
  }
}
