/**
 * The open network over the wire: a started server, demo personas and class-session students as
 * cookie clients. A round switched to open lets a citizen read and post at once; shares record
 * their parent; likes count once; every social route is 403 (and stores nothing) in closed mode
 * and in the lobby; the open-mode `social` fields come and go with the mode; two sessions share
 * nothing; the pause holds; would_block is recorded; the records and the trending window survive
 * a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSessionMode } from '../domain/sessions';
import type { Actor } from '../domain/policy';
import type { CreateSessionResponse, Mode, SocialPost } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
let fac: Client;
const ENV = { POSTS_PER_MINUTE: '1000', JOINS_PER_10S: '1000' };
const ARTICLE = 'grain-plan-fulfilled-128-per-cent';
const THREAD = 'spectrometer-booking-december';
const BOARD = 'science-and-technology';

/** A student's cookie client and seat id. */
type Student = Client & { playerId: string };

beforeAll(async () => {
  srv = await startServer({}, ENV);
  fac = await loginAs(srv.url, 'facilitator');
});
afterAll(async () => {
  await srv.stop();
});

/** Switches the demo session's mode as the facilitator's console does (recorded, announced). */
async function demoMode(mode: Mode): Promise<void> {
  const { store } = srv.built;
  const session = store.sessions.defaultSession();
  const u = store.users.findByUsername(session.id, 'facilitator')!;
  const facilitator: Actor = { userId: u.id, username: u.username, role: u.role, sessionId: session.id, mode };
  await setSessionMode(srv.built.sessions, facilitator, mode);
}

/** A class session with students seated in `roles` (null: left in the lobby). */
async function classWith(roles: (string | null)[]): Promise<{ id: string; students: Student[] }> {
  const created = await fac.post('/api/sessions', { name: `Social ${Math.random().toString(36).slice(2, 7)}` });
  expect(created.status, created.text).toBe(201);
  const { id, code } = created.json as CreateSessionResponse;
  const students: Student[] = [];
  for (const i of roles.keys()) {
    const c = new Client(srv.url) as Student;
    const joined = await c.post('/api/sessions/join', { code, name: `Student ${i + 1}` });
    expect(joined.status, joined.text).toBe(200);
    c.playerId = joined.json.player.id;
    students.push(c);
  }
  const assignments = roles.flatMap((role, i) => (role ? [{ playerId: students[i]!.playerId, role }] : []));
  if (assignments.length) {
    const res = await fac.post(`/api/sessions/${id}/roles`, { assignments });
    expect(res.status, res.text).toBe(200);
  }
  return { id, students };
}

const round = async (id: string, mode: Mode) => {
  const res = await fac.post(`/api/sessions/${id}/rounds`, { mode });
  expect(res.status, res.text).toBe(200);
};

/** Everything the open network stored in a session. */
function storedIn(sessionId: string): number {
  const s = srv.built.store.social;
  return s.posts(sessionId).length + s.likes(sessionId).length;
}

const socialTrail = (sessionId: string) =>
  srv.built.store.trail
    .query({ sessionId, limit: 10_000 })
    .filter((e) => e.kind.startsWith('social_') || e.kind === 'would_block');

/** Every /api/social route, with a payload that would be valid in open mode. */
function everyRoute(postId: string, playerId: string): [string, string, unknown][] {
  return [
    ['GET', '/api/social/feed', undefined],
    ['GET', '/api/social/feed?cursor=abc', undefined],
    ['POST', '/api/social/posts', { text: 'hello' }],
    ['POST', '/api/social/posts', { text: '', parentId: postId }],
    ['POST', `/api/social/posts/${postId}/like`, {}],
    ['DELETE', `/api/social/posts/${postId}/like`, {}],
    ['POST', `/api/social/articles/${ARTICLE}/like`, {}],
    ['DELETE', `/api/social/articles/${ARTICLE}/like`, {}],
    ['POST', `/api/social/threads/${THREAD}/like`, {}],
    ['DELETE', `/api/social/threads/${THREAD}/like`, {}],
    ['POST', '/api/social/follows', { playerId }],
    ['DELETE', `/api/social/follows/${playerId}`, {}],
    ['GET', '/api/social/trending', undefined],
    ['GET', `/api/social/profiles/${playerId}`, undefined],
    ['PATCH', '/api/social/profile', { showRole: true }],
    ['POST', '/api/social/comments', { target: { kind: 'article', id: ARTICLE }, text: 'hi' }],
    ['GET', `/api/social/comments?kind=article&id=${ARTICLE}`, undefined],
  ];
}

describe('closed mode: no open network at all', () => {
  it('answers 403 forbidden on every social route, whatever the payload, and stores nothing', async () => {
    await demoMode('open');
    const citizen = await loginAs(srv.url, 'citizen');
    const posted = await citizen.post('/api/social/posts', { text: 'Posted while open' });
    expect(posted.status, posted.text).toBe(201);
    const postId = posted.json.post.id as string;
    await demoMode('closed');
    const before = storedIn('demo');
    const trailBefore = socialTrail('demo').length;
    const playerId = srv.built.store.users.findByUsername('demo', 'scientist')!.id;
    for (const role of ['citizen', 'elite', 'censor'] as const) {
      const c = await loginAs(srv.url, role);
      for (const [method, path, body] of everyRoute(postId, playerId)) {
        const res = await c.request(method, path, body);
        expect([method, path, res.status, res.json?.error?.code]).toEqual([method, path, 403, 'forbidden']);
        // Garbage, wrong shapes and JSON that does not parse: still 403, never a 400 that says more.
        if (method !== 'GET') {
          for (const junk of ['{not json', { text: 42, extra: true }, [] as unknown])
            expect((await c.request(method, path, junk)).status).toBe(403);
        }
      }
      expect((await c.get('/api/social/no-such-route')).status).toBe(403);
    }
    expect(storedIn('demo')).toBe(before);
    expect(socialTrail('demo').length).toBe(trailBefore);
    // Logged out: 401, as everywhere.
    expect((await new Client(srv.url).get('/api/social/feed')).status).toBe(401);
  });

  it('a seat still in the lobby gets 403 even in an open round', async () => {
    const { id, students } = await classWith(['citizen', null]);
    await round(id, 'open');
    const lobby = students[1]!;
    for (const [method, path, body] of everyRoute('some-post', students[0]!.playerId))
      expect((await lobby.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    expect((await students[0]!.get('/api/social/feed')).status).toBe(200);
    expect(storedIn(id)).toBe(0);
  });
});

describe('an open round', () => {
  it('lets a citizen read and post at once (no queue), and another student sees it immediately', async () => {
    const { id, students } = await classWith(['citizen', 'citizen', 'scientist']);
    const [a, b] = students as [Student, Student];
    await round(id, 'closed');
    expect((await a.get('/api/social/feed')).status).toBe(403);
    await fac.post(`/api/sessions/${id}/rounds/end`, {});
    await round(id, 'open');
    expect((await a.get('/api/social/feed')).json).toEqual({ posts: [], nextCursor: null });
    const res = await a.post('/api/social/posts', { text: 'The dam story' });
    expect(res.status, res.text).toBe(201);
    const post = res.json.post as SocialPost;
    expect(post).toMatchObject({ text: 'The dam story', parentId: null, rootId: post.id, likes: 0, shares: 0 });
    expect((await b.get('/api/social/feed')).json.posts.map((p: SocialPost) => p.id)).toEqual([post.id]);
    const posted = srv.built.store.trail.query({ sessionId: id, kind: 'social_posted', limit: 5 });
    expect(posted.map((e) => e.detail)).toEqual([{ post: post.id }]);
  });

  it('a share records its parent; a share of a share keeps the root; a like twice counts once', async () => {
    const { id, students } = await classWith(['citizen', 'elite', 'academic']);
    const [a, b, c] = students as [Student, Student, Student];
    await round(id, 'open');
    const root = (await a.post('/api/social/posts', { text: 'Story' })).json.post as SocialPost;
    const share = await b.post('/api/social/posts', { text: '', parentId: root.id });
    expect(share.status, share.text).toBe(201);
    expect(share.json.post).toMatchObject({ parentId: root.id, rootId: root.id, root: { id: root.id } });
    const again = await c.post('/api/social/posts', { text: 'Wow', parentId: share.json.post.id });
    expect(again.json.post).toMatchObject({ parentId: share.json.post.id, rootId: root.id });
    const shared = srv.built.store.trail.query({ sessionId: id, kind: 'social_shared', limit: 5 }).reverse();
    expect(shared.map((e) => e.detail)).toEqual([
      { post: share.json.post.id, parent: root.id, root: root.id },
      { post: again.json.post.id, parent: share.json.post.id, root: root.id },
    ]);

    expect((await b.post(`/api/social/posts/${root.id}/like`, {})).json).toEqual({ likes: 1, liked: true });
    expect((await b.post(`/api/social/posts/${root.id}/like`, {})).json).toEqual({ likes: 1, liked: true });
    expect((await c.request('DELETE', `/api/social/posts/${root.id}/like`, {})).json).toEqual({
      likes: 1,
      liked: false,
    });
    expect(srv.built.store.trail.count(id, 'social_liked')).toBe(1);
    expect(srv.built.store.trail.count(id, 'social_unliked')).toBe(0);
    const seen = (await a.get('/api/social/feed')).json.posts.find((p: SocialPost) => p.id === root.id);
    expect(seen).toMatchObject({ likes: 1, shares: 1, liked: false });
    const hot = (await c.get('/api/social/trending')).json;
    expect(hot.posts[0]).toMatchObject({ id: root.id, score: expect.any(Number) });
    expect(hot.posts[0].score).toBeGreaterThan(2.9);
  });

  it('validates input with clear errors and stores nothing on a refusal', async () => {
    const { id, students } = await classWith(['citizen', 'elite']);
    const [a, b] = students as [Student, Student];
    await round(id, 'open');
    const before = storedIn(id);
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/social/posts', { text: '' }, 400, 'empty_post'],
      ['POST', '/api/social/posts', { text: 'x'.repeat(1001) }, 400, 'invalid_input'],
      ['POST', '/api/social/posts', { text: 'x', extra: 1 }, 400, 'invalid_input'],
      ['POST', '/api/social/posts', { text: '', parentId: 'no-such-post' }, 404, 'not_found'],
      ['POST', '/api/social/posts', { text: '', parentId: 'BAD ID' }, 400, 'invalid_input'],
      ['POST', '/api/social/posts', '{not json', 400, 'malformed_json'],
      ['POST', '/api/social/posts/no-such-post/like', {}, 404, 'not_found'],
      ['POST', '/api/social/follows', { playerId: 'nobody' }, 404, 'not_found'],
      ['POST', '/api/social/follows', { playerId: a.playerId }, 400, 'self_follow'],
      ['PATCH', '/api/social/profile', { showRole: 'yes' }, 400, 'invalid_input'],
      ['POST', '/api/social/comments', { target: { kind: 'post', id: 'nope' }, text: 'x' }, 404, 'not_found'],
      ['POST', '/api/social/comments', { target: { kind: 'user', id: 'x' }, text: 'x' }, 400, 'invalid_input'],
      ['GET', '/api/social/feed?cursor=garbage', undefined, 400, 'bad_cursor'],
      ['GET', '/api/social/comments?kind=article', undefined, 400, 'invalid_input'],
      ['GET', '/api/social/profiles/nobody', undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await a.request(method, path, body);
      expect([method, path, res.status, res.json?.error?.code]).toEqual([method, path, status, code]);
      expect(res.text).not.toMatch(/at .*\.ts/); // no stack
    }
    expect(storedIn(id)).toBe(before);
    const follow = await a.post('/api/social/follows', { playerId: b.playerId });
    expect(follow.json).toEqual({ following: true, followers: 1 });
  });

  it('writes are refused while the session is paused (423); reads pass', async () => {
    const { id, students } = await classWith(['citizen']);
    await round(id, 'open');
    await fac.post(`/api/sessions/${id}/pause`, { paused: true });
    const res = await students[0]!.post('/api/social/posts', { text: 'during the pause' });
    expect(res.status).toBe(423);
    expect((await students[0]!.post(`/api/social/articles/${ARTICLE}/like`, {})).status).toBe(423);
    expect((await students[0]!.get('/api/social/feed')).status).toBe(200);
    expect(storedIn(id)).toBe(0);
    await fac.post(`/api/sessions/${id}/pause`, { paused: false });
    expect((await students[0]!.post('/api/social/posts', { text: 'after' })).status).toBe(201);
  });

  it('records what the closed filter would have blocked, and lets it through', async () => {
    const { id, students } = await classWith(['citizen']);
    await round(id, 'open');
    const res = await students[0]!.post('/api/social/posts', { text: 'They call it democracy' });
    expect(res.status).toBe(201);
    const c = await students[0]!.post('/api/social/comments', {
      target: { kind: 'article', id: ARTICLE },
      text: 'What about freedom?',
    });
    expect(c.status).toBe(201);
    const blocked = srv.built.store.trail.query({ sessionId: id, kind: 'would_block', limit: 10 }).reverse();
    expect(blocked.map((e) => e.detail)).toEqual([
      { where: 'social', term: 'democracy' },
      { where: 'comment', term: 'freedom' },
    ]);
  });
});

describe('the open-mode fields on articles and threads', () => {
  it('appear in open mode and are hidden again when the round switches back to closed (the data stays)', async () => {
    await demoMode('open');
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.post(`/api/social/articles/${ARTICLE}/like`, {})).json).toMatchObject({ liked: true });
    expect((await elite.post(`/api/social/threads/${THREAD}/like`, {})).json).toMatchObject({ liked: true });
    const reads = async () => ({
      article: (await elite.get(`/api/media/articles/${ARTICLE}`)).json,
      list: (await elite.get('/api/media/articles?pageSize=50')).json.articles.find(
        (a: { id: string }) => a.id === ARTICLE,
      ),
      thread: (await elite.get(`/api/threads/${THREAD}`)).json,
      threads: (await elite.get(`/api/boards/${BOARD}/threads`)).json.threads.find(
        (t: { id: string }) => t.id === THREAD,
      ),
      search: (await elite.post('/api/media/search', { q: 'grain' })).json.results[0],
    });
    const openView = await reads();
    expect(openView.article.social).toMatchObject({ likes: 1, liked: true });
    expect(openView.list.social).toMatchObject({ likes: 1, liked: true });
    expect(openView.thread.social).toMatchObject({ likes: 1, liked: true });
    expect(openView.threads.social).toMatchObject({ likes: 1, liked: true });
    expect(openView.search.social).toEqual(expect.objectContaining({ likes: expect.any(Number) }));
    await demoMode('closed');
    const closedView = await reads();
    for (const [name, view] of Object.entries(closedView)) {
      expect(view, name).toBeDefined();
      expect(JSON.stringify(view), name).not.toContain('"social"');
    }
    await demoMode('open');
    expect((await reads()).article.social).toMatchObject({ likes: 1, liked: true });
    await demoMode('closed');
  });
});

describe('forged writes', () => {
  it('every social write route is behind the write guard in open mode too (403 bad_origin, 415), storing nothing', async () => {
    await demoMode('open');
    const elite = await loginAs(srv.url, 'elite');
    const postId = (await elite.post('/api/social/posts', { text: 'Guarded' })).json.post.id as string;
    const playerId = srv.built.store.users.findByUsername('demo', 'scientist')!.id;
    const before = storedIn('demo');
    const trailBefore = socialTrail('demo').length;
    const other = srv.url.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`);
    for (const [method, path, body] of everyRoute(postId, playerId)) {
      if (method === 'GET') continue;
      const forged = await elite.request(method, path, body, { origin: other });
      expect([path, forged.status, forged.json?.error?.code]).toEqual([path, 403, 'bad_origin']);
      const form = await elite.request(method, path, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
      expect([path, form.status]).toEqual([path, 415]);
    }
    expect(storedIn('demo')).toBe(before);
    expect(socialTrail('demo').length).toBe(trailBefore);
    await demoMode('closed');
  });
});

describe('two sessions share nothing', () => {
  it('a post, a player, a like or a comment of another session answers as missing', async () => {
    const one = await classWith(['citizen']);
    const two = await classWith(['citizen']);
    await round(one.id, 'open');
    await round(two.id, 'open');
    const [a] = one.students as [Student];
    const [b] = two.students as [Student];
    const post = (await a.post('/api/social/posts', { text: 'Only here' })).json.post as SocialPost;
    await a.post(`/api/social/articles/${ARTICLE}/like`, {});
    expect((await b.get('/api/social/feed')).json.posts).toEqual([]);
    expect((await b.get('/api/social/trending')).json.posts).toEqual([]);
    expect((await b.post(`/api/social/posts/${post.id}/like`, {})).status).toBe(404);
    expect((await b.post('/api/social/posts', { text: '', parentId: post.id })).status).toBe(404);
    expect((await b.post('/api/social/follows', { playerId: a.playerId })).status).toBe(404);
    expect((await b.get(`/api/social/profiles/${a.playerId}`)).status).toBe(404);
    expect((await b.get(`/api/social/comments?kind=post&id=${post.id}`)).status).toBe(404);
    expect((await b.post('/api/social/comments', { target: { kind: 'post', id: post.id }, text: 'x' })).status).toBe(
      404,
    );
    // The same pack article in the other session has its own counts.
    expect((await b.get(`/api/media/articles/${ARTICLE}`)).json.social).toMatchObject({ likes: 0, liked: false });
    expect(storedIn(two.id)).toBe(0);
  });
});

describe('a session reset', () => {
  it('clears the session’s open-network records (posts, likes, follows, comments, profiles)', async () => {
    const { id, students } = await classWith(['citizen', 'elite']);
    await round(id, 'open');
    const [a, b] = students as [Student, Student];
    const post = (await a.post('/api/social/posts', { text: 'Before the reset' })).json.post as SocialPost;
    await b.post(`/api/social/posts/${post.id}/like`, {});
    await b.post(`/api/social/articles/${ARTICLE}/like`, {});
    await b.post('/api/social/follows', { playerId: a.playerId });
    await b.post('/api/social/comments', { target: { kind: 'article', id: ARTICLE }, text: 'gone soon' });
    await a.request('PATCH', '/api/social/profile', { showRole: true });
    await fac.post(`/api/sessions/${id}/rounds/end`, {});
    const reset = await fac.post(`/api/sessions/${id}/reset`, { keepRoster: true });
    expect(reset.status, reset.text).toBe(200);
    await round(id, 'open');
    expect((await b.get('/api/social/feed')).json.posts).toEqual([]);
    expect((await b.get('/api/social/trending')).json.posts).toEqual([]);
    expect((await b.get(`/api/media/articles/${ARTICLE}`)).json.social).toEqual({
      likes: 0,
      liked: false,
      shares: 0,
      comments: 0,
    });
    expect((await b.get(`/api/social/profiles/${a.playerId}`)).json.profile).toMatchObject({
      followers: 0,
      showsRole: false,
    });
    expect((await b.post(`/api/social/posts/${post.id}/like`, {})).status).toBe(404);
  });
});

describe('a restart', () => {
  it('keeps the records and rebuilds the trending window from them', async () => {
    const { id, students } = await classWith(['citizen', 'elite']);
    await round(id, 'open');
    const [a, b] = students as [Student, Student];
    const post = (await a.post('/api/social/posts', { text: 'Survives' })).json.post as SocialPost;
    await b.post(`/api/social/posts/${post.id}/like`, {});
    const before = (await b.get('/api/social/trending')).json.posts.map((p: SocialPost) => p.id);
    expect(before).toEqual([post.id]);
    const dataDir = srv.dataDir;
    await srv.stop({ keepData: true });
    srv = await startServer({ dataDir }, ENV);
    fac = await loginAs(srv.url, 'facilitator');
    const again = new Client(srv.url);
    again.cookie = b.cookie;
    const feed = (await again.get('/api/social/feed')).json.posts as SocialPost[];
    expect(feed.map((p) => [p.id, p.likes, p.liked])).toEqual([[post.id, 1, true]]);
    const hot = (await again.get('/api/social/trending')).json.posts as SocialPost[];
    expect(hot.map((p) => p.id)).toEqual([post.id]);
    expect((await again.post(`/api/social/posts/${post.id}/like`, {})).json).toEqual({ likes: 1, liked: true });
  });
});
