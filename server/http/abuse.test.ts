/**
 * Bodies that would crash rendering are refused before anything is stored, and the
 * calls that each write an fsynced trail entry (browse, search) are throttled per user,
 * with the throttling recorded once per window rather than on every refused call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../protocol/api';
import { loginAs, startServer, type Client, type TestServer } from '../test/harness';

let srv: TestServer;
let editor: Client;
let censor: Client;

beforeAll(async () => {
  srv = await startServer({ browsePerMinute: 3, searchesPerMinute: 2 });
  editor = await loginAs(srv.url, 'editor');
  censor = await loginAs(srv.url, 'censor');
});
afterAll(async () => {
  await srv.stop();
});

const NESTED = {
  quotes: '>'.repeat(2000) + ' deep',
  lists: Array.from({ length: 60 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n'),
  emphasis: '*a '.repeat(1500) + 'x' + ' a*'.repeat(1500),
  links: '['.repeat(3000) + 'x' + '](y)'.repeat(3000),
};
const article = (body: string) => ({ site: 'news-agency', section: 'science', title: 'Nested', summary: 'S', body });
const desk = async () => (await editor.get('/api/media/articles?status=all&pageSize=50')).json.total as number;

describe('nested Markdown', () => {
  for (const [name, body] of Object.entries(NESTED)) {
    it(`refuses a body of deeply nested ${name} with 400 and stores nothing`, async () => {
      const before = await desk();
      const created = await editor.post('/api/media/articles', article(body));
      expect(created.status).toBe(400);
      expect(created.json.error).toEqual({
        code: 'body_too_deep',
        message: expect.stringMatching(/nested too deeply/),
      });
      expect(await desk()).toBe(before);

      const preview = await editor.post('/api/media/preview', { body });
      expect(preview.status).toBe(400);
      expect(preview.json.error.code).toBe('body_too_deep');

      const ok = await editor.post('/api/media/articles', article('A *plain* body.'));
      expect(ok.status).toBe(201);
      const patched = await editor.request('PATCH', `/api/media/articles/${ok.json.id}`, { body });
      expect(patched.status).toBe(400);
      const stored = (await editor.get(`/api/media/articles/${ok.json.id}`)).json;
      expect(stored.body).toBe('A *plain* body.');
      expect(stored.bodyHtml).toContain('<em>plain</em>');
    });
  }

  it('still renders ordinary nesting: a list in a quote, emphasis in a list', async () => {
    const body = '> A quote\n>\n> - with a list\n>   - nested *once*\n\n1. **bold _and_ italic**';
    const res = await editor.post('/api/media/preview', { body });
    expect(res.status).toBe(200);
    expect(res.json.html).toContain('<blockquote>');
    expect(res.json.html).toContain('<em>once</em>');
  });
});

describe('throttles', () => {
  const trailOf = async (kind: string): Promise<TrailEvent[]> =>
    (await censor.get(`/api/trail?user=elite&kind=${kind}&limit=200`)).json.events;

  it('answers browsing past the limit with 429 JSON, and records the throttling once', async () => {
    const elite = await loginAs(srv.url, 'elite');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await elite.post('/api/browse', { address: 'news.intra' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    const refused = await elite.post('/api/browse', { address: 'news.intra' });
    expect(refused.json.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await trailOf('page_view')).toHaveLength(3);
    const throttled = await trailOf('throttled');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.detail).toEqual({ action: 'browse' });
  });

  it('answers searching past the limit with 429 JSON, recorded once, per user', async () => {
    const scientist = await loginAs(srv.url, 'scientist');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await scientist.post('/api/media/search', { q: 'grain' })).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    const events = (await censor.get('/api/trail?user=scientist&limit=200')).json.events as TrailEvent[];
    expect(events.filter((e) => e.kind === 'search')).toHaveLength(2);
    expect(events.filter((e) => e.kind === 'throttled')).toHaveLength(1);
    // Another user is not held back by the scientist's searches.
    const academic = await loginAs(srv.url, 'academic');
    expect((await academic.post('/api/media/search', { q: 'grain' })).status).toBe(200);
  });
});
