/**
 * The language of a login: chosen at login or with `PATCH /api/me {locale}`, carried by
 * `GET /api/me` and `/api/session`, per browser (another login of the same persona keeps its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.stop();
});

describe('the language of a login', () => {
  it('is English until chosen, then kept for that login only', async () => {
    const a = await loginAs(srv.url, 'elite');
    const b = await loginAs(srv.url, 'elite');
    expect((await a.get('/api/me')).json.locale).toBe('en');
    const set = await a.request('PATCH', '/api/me', { locale: 'ko' });
    expect(set.status, set.text).toBe(200);
    expect(set.json.locale).toBe('ko');
    expect((await a.get('/api/me')).json.locale).toBe('ko');
    expect((await a.get('/api/session')).json.me.locale).toBe('ko');
    expect((await b.get('/api/me')).json.locale).toBe('en');
  });

  it('can be chosen at login', async () => {
    const c = new Client(srv.url);
    const res = await c.post('/api/auth/login', { username: 'scientist', password: 'demo', locale: 'ko' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.locale).toBe('ko');
    expect((await c.get('/api/me')).json.locale).toBe('ko');
  });

  it('refuses a language it does not speak, and a logged-out caller', async () => {
    const a = await loginAs(srv.url, 'elite');
    for (const body of [{ locale: 'fr' }, { locale: 'KO' }, {}, { locale: 'ko', extra: 1 }, { locale: null }]) {
      const res = await a.request('PATCH', '/api/me', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await a.get('/api/me')).json.locale).toBe('en');
    expect((await new Client(srv.url).request('PATCH', '/api/me', { locale: 'ko' })).status).toBe(401);
    const bad = await new Client(srv.url).post('/api/auth/login', {
      username: 'elite',
      password: 'demo',
      locale: 'xx',
    });
    expect(bad.status).toBe(400);
  });
});
