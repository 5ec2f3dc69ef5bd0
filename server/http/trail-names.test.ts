/**
 * The trail speaks of people (issue 15): each event carries the display name of the person it is
 * about as it was recorded — a persona's, a student's seat's, a cast member's — read in the
 * reader's language while it is the pack's.
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

describe('names in the trail', () => {
  it('each event names its person; a Korean reader reads the Korean name', async () => {
    const elite = await loginAs(srv.url, 'elite');
    await elite.post('/api/media/search', { q: 'grain' });
    const censor = await loginAs(srv.url, 'censor');
    const events = (await censor.get('/api/trail?user=elite&limit=10')).json.events as {
      kind: string;
      name?: string;
    }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.name === 'Ri Chol-jin')).toBe(true);
    const korean = await censor.request('GET', '/api/trail?user=elite&limit=10', undefined, {
      'accept-language': 'ko',
    });
    expect(korean.json.events[0].name).toBe('리철진');
  });

  it('an attempt by nobody carries no name', async () => {
    await new Client(srv.url).post('/api/auth/login', { username: 'nobody', password: 'wrong-password' });
    const censor = await loginAs(srv.url, 'censor');
    const failed = (await censor.get('/api/trail?kind=login_failed&limit=5')).json.events;
    expect(failed[0].username).toBeNull();
    expect(failed[0].name).toBeUndefined();
  });
});
