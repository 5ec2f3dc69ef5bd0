/**
 * `GET /api/session`: always 200, `{ me: null }` logged out, the user logged in;
 * `GET /api/me` keeps its 401 contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/session', () => {
  it('answers 200 with me: null when logged out, while /api/me stays 401', async () => {
    const anonymous = new Client(server.url);
    const res = await anonymous.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json).toEqual({ me: null });
    expect((await anonymous.get('/api/me')).status).toBe(401);
  });

  it('answers the logged-in user, the same as /api/me', async () => {
    const elite = await loginAs(server.url, 'elite');
    const res = await elite.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.json.me).toMatchObject({ username: 'elite', role: 'elite', home: 'portal' });
    expect(res.json.me).toEqual((await elite.get('/api/me')).json);
  });

  it('answers me: null again after logout, and for a forged cookie', async () => {
    const censor = await loginAs(server.url, 'censor');
    expect((await censor.get('/api/session')).json.me.username).toBe('censor');
    await censor.post('/api/auth/logout');
    expect((await censor.get('/api/session')).json).toEqual({ me: null });

    const forged = new Client(server.url);
    forged.cookie = 'cis_token=not-a-token';
    const res = await forged.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ me: null });
  });

  it('refuses other methods', async () => {
    const res = await new Client(server.url).post('/api/session', {});
    expect(res.status).toBe(405);
  });
});
