/**
 * Pushes read in their reader's language (issue 15), as the matching HTTP read does: a chat message
 * names its sender, a trail event its person, in each reader's language while the name is the
 * pack's, whoever sent it and in whatever language; a login that switches language gets its
 * pushes in the new one from then on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, TrailEvent } from '../protocol/api';
import type { ChatJoinAck, ChatSendAck } from '../protocol/events';
import { connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

let srv: TestServer;
const open: TestSocket[] = [];
beforeAll(async () => {
  srv = await startServer({ chatPerTenSeconds: 1000, chatJoinsPerTenSeconds: 1000 });
});
afterAll(async () => {
  await srv.stop();
});
afterEach(() => {
  open.splice(0).forEach((s) => s.disconnect());
});

/** Logs `role` in, sets its login's language, and opens its socket. */
async function reader(role: 'elite' | 'scientist' | 'censor', locale: 'en' | 'ko') {
  const client = await loginAs(srv.url, role);
  expect((await client.request('PATCH', '/api/me', { locale })).status).toBe(200);
  const socket = await connectSocket(srv.url, client.cookie);
  open.push(socket);
  return { client, socket };
}

const join = (s: TestSocket, roomId: string) => s.emitWithAck('chat:join', { roomId }) as Promise<ChatJoinAck>;
let n = 0;
const send = (s: TestSocket, roomId: string, text: string) =>
  s.emitWithAck('chat:send', { clientId: `locale-${++n}`, roomId, text }) as Promise<ChatSendAck>;
/** The next `event` push on `s` that passes `test`. */
function next<T>(s: TestSocket, event: 'chat:message' | 'trail:event', test: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} push`)), 3000);
    const on = (value: T) => {
      if (!test(value)) return;
      clearTimeout(timer);
      s.off(event, on as never);
      resolve(value);
    };
    s.on(event, on as never);
  });
}

describe('pushes in the reader’s language', () => {
  it('a chat message names its sender in each reader’s language, whoever sent it', async () => {
    const elite = await reader('elite', 'ko'); // the sender reads Korean
    const scientist = await reader('scientist', 'en'); // a reader in English
    expect((await join(elite.socket, 'lab')).ok).toBe(true);
    expect((await join(scientist.socket, 'lab')).ok).toBe(true);
    const text = `Samples at ${Date.now()}`;
    const toEnglish = next<ChatMessage>(scientist.socket, 'chat:message', (m) => m.text === text);
    const toKorean = next<ChatMessage>(elite.socket, 'chat:message', (m) => m.text === text);
    const ack = await send(elite.socket, 'lab', text);
    expect(ack.ok).toBe(true);
    expect((await toEnglish).fromName).toBe('Ri Chol-jin');
    expect((await toKorean).fromName).toBe('리철진');
  });

  it('a login that switches language gets its next pushes in the new one', async () => {
    const elite = await reader('elite', 'en');
    const scientist = await reader('scientist', 'en');
    expect((await join(elite.socket, 'lab')).ok).toBe(true);
    expect((await join(scientist.socket, 'lab')).ok).toBe(true);
    const before = `Before ${Date.now()}`;
    const got = next<ChatMessage>(scientist.socket, 'chat:message', (m) => m.text === before);
    await send(elite.socket, 'lab', before);
    expect((await got).fromName).toBe('Ri Chol-jin');
    // The switch, while the socket stays open.
    expect((await scientist.client.request('PATCH', '/api/me', { locale: 'ko' })).status).toBe(200);
    const after = `After ${Date.now()}`;
    const again = next<ChatMessage>(scientist.socket, 'chat:message', (m) => m.text === after);
    const own = next<ChatMessage>(elite.socket, 'chat:message', (m) => m.text === after);
    await send(elite.socket, 'lab', after);
    expect((await again).fromName).toBe('리철진');
    expect((await own).fromName).toBe('Ri Chol-jin');
  });

  it('a trail event names its person in the censor’s language', async () => {
    const korean = await reader('censor', 'ko');
    const english = await reader('censor', 'en');
    const elite = await loginAs(srv.url, 'elite');
    const q = `grain ${Date.now()}`;
    const isSearch = (e: TrailEvent) => e.kind === 'search' && e.username === 'elite' && e.detail['query'] === q;
    const toKorean = next<TrailEvent>(korean.socket, 'trail:event', isSearch);
    const toEnglish = next<TrailEvent>(english.socket, 'trail:event', isSearch);
    expect((await elite.post('/api/media/search', { q })).status).toBe(200);
    expect((await toKorean).name).toBe('리철진');
    expect((await toEnglish).name).toBe('Ri Chol-jin');
  });
});
