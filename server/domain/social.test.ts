/**
 * The open network's rules over the in-memory world: the mode gate, likes counted once, shares
 * that record their parent and root, follows, the feed's order and cursor, trending's decay and
 * bounded window, comments, the open-mode counts on articles and threads, and the trail's
 * "would have been blocked" in every place the closed filter is consulted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, Role } from '../protocol/api';
import { user as makeUser } from '../test/factories';
import { outcome, testWorld, type World } from '../test/memory';
import { getThread, listThreads, startThread } from './boards';
import { sendMessage } from './chat';
import { getArticle, listArticles, searchArticles } from './media';
import type { Actor } from './policy';
import {
  addComment,
  createPost,
  decodeCursor,
  encodeCursor,
  feed,
  FEED_PAGE,
  listComments,
  profileOf,
  setFollow,
  setLike,
  setProfile,
  storedEvents,
  trending,
} from './social';
import { rankStories, TRENDING, TrendingBook, TrendingWindow, weightOf } from './trending';

const MINUTE = 60_000;
let clock = Date.parse('2026-03-01T10:00:00.000Z');
let w: World;

beforeEach(async () => {
  clock = Date.parse('2026-03-01T10:00:00.000Z');
  w = await testWorld({ mode: 'open', now: () => new Date(clock) });
});

const tick = (ms = 1000) => (clock += ms);
const ARTICLE = 'grain-plan-fulfilled-128-per-cent';
const THREAD = 'spectrometer-booking-december';
const open = (role: Role | string) => w.actor(role, 'open');
const closed = (role: Role | string) => w.actor(role, 'closed');
const trailOf = (kind: Parameters<World['store']['trail']['of']>[0]) => w.store.trail.of(kind);

/** Everything the open network stores, as one count: a refusal must leave it at 0. */
const stored = () => {
  const s = w.store.social;
  return s.postItems.length + s.likeItems.length + s.followItems.length + s.commentItems.length + s.profileItems.length;
};

async function post(actor: Actor, text: string, parentId?: string) {
  tick();
  return createPost(w.social, actor, { text, ...(parentId ? { parentId } : {}) });
}

describe('the mode gate', () => {
  const calls: [string, (a: Actor) => unknown][] = [
    ['feed', (a) => feed(w.social, a)],
    ['post', (a) => createPost(w.social, a, { text: 'hello' })],
    ['like', (a) => setLike(w.social, a, { kind: 'article', id: ARTICLE }, true)],
    ['unlike', (a) => setLike(w.social, a, { kind: 'article', id: ARTICLE }, false)],
    ['follow', (a) => setFollow(w.social, a, w.user('scientist').id, true)],
    ['unfollow', (a) => setFollow(w.social, a, w.user('scientist').id, false)],
    ['trending', (a) => trending(w.social, a)],
    ['profile', (a) => profileOf(w.social, a, a.userId)],
    ['profile settings', (a) => setProfile(w.social, a, { showRole: true })],
    ['comment', (a) => addComment(w.social, a, { target: { kind: 'article', id: ARTICLE }, text: 'hi' })],
    ['comments', (a) => listComments(w.social, a, { kind: 'article', id: ARTICLE })],
  ];
  it.each(calls)('%s: 403 for a closed-mode actor and for a seat in the lobby, nothing stored', async (_name, call) => {
    expect(await outcome(() => call(closed('elite')))).toBe(403);
    expect(await outcome(() => call({ ...open('elite'), pending: true }))).toBe(403);
    expect(stored()).toBe(0);
    expect(w.store.trail.of().filter((e) => e.kind.startsWith('social_'))).toEqual([]);
    expect(await outcome(() => call(open('elite')))).toBe('ok');
  });
});

describe('posts and shares', () => {
  it('publishes at once and records social_posted', async () => {
    const p = await post(open('citizen'), '  The harvest story  ');
    expect(p).toMatchObject({ text: 'The harvest story', parentId: null, rootId: p.id, likes: 0, shares: 0 });
    expect(feed(w.social, open('elite')).posts.map((x) => x.id)).toEqual([p.id]);
    expect(trailOf('social_posted').map((e) => e.detail)).toEqual([{ post: p.id }]);
  });

  it('a share records its parent and the root; a share of a share keeps the root; counts are per parent', async () => {
    const a = await post(open('citizen'), 'Original story');
    const b = await post(open('elite'), '', a.id);
    const c = await post(open('scientist'), 'Look at this', b.id);
    expect(b).toMatchObject({ parentId: a.id, rootId: a.id, text: '' });
    expect(c).toMatchObject({ parentId: b.id, rootId: a.id });
    expect(c.root).toMatchObject({ id: a.id, text: 'Original story', authorId: w.user('citizen').id });
    expect(trailOf('social_shared').map((e) => e.detail)).toEqual([
      { post: b.id, parent: a.id, root: a.id },
      { post: c.id, parent: b.id, root: a.id },
    ]);
    const byId = new Map(feed(w.social, open('academic')).posts.map((p) => [p.id, p]));
    expect(byId.get(a.id)!.shares).toBe(1);
    expect(byId.get(b.id)!.shares).toBe(1);
    expect(byId.get(c.id)!.shares).toBe(0);
  });

  it('refuses a share of a missing post or one of another session (404), an empty original and oversize text (400)', async () => {
    const other = makeUser({ sessionId: 'other', role: 'elite' });
    w.store.users.add(other);
    const theirs = await createPost(
      w.social,
      { ...open('elite'), userId: other.id, sessionId: 'other' },
      { text: 'x' },
    );
    const before = stored();
    expect(await outcome(() => post(open('elite'), '', 'no-such-post'))).toBe(404);
    expect(await outcome(() => post(open('elite'), '', theirs.id))).toBe(404);
    expect(await outcome(() => post(open('elite'), '   '))).toBe(400);
    expect(await outcome(() => post(open('elite'), 'x'.repeat(1001)))).toBe(400);
    expect(stored()).toBe(before);
  });

  it('a quote must be something the actor may read; a share cannot also quote', async () => {
    const q = await createPost(w.social, open('citizen'), { text: '', quote: { kind: 'article', id: ARTICLE } });
    expect(q.quote).toMatchObject({ kind: 'article', id: ARTICLE, address: expect.stringMatching(/\/article\//) });
    await w.store.articles.update(ARTICLE, w.session.id, { status: 'unpublished' });
    expect(
      await outcome(() =>
        createPost(w.social, open('citizen'), { text: 'x', quote: { kind: 'article', id: ARTICLE } }),
      ),
    ).toBe(404);
    // Once unreadable, the quote is left out of the post for readers.
    expect(feed(w.social, open('elite')).posts[0]!.quote).toBeUndefined();
    expect(
      await outcome(() =>
        createPost(w.social, open('elite'), { text: 'x', parentId: q.id, quote: { kind: 'thread', id: THREAD } }),
      ),
    ).toBe(400);
    // The editor has no boards even in open mode: a thread is missing to them.
    expect(
      await outcome(() => createPost(w.social, open('editor'), { text: 'x', quote: { kind: 'thread', id: THREAD } })),
    ).toBe(404);
  });
});

describe('likes', () => {
  it('liking twice counts once; unliking what one does not like is a no-op; each change recorded once', async () => {
    const p = await post(open('citizen'), 'Like me');
    const target = { kind: 'post' as const, id: p.id };
    expect(await setLike(w.social, open('elite'), target, true)).toEqual({ likes: 1, liked: true });
    expect(await setLike(w.social, open('elite'), target, true)).toEqual({ likes: 1, liked: true });
    expect(await setLike(w.social, open('scientist'), target, false)).toEqual({ likes: 1, liked: false });
    expect(await setLike(w.social, open('scientist'), target, true)).toEqual({ likes: 2, liked: true });
    expect(await setLike(w.social, open('elite'), target, false)).toEqual({ likes: 1, liked: false });
    expect(trailOf('social_liked').map((e) => [e.username, e.detail])).toEqual([
      ['elite', { kind: 'post', id: p.id }],
      ['scientist', { kind: 'post', id: p.id }],
    ]);
    expect(trailOf('social_unliked').map((e) => e.username)).toEqual(['elite']);
    expect(feed(w.social, open('scientist')).posts[0]).toMatchObject({ likes: 1, liked: true });
    expect(feed(w.social, open('citizen')).posts[0]).toMatchObject({ likes: 1, liked: false });
  });

  it('likes articles and threads the actor may see; an unseen or unknown one is 404', async () => {
    expect(await setLike(w.social, open('citizen'), { kind: 'article', id: ARTICLE }, true)).toEqual({
      likes: 1,
      liked: true,
    });
    expect(await setLike(w.social, open('citizen'), { kind: 'thread', id: THREAD }, true)).toMatchObject({ likes: 1 });
    expect(await outcome(() => setLike(w.social, open('editor'), { kind: 'thread', id: THREAD }, true))).toBe(404);
    expect(await outcome(() => setLike(w.social, open('citizen'), { kind: 'post', id: 'nope' }, true))).toBe(404);
  });
});

describe('follows and profiles', () => {
  it('follows once, refuses following oneself (400 self_follow) and a player of another session (404)', async () => {
    const sci = w.user('scientist');
    expect(await setFollow(w.social, open('elite'), sci.id, true)).toEqual({ following: true, followers: 1 });
    expect(await setFollow(w.social, open('elite'), sci.id, true)).toEqual({ following: true, followers: 1 });
    await expect(setFollow(w.social, open('elite'), w.user('elite').id, true)).rejects.toMatchObject({
      code: 'self_follow',
    });
    const stranger = w.store.users.add(makeUser({ sessionId: 'elsewhere' }));
    expect(await outcome(() => setFollow(w.social, open('elite'), stranger.id, true))).toBe(404);
    expect(await setFollow(w.social, open('elite'), sci.id, false)).toEqual({ following: false, followers: 0 });
    expect(trailOf('social_followed').map((e) => e.detail)).toEqual([{ player: sci.id }]);
    expect(trailOf('social_unfollowed').map((e) => e.detail)).toEqual([{ player: sci.id }]);
  });

  it('a profile hides the role until its owner shows it; own profiles say so', async () => {
    const sci = w.user('scientist');
    await post(open('scientist'), 'Mine');
    expect(profileOf(w.social, open('elite'), sci.id).profile).toMatchObject({
      role: null,
      showsRole: false,
      own: false,
    });
    expect(feed(w.social, open('elite')).posts[0]!.authorRole).toBeNull();
    const own = await setProfile(w.social, open('scientist'), { showRole: true });
    expect(own.profile).toMatchObject({ role: 'scientist', showsRole: true, own: true });
    expect(own.posts.map((p) => p.text)).toEqual(['Mine']);
    expect(profileOf(w.social, open('elite'), sci.id).profile.role).toBe('scientist');
    expect(feed(w.social, open('elite')).posts[0]!.authorRole).toBe('scientist');
    // `me` is the reader's own profile, whoever asks.
    expect(profileOf(w.social, open('scientist'), 'me').profile).toMatchObject({ playerId: sci.id, own: true });
    expect(profileOf(w.social, open('elite'), 'me').profile).toMatchObject({ playerId: w.user('elite').id, own: true });
  });
});

describe('the feed', () => {
  it('puts the reader and those they follow first, then everyone, newest first within each, paged by cursor', async () => {
    const reader = open('elite');
    await setFollow(w.social, reader, w.user('scientist').id, true);
    const made: { id: string; who: string }[] = [];
    for (let i = 0; i < FEED_PAGE + 5; i++) {
      const who = ['citizen', 'scientist', 'academic', 'elite'][i % 4]!;
      made.push({ id: (await post(open(who), `post ${i}`)).id, who });
    }
    const first = made.filter((m) => m.who === 'scientist' || m.who === 'elite').reverse();
    const rest = made.filter((m) => m.who !== 'scientist' && m.who !== 'elite').reverse();
    const expected = [...first, ...rest].map((m) => m.id);
    const page1 = feed(w.social, reader);
    expect(page1.posts.map((p) => p.id)).toEqual(expected.slice(0, FEED_PAGE));
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = feed(w.social, reader, page1.nextCursor!);
    expect(page2.posts.map((p) => p.id)).toEqual(expected.slice(FEED_PAGE));
    expect(page2.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out (400 bad_cursor)', async () => {
    for (const bad of ['x', 'not base64!', Buffer.from('2|2026|id').toString('base64url'), 'a'.repeat(300)])
      expect(() => feed(w.social, open('elite'), bad)).toThrow(expect.objectContaining({ code: 'bad_cursor' }));
    const key = { group: 1 as const, createdAt: '2026-03-01T10:00:00.000Z', id: 'abc-1' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });
});

describe('trending', () => {
  it('weighs an event 1 now, 1/2 after one half-life, 0 outside the window', () => {
    expect(weightOf(0)).toBe(1);
    expect(weightOf(TRENDING.halfLifeMinutes * MINUTE)).toBeCloseTo(0.5);
    expect(weightOf(2 * TRENDING.halfLifeMinutes * MINUTE)).toBeCloseTo(0.25);
    expect(weightOf(TRENDING.windowMinutes * MINUTE + 1)).toBe(0);
    const e = (storyId: string, agoMin: number) => ({
      at: clock - agoMin * MINUTE,
      storyId,
      userId: 'u',
      kind: 'like' as const,
      subjectId: storyId,
    });
    const ranked = rankStories(
      [e('old', 10), e('old', 10), e('old', 10), e('new', 0), e('new', 0), e('gone', 31)],
      clock,
    );
    expect(ranked.map((r) => [r.storyId, r.score])).toEqual([
      ['new', 2],
      ['old', 1.5],
    ]);
  });

  it('ranks stories by their shares and likes with a visible decay, crediting shares of shares to the root', async () => {
    const a = await post(open('citizen'), 'Story A');
    const b = await post(open('elite'), 'Story B');
    await setLike(w.social, open('scientist'), { kind: 'post', id: b.id }, true);
    tick(TRENDING.halfLifeMinutes * MINUTE);
    const share = await post(open('elite'), '', a.id);
    await post(open('academic'), '', share.id);
    await setLike(w.social, open('academic'), { kind: 'post', id: share.id }, true);
    const t = trending(w.social, open('elite'));
    expect(t).toMatchObject({ windowMinutes: TRENDING.windowMinutes, halfLifeMinutes: TRENDING.halfLifeMinutes });
    expect(t.posts.map((p) => [p.id, p.score])).toEqual([
      [a.id, expect.closeTo(3, 1)],
      [b.id, expect.closeTo(0.5, 1)],
    ]);
    tick(TRENDING.halfLifeMinutes * MINUTE);
    expect(trending(w.social, open('elite')).posts[0]!.score).toBeCloseTo(1.5, 1);
    tick(TRENDING.windowMinutes * MINUTE);
    expect(trending(w.social, open('elite')).posts).toEqual([]);
  });

  it('an unlike takes the like out of the score', async () => {
    const a = await post(open('citizen'), 'Story');
    await setLike(w.social, open('elite'), { kind: 'post', id: a.id }, true);
    expect(trending(w.social, open('elite')).posts).toHaveLength(1);
    await setLike(w.social, open('elite'), { kind: 'post', id: a.id }, false);
    expect(trending(w.social, open('elite')).posts).toEqual([]);
  });

  it('keeps only the window in memory, however many events were ever stored, and rebuilds it from the records', async () => {
    const window = new TrendingWindow();
    for (let i = 0; i < 10_000; i++) {
      window.add({ at: clock, storyId: `s${i % 7}`, userId: `u${i}`, kind: 'like', subjectId: `s${i % 7}` });
      clock += 1000; // one event a second
    }
    window.prune(clock);
    expect(window.size).toBeLessThanOrEqual(TRENDING.windowMinutes * 60 + 1);

    const a = await post(open('citizen'), 'Old story');
    await setLike(w.social, open('elite'), { kind: 'post', id: a.id }, true);
    tick(TRENDING.windowMinutes * MINUTE + MINUTE);
    const b = await post(open('citizen'), 'New story');
    await setLike(w.social, open('elite'), { kind: 'post', id: b.id }, true);
    await post(open('scientist'), '', b.id);
    // A fresh book (a restart) rebuilds the window from the stored records: only what is inside it.
    const book = new TrendingBook();
    const rebuilt = book.window(w.session.id, clock, (since) => storedEvents(w.store.social, w.session.id, since));
    expect(rebuilt.size).toBe(2);
    expect(rebuilt.rank(clock).map((r) => r.storyId)).toEqual([b.id]);
  });
});

describe('comments', () => {
  it('comments under a post, article or thread the actor may see, oldest first, counted', async () => {
    const p = await post(open('citizen'), 'Discuss');
    await addComment(w.social, open('elite'), { target: { kind: 'post', id: p.id }, text: 'First' });
    tick();
    await addComment(w.social, open('scientist'), { target: { kind: 'post', id: p.id }, text: ' Second ' });
    const list = listComments(w.social, open('citizen'), { kind: 'post', id: p.id });
    expect(list.comments.map((c) => [c.authorName, c.text])).toEqual([
      [w.user('elite').displayName, 'First'],
      [w.user('scientist').displayName, 'Second'],
    ]);
    await addComment(w.social, open('citizen'), { target: { kind: 'article', id: ARTICLE }, text: 'On the article' });
    expect(trailOf('social_commented').map((e) => e.detail)).toEqual([
      { kind: 'post', id: p.id },
      { kind: 'post', id: p.id },
      { kind: 'article', id: ARTICLE },
    ]);
    expect(
      await outcome(() => addComment(w.social, open('editor'), { target: { kind: 'thread', id: THREAD }, text: 'x' })),
    ).toBe(404);
    expect(
      await outcome(() => addComment(w.social, open('elite'), { target: { kind: 'post', id: p.id }, text: ' ' })),
    ).toBe(400);
  });
});

describe('open-mode counts on articles and threads', () => {
  it('are present in open mode and absent in closed mode (the data stays)', async () => {
    await setLike(w.social, open('elite'), { kind: 'article', id: ARTICLE }, true);
    await setLike(w.social, open('elite'), { kind: 'thread', id: THREAD }, true);
    await createPost(w.social, open('scientist'), { text: '', quote: { kind: 'thread', id: THREAD } });
    await addComment(w.social, open('scientist'), { target: { kind: 'article', id: ARTICLE }, text: 'hm' });
    const list = (mode: Mode) =>
      listArticles(w.media, w.actor('elite', mode), { page: 1, pageSize: 50 }).articles.find((a) => a.id === ARTICLE);
    expect(list('open')!.social).toEqual({ likes: 1, liked: true, shares: 0, comments: 1 });
    expect(getArticle(w.media, w.actor('scientist', 'open'), ARTICLE).social).toEqual({
      likes: 1,
      liked: false,
      shares: 0,
      comments: 1,
    });
    expect(getThread(w.boards, w.actor('elite', 'open'), THREAD).social).toEqual({
      likes: 1,
      liked: true,
      shares: 1,
      comments: 0,
    });
    const board = 'science-and-technology';
    expect(listThreads(w.boards, w.actor('elite', 'open'), board).threads.find((t) => t.id === THREAD)!.social).toEqual(
      expect.objectContaining({ likes: 1, shares: 1 }),
    );
    expect(list('closed')).not.toHaveProperty('social');
    expect(getArticle(w.media, w.actor('elite', 'closed'), ARTICLE)).not.toHaveProperty('social');
    expect(getThread(w.boards, w.actor('elite', 'closed'), THREAD)).not.toHaveProperty('social');
    expect(listThreads(w.boards, w.actor('elite', 'closed'), board).threads.every((t) => !('social' in t))).toBe(true);
  });
});

describe('would have been blocked', () => {
  const places: [string, 'post' | 'chat' | 'search' | 'social' | 'comment', (a: Actor) => Promise<unknown>][] = [
    ['a board post', 'post', (a) => startThread(w.boards, a, 'sports', { title: 'Match', body: 'talk of democracy' })],
    [
      'a chat message',
      'chat',
      (a) => sendMessage(w.chat, a, { roomId: 'general', text: 'talk of democracy', clientId: 'wb' }),
    ],
    ['a search', 'search', (a) => searchArticles(w.media, a, 'democracy')],
    ['a social post', 'social', (a) => createPost(w.social, a, { text: 'talk of democracy' })],
    [
      'a comment',
      'comment',
      (a) => addComment(w.social, a, { target: { kind: 'article', id: ARTICLE }, text: 'talk of democracy' }),
    ],
  ];
  it.each(places)('%s in open mode goes through and records would_block {where: %s, term}', async (_n, where, run) => {
    await run(open('elite'));
    expect(trailOf('would_block').map((e) => [e.username, e.detail])).toEqual([
      ['elite', { where, term: 'democracy' }],
    ]);
  });

  it.each(places.filter(([, where]) => where !== 'social' && where !== 'comment'))(
    '%s in closed mode is the filter’s (no would_block)',
    async (_n, _where, run) => {
      await outcome(() => run(closed('elite')));
      expect(trailOf('would_block')).toEqual([]);
    },
  );

  it('records what the chat substitutions would have rewritten, and nothing for innocent text', async () => {
    await sendMessage(w.chat, open('elite'), { roomId: 'general', text: 'my oppa says hi', clientId: 's1' });
    await sendMessage(w.chat, open('elite'), { roomId: 'general', text: 'good morning', clientId: 's2' });
    await createPost(w.social, open('elite'), { text: 'the free market of ideas' });
    expect(trailOf('would_block').map((e) => e.detail)).toEqual([{ where: 'chat', term: 'oppa' }]);
  });
});
