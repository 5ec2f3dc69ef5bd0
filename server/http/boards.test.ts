import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/vocabulary';
import { ROLES } from '../domain/policy';
import type { Post, Role } from '../protocol/api';
import { loginAs, startServer, type Client, type TestServer, connectSocket } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;

beforeAll(async () => {
  srv = await startServer({ postsPerMinute: 1000 });
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
});
afterAll(async () => {
  await srv.stop();
});

const SCIENCE = 'science-and-technology';
const UNIVERSITY = 'university-life';
const GENERAL = 'cooking-and-family';
const boardIds = async (role: Role) =>
  (await client(role).get('/api/boards')).json?.boards?.map((b: { id: string }) => b.id);

describe('who may read and post where', () => {
  it('lets elites and censors read every board, and each field its own plus the general ones', async () => {
    const all = [SCIENCE, 'agriculture-and-farming', UNIVERSITY, GENERAL, 'sports', 'hobbies-and-crafts'];
    expect(await boardIds('elite')).toEqual(all);
    expect(await boardIds('censor')).toEqual(all);
    expect(await boardIds('scientist')).toEqual(all.filter((b) => b !== UNIVERSITY));
    expect(await boardIds('academic')).toEqual(all.filter((b) => b !== SCIENCE));
  });

  it('gives citizens, foreigners, editors and facilitators no boards (403)', async () => {
    for (const role of ['citizen', 'foreigner', 'editor', 'facilitator'] as Role[]) {
      expect((await client(role).get('/api/boards')).status, role).toBe(403);
      expect((await client(role).get(`/api/boards/${GENERAL}/threads`)).status, role).toBe(403);
      expect((await client(role).post(`/api/boards/${GENERAL}/threads`, { title: 't', body: 'b' })).status, role).toBe(
        403,
      );
    }
  });

  it('answers a board or thread outside the role exactly as a missing one, and stores nothing', async () => {
    const same = async (unseen: string, missing: string, post?: unknown) => {
      const a = post ? await client('academic').post(unseen, post) : await client('academic').get(unseen);
      const b = post ? await client('academic').post(missing, post) : await client('academic').get(missing);
      expect(a.status, unseen).toBe(404);
      expect(a.json, unseen).toEqual(b.json);
    };
    await same(`/api/boards/${SCIENCE}/threads`, '/api/boards/no-such-board/threads');
    await same('/api/threads/spectrometer-booking-december', '/api/threads/no-such-thread');
    await same('/api/threads/spectrometer-booking-december/replies', '/api/threads/no-such-thread/replies', {
      body: 'Sneaky reply',
    });
    const res = await client('academic').post(`/api/boards/${SCIENCE}/threads`, { title: 'Sneaky', body: 'Hello' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(
      (await client('academic').post('/api/boards/nope/threads', { title: 'S', body: 'H' })).json,
    );
    expect(
      (await client('censor').get('/api/moderation/queue')).json.queue.some((p: Post) => p.title === 'Sneaky'),
    ).toBe(false);
    const censorPost = await client('censor').post(`/api/boards/${GENERAL}/threads`, { title: 'Censor', body: 'x' });
    expect(censorPost.status).toBe(403);
  });

  it('shows seed threads under real names with roles, and no likes or follower counts', async () => {
    const { threads } = (await client('scientist').get(`/api/boards/${GENERAL}/threads`)).json;
    expect(threads.length).toBeGreaterThanOrEqual(2);
    expect(threads[0]).toMatchObject({
      authorName: expect.any(String),
      authorRole: expect.any(String),
      status: 'approved',
    });
    const thread = (await client('scientist').get(`/api/threads/${threads[0].id}`)).json;
    expect(thread.replies.length).toBeGreaterThan(0);
    for (const key of ['likes', 'shares', 'followers', 'avatar', 'anonymous'])
      expect(thread.thread).not.toHaveProperty(key);
  });
});

describe('pre-moderation', () => {
  it('keeps a new thread pending and visible only to its author until a censor approves it', async () => {
    const created = await client('scientist').post(`/api/boards/${GENERAL}/threads`, {
      title: 'Pickled radish tips',
      body: 'Salt first.',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'pending', authorName: 'Kang Song-mi', authorRole: 'scientist' });
    const id = created.json.id;
    const mine = (await client('scientist').get(`/api/boards/${GENERAL}/threads`)).json.threads.map(
      (t: { id: string }) => t.id,
    );
    expect(mine).toContain(id);
    const theirs = (await client('elite').get(`/api/boards/${GENERAL}/threads`)).json.threads.map(
      (t: { id: string }) => t.id,
    );
    expect(theirs).not.toContain(id);
    expect((await client('elite').get(`/api/threads/${id}`)).status).toBe(404);

    const queue = (await client('censor').get('/api/moderation/queue')).json.queue;
    const item = queue.find((p: Post) => p.id === id);
    expect(item).toMatchObject({ boardTitle: expect.any(String), threadTitle: 'Pickled radish tips' });
    const times = queue.map((p: Post) => p.createdAt);
    expect([...times].sort()).toEqual(times); // oldest first

    const ok = await client('censor').post(`/api/moderation/${id}`, { decision: 'approve' });
    expect(ok.json).toMatchObject({ status: 'approved', decidedBy: 'Choe Kwang-il' });
    expect((await client('elite').get(`/api/threads/${id}`)).json.thread.status).toBe('approved');
    expect((await client('censor').post(`/api/moderation/${id}`, { decision: 'reject', reason: 'late' })).status).toBe(
      409,
    );
  });

  it('shows a rejected reply’s reason to its author only', async () => {
    const thread = 'kimjang-plan-this-year';
    const created = await client('academic').post(`/api/threads/${thread}/replies`, {
      body: 'We used too much pepper.',
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await client('censor').post(`/api/moderation/${id}`, { decision: 'reject' })).status).toBe(400);
    await client('censor').post(`/api/moderation/${id}`, { decision: 'reject', reason: 'Off topic for this board.' });
    const mine = (await client('academic').get(`/api/threads/${thread}`)).json.replies.find((p: Post) => p.id === id);
    expect(mine).toMatchObject({ status: 'rejected', reason: 'Off topic for this board.' });
    const theirs = (await client('elite').get(`/api/threads/${thread}`)).json.replies.map((p: Post) => p.id);
    expect(theirs).not.toContain(id);
    const history = (await client('censor').get('/api/moderation/history')).json.decisions;
    expect(history[0]).toMatchObject({ id, status: 'rejected', reason: 'Off topic for this board.' });
  });

  it('records posts and decisions in the trail', async () => {
    const kinds = (await client('censor').get('/api/trail?limit=50')).json.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['post_submitted', 'post_approved', 'post_rejected']));
  });

  it('lets only censors use the moderation routes', async () => {
    for (const role of ROLES.filter((r) => r !== 'censor')) {
      expect((await client(role).get('/api/moderation/queue')).status, role).toBe(403);
      expect((await client(role).get('/api/moderation/history')).status, role).toBe(403);
      expect((await client(role).post('/api/moderation/whatever', { decision: 'approve' })).status, role).toBe(403);
    }
    expect((await client('censor').post('/api/moderation/no-such-post', { decision: 'approve' })).status).toBe(404);
    expect((await client('censor').post('/api/moderation/x', { decision: 'maybe' })).status).toBe(400);
  });
});

describe('keyword filter', () => {
  it('rejects a filtered post at once with 422 and a neutral message, never queues it, and records the term', async () => {
    const res = await client('scientist').post(`/api/boards/${GENERAL}/threads`, {
      title: 'Recipe',
      body: 'A taste of f r e e d o m',
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({ code: 'filtered', message: 'This post cannot be published.' });
    const queue = (await client('censor').get('/api/moderation/queue')).json.queue;
    expect(queue.some((p: Post) => p.title === 'Recipe')).toBe(false);
    const ev = (await client('censor').get('/api/trail?user=scientist&kind=post_filtered&limit=1')).json.events[0];
    expect(ev.detail).toMatchObject({ term: 'freedom', board: GENERAL });
    const korean = await client('academic').post(`/api/threads/kimjang-plan-this-year/replies`, {
      body: '자유를 위하여',
    });
    expect(korean.status).toBe(422);
  });
});

describe('bad input', () => {
  it('rejects empty, whitespace-only and oversized posts and unknown boards, storing nothing', async () => {
    const before = (await client('censor').get('/api/moderation/queue')).json.queue.length;
    const bad: [string, unknown, number][] = [
      [`/api/boards/${GENERAL}/threads`, { title: '', body: 'x' }, 400],
      [`/api/boards/${GENERAL}/threads`, { title: 'x', body: '   \n  ' }, 400],
      [`/api/boards/${GENERAL}/threads`, { title: 'x'.repeat(LIMITS.postTitle + 1), body: 'x' }, 400],
      [`/api/boards/${GENERAL}/threads`, { title: 'x', body: 'x'.repeat(LIMITS.postBody + 1) }, 400],
      [`/api/boards/${GENERAL}/threads`, { title: 'x', body: 5 }, 400],
      [`/api/boards/${GENERAL}/threads`, { title: 'x', body: 'y', anonymous: true }, 400],
      ['/api/boards/no-such-board/threads', { title: 'x', body: 'y' }, 404],
      ['/api/boards/BAD ID/threads', { title: 'x', body: 'y' }, 400],
      ['/api/threads/no-such-thread/replies', { body: 'y' }, 404],
      ['/api/threads/kimjang-plan-this-year/replies', { body: '' }, 400],
    ];
    for (const [path, body, status] of bad) {
      const res = await client('elite').post(path.replace(' ', '%20'), body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
      expect(res.json.error.message).toEqual(expect.any(String));
    }
    expect((await client('censor').get('/api/moderation/queue')).json.queue.length).toBe(before);
  });

  it('stores HTML and script as the text it is', async () => {
    const res = await client('elite').post(`/api/boards/${GENERAL}/threads`, {
      title: '<b>Hi</b>',
      body: '<script>alert(1)</script>',
    });
    expect(res.json.body).toBe('<script>alert(1)</script>');
  });

  it('rate-limits floods per user with 429 JSON', async () => {
    const limited = await startServer({ postsPerMinute: 3 });
    const elite = await loginAs(limited.url, 'elite');
    for (let i = 0; i < 3; i++)
      expect((await elite.post(`/api/boards/${GENERAL}/threads`, { title: `t${i}`, body: 'b' })).status).toBe(201);
    const res = await elite.post(`/api/boards/${GENERAL}/threads`, { title: 'flood', body: 'b' });
    expect(res.status).toBe(429);
    expect(res.json.error.code).toBe('rate_limited');
    const other = await loginAs(limited.url, 'scientist');
    expect((await other.post(`/api/boards/${GENERAL}/threads`, { title: 'fine', body: 'b' })).status).toBe(201);
    await limited.stop();
  });
});

describe('live moderation', () => {
  it('queues to censors, tells the author the decision, and pushes the approved post to readers only', async () => {
    const sock = (c: Client) => connectSocket(srv.url, c.cookie);
    const [censor, author, elite, academic] = await Promise.all([
      sock(client('censor')),
      sock(client('scientist')),
      sock(client('elite')),
      sock(client('academic')),
    ]);
    const academicGot: Post[] = [];
    academic.on('boards:post', (p) => academicGot.push(p));
    const queued = new Promise<string>((resolve) => censor.on('moderation:queued', (i) => resolve(i.id)));
    const created = await client('scientist').post(`/api/boards/${SCIENCE}/threads`, {
      title: 'New detector',
      body: 'Arrived today.',
    });
    expect(await queued).toBe(created.json.id);
    const decided = new Promise<Post>((resolve) => author.on('boards:decided', resolve));
    const pushed = new Promise<Post>((resolve) => elite.on('boards:post', resolve));
    await client('censor').post(`/api/moderation/${created.json.id}`, { decision: 'approve' });
    expect((await decided).status).toBe('approved');
    expect((await pushed).title).toBe('New detector');
    await new Promise((r) => setTimeout(r, 150));
    expect(academicGot).toEqual([]); // academics cannot read the science board
    [censor, author, elite, academic].forEach((s) => s.disconnect());
  });
});
