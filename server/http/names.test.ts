/**
 * People by name, in the reader's language (issue 15): each trail event carries the display name of
 * the person it is about as it was recorded (a persona's, a seat's, a cast member's), and chat
 * history names the sender; both read in the reader's language while the name is the pack's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connectSocket, loginAs, startServer, type TestServer } from '../test/harness';

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

describe('names in chat history', () => {
  it("a persona's name reads in the reader's language", async () => {
    const elite = await loginAs(srv.url, 'elite');
    const s = await connectSocket(srv.url, elite.cookie);
    try {
      await s.emitWithAck('chat:join', { roomId: 'general' });
      const ack = (await s.emitWithAck('chat:send', {
        clientId: 'names-1',
        roomId: 'general',
        text: 'Good morning',
      } as never)) as { ok: boolean };
      expect(ack.ok).toBe(true);
    } finally {
      s.close();
    }
    const history = async (lang: string) =>
      (await elite.request('GET', '/api/chat/rooms/general/messages?limit=5', undefined, { 'accept-language': lang }))
        .json.messages as { fromName: string; text: string }[];
    expect((await history('en')).find((m) => m.text === 'Good morning')?.fromName).toBe('Ri Chol-jin');
    expect((await history('ko')).find((m) => m.text === 'Good morning')?.fromName).toBe('리철진');
  });
});
