/**
 * The content sites and the Research E-Library over a real server: the pages of a site and the
 * walls in front of them, searching (recorded; a filtered query finds nothing, flagged), requests
 * (201, recorded, never fulfilled), refusals for roles that may not open the library, nothing
 * stored on bad input, the pause, and a GET that records nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../domain/policy';
import type { Role, TrailEvent } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;

beforeAll(async () => {
  srv = await startServer();
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
});
afterAll(async () => {
  await srv.stop();
});

/** Everything the server keeps on disk, file by file. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const visit = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else files[path] = await readFile(path, 'utf8');
    }
  };
  await visit(srv.dataDir);
  return files;
}

async function latest(user: string, kind: string): Promise<TrailEvent | undefined> {
  const res = await client('censor').get(`/api/trail?user=${user}&kind=${kind}&limit=1`);
  expect(res.status, res.text).toBe(200);
  return res.json.events[0];
}

describe('the pages of the content sites', () => {
  it('serves a site’s pages to a role that may open it, and records nothing for it', async () => {
    const before = await snapshot();
    const res = await client('scientist').get('/api/sites/scitech/pages');
    expect(res.status).toBe(200);
    expect(res.json.site).toBe('scitech');
    expect(res.json.pages.length).toBeGreaterThanOrEqual(5);
    expect(res.json.pages[0].copy.copiedIn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await client('foreigner').get('/api/sites/hotel/pages')).json.pages.length).toBeGreaterThanOrEqual(3);
    expect((await client('academic').get('/api/sites/university/pages')).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a site one may not open exactly as a missing one (404), and 403 with no network', async () => {
    const missing = await client('scientist').get('/api/sites/no-such-site/pages');
    expect(missing.status).toBe(404);
    for (const [role, site] of [
      ['scientist', 'university'],
      ['academic', 'scitech'],
      ['foreigner', 'scitech'],
      ['elite', 'hotel'],
      ['editor', 'university'],
    ] as const) {
      const res = await client(role).get(`/api/sites/${site}/pages`);
      expect(res.status, `${role} ${site}`).toBe(404);
      expect(res.json, `${role} ${site}`).toEqual(missing.json);
    }
    const citizen = await client('citizen').get('/api/sites/scitech/pages');
    expect(citizen.status).toBe(403);
    expect(citizen.json.error.code).toBe('forbidden');
    expect((await new Client(srv.url).get('/api/sites/scitech/pages')).status).toBe(401);
    expect((await client('elite').get('/api/sites/NOT%20AN%20ID/pages')).status).toBe(400);
  });
});

describe('the e-library catalogue and search', () => {
  it('lists the catalogue to those who may open the library, and refuses the others as for the site', async () => {
    const res = await client('academic').get('/api/library/catalogue');
    expect(res.status).toBe(200);
    expect(res.json.entries.length).toBeGreaterThanOrEqual(20);
    expect(res.json.entries[0]).toEqual(
      expect.objectContaining({
        title: expect.any(String),
        author: expect.any(String),
        callNumber: expect.any(String),
      }),
    );
    expect((await client('editor').get('/api/library/catalogue')).status).toBe(404);
    expect((await client('foreigner').get('/api/library/catalogue')).status).toBe(404);
    expect((await client('citizen').get('/api/library/catalogue')).status).toBe(403);
  });

  it('finds a title and records the search with its query', async () => {
    const res = await client('scientist').post('/api/library/search', { q: 'hydroelectric' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.results.map((e: { title: string }) => e.title)).toEqual([
      'Small Hydroelectric Stations: Design and Upkeep',
      'Why small hydroelectric turbines lose power in winter (translation)',
    ]);
    const ev = await latest('scientist', 'library_search');
    expect(ev?.detail).toEqual({ query: 'hydroelectric', results: '2' });
  });

  it('finds nothing for a query with a filtered word, and records it flagged', async () => {
    const res = await client('academic').post('/api/library/search', { q: 'Human Rights' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ query: 'Human Rights', results: [] });
    const ev = await latest('academic', 'library_search');
    expect(ev?.detail).toEqual({ query: 'Human Rights', results: '0', flagged: 'true', term: 'human rights' });
  });

  it('refuses the search to a role that may not open the library, recording nothing', async () => {
    const before = await snapshot();
    const editor = await client('editor').post('/api/library/search', { q: 'rice' });
    expect(editor.status).toBe(404);
    expect(editor.json.error.code).toBe('not_found');
    const foreigner = await client('foreigner').post('/api/library/search', { q: 'rice' });
    expect(foreigner.status).toBe(404);
    const citizen = await client('citizen').post('/api/library/search', { q: 'rice' });
    expect(citizen.status).toBe(403);
    expect((await new Client(srv.url).post('/api/library/search', { q: 'rice' })).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe('requests for a title not in the catalogue', () => {
  it('answers 201 and records the request with its title', async () => {
    const res = await client('elite').post('/api/library/requests', { title: '  Advanced Welding Practice ' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.title).toBe('Advanced Welding Practice');
    expect(Date.parse(res.json.at)).not.toBeNaN();
    const ev = await latest('elite', 'library_request');
    expect(ev?.detail).toEqual({ title: 'Advanced Welding Practice' });
    expect(ev?.role).toBe('elite');
  });

  it('refuses a title the catalogue holds (409) and a role that may not open the library', async () => {
    const held = await client('academic').post('/api/library/requests', { title: 'numerical methods' });
    expect(held.status).toBe(409);
    expect(held.json.error.code).toBe('in_catalogue');
    expect((await client('editor').post('/api/library/requests', { title: 'A book' })).status).toBe(404);
    expect((await client('foreigner').post('/api/library/requests', { title: 'A book' })).status).toBe(404);
    expect((await client('citizen').post('/api/library/requests', { title: 'A book' })).status).toBe(403);
  });

  it('stores and records nothing on bad input', async () => {
    const before = await snapshot();
    const bad: [string, unknown][] = [
      ['/api/library/requests', {}],
      ['/api/library/requests', { title: '   ' }],
      ['/api/library/requests', { title: 'x'.repeat(201) }],
      ['/api/library/requests', { title: 42 }],
      ['/api/library/requests', { title: 'A book', extra: true }],
      ['/api/library/search', { q: '' }],
      ['/api/library/search', { q: 'x'.repeat(101) }],
      ['/api/library/search', { query: 'rice' }],
    ];
    for (const [path, body] of bad) {
      const res = await client('academic').post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code, JSON.stringify(body)).toBe('invalid_input');
      expect(res.text).not.toMatch(/at .*\.ts/);
    }
    const broken = await client('academic').post('/api/library/requests', '{"title":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('rate-limits requests like posts: 429 past the limit, the throttling recorded once', async () => {
    const limited = await startServer({ postsPerMinute: 2 });
    try {
      const c = await loginAs(limited.url, 'scientist');
      const got: number[] = [];
      for (let i = 0; i < 4; i++) got.push((await c.post('/api/library/requests', { title: `Title ${i}` })).status);
      expect(got).toEqual([201, 201, 429, 429]);
      const censor = await loginAs(limited.url, 'censor');
      const trail = (await censor.get('/api/trail?user=scientist&limit=50')).json.events as TrailEvent[];
      expect(trail.filter((e) => e.kind === 'library_request')).toHaveLength(2);
      expect(trail.filter((e) => e.kind === 'throttled').map((e) => e.detail)).toEqual([{ action: 'library_request' }]);
    } finally {
      await limited.stop();
    }
  });
});

describe('the library in a paused class session', () => {
  it('refuses a student’s search and request with the paused code, and lets reads through', async () => {
    const fac = client('facilitator');
    const cls = await fac.post('/api/sessions', { name: 'Library class' });
    expect(cls.status, cls.text).toBe(201);
    const seat = new Client(srv.url);
    const joined = await seat.post('/api/sessions/join', { code: cls.json.code, name: 'Lena' });
    expect(joined.status, joined.text).toBe(200);
    const assigned = await fac.post(`/api/sessions/${cls.json.id}/roles`, {
      assignments: [{ playerId: joined.json.player.id, role: 'academic' }],
    });
    expect(assigned.status, assigned.text).toBe(200);
    await fac.post(`/api/sessions/${cls.json.id}/rounds`, { mode: 'closed' });
    expect((await seat.post('/api/library/search', { q: 'rice' })).status).toBe(200);

    expect((await fac.post(`/api/sessions/${cls.json.id}/pause`, { paused: true })).status).toBe(200);
    const search = await seat.post('/api/library/search', { q: 'rice' });
    expect(search.status).toBe(423);
    expect(search.json.error.code).toBe('paused');
    const request = await seat.post('/api/library/requests', { title: 'A new title' });
    expect(request.status).toBe(423);
    expect((await seat.get('/api/library/catalogue')).status).toBe(200);
    expect((await seat.get('/api/sites/university/pages')).status).toBe(200);
  });
});
