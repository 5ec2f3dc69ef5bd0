/**
 * The museum kiosk over HTTP: one-tap visits, each a throwaway session nobody else sees; the tour's
 * progress and the ending's comparison from the visit's own trail; the wipe (the visitor's end,
 * "live another life", the operator's reset) leaving nothing of a visit in any store; the operator's
 * PIN and settings; and every kiosk route answering 404 `kiosk_off` without KIOSK=1.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connectSocket, startServer, type TestServer } from '../test/harness';
import { loadConfig, ConfigError } from '../config';
import { sweepVisits, VISIT_TTL_SECONDS } from '../domain/kiosk';
import { FakeClock } from '../test/fake-clock';

const PIN = '482913';
const BOARD = 'science-and-technology';
let srv: TestServer;

beforeAll(async () => {
  srv = await startServer({}, { KIOSK: '1', KIOSK_PIN: PIN, KIOSK_IDLE_SECONDS: '40', KIOSK_COUNTDOWN_SECONDS: '25' });
});
afterAll(async () => {
  await srv.stop();
});

async function visit(persona: string, locale = 'en', c = new Client(srv.url)) {
  const res = await c.post('/api/kiosk/visits', { persona, locale });
  expect(res.status, res.text).toBe(201);
  return { c, me: res.json };
}

const store = () => srv.built.store;

describe('a kiosk visit', () => {
  it('the attract screen learns the settings and the persona cards from /api/session', async () => {
    const res = await new Client(srv.url).get('/api/session');
    expect(res.json.me).toBeNull();
    expect(res.json.kiosk.settings).toEqual({
      locale: 'en',
      idleSeconds: 40,
      countdownSeconds: 25,
      tour: true,
      cast: false,
    });
    expect(res.json.kiosk.personas.map((p: { username: string }) => p.username)).toEqual([
      'citizen',
      'elite',
      'scientist',
      'academic',
      'foreigner',
    ]);
  });

  it('starts with one tap as a persona, in a session of its own, with the cookie set', async () => {
    const { c, me } = await visit('elite', 'ko');
    expect(me).toMatchObject({ username: 'elite', role: 'elite', kiosk: true, locale: 'ko', home: 'portal' });
    expect(me.sessionId).toMatch(/^k-/);
    expect(me.sessionId).not.toBe(store().sessions.defaultSession().id);
    expect(me.displayName).toMatch(/[\uac00-\ud7af]/u); // the Korean pack's name
    const again = await c.get('/api/me');
    expect(again.json).toMatchObject({ sessionId: me.sessionId, kiosk: true, locale: 'ko' });
    // The pack's content is there (the boards' first threads), the stick is on the device.
    expect((await c.get(`/api/boards/${BOARD}/threads`)).json.threads.length).toBeGreaterThan(0);
    const files = (await c.get('/api/files')).json;
    expect(files.copies).toHaveLength(1);
  });

  it('never shows one visitor what another did', async () => {
    const a = await visit('elite');
    const b = await visit('elite');
    expect(a.me.sessionId).not.toBe(b.me.sessionId);
    const posted = await a.c.post(`/api/boards/${BOARD}/threads`, {
      title: 'A question from visitor A',
      body: 'Hello.',
    });
    expect(posted.status, posted.text).toBe(201);
    const threadsOf = async (c: Client) =>
      (await c.get(`/api/boards/${BOARD}/threads`)).json.threads.map((t: { title: string }) => t.title);
    expect(await threadsOf(a.c)).toContain('A question from visitor A');
    expect(await threadsOf(b.c)).not.toContain('A question from visitor A');
    expect((await b.c.get(`/api/threads/${posted.json.id}`)).status).toBe(404);
    await a.c.post('/api/media/search', { q: 'freedom' });
    const recordB = (await b.c.get('/api/record')).json;
    expect(JSON.stringify(recordB)).not.toContain('freedom');
  });

  it("follows the tour from the visit's own trail, and counts it in the comparison", async () => {
    const { c } = await visit('scientist');
    let v = (await c.get('/api/kiosk/visits/current')).json;
    expect(v.persona.username).toBe('scientist');
    expect(v.tour.map((s: { id: string }) => s.id)).toEqual([
      'foreign-news',
      'search-freedom',
      'rice-price',
      'forbidden-word',
      'usb-stick',
      'device-record',
    ]);
    expect(v.tour.every((s: { done: boolean }) => !s.done)).toBe(true);
    expect((await c.post('/api/browse', { address: 'bbc.com' })).status).toBeLessThan(500);
    expect((await c.post('/api/media/search', { q: 'freedom' })).status).toBe(200);
    v = (await c.get('/api/kiosk/visits/current')).json;
    const done = Object.fromEntries(v.tour.map((s: { id: string; done: boolean }) => [s.id, s.done]));
    expect(done).toMatchObject({ 'foreign-news': true, 'search-freedom': true, 'rice-price': false });
    const row = (id: string) => v.comparison.find((r: { id: string }) => r.id === id);
    expect(row('address').count).toBe(1);
    expect(row('search').count).toBeGreaterThanOrEqual(1);
    expect(row('post').count).toBe(0);
    expect(row('address').closed).toMatch(/no route out/i);
    expect(v.records).toBeGreaterThan(2);
    expect(v.endingPlacardId).toBe('everything-recorded');
  });

  it('gives a citizen its own tour of five stops', async () => {
    const { c } = await visit('citizen');
    const v = (await c.get('/api/kiosk/visits/current')).json;
    expect(v.tour).toHaveLength(5);
    expect(v.tour[0]).toMatchObject({ id: 'no-access', path: '/denied' });
  });

  it('is wiped at its end: the session, user, login, trail, posts and files go, and the cookie stops working', async () => {
    const { c, me } = await visit('academic');
    await c.post(`/api/boards/${BOARD}/threads`, { title: 'Before the wipe', body: 'x' });
    await c.post('/api/media/search', { q: 'freedom' });
    const socket = await connectSocket(srv.url, c.cookie);
    const ended = new Promise((resolve) => socket.once('session:ended', resolve));
    const old = c.cookie;
    const res = await c.request('DELETE', '/api/kiosk/visits/current');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/cis_token=;/);
    await ended;
    socket.close();
    expect(store().sessions.get(me.sessionId)).toBeUndefined();
    expect(store().users.list(me.sessionId)).toEqual([]);
    expect(store().trail.query({ sessionId: me.sessionId, limit: 10 })).toEqual([]);
    const files = await readdir(join(srv.dataDir, 'sessions')).catch(() => [] as string[]);
    expect(files.some((f) => f.includes(me.sessionId))).toBe(false);
    const stale = new Client(srv.url);
    stale.cookie = old;
    expect((await stale.get('/api/me')).status).toBe(401);
    // Ending again, or with no visit at all, is answered the same.
    expect((await c.request('DELETE', '/api/kiosk/visits/current')).status).toBe(204);
  });

  it('"live another life" wipes the visit it replaces', async () => {
    const { c, me } = await visit('elite');
    await c.post(`/api/boards/${BOARD}/threads`, { title: 'First life', body: 'x' });
    const next = await visit('foreigner', 'en', c);
    expect(next.me.sessionId).not.toBe(me.sessionId);
    expect(next.me.home).toBe('foreign');
    expect(store().sessions.get(me.sessionId)).toBeUndefined();
  });

  it('refuses bad input with a clear error and starts nothing', async () => {
    const before = store().sessions.list().length;
    const c = new Client(srv.url);
    const cases: [unknown, number, string][] = [
      [{ persona: 'nobody', locale: 'en' }, 404, 'no_persona'],
      [{ persona: 'facilitator', locale: 'en' }, 404, 'no_persona'],
      [{ persona: 'censor', locale: 'en' }, 404, 'no_persona'],
      [{ persona: 'elite', locale: 'fr' }, 400, 'invalid_input'],
      [{ persona: 'elite' }, 400, 'invalid_input'],
      [{ persona: 'elite', locale: 'en', extra: true }, 400, 'invalid_input'],
      [{ persona: '<script>', locale: 'en' }, 400, 'invalid_input'],
      [[], 400, 'invalid_input'],
    ];
    for (const [body, status, code] of cases) {
      const res = await c.post('/api/kiosk/visits', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error.code).toBe(code);
    }
    expect(
      (await c.post('/api/kiosk/visits', { persona: 'elite', locale: 'en' }, { origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(store().sessions.list().length).toBe(before);
    expect((await c.get('/api/kiosk/visits/current')).status).toBe(401);
  });

  it('a demo persona outside any visit has no visit to read', async () => {
    const c = new Client(srv.url);
    await c.post('/api/auth/login', { username: 'elite', password: 'demo' });
    expect((await c.get('/api/kiosk/visits/current')).json.error.code).toBe('no_visit');
    // and ending "its visit" does not touch the demo session
    expect((await c.request('DELETE', '/api/kiosk/visits/current')).status).toBe(204);
    expect(store().sessions.defaultSession()).toBeDefined();
  });
});

describe('the operator', () => {
  it('needs the PIN for the settings; a wrong one is refused', async () => {
    const c = new Client(srv.url);
    expect((await c.get('/api/kiosk/settings')).json.error.code).toBe('operator_required');
    expect((await c.request('PATCH', '/api/kiosk/settings', { tour: false })).status).toBe(401);
    expect((await c.post('/api/kiosk/reset', {})).status).toBe(401);
    const wrong = await c.post('/api/kiosk/operator', { pin: '000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('wrong_pin');
    expect((await c.get('/api/kiosk/settings')).status).toBe(401);
  });

  it('changes the settings, which the next visit follows', async () => {
    const op = new Client(srv.url);
    const ok = await op.post('/api/kiosk/operator', { pin: PIN });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.idleSeconds).toBe(40);
    for (const body of [
      { countdownSeconds: 10 },
      { idleSeconds: 5 },
      { locale: 'de' },
      {},
      { tour: 'no' },
      { pin: PIN },
    ]) {
      const res = await op.request('PATCH', '/api/kiosk/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const set = await op.request('PATCH', '/api/kiosk/settings', { locale: 'ko', countdownSeconds: 20, tour: false });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toEqual({ locale: 'ko', idleSeconds: 40, countdownSeconds: 20, tour: false, cast: false });
    expect((await new Client(srv.url).get('/api/session')).json.kiosk.settings.locale).toBe('ko');
    const { c } = await visit('elite');
    expect((await c.get('/api/kiosk/visits/current')).json.tour).toEqual([]);
    const cast = await op.request('PATCH', '/api/kiosk/settings', {
      cast: true,
      tour: true,
      locale: 'en',
      countdownSeconds: 25,
    });
    expect(cast.json.cast).toBe(true);
    const withCast = await visit('elite');
    expect(store().sessions.get(withCast.me.sessionId)?.cast).toMatchObject({ bureau: true, guide: true });
    expect((await op.request('DELETE', '/api/kiosk/operator')).status).toBe(204);
    expect((await op.get('/api/kiosk/settings')).status).toBe(401);
  });

  it('resets every visit at once', async () => {
    const a = await visit('elite');
    const b = await visit('citizen');
    const op = new Client(srv.url);
    await op.post('/api/kiosk/operator', { pin: PIN });
    const res = await op.post('/api/kiosk/reset', {});
    expect(res.status, res.text).toBe(200);
    expect(res.json.removed).toBeGreaterThanOrEqual(2);
    expect(
      store()
        .sessions.list()
        .filter((s) => s.kiosk),
    ).toEqual([]);
    expect((await a.c.get('/api/me')).status).toBe(401);
    expect((await b.c.get('/api/me')).status).toBe(401);
    expect(store().sessions.defaultSession()).toBeDefined();
  });

  it('locks out guessing after ten wrong PINs', async () => {
    const c = new Client(srv.url);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await c.post('/api/kiosk/operator', { pin: String(1000 + i) })).status;
    expect(last).toBe(429);
  });
});

describe("the cast of a visit speaks the visitor's language", () => {
  it("the bureau rejects a Korean visitor's post about the price of rice with its Korean reason, an English one with the English", async () => {
    const clock = new FakeClock(Date.now());
    const cast = await startServer(
      {},
      { KIOSK: '1', KIOSK_PIN: PIN, CAST: 'on' },
      { castClock: clock, castRandom: () => 0 },
    );
    try {
      const reasonFor = async (locale: string, title: string, body: string) => {
        const c = new Client(cast.url);
        expect((await c.post('/api/kiosk/visits', { persona: 'elite', locale })).status).toBe(201);
        const posted = await c.post(`/api/boards/${BOARD}/threads`, { title, body });
        expect(posted.status, posted.text).toBe(201);
        await cast.built.cast.settled();
        await clock.advance(9_000); // a visit's bureau takes 3–8 s
        await cast.built.cast.settled();
        const thread = (await c.get(`/api/threads/${posted.json.id}`)).json.thread;
        expect(thread.status).toBe('rejected');
        return thread.reason as string;
      };
      expect(await reasonFor('ko', '쌀값 문의', '장마당 쌀값이 또 올랐습니다.')).toMatch(/^공급에 관한 불만/);
      expect(await reasonFor('en', 'A question', 'The market price of rice went up again.')).toMatch(/^[A-Z][a-z]/);
    } finally {
      await cast.stop();
    }
  });
});

describe('the settings file', () => {
  it('keeps what the operator changed across a restart', async () => {
    const first = await startServer({}, { KIOSK: '1', KIOSK_PIN: PIN });
    const op = new Client(first.url);
    await op.post('/api/kiosk/operator', { pin: PIN });
    expect((await op.request('PATCH', '/api/kiosk/settings', { idleSeconds: 120, cast: true })).status).toBe(200);
    await first.stop({ keepData: true });
    const second = await startServer({ dataDir: first.dataDir }, { KIOSK: '1', KIOSK_PIN: PIN });
    try {
      const info = (await new Client(second.url).get('/api/session')).json.kiosk;
      expect(info.settings).toMatchObject({ idleSeconds: 120, cast: true, countdownSeconds: 30 });
    } finally {
      await second.stop();
    }
  });
});

describe('visits nobody ended', () => {
  it("are swept once their login is gone, or past a visit's life", async () => {
    const { me } = await visit('elite');
    const deps = {
      sessions: store().sessions,
      storage: store().sessionStorage,
      bus: srv.built.sessions.bus,
      logins: store().logins,
    };
    expect(await sweepVisits(deps, new Date())).toBe(0);
    const later = new Date(Date.now() + (VISIT_TTL_SECONDS + 5) * 1000);
    expect(await sweepVisits(deps, later)).toBeGreaterThanOrEqual(1);
    expect(store().sessions.get(me.sessionId)).toBeUndefined();
  });
});

describe('without KIOSK=1', () => {
  it('has no kiosk: every kiosk route is 404 kiosk_off and /api/session carries none', async () => {
    const plain = await startServer();
    try {
      const c = new Client(plain.url);
      expect((await c.get('/api/session')).json.kiosk).toBeUndefined();
      for (const [method, path] of [
        ['POST', '/api/kiosk/visits'],
        ['GET', '/api/kiosk/visits/current'],
        ['DELETE', '/api/kiosk/visits/current'],
        ['POST', '/api/kiosk/operator'],
        ['PATCH', '/api/kiosk/settings'],
      ] as const) {
        const res = await c.request(
          method,
          path,
          method === 'GET' || method === 'DELETE' ? undefined : { persona: 'elite', locale: 'en' },
        );
        expect(res.status, path).toBe(404);
        expect(res.json.error.code).toBe('kiosk_off');
      }
    } finally {
      await plain.stop();
    }
  });
});

describe('the kiosk configuration', () => {
  it('needs a PIN in production and a countdown of at least 20 s', () => {
    expect(() => loadConfig({ KIOSK: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ KIOSK: '1', NODE_ENV: 'production', KIOSK_PIN: '12ab' })).toThrow(/4 to 12 digits/);
    expect(loadConfig({ KIOSK: '1', NODE_ENV: 'production', KIOSK_PIN: '2468' }).kiosk).toEqual({
      enabled: true,
      idleSeconds: 90,
      countdownSeconds: 30,
      pin: '2468',
    });
    expect(() => loadConfig({ KIOSK_COUNTDOWN_SECONDS: '10' })).toThrow(/at least 20 s/);
    expect(() => loadConfig({ KIOSK_IDLE_SECONDS: 'soon' })).toThrow(ConfigError);
    expect(loadConfig({}).kiosk.enabled).toBe(false);
  });
});
