import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/vocabulary';
import { ROLES } from '../domain/policy';
import type { Article, ArticleSummary, Role } from '../protocol/api';
import type { Client } from '../test/harness';
import { loginAs, startServer, type TestServer, connectSocket } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;

beforeAll(async () => {
  srv = await startServer({ schedulerMs: 100 });
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
});
afterAll(async () => {
  await srv.stop();
});

const draft = (over: Record<string, unknown> = {}) => ({
  site: 'news-agency',
  section: 'science',
  title: 'Test bulletin',
  summary: 'A summary.',
  body: 'A body with **bold** text.',
  ...over,
});

async function publishNew(over: Record<string, unknown> = {}): Promise<Article> {
  const created = await client('editor').post('/api/media/articles', draft(over));
  expect(created.status).toBe(201);
  const published = await client('editor').post(`/api/media/articles/${created.json.id}/publish`, {});
  expect(published.status).toBe(200);
  return published.json as Article;
}

/** An id the client may not see answers exactly (status, code, message) as one that does not exist. */
async function expectSameAsMissing(c: Client, unseen: string, missing: string): Promise<void> {
  const a = await c.get(unseen);
  const b = await c.get(missing);
  expect(a.status, unseen).toBe(404);
  expect(a.json, unseen).toEqual(b.json);
}

describe('reading state media per role', () => {
  it('gives a citizen only the one-way channel: broadcasts and the agency bulletins, no list of all, no search', async () => {
    expect((await client('citizen').get('/api/media/broadcast')).status).toBe(200);
    const bulletins = await client('citizen').get('/api/media/articles?site=news-agency');
    expect(bulletins.status).toBe(200);
    expect(bulletins.json.articles.length).toBeGreaterThan(0);
    expect(bulletins.json.articles.every((a: { site: string }) => a.site === 'news-agency')).toBe(true);
    expect((await client('citizen').get('/api/media/articles/grain-plan-fulfilled-128-per-cent')).status).toBe(200);
    const all = await client('citizen').get('/api/media/articles');
    expect(all.status).toBe(403);
    expect(all.json.error.code).toBe('forbidden');
    expect((await client('citizen').get('/api/media/articles?site=daily')).status).toBe(403);
    const search = await client('citizen').post('/api/media/search', { q: 'grain' });
    expect(search.status).toBe(403);
    expect(search.json.error.code).toBe('forbidden');
  });

  it('gives an elite all domestic articles, newest first, paginated', async () => {
    const page1 = (await client('elite').get('/api/media/articles?pageSize=10')).json;
    expect(page1.total).toBeGreaterThanOrEqual(25);
    expect(page1.articles).toHaveLength(10);
    const page2 = (await client('elite').get('/api/media/articles?pageSize=10&page=2')).json;
    expect(page2.articles[0].id).not.toBe(page1.articles[0].id);
    const dates = page1.articles.map((a: ArticleSummary) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(page1.articles.map((a: ArticleSummary) => a.site))).not.toContain('visitor-news');
    expect(page1.articles[0]).not.toHaveProperty('editor');
    expect(page1.articles[0]).not.toHaveProperty('author');
  });

  it('filters by site and section', async () => {
    const res = (await client('elite').get('/api/media/articles?site=daily&section=culture')).json;
    expect(res.articles.length).toBeGreaterThan(0);
    expect(res.articles.every((a: ArticleSummary) => a.site === 'daily' && a.section === 'culture')).toBe(true);
  });

  it('limits scientists and academics to the sections the pack gives them', async () => {
    const sci = (await client('scientist').get('/api/media/articles?pageSize=50')).json;
    expect(sci.sections.map((s: { id: string }) => s.id)).toEqual(['industry', 'science', 'international']);
    expect(
      sci.articles.every((a: ArticleSummary) => ['industry', 'science', 'international'].includes(a.section)),
    ).toBe(true);
    const leader = (await client('elite').get('/api/media/articles?section=leadership')).json.articles[0];
    await expectSameAsMissing(client('scientist'), `/api/media/articles/${leader.id}`, '/api/media/articles/no-such');
    expect((await client('academic').get(`/api/media/articles/${leader.id}`)).status).toBe(200);
  });

  it('gives the foreigner only the foreigners’ edition', async () => {
    const res = (await client('foreigner').get('/api/media/articles')).json;
    expect(res.articles.length).toBeGreaterThanOrEqual(5);
    expect(res.articles.every((a: ArticleSummary) => a.site === 'visitor-news')).toBe(true);
    await expectSameAsMissing(client('foreigner'), '/api/media/articles?site=daily', '/api/media/articles?site=nope');
    const domestic = (await client('elite').get('/api/media/articles?site=daily')).json.articles[0];
    await expectSameAsMissing(client('foreigner'), `/api/media/articles/${domestic.id}`, '/api/media/articles/nope');
    expect((await client('foreigner').get('/api/media/broadcast')).status).toBe(403);
    const foreign = res.articles[0];
    await expectSameAsMissing(client('elite'), `/api/media/articles/${foreign.id}`, '/api/media/articles/nope');
  });

  it('returns an article with sanitised HTML, and 404 for an unknown id', async () => {
    const a = (await client('elite').get('/api/media/articles/grain-plan-fulfilled-128-per-cent')).json as Article;
    expect(a.bodyHtml).toContain('<strong>128 per cent</strong>');
    expect(a.body).toContain('**128 per cent**');
    const missing = await client('elite').get('/api/media/articles/no-such-article');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    expect((await client('elite').get('/api/media/articles/BAD%20ID!')).status).toBe(400);
  });

  it('serves the broadcast schedule to domestic readers', async () => {
    const res = (await client('academic').get('/api/media/broadcast')).json;
    expect(res.channels.map((c: { kind: string }) => c.kind).sort()).toEqual(['radio', 'radio', 'tv', 'tv']);
  });
});

describe('the editor desk', () => {
  it('creates a draft nobody else sees, publishes it, and unpublishes it', async () => {
    const created = await client('editor').post('/api/media/articles', draft({ title: 'Draft bulletin' }));
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('draft');
    const id = created.json.id;
    expect((await client('elite').get(`/api/media/articles/${id}`)).status).toBe(404);
    const desk = (await client('editor').get('/api/media/articles?status=draft')).json;
    expect(desk.articles.map((a: ArticleSummary) => a.id)).toContain(id);

    const patched = await client('editor').request('PATCH', `/api/media/articles/${id}`, { title: 'Final bulletin' });
    expect(patched.json.title).toBe('Final bulletin');

    const pub = await client('editor').post(`/api/media/articles/${id}/publish`, {});
    expect(pub.json).toMatchObject({ status: 'published', title: 'Final bulletin' });
    expect((await client('elite').get(`/api/media/articles/${id}`)).status).toBe(200);
    expect((await client('editor').post(`/api/media/articles/${id}/publish`, {})).status).toBe(409);

    const un = await client('editor').post(`/api/media/articles/${id}/unpublish`);
    expect(un.json.status).toBe('unpublished');
    expect((await client('elite').get(`/api/media/articles/${id}`)).status).toBe(404);
    const list = (await client('elite').get('/api/media/articles?pageSize=50')).json.articles.map(
      (a: ArticleSummary) => a.id,
    );
    expect(list).not.toContain(id);

    const trail = (await client('censor').get('/api/trail?user=editor&limit=10')).json.events.map((e: any) => e.kind);
    expect(trail).toEqual(expect.arrayContaining(['article_saved', 'article_published', 'article_unpublished']));
  });

  it('schedules an article and publishes it when its time comes', async () => {
    const created = await client('editor').post('/api/media/articles', draft({ title: 'Scheduled bulletin' }));
    const at = new Date(Date.now() + 400).toISOString();
    const sched = await client('editor').post(`/api/media/articles/${created.json.id}/publish`, { at });
    expect(sched.json).toMatchObject({ status: 'scheduled', publishAt: at });
    expect((await client('elite').get(`/api/media/articles/${created.json.id}`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 900));
    const after = await client('elite').get(`/api/media/articles/${created.json.id}`);
    expect(after.status).toBe(200);
    expect(after.json.status).toBe('published');
  });

  it('previews a body as sanitised HTML', async () => {
    const res = await client('editor').post('/api/media/preview', { body: 'Hi <script>x()</script> *there*' });
    expect(res.json.html).toContain('&lt;script&gt;');
    expect(res.json.html).toContain('<em>there</em>');
  });

  it('refuses every write to everyone but the editor, and stores nothing', async () => {
    const before = (await client('editor').get('/api/media/articles?status=all&pageSize=50')).json.total;
    const target = 'grain-plan-fulfilled-128-per-cent';
    for (const role of ROLES.filter((r) => r !== 'editor')) {
      const c = client(role);
      const writes = [
        await c.post('/api/media/articles', draft()),
        await c.request('PATCH', `/api/media/articles/${target}`, { title: 'Hacked' }),
        await c.post(`/api/media/articles/${target}/publish`, {}),
        await c.post(`/api/media/articles/${target}/unpublish`),
        await c.post('/api/media/preview', { body: 'x' }),
        await c.get('/api/media/articles?status=all'),
      ];
      for (const res of writes) {
        expect(res.status, `${role}`).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
      }
    }
    expect((await client('editor').get('/api/media/articles?status=all&pageSize=50')).json.total).toBe(before);
    expect((await client('elite').get(`/api/media/articles/${target}`)).json.title).not.toBe('Hacked');
  });

  it('rejects bad input with 400 and stores nothing', async () => {
    const before = (await client('editor').get('/api/media/articles?status=all')).json.total;
    const bad = [
      draft({ title: '' }),
      draft({ title: '   ' }),
      draft({ title: 'x'.repeat(LIMITS.articleTitle + 1) }),
      draft({ body: 'x'.repeat(LIMITS.articleBody + 1) }),
      draft({ section: 'gossip' }),
      draft({ site: 'portal' }),
      draft({ site: 'no-such-site' }),
      draft({ lead: 'yes' }),
      draft({ likes: 5 }),
      { title: 'missing fields' },
    ];
    for (const body of bad) {
      const res = await client('editor').post('/api/media/articles', body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.json.error.message).toEqual(expect.any(String));
    }
    const id = 'grain-plan-fulfilled-128-per-cent';
    expect((await client('editor').request('PATCH', `/api/media/articles/${id}`, {})).status).toBe(400);
    expect((await client('editor').post(`/api/media/articles/${id}/publish`, { at: 'tomorrow' })).status).toBe(400);
    expect((await client('editor').post('/api/media/articles/nope/publish', {})).status).toBe(404);
    expect((await client('editor').get('/api/media/articles?pageSize=500')).status).toBe(400);
    expect((await client('editor').get('/api/media/articles?status=all')).json.total).toBe(before);
  });
});

describe('search', () => {
  it('finds readable articles and records the search', async () => {
    const res = (await client('elite').post('/api/media/search', { q: 'grain plan' })).json;
    expect(res.results.map((a: ArticleSummary) => a.id)).toContain('grain-plan-fulfilled-128-per-cent');
    const ev = (await client('censor').get('/api/trail?user=elite&kind=search&limit=1')).json.events[0];
    expect(ev.detail).toMatchObject({ query: 'grain plan' });
  });

  it('returns nothing for a filtered word and flags it in the trail', async () => {
    const res = (await client('academic').post('/api/media/search', { q: 'F R E E D O M' })).json;
    expect(res.results).toEqual([]);
    const ev = (await client('censor').get('/api/trail?user=academic&kind=search_flagged&limit=1')).json.events[0];
    expect(ev.detail).toMatchObject({ query: 'F R E E D O M', term: 'freedom' });
  });

  it('never finds what the role may not read', async () => {
    const res = (await client('foreigner').post('/api/media/search', { q: 'grain' })).json;
    expect(res.results.every((a: ArticleSummary) => a.site === 'visitor-news')).toBe(true);
    expect((await client('elite').post('/api/media/search', { q: '' })).status).toBe(400);
    // A GET records nothing: there is no search by GET.
    expect((await client('elite').get('/api/media/search?q=grain')).status).toBe(404);
  });
});

describe('live publishing', () => {
  it('pushes a published article to readers who may read it, not to others', async () => {
    const sock = (c: Client) => connectSocket(srv.url, c.cookie);
    const [elite, foreigner, scientist] = await Promise.all([
      sock(client('elite')),
      sock(client('foreigner')),
      sock(client('scientist')),
    ]);
    const got: Record<string, string[]> = { elite: [], foreigner: [], scientist: [] };
    elite.on('media:published', (a) => got.elite!.push(a.title));
    foreigner.on('media:published', (a) => got.foreigner!.push(a.title));
    scientist.on('media:published', (a) => got.scientist!.push(a.title));
    const arrived = new Promise<void>((resolve) => elite.once('media:published', () => resolve()));
    await publishNew({ section: 'leadership', title: 'Live leadership bulletin' });
    await arrived;
    await new Promise((r) => setTimeout(r, 150));
    expect(got.elite).toEqual(['Live leadership bulletin']);
    expect(got.scientist).toEqual([]); // leadership is not among the scientist's sections
    expect(got.foreigner).toEqual([]);
    [elite, foreigner, scientist].forEach((s) => s.disconnect());
  });
});
