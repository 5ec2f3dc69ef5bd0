/**
 * The mode switch over the wire: `POST /api/sessions/:id/mode` for a class session's running round
 * (live on the students' sockets, 409 without a round, 403 for students, 404 for another
 * facilitator's session, bad bodies refused) and for the demo session; `GET /api/me` carrying the
 * mode; the trail holding both rounds with their modes; and the leaving-the-sandbox page, which
 * never makes an outbound connection or a DNS lookup.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateSessionResponse, SessionDetail, TrailEvent } from '../protocol/api';
import type { SessionChanged } from '../protocol/events';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

let srv: TestServer;
let fac: Client;

beforeAll(async () => {
  srv = await startServer({}, { JOINS_PER_10S: '1000' });
  fac = await loginAs(srv.url, 'facilitator');
});
afterAll(async () => {
  await srv.stop();
});
afterEach(async () => {
  vi.restoreAllMocks();
  // The demo session is shared by every test of this file: leave it closed.
  await srv.built.store.sessions.setMode('demo', 'closed');
});

async function create(name = 'Class 9b'): Promise<CreateSessionResponse> {
  const res = await fac.post('/api/sessions', { name });
  expect(res.status, res.text).toBe(201);
  return res.json as CreateSessionResponse;
}

async function joinAs(code: string, name: string): Promise<Client & { playerId: string }> {
  const c = new Client(srv.url) as Client & { playerId: string };
  const res = await c.post('/api/sessions/join', { code, name });
  expect(res.status, res.text).toBe(200);
  c.playerId = res.json.player.id;
  return c;
}

/** A session with one student of `role` and a round running in `mode`. */
async function classWith(role: string, mode: 'closed' | 'open' = 'closed') {
  const s = await create();
  const st = await joinAs(s.code, 'Min-ji');
  const roles = await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role }] });
  expect(roles.status, roles.text).toBe(200);
  const round = await fac.post(`/api/sessions/${s.id}/rounds`, { mode });
  expect(round.status, round.text).toBe(200);
  return { s, st };
}

/** Resolves with the first push of `event` that `match` accepts. */
function next<T>(sock: TestSocket, event: 'session:changed' | 'session:state', match: (v: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const on = (v: T) => {
      if (!match(v)) return;
      sock.off(event, on as never);
      resolve(v);
    };
    sock.on(event, on as never);
  });
}

const trailOf = async (id: string): Promise<TrailEvent[]> => {
  const res = await fac.get(`/api/sessions/${id}/trail?limit=200`);
  expect(res.status).toBe(200);
  return (res.json.events as TrailEvent[]).slice().reverse(); // oldest first
};

describe('switching a class session’s running round', () => {
  it('switches a live class from closed to open and back: the round keeps its number, screens follow live', async () => {
    const { s, st } = await classWith('citizen');
    const before = (await st.get('/api/me')).json;
    expect(before).toMatchObject({ mode: 'closed', home: 'denied', capabilities: ['media.receive'] });
    expect((await st.get('/api/sites')).status).toBe(403);

    const sock = await connectSocket(srv.url, st.cookie);
    const changed = next<SessionChanged>(sock, 'session:changed', (c) => c.mode === 'open');
    const state = next<{ round: { mode: string } | null }>(sock, 'session:state', (v) => v.round?.mode === 'open');
    const res = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(res.status, res.text).toBe(200);
    const d = res.json as SessionDetail;
    expect(d.id).toBe(s.id);
    expect(d.round).toMatchObject({ number: 1, mode: 'open' });
    expect(d.players.map((p) => p.role)).toEqual(['citizen']);
    expect(await changed).toMatchObject({ change: 'mode', mode: 'open', role: 'citizen' });
    expect(await state).toMatchObject({ round: { number: 1, mode: 'open' } });
    expect(sock.connected).toBe(true); // no reload: the same socket carries on

    const me = (await st.get('/api/me')).json;
    expect(me).toMatchObject({ mode: 'open', role: 'citizen', home: 'portal' });
    expect(me.capabilities).toEqual(['network.domestic', 'media.read', 'boards.read', 'boards.post', 'chat.use']);
    expect(me.seat.round).toMatchObject({ number: 1, mode: 'open' });
    expect((await st.get('/api/sites')).json.sites.map((x: { id: string }) => x.id)).toContain('commons');
    expect(srv.built.store.sessions.get(s.id)).toMatchObject({ mode: 'open', class: { rounds: 1 } });

    const back = next<SessionChanged>(sock, 'session:changed', (c) => c.mode === 'closed');
    const closed = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'closed' });
    expect(closed.json.round).toMatchObject({ number: 1, mode: 'closed' });
    expect(await back).toMatchObject({ mode: 'closed' });
    expect((await st.get('/api/me')).json).toMatchObject({ mode: 'closed', home: 'denied' });
    expect((await st.get('/api/sites')).status).toBe(403);

    const switches = (await trailOf(s.id)).filter((e) => e.kind === 'session_mode_changed');
    expect(switches.map((e) => [e.detail.from, e.detail.to, e.mode, e.round, e.username])).toEqual([
      ['closed', 'open', 'open', 1, 'facilitator'],
      ['open', 'closed', 'closed', 1, 'facilitator'],
    ]);
    sock.disconnect();
  });

  it('switching to the mode it already has changes and records nothing', async () => {
    const { s } = await classWith('elite', 'open');
    const count = (await trailOf(s.id)).length;
    const res = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(res.status).toBe(200);
    expect(res.json.round).toMatchObject({ number: 1, mode: 'open' });
    expect((await trailOf(s.id)).length).toBe(count);
  });

  it('answers 409 no_round when no round runs, and changes nothing', async () => {
    const s = await create();
    const st = await joinAs(s.code, 'Ana');
    const res = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('no_round');
    expect(srv.built.store.sessions.get(s.id)?.mode).toBe('closed');
    expect((await st.get('/api/me')).json.mode).toBe('closed');
    expect((await trailOf(s.id)).map((e) => e.kind)).not.toContain('session_mode_changed');
    // after a round ended, too
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    await fac.post(`/api/sessions/${s.id}/rounds/end`, {});
    expect((await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' })).json.error.code).toBe('no_round');
  });

  it('answers 409 ended for an ended session, as the other controls', async () => {
    const { s } = await classWith('elite');
    await fac.post(`/api/sessions/${s.id}/end`, {});
    const res = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('ended');
  });

  it('works while the session is paused (the pause stops students, not the facilitator)', async () => {
    const { s } = await classWith('elite');
    await fac.post(`/api/sessions/${s.id}/pause`, { paused: true });
    const res = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ paused: true, round: { mode: 'open' } });
  });

  it('refuses students and other roles (403), and answers another facilitator’s session as missing (404)', async () => {
    const { s, st } = await classWith('censor');
    const refused = await st.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.post(`/api/sessions/${s.id}/mode`, { mode: 'open' })).status).toBe(403);
    expect((await elite.post('/api/sessions/demo/mode', { mode: 'open' })).status).toBe(403);
    expect(srv.built.store.sessions.get('demo')?.mode).toBe('closed');

    const other = srv.built.store.sessions.get(s.id)!;
    const owner = other.class!.ownerId;
    await srv.built.store.sessions.update(s.id, { class: { ...other.class!, ownerId: 'someone-else' } });
    const missing = await fac.post(`/api/sessions/${s.id}/mode`, { mode: 'open' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    await srv.built.store.sessions.update(s.id, { class: { ...other.class!, ownerId: owner } });

    expect(srv.built.store.sessions.get(s.id)?.mode).toBe('closed');
    expect((await trailOf(s.id)).map((e) => e.kind)).not.toContain('session_mode_changed');
    const unknown = await fac.post('/api/sessions/c-00000000-0000-0000-0000-000000000000/mode', { mode: 'open' });
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['no mode', {}],
    ['an unknown mode', { mode: 'free' }],
    ['a wrong type', { mode: true }],
    ['an extra field', { mode: 'open', round: 2 }],
    ['not an object', ['open']],
  ])('refuses %s (400) and changes nothing', async (_name, body) => {
    const { s } = await classWith('elite');
    const count = (await trailOf(s.id)).length;
    const res = await fac.post(`/api/sessions/${s.id}/mode`, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.text).not.toMatch(/at .*\.ts/);
    expect(srv.built.store.sessions.get(s.id)).toMatchObject({ mode: 'closed', class: { round: { mode: 'closed' } } });
    expect((await trailOf(s.id)).length).toBe(count);
    const demo = await fac.post('/api/sessions/demo/mode', body);
    expect(demo.status).toBe(400);
    expect(srv.built.store.sessions.get('demo')?.mode).toBe('closed');
  });
});

describe('switching the demo session', () => {
  it('the facilitator switches the demo session; GET /api/me carries the mode for every persona', async () => {
    const citizen = await loginAs(srv.url, 'citizen');
    const foreigner = await loginAs(srv.url, 'foreigner');
    expect((await citizen.get('/api/me')).json).toMatchObject({ mode: 'closed', home: 'denied' });
    expect((await fac.get('/api/me')).json.mode).toBe('closed');
    const sock = await connectSocket(srv.url, citizen.cookie);
    const changed = next<SessionChanged>(sock, 'session:changed', (c) => c.mode === 'open');

    const res = await fac.post('/api/sessions/demo/mode', { mode: 'open' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ id: 'demo', mode: 'open' });
    expect(await changed).toMatchObject({ change: 'mode', mode: 'open', role: 'citizen' });
    expect((await citizen.get('/api/me')).json).toMatchObject({ mode: 'open', home: 'portal' });
    expect((await foreigner.get('/api/me')).json).toMatchObject({ mode: 'open', home: 'portal' });
    expect((await fac.get('/api/me')).json.mode).toBe('open');
    // The foreigners' wall has fallen: one directory with both networks' sites.
    const sites = (await foreigner.get('/api/sites')).json.sites.map((x: { id: string }) => x.id);
    expect(sites).toEqual(expect.arrayContaining(['portal', 'news-agency', 'visitor', 'hotel', 'commons']));

    const events = srv.built.store.trail.query({ sessionId: 'demo', kind: 'session_mode_changed', limit: 1 });
    expect(events[0]).toMatchObject({ detail: { from: 'closed', to: 'open' }, mode: 'open', username: 'facilitator' });
    expect(events[0]).not.toHaveProperty('round');

    const back = await fac.post('/api/sessions/demo/mode', { mode: 'closed' });
    expect(back.json).toEqual({ id: 'demo', mode: 'closed' });
    expect((await citizen.get('/api/me')).json.mode).toBe('closed');
    expect((await foreigner.get('/api/sites')).json.sites.map((x: { id: string }) => x.id)).not.toContain('commons');
    sock.disconnect();
  });

  it('answers another non-class session id as missing', async () => {
    const res = await fac.post('/api/sessions/elsewhere/mode', { mode: 'open' });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('the trail holds both rounds with their modes', () => {
  it('tags every event with its round and mode; events outside a round carry the mode and no round', async () => {
    const { s, st } = await classWith('elite', 'closed');
    expect((await st.post('/api/browse', { address: 'news.intra' })).json.reachable).toBe(true);
    expect((await st.post('/api/browse', { address: 'example.com' })).json).not.toHaveProperty('leaving');
    await fac.post(`/api/sessions/${s.id}/rounds/end`, {});
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'open' });
    expect((await st.post('/api/browse', { address: 'hotel.guest' })).json.reachable).toBe(true);
    expect((await st.post('/api/browse', { address: 'example.com' })).json).toMatchObject({ leaving: true });

    const trail = await trailOf(s.id);
    expect(trail.every((e) => e.mode === 'closed' || e.mode === 'open')).toBe(true);
    const tag = (kind: string) => trail.filter((e) => e.kind === kind).map((e) => [e.round ?? null, e.mode]);
    expect(tag('session_created')).toEqual([[null, 'closed']]);
    expect(tag('seat_joined')).toEqual([[null, 'closed']]);
    expect(tag('round_started')).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(tag('page_view')).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(tag('blocked_address')).toEqual([[1, 'closed']]);
    expect(tag('link_out')).toEqual([[2, 'open']]);
    expect(tag('round_ended')).toEqual([[null, 'closed']]);
    expect(trail.find((e) => e.kind === 'link_out')?.detail).toEqual({ address: 'example.com' });
    // The trail as stored on disk carries the same tags.
    const stored = srv.built.store.trail.query({ sessionId: s.id, kind: 'link_out', limit: 5 });
    expect(stored[0]).toMatchObject({ round: 2, mode: 'open' });
  });
});

const realConnect = net.Socket.prototype.connect;

type Watched = { connects: string[]; lookups: number; requests: number; fetches: string[] };

/** Watches the process's network layer: every socket connect, DNS lookup, http(s) request and fetch. */
function watchNetwork(): Watched {
  const seen: Watched = { connects: [], lookups: 0, requests: 0, fetches: [] };
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const target =
      typeof first === 'object' && first !== null
        ? String((first as { host?: string; path?: string }).host ?? (first as { path?: string }).path ?? 'localhost')
        : String(args[1] ?? 'localhost');
    seen.connects.push(target);
    return realConnect.apply(this, args as never);
  } as never);
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'] as const)
    vi.spyOn(dns, name).mockImplementation((() => {
      seen.lookups += 1;
      throw new Error('no DNS in this test');
    }) as never);
  vi.spyOn(dns.promises, 'lookup').mockImplementation((() => {
    seen.lookups += 1;
    return Promise.reject(new Error('no DNS in this test'));
  }) as never);
  for (const mod of [http, https])
    for (const name of ['request', 'get'] as const)
      vi.spyOn(mod, name).mockImplementation((() => {
        seen.requests += 1;
        throw new Error('no outbound request in this test');
      }) as never);
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    seen.fetches.push(input instanceof Request ? input.url : String(input));
    return realFetch(input, init);
  });
  return seen;
}
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

describe('the leaving-the-sandbox page never goes outside', () => {
  it('watching the network layer catches a connection and a lookup (the watch works)', async () => {
    const seen = watchNetwork();
    const port = Number(new URL(srv.url).port);
    await new Promise<void>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.end();
        resolve();
      });
    });
    expect(seen.connects).toEqual(['127.0.0.1']);
    expect(() => dns.lookup('example.com', () => undefined)).toThrow();
    expect(seen.lookups).toBe(1);
  });

  it.each(['https://example.com/news', 'http://93.184.215.14/', 'news.example.org:8443/a?b=c'])(
    'open mode: %s answers the leaving page naming it, with no outbound connection and no DNS lookup',
    async (address) => {
      await fac.post('/api/sessions/demo/mode', { mode: 'open' });
      const citizen = await loginAs(srv.url, 'citizen');
      const seen = watchNetwork();
      const res = await citizen.post('/api/browse', { address });
      const placards = await citizen.get('/api/placards');
      expect(res.status, res.text).toBe(200);
      expect(res.json).toEqual({ reachable: false, address, leaving: true, placardId: 'leaving-sandbox' });
      expect(placards.json.placards.map((p: { id: string }) => p.id)).toContain('leaving-sandbox');
      // Give anything the server might have started in the background a moment to show itself.
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.lookups).toBe(0);
      expect(seen.requests).toBe(0);
      expect(seen.connects.filter((host) => !LOOPBACK.test(host))).toEqual([]);
      expect(seen.fetches).toHaveLength(2); // the test's own two requests, to this server
      expect(seen.fetches.every((url) => url.startsWith(`${srv.url}/`))).toBe(true);
      const link = srv.built.store.trail.query({ sessionId: 'demo', kind: 'link_out', limit: 1 })[0];
      expect(link).toMatchObject({ username: 'citizen', detail: { address }, mode: 'open' });
    },
  );
});
