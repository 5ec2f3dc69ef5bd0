/**
 * Forged writes from same-site pages: every route that changes or records anything
 * must be JSON with a same-origin `Origin` (or `Sec-Fetch-Site: same-origin`).
 * The routes are read from the app itself, so a new writing route without a case here fails.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../domain/policy';
import type { Role } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;
let draftId = '';
let pendingId = '';

/** A valid request for each writing route, made by a role that may make it. */
interface WriteCase {
  as: Role | null;
  path: string;
  body: unknown;
}
let cases: Record<string, WriteCase> = {};

/** Every non-GET route of the app, as `METHOD /pattern`. */
function writingRoutes(): string[] {
  const out: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          if (method === 'get' || method === '_all') continue;
          for (const p of paths) out.push(`${method.toUpperCase()} ${p}`);
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((srv.built.app as any).router.stack);
  return out;
}

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

beforeAll(async () => {
  srv = await startServer();
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
  const draft = await client('editor').post('/api/media/articles', {
    site: 'news-agency',
    section: 'science',
    title: 'Draft',
    summary: 'Draft',
    body: 'Draft body',
  });
  draftId = draft.json.id;
  const pending = await client('scientist').post('/api/boards/science-and-technology/threads', {
    title: 'Pending',
    body: 'Waiting for a censor',
  });
  pendingId = pending.json.id;
  const cls = await client('facilitator').post('/api/sessions', { name: 'Guarded' });
  const sid = cls.json.id as string;
  const seat = await new Client(srv.url).post('/api/sessions/join', { code: cls.json.code, name: 'Seat' });
  const pid = seat.json.player.id as string;
  const ctl = (path: string, body: unknown, method = 'POST'): [string, WriteCase] => [
    `${method} /api/sessions/:id${path.replace(pid, ':playerId')}`,
    { as: 'facilitator', path: `/api/sessions/${sid}${path}`, body },
  ];
  const sessionCases: Record<string, WriteCase> = Object.fromEntries([
    ctl('/roles', { preset: 'realistic' }),
    ctl('/lock', { locked: true }),
    ctl('/pause', { paused: true }),
    ctl(`/players/${pid}`, {}, 'DELETE'),
    ctl(`/players/${pid}`, { name: 'Renamed' }, 'PATCH'),
    ctl('/rounds', { mode: 'closed' }),
    ctl('/rounds/end', {}),
    ctl('/end', {}),
    ctl('/events', { eventId: 'inspection' }),
    ctl('/reset', { keepRoster: true }),
    ctl('', { transcript: false }, 'PATCH'),
    ctl('/mode', { mode: 'open' }),
    ctl('/files/drop', { fileId: 'harbour-film', to: [pid] }),
    ctl('/quiz', { phase: 'after' }),
    ['DELETE /api/sessions/:id', { as: 'facilitator', path: `/api/sessions/${sid}`, body: {} }],
  ]);
  cases = {
    ...sessionCases,
    'POST /api/sessions': { as: 'facilitator', path: '/api/sessions', body: { name: 'Forged' } },
    'POST /api/sessions/join': { as: null, path: '/api/sessions/join', body: { code: cls.json.code, name: 'Forged' } },
    'POST /api/auth/login': { as: null, path: '/api/auth/login', body: { username: 'elite', password: 'demo' } },
    'POST /api/auth/logout': { as: 'elite', path: '/api/auth/logout', body: {} },
    'PATCH /api/me': { as: 'elite', path: '/api/me', body: { locale: 'ko' } },
    'POST /api/browse': { as: 'elite', path: '/api/browse', body: { address: 'news.intra' } },
    'POST /api/media/articles': {
      as: 'editor',
      path: '/api/media/articles',
      body: { site: 'news-agency', section: 'science', title: 'Forged', summary: 'Forged', body: 'Forged' },
    },
    'PATCH /api/media/articles/:id': {
      as: 'editor',
      path: '/api/media/articles/grain-plan-fulfilled-128-per-cent',
      body: { title: 'Forged title' },
    },
    'POST /api/media/articles/:id/publish': { as: 'editor', path: `/api/media/articles/${draftId}/publish`, body: {} },
    'POST /api/media/articles/:id/unpublish': {
      as: 'editor',
      path: '/api/media/articles/grain-plan-fulfilled-128-per-cent/unpublish',
      body: {},
    },
    'POST /api/media/preview': { as: 'editor', path: '/api/media/preview', body: { body: '*hi*' } },
    'POST /api/media/search': { as: 'academic', path: '/api/media/search', body: { q: 'freedom' } },
    'POST /api/library/search': { as: 'academic', path: '/api/library/search', body: { q: 'rice' } },
    'POST /api/library/requests': { as: 'academic', path: '/api/library/requests', body: { title: 'Forged' } },
    'POST /api/boards/:id/threads': {
      as: 'elite',
      path: '/api/boards/cooking-and-family/threads',
      body: { title: 'Forged', body: 'Forged' },
    },
    'POST /api/threads/:id/replies': {
      as: 'elite',
      path: '/api/threads/kimjang-plan-this-year/replies',
      body: { body: 'Forged reply' },
    },
    'POST /api/moderation/:postId': {
      as: 'censor',
      path: `/api/moderation/${pendingId}`,
      body: { decision: 'approve' },
    },
    'POST /api/chat/rooms/:id/close': { as: 'censor', path: '/api/chat/rooms/lab/close', body: { closed: true } },
    'POST /api/users/:username/mute': { as: 'censor', path: '/api/users/scientist/mute', body: { muted: true } },
    'POST /api/social/posts': { as: 'elite', path: '/api/social/posts', body: { text: 'Forged' } },
    'POST /api/social/posts/:id/like': { as: 'elite', path: '/api/social/posts/x/like', body: {} },
    'DELETE /api/social/posts/:id/like': { as: 'elite', path: '/api/social/posts/x/like', body: {} },
    'POST /api/social/articles/:id/like': {
      as: 'elite',
      path: '/api/social/articles/grain-plan-fulfilled-128-per-cent/like',
      body: {},
    },
    'DELETE /api/social/articles/:id/like': {
      as: 'elite',
      path: '/api/social/articles/grain-plan-fulfilled-128-per-cent/like',
      body: {},
    },
    'POST /api/social/threads/:id/like': {
      as: 'elite',
      path: '/api/social/threads/kimjang-plan-this-year/like',
      body: {},
    },
    'DELETE /api/social/threads/:id/like': {
      as: 'elite',
      path: '/api/social/threads/kimjang-plan-this-year/like',
      body: {},
    },
    'POST /api/social/follows': { as: 'elite', path: '/api/social/follows', body: { playerId: pid } },
    'DELETE /api/social/follows/:playerId': { as: 'elite', path: `/api/social/follows/${pid}`, body: {} },
    'PATCH /api/social/profile': { as: 'elite', path: '/api/social/profile', body: { showRole: true } },
    'POST /api/social/comments': {
      as: 'elite',
      path: '/api/social/comments',
      body: { target: { kind: 'article', id: 'grain-plan-fulfilled-128-per-cent' }, text: 'x' },
    },
    'POST /api/files/find': { as: 'scientist', path: '/api/files/find', body: { site: 'scitech' } },
    'POST /api/quiz/answers': {
      as: 'citizen',
      path: '/api/quiz/answers',
      body: { phase: 'before', answers: [{ itemId: 'intranet-no-route', answer: true }] },
    },
    'POST /api/files/notel/handover': { as: 'citizen', path: '/api/files/notel/handover', body: { to: pid } },
    'POST /api/files/:copyId/open': { as: 'citizen', path: '/api/files/x/open', body: {} },
    'POST /api/files/:copyId/handover': { as: 'citizen', path: '/api/files/x/handover', body: { to: pid } },
    'POST /api/files/:copyId/trace': { as: 'censor', path: '/api/files/x/trace', body: {} },
    'POST /api/inspections': { as: 'censor', path: '/api/inspections', body: { playerId: pid } },
    'POST /api/inspections/outcome': {
      as: 'censor',
      path: '/api/inspections/outcome',
      body: { playerId: pid, outcome: 'warning' },
    },
    'POST /api/users/:username/revoke': {
      as: 'censor',
      path: '/api/users/scientist/revoke',
      body: { revoked: true },
    },
  };
});
afterAll(async () => {
  await srv.stop();
});

function send(c: WriteCase, method: string, body: string | unknown, headers: Record<string, string>) {
  const who = c.as ? client(c.as) : new Client(srv.url);
  return who.request(method, c.path, body, headers);
}

describe('the write guard', () => {
  it('has a case for every writing route of the app', () => {
    const routes = writingRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.sort()).toEqual(Object.keys(cases).sort());
  });

  it('refuses forged writes on every writing route and changes or records nothing', async () => {
    const before = await snapshot();
    const other = srv.url.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`);
    for (const [route, c] of Object.entries(cases)) {
      const method = route.split(' ')[0]!;
      const json = JSON.stringify(c.body);
      const attempts: [string, string | unknown, Record<string, string>, number, string][] = [
        ['no Origin', c.body, { origin: '' }, 403, 'bad_origin'],
        ['another port', c.body, { origin: other }, 403, 'bad_origin'],
        ['a sibling host', c.body, { origin: 'http://evil.127.0.0.1.nip.io' }, 403, 'bad_origin'],
        ['an opaque origin', c.body, { origin: 'null' }, 403, 'bad_origin'],
        ['cross-site fetch metadata', c.body, { origin: '', 'sec-fetch-site': 'same-site' }, 403, 'bad_origin'],
        ['text/plain', json, { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
        ['a form', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
        [
          'multipart',
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
          { 'content-type': 'multipart/form-data; boundary=x' },
          415,
          'unsupported_media_type',
        ],
        ['no content type', json, { 'content-type': '' }, 415, 'unsupported_media_type'],
      ];
      for (const [what, body, headers, status, code] of attempts) {
        const res = await send(c, method, body, headers);
        expect(res.status, `${route} with ${what}`).toBe(status);
        expect(res.json?.error?.code, `${route} with ${what}`).toBe(code);
        expect(res.headers.get('set-cookie'), `${route} with ${what} sets no cookie`).toBeNull();
      }
    }
    expect(await snapshot()).toEqual(before);
    // Every login still stands: a forged logout ended none.
    for (const role of ROLES) expect((await client(role).get('/api/me')).status, role).toBe(200);
  });

  it('lets the site’s own pages write: a matching Origin, or Sec-Fetch-Site same-origin', async () => {
    const c = client('elite');
    expect((await c.post('/api/browse', { address: 'news.intra' })).status).toBe(200);
    const res = await c.post('/api/browse', { address: 'news.intra' }, { origin: '', 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
    const charset = await c.post(
      '/api/browse',
      { address: 'news.intra' },
      { 'content-type': 'application/json; charset=utf-8' },
    );
    expect(charset.status).toBe(200);
  });

  it('never records anything for a GET', async () => {
    const before = await snapshot();
    for (const path of [
      '/api/media/search?q=freedom',
      '/api/library/search?q=freedom',
      '/api/library/requests?title=Forged',
      '/api/browse?address=news.intra',
      '/api/auth/logout',
    ]) {
      const res = await client('academic').get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }
    expect(await snapshot()).toEqual(before);
    expect((await client('academic').get('/api/me')).status).toBe(200);
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('accepts a configured origin and still refuses others', async () => {
    const other = await startServer({ allowedOrigins: ['http://school.example:8080'] });
    try {
      const c = await loginAs(other.url, 'elite');
      const ok = await c.post('/api/browse', { address: 'news.intra' }, { origin: 'http://school.example:8080' });
      expect(ok.status).toBe(200);
      const bad = await c.post('/api/browse', { address: 'news.intra' }, { origin: 'http://school.example:8081' });
      expect(bad.status).toBe(403);
    } finally {
      await other.stop();
    }
  });
});
