import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/vocabulary';
import { ROLES } from '../domain/policy';
import type { Me, Role } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;

beforeAll(async () => {
  srv = await startServer({ jwtSecret: 'test-secret-test-secret-test-secret-123' });
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
});
afterAll(async () => {
  await srv.stop();
});

function expectError(res: { status: number; json: any; text: string }, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.json?.error?.message).toEqual(expect.any(String));
  if (code) expect(res.json.error.code).toBe(code);
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
}

describe('health and login', () => {
  it('answers /healthz with 200', async () => {
    expect((await new Client(srv.url).get('/healthz')).status).toBe(200);
  });

  const homes: Record<Role, Me['home']> = {
    citizen: 'denied',
    elite: 'portal',
    scientist: 'portal',
    academic: 'portal',
    foreigner: 'foreign',
    editor: 'portal',
    censor: 'trail',
    facilitator: 'console',
  };
  for (const role of ROLES) {
    it(`logs in as ${role} and /api/me says who and what`, async () => {
      const me = (await client(role).get('/api/me')).json as Me;
      expect(me).toMatchObject({ username: role, role, home: homes[role], mode: 'closed', sessionId: 'demo' });
      expect(me.displayName).toEqual(expect.any(String));
      expect(Array.isArray(me.capabilities)).toBe(true);
    });
  }

  it('sets an httpOnly, SameSite=Strict cookie with an HS256 token that expires', async () => {
    const res = await new Client(srv.url).post('/api/auth/login', { username: 'elite', password: 'demo' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/cis_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = /cis_token=([^;]+)/.exec(cookie)![1]!;
    const decoded = jwt.decode(token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    expect((decoded.payload as jwt.JwtPayload).exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const a = await new Client(srv.url).post('/api/auth/login', { username: 'elite', password: 'nope' });
    const b = await new Client(srv.url).post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expectError(a, 401, 'invalid_credentials');
    expectError(b, 401, 'invalid_credentials');
    expect(a.json).toEqual(b.json);
  });

  it('answers /api/me without a cookie with 401 JSON', async () => {
    expectError(await new Client(srv.url).get('/api/me'), 401);
  });

  it('rejects tokens signed with another algorithm, another secret, or expired', async () => {
    const user = srv.built.store.users.findByUsername('demo', 'elite')!;
    const claims = { sid: 'demo', tv: 0 };
    const none = jwt.sign(claims, '', { algorithm: 'none', subject: user.id });
    const other = jwt.sign(claims, 'another-secret-another-secret-1234', { algorithm: 'HS256', subject: user.id });
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 10 },
      'test-secret-test-secret-test-secret-123',
      {
        algorithm: 'HS256',
        subject: user.id,
      },
    );
    const hs512 = jwt.sign(claims, 'test-secret-test-secret-test-secret-123', { algorithm: 'HS512', subject: user.id });
    for (const token of [none, other, expired, hs512]) {
      const c = new Client(srv.url);
      c.cookie = `cis_token=${token}`;
      expectError(await c.get('/api/me'), 401);
    }
  });

  it('logs out: the cookie is cleared and the logout is in the trail', async () => {
    const c = await loginAs(srv.url, 'academic');
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/cis_token=;/);
    expectError(await c.get('/api/me'), 401);
    const trail = await client('censor').get('/api/trail?user=academic&kind=logout');
    expect(trail.json.events.length).toBeGreaterThan(0);
  });
});

describe('the walls', () => {
  it('gives a citizen 403 on the directory and on browsing', async () => {
    expectError(await client('citizen').get('/api/sites'), 403, 'forbidden');
    expectError(await client('citizen').post('/api/browse', { address: 'news.intra' }), 403);
  });

  it('gives each role only the sites of its network', async () => {
    const addresses = async (role: Role) =>
      ((await client(role).get('/api/sites')).json.sites as { address: string; locked?: boolean }[])
        .filter((s) => !s.locked)
        .map((s) => s.address);
    expect(await addresses('elite')).toEqual(
      expect.arrayContaining(['news.intra', 'scitech.intra', 'university.intra']),
    );
    expect(await addresses('scientist')).toContain('scitech.intra');
    expect(await addresses('scientist')).not.toContain('university.intra');
    expect(await addresses('academic')).toContain('university.intra');
    expect(await addresses('academic')).not.toContain('scitech.intra');
    // A site of one's own network the role is not cleared for is listed, locked (the inner wall).
    const locked = async (role: Role) =>
      ((await client(role).get('/api/sites')).json.sites as { address: string; locked?: boolean }[])
        .filter((s) => s.locked)
        .map((s) => s.address);
    expect(await locked('scientist')).toEqual(['university.intra']);
    expect(await locked('academic')).toEqual(['scitech.intra']);
    expect(await locked('elite')).toEqual([]);
    expect(await locked('foreigner')).toEqual([]);
    expect(await addresses('foreigner')).toEqual(['visitor.guest', 'news.guest', 'hotel.guest', 'chat.guest']);
    expect(await addresses('elite')).not.toContain('hotel.guest');
    const res = await client('elite').get('/api/sites');
    expect(res.json.home).toBe('portal');
    expect(res.json.sites[0]).not.toHaveProperty('roles');
  });

  it('opens a directory site and records the page view', async () => {
    const res = await client('scientist').post('/api/browse', { address: 'HTTP://SciTech.intra/papers' });
    expect(res.json).toMatchObject({ reachable: true, site: { id: 'scitech' } });
    const trail = await client('censor').get('/api/trail?user=scientist&kind=page_view&limit=1');
    expect(trail.json.events[0].detail.site).toBe('scitech');
  });

  it('walls off outside addresses, and sites of another role or network, and records them', async () => {
    const walls = {
      'www.google.com': { placardId: 'no-route-out', wall: 'outside' },
      'university.intra': { placardId: 'inner-wall', wall: 'clearance' },
      'hotel.guest': { placardId: 'foreigners-network', wall: 'network' },
    };
    for (const [address, wall] of Object.entries(walls)) {
      const res = await client('scientist').post('/api/browse', { address });
      expect(res.json, address).toEqual({ reachable: false, address, ...wall });
    }
    const trail = await client('censor').get('/api/trail?user=scientist&kind=blocked_address&limit=2');
    expect(trail.json.events.map((e: any) => e.detail.address)).toEqual(['hotel.guest', 'www.google.com']);
    const locked = await client('censor').get('/api/trail?user=scientist&kind=site_locked&limit=1');
    expect(locked.json.events[0].detail).toEqual({ site: 'university', address: 'university.intra' });
  });

  it('lets only trail readers read the trail, and only the facilitator see the matrix', async () => {
    for (const role of ['citizen', 'elite', 'scientist', 'academic', 'foreigner', 'editor'] as Role[]) {
      expectError(await client(role).get('/api/trail'), 403);
    }
    expect((await client('facilitator').get('/api/trail')).status).toBe(200);
    for (const role of ROLES.filter((r) => r !== 'facilitator'))
      expectError(await client(role).get('/api/policy/matrix'), 403);
    const m = (await client('facilitator').get('/api/policy/matrix')).json;
    expect(m.roles).toHaveLength(8);
    expect(m.grants.citizen).toEqual(['media.receive']); // the one-way channel only
    expect(m.sites.find((s: any) => s.id === 'scitech').roles).toEqual(['elite', 'scientist', 'censor']);
  });

  it('serves placards to anyone logged in, including a citizen', async () => {
    const res = await client('citizen').get('/api/placards');
    const ids = res.json.placards.map((p: any) => p.id);
    expect(ids).toContain('citizen-no-access');
    expect(res.json.placards.every((p: any) => p.source.length > 0)).toBe(true);
    expectError(await new Client(srv.url).get('/api/placards'), 401);
  });
});

describe('bad input', () => {
  const bad: [string, unknown, string?][] = [
    ['wrong types', { username: 42, password: true }],
    ['a missing field', { username: 'elite' }],
    ['an unknown field', { username: 'elite', password: 'demo', admin: true }],
    ['an array body', ['elite', 'demo']],
    ['an oversized body', { username: 'elite', password: 'x'.repeat(100_000) }, 'body_too_large'],
    ['malformed JSON', '{"username": "elite", ', 'malformed_json'],
    ['a too-long user name', { username: 'e'.repeat(LIMITS.loginUsername + 1), password: 'demo' }],
  ];
  for (const [name, body, code] of bad) {
    it(`answers ${name} with 400 JSON and logs nobody in`, async () => {
      const c = new Client(srv.url);
      const res = await c.post('/api/auth/login', body);
      expectError(res, 400, code);
      expect(c.cookie).toBe('');
    });
  }

  it('rejects bad browse and trail input with 400', async () => {
    expectError(await client('elite').post('/api/browse', { address: '   ' }), 400);
    expectError(await client('elite').post('/api/browse', { address: 'x'.repeat(LIMITS.address + 1) }), 400);
    expectError(await client('elite').post('/api/browse', {}), 400);
    expectError(await client('censor').get('/api/trail?limit=0'), 400);
    expectError(await client('censor').get('/api/trail?kind=bogus'), 400);
    expectError(await client('censor').get('/api/trail?extra=1'), 400);
  });

  it('ignores prototype-pollution keys', async () => {
    const res = await new Client(srv.url).post(
      '/api/auth/login',
      '{"username":"elite","password":"demo","__proto__":{"polluted":true}}',
    );
    expectError(res, 400);
    const res2 = await client('elite').post(
      '/api/browse',
      '{"address":"news.intra","constructor":{"prototype":{"polluted":true}}}',
    );
    expectError(res2, 400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown API routes with 404 JSON', async () => {
    expectError(await client('elite').get('/api/nothing-here'), 404, 'not_found');
    expectError(await new Client(srv.url).post('/api/also/not', {}), 404);
  });

  it('sends security headers with a real Content-Security-Policy', async () => {
    const res = await new Client(srv.url).get('/healthz');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
