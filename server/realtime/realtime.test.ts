import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../protocol/api';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { loginAs, startServer, type TestServer } from '../test/harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let srv: TestServer;
const open: ClientSocket[] = [];

beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  open.forEach((s) => s.disconnect());
  await srv.stop();
});

function socket(cookie: string | undefined, origin?: string): ClientSocket {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  const s: ClientSocket = connect(srv.url, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  open.push(s);
  return s;
}

function outcome(s: ClientSocket): Promise<'connected' | string> {
  return new Promise((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err) => resolve(err.message));
  });
}

describe('socket handshake', () => {
  it('refuses a socket without a token', async () => {
    expect(await outcome(socket(undefined))).toBe('unauthenticated');
  });
  it('refuses a socket with a forged token', async () => {
    expect(await outcome(socket('cis_token=abc.def.ghi'))).toBe('unauthenticated');
  });
  it('refuses a browser socket from another origin', async () => {
    const elite = await loginAs(srv.url, 'elite');
    expect(await outcome(socket(elite.cookie, 'http://evil.example'))).not.toBe('connected');
  });
  it('accepts a logged-in socket from its own origin', async () => {
    const elite = await loginAs(srv.url, 'elite');
    const s = socket(elite.cookie, srv.url);
    expect(await outcome(s)).toBe('connected');
    const reply = await s.emitWithAck('sys:ping');
    expect(reply.ok).toBe(true);
  });
});

describe('live trail', () => {
  it('pushes new trail events to the censor and not to an elite', async () => {
    const censor = await loginAs(srv.url, 'censor');
    const elite = await loginAs(srv.url, 'elite');
    const cs = socket(censor.cookie);
    const es = socket(elite.cookie);
    await Promise.all([outcome(cs), outcome(es)]);
    const eliteGot: TrailEvent[] = [];
    es.on('trail:event', (e) => eliteGot.push(e));
    const seen = new Promise<TrailEvent>((resolve) =>
      cs.on('trail:event', (e) => {
        if (e.kind === 'blocked_address') resolve(e);
      }),
    );
    await elite.post('/api/browse', { address: 'news.example.com' });
    const event = await seen;
    expect(event).toMatchObject({ username: 'elite', role: 'elite', detail: { address: 'news.example.com' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(eliteGot).toEqual([]);
  });
});
