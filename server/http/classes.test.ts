/**
 * Class sessions over the wire: a started server, facilitators and students as cookie clients
 * and sockets. Join → lobby → role → round; isolation of two sessions; removal; reload; pause;
 * delete leaving nothing on disk; the join rate limit; facilitator isolation; the QR code.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionDetail } from '../protocol/api';
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

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

async function create(name = 'Class 9b', extra: Record<string, unknown> = {}): Promise<CreateSessionResponse> {
  const res = await fac.post('/api/sessions', { name, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.json as CreateSessionResponse;
}

async function joinAs(code: string, name: string, base = srv.url): Promise<Client & { playerId: string }> {
  const c = new Client(base) as Client & { playerId: string };
  const res = await c.post('/api/sessions/join', { code, name });
  expect(res.status, res.text).toBe(200);
  c.playerId = res.json.player.id;
  return c;
}

const detail = async (id: string): Promise<SessionDetail> => (await fac.get(`/api/sessions/${id}`)).json;

/** Records every push a socket receives. */
function listen(s: TestSocket) {
  const got: { event: string; args: unknown[] }[] = [];
  s.onAny((event: string, ...args: unknown[]) => got.push({ event, args }));
  return got;
}

describe('creating and listing', () => {
  it('creates a session with a 6-digit code and a join URL on this origin', async () => {
    const s = await create();
    expect(s.code).toMatch(/^\d{6}$/);
    expect(s.joinUrl).toBe(`${srv.url}/join/${s.code}`);
    const list = await fac.get('/api/sessions');
    expect(list.json.sessions.some((x: { id: string }) => x.id === s.id)).toBe(true);
    const d = await detail(s.id);
    expect(d).toMatchObject({ id: s.id, code: s.code, locked: false, paused: false, lateJoin: true, round: null });
    expect(d.events.map((e) => e.id)).toEqual(['evening-news', 'chat-shutdown', 'inspection', 'usb-drop']);
  });

  it('refuses students (403) and answers another facilitator’s session as missing (404)', async () => {
    const s = await create();
    const student = await joinAs(s.code, 'Ana');
    expect((await student.get('/api/sessions')).status).toBe(403);
    expect((await student.get(`/api/sessions/${s.id}`)).status).toBe(403);
    expect((await student.post(`/api/sessions/${s.id}/pause`, { paused: true })).status).toBe(403);
    expect((await student.post('/api/sessions', { name: 'Mine' })).status).toBe(403);
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.post(`/api/sessions/${s.id}/lock`, { locked: true })).status).toBe(403);
    // Another facilitator: a second facilitator's view is simulated by a session owned by someone else.
    const other = srv.built.store.sessions.get(s.id)!;
    const owner = other.class!.ownerId;
    await srv.built.store.sessions.update(s.id, { class: { ...other.class!, ownerId: 'someone-else' } });
    const res = await fac.get(`/api/sessions/${s.id}`);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect((await fac.post(`/api/sessions/${s.id}/pause`, { paused: true })).status).toBe(404);
    expect((await fac.get('/api/sessions')).json.sessions.some((x: { id: string }) => x.id === s.id)).toBe(false);
    await srv.built.store.sessions.update(s.id, { class: { ...other.class!, ownerId: owner } });
  });
});

describe('join → lobby → role → round', () => {
  it('walks a student through the whole flow, with a reload keeping the seat', async () => {
    const s = await create();
    const st = await joinAs(s.code, '  Min-ji  ');
    const me = await st.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ displayName: 'Min-ji', role: null, home: 'lobby', capabilities: [] });
    expect(me.json.seat).toMatchObject({ paused: false, ended: false, round: null, card: null });
    expect(st.cookie).toMatch(/^cis_token=/);

    const dup = await joinAs(s.code, 'min-ji');
    expect((await dup.get('/api/me')).json.displayName).toBe('min-ji 2');

    const sock = await connectSocket(srv.url, st.cookie);
    const got = listen(sock);
    const assigned = await fac.post(`/api/sessions/${s.id}/roles`, {
      assignments: [{ playerId: st.playerId, role: 'editor' }],
    });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.json.players.find((p: { id: string }) => p.id === st.playerId).role).toBe('editor');
    await settle();
    expect(got.some((g) => g.event === 'session:changed' && (g.args[0] as { role: string }).role === 'editor')).toBe(
      true,
    );
    const card = (await st.get('/api/me')).json;
    expect(card).toMatchObject({ role: 'editor', home: 'portal' });
    expect(card.seat.card).toMatchObject({ persona: 'Min-ji', role: 'editor' });
    expect(card.seat.card.may).toContain('media.publish');
    expect(card.seat.card.mayNot).toContain('trail.read');
    expect(card.seat.card.brief).toMatch(/news desk/);

    const round = await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    expect(round.status).toBe(200);
    expect(round.json.round).toMatchObject({ number: 1, mode: 'closed' });
    await settle();
    expect(got.some((g) => g.event === 'session:state' && (g.args[0] as { round: unknown }).round !== null)).toBe(true);

    // A reload: the same cookie, a new tab, the same seat.
    const again = new Client(srv.url);
    again.cookie = st.cookie;
    expect((await again.get('/api/me')).json).toEqual((await st.get('/api/me')).json);
    // Re-joining with the same cookie returns the same seat, even when locked.
    await fac.post(`/api/sessions/${s.id}/lock`, { locked: true });
    const back = await again.post('/api/sessions/join', { code: s.code, name: 'Min-ji' });
    expect(back.status).toBe(200);
    expect(back.json.player.id).toBe(st.playerId);
    sock.disconnect();
  });

  it('refuses a second round while one runs (two tabs at once)', async () => {
    const s = await create();
    const [a, b] = await Promise.all([
      fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' }),
      fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await detail(s.id)).round?.number).toBe(1);
    const ended = (await fac.post(`/api/sessions/${s.id}/rounds/end`, {})).json;
    expect(ended.round).toBeNull();
    expect(ended.roundsPlayed).toBe(1); // the console names the next one "Start round 2"
    expect((await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'open' })).json.round).toMatchObject({
      number: 2,
      mode: 'open',
    });
  });

  it('keeps hand assignments from two tabs at once', async () => {
    const s = await create();
    const x = await joinAs(s.code, 'Xu');
    const y = await joinAs(s.code, 'Yara');
    await Promise.all([
      fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: x.playerId, role: 'censor' }] }),
      fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: y.playerId, role: 'elite' }] }),
    ]);
    const roles = Object.fromEntries((await detail(s.id)).players.map((p) => [p.name, p.role]));
    expect(roles).toEqual({ Xu: 'censor', Yara: 'elite' });
  });

  it('distributes a preset and places late joiners; lateJoin off refuses them', async () => {
    const s = await create('Presets');
    for (let i = 0; i < 10; i++) await joinAs(s.code, `Student ${i}`);
    const res = await fac.post(`/api/sessions/${s.id}/roles`, { preset: 'realistic' });
    const roles = (res.json as SessionDetail).players.map((p) => p.role);
    expect(roles.filter((r) => r === 'censor')).toHaveLength(1);
    expect(roles.filter((r) => r === 'editor')).toHaveLength(1);
    expect(roles.filter((r) => r === 'citizen')).toHaveLength(6);
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    const late = await joinAs(s.code, 'Late');
    expect((await late.get('/api/me')).json.role).not.toBeNull();

    const closed = await create('No late', { lateJoin: false });
    await fac.post(`/api/sessions/${closed.id}/rounds`, { mode: 'closed' });
    const refused = await new Client(srv.url).post('/api/sessions/join', { code: closed.code, name: 'Late' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('late_join_closed');
  });

  it('answers each bad join with its own code', async () => {
    const s = await create('Small', { capacity: 1 });
    const anon = new Client(srv.url);
    const codes = async (body: unknown) => {
      const r = await anon.post('/api/sessions/join', body);
      return [r.status, r.json?.error?.code];
    };
    expect(await codes({ code: '000000', name: 'Ana' })).toEqual([404, 'bad_code']);
    expect(await codes({ code: 'abc', name: 'Ana' })).toEqual([404, 'bad_code']);
    expect(await codes({ code: s.code, name: 'A' })).toEqual([400, 'name_length']);
    expect(await codes({ code: s.code, name: 'x'.repeat(25) })).toEqual([400, 'name_length']);
    expect(await codes({ code: s.code, name: 'freedom fighter' })).toEqual([422, 'name_filtered']);
    expect(await codes({ code: s.code, name: 'Teacher' })).toEqual([422, 'name_blocked']);
    expect(await codes({ code: s.code })).toEqual([400, 'invalid_input']);
    await joinAs(s.code, 'First');
    expect(await codes({ code: s.code, name: 'Second' })).toEqual([409, 'full']);
    const l = await create('Locked');
    await fac.post(`/api/sessions/${l.id}/lock`, { locked: true });
    expect(await codes({ code: l.code, name: 'Ana' })).toEqual([403, 'locked']);
    const e = await create('Ended');
    await fac.post(`/api/sessions/${e.id}/end`, {});
    expect(await codes({ code: e.code, name: 'Ana' })).toEqual([404, 'bad_code']);
  });
});

describe('removing a student', () => {
  it('cuts the live socket at once, ends the cookie and refuses the name', async () => {
    const s = await create();
    const st = await joinAs(s.code, 'Bora');
    const sock = await connectSocket(srv.url, st.cookie);
    const ended = new Promise<{ code: string }>((resolve) => sock.once('session:ended', resolve));
    const disconnected = new Promise<void>((resolve) => sock.once('disconnect', () => resolve()));
    const res = await fac.request('DELETE', `/api/sessions/${s.id}/players/${st.playerId}`, {});
    expect(res.status).toBe(200);
    expect(res.json.players).toHaveLength(0);
    expect((await ended).code).toBe('removed');
    await disconnected;
    const me = await st.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe('removed');
    await expect(connectSocket(srv.url, st.cookie)).rejects.toThrow();
    const again = await new Client(srv.url).post('/api/sessions/join', { code: s.code, name: 'bora' });
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('removed');
    const trail = (await fac.get(`/api/sessions/${s.id}/trail`)).json.events.map((e: { kind: string }) => e.kind);
    expect(trail).toContain('seat_removed');
    expect(trail).toContain('seat_joined');
  });

  it('renames a student, keeping names unique', async () => {
    const s = await create();
    const a = await joinAs(s.code, 'Ana');
    await joinAs(s.code, 'Bo');
    const res = await fac.request('PATCH', `/api/sessions/${s.id}/players/${a.playerId}`, { name: 'Bo' });
    expect(res.status).toBe(200);
    expect((await a.get('/api/me')).json.displayName).toBe('Bo 2');
  });
});

describe('pause', () => {
  it('refuses a post, a chat send and an editor publish with the paused code; resume lets them through', async () => {
    const s = await create();
    const elite = await joinAs(s.code, 'Elena');
    const editor = await joinAs(s.code, 'Eddie');
    await fac.post(`/api/sessions/${s.id}/roles`, {
      assignments: [
        { playerId: elite.playerId, role: 'elite' },
        { playerId: editor.playerId, role: 'editor' },
      ],
    });
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    const draft = await editor.post('/api/media/articles', {
      site: 'news-agency',
      section: 'science',
      title: 'Draft',
      summary: 'Draft',
      body: 'Draft body',
    });
    expect(draft.status, draft.text).toBe(201);
    const sock = await connectSocket(srv.url, elite.cookie);
    const got = listen(sock);
    const joined = await new Promise<{ ok: boolean }>((r) => sock.emit('chat:join', { roomId: 'general' }, r));
    expect(joined.ok).toBe(true);

    const paused = await fac.post(`/api/sessions/${s.id}/pause`, { paused: true });
    expect(paused.json.paused).toBe(true);
    await settle();
    expect(got.some((g) => g.event === 'session:state' && (g.args[0] as { paused: boolean }).paused)).toBe(true);
    expect((await elite.get('/api/me')).json.seat.paused).toBe(true);

    const post = await elite.post('/api/boards/cooking-and-family/threads', { title: 'Hi', body: 'Hello' });
    expect(post.status).toBe(423);
    expect(post.json.error.code).toBe('paused');
    const publish = await editor.post(`/api/media/articles/${draft.json.id}/publish`, {});
    expect(publish.status).toBe(423);
    expect(publish.json.error.code).toBe('paused');
    const send = await new Promise<{ ok: boolean; error?: { code: string } }>((r) =>
      sock.emit('chat:send', { roomId: 'general', text: 'hello', clientId: 'c1' }, r),
    );
    expect(send).toMatchObject({ ok: false, error: { code: 'paused' } });
    // Reads still work while paused.
    expect((await elite.get('/api/boards')).status).toBe(200);

    await fac.post(`/api/sessions/${s.id}/pause`, { paused: false });
    const sent = await new Promise<{ ok: boolean }>((r) =>
      sock.emit('chat:send', { roomId: 'general', text: 'hello', clientId: 'c2' }, r),
    );
    expect(sent.ok).toBe(true);
    expect((await elite.post('/api/boards/cooking-and-family/threads', { title: 'Hi', body: 'Hello' })).status).toBe(
      201,
    );
    const trail = (await fac.get(`/api/sessions/${s.id}/trail?limit=200`)).json.events.map(
      (e: { kind: string }) => e.kind,
    );
    for (const k of ['session_paused', 'session_resumed', 'round_started', 'roles_assigned', 'seat_joined'])
      expect(trail).toContain(k);
    sock.disconnect();
  });
});

describe('two sessions side by side', () => {
  it('shares nothing: posts, messages, trail, pushes', async () => {
    const a = await create('A');
    const b = await create('B');
    const inA = await joinAs(a.code, 'Anna');
    const inB = await joinAs(b.code, 'Anna');
    for (const [s, st] of [
      [a, inA],
      [b, inB],
    ] as const) {
      await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role: 'elite' }] });
      await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    }
    const sa = await connectSocket(srv.url, inA.cookie);
    const sb = await connectSocket(srv.url, inB.cookie);
    const gotB = listen(sb);
    await new Promise((r) => sa.emit('chat:join', { roomId: 'general' }, r));
    await new Promise((r) => sb.emit('chat:join', { roomId: 'general' }, r));
    const sent = await new Promise<{ ok: boolean }>((r) =>
      sa.emit('chat:send', { roomId: 'general', text: 'only in A', clientId: 'a1' }, r),
    );
    expect(sent.ok).toBe(true);
    const post = await inA.post('/api/boards/cooking-and-family/threads', { title: 'Only A', body: 'Only in A' });
    expect(post.status).toBe(201);
    await fac.post(`/api/sessions/${a.id}/pause`, { paused: true });
    await fac.post(`/api/sessions/${a.id}/events`, { eventId: 'inspection' });
    await settle();
    expect(gotB.map((g) => JSON.stringify(g.args))).not.toContainEqual(expect.stringContaining('only in A'));
    expect(gotB.some((g) => g.event === 'session:state' || g.event === 'session:event')).toBe(false);
    expect(gotB.some((g) => g.event === 'chat:message')).toBe(false);
    // B is not paused; B's board does not show A's post; B's trail has nothing of A.
    expect((await inB.post('/api/boards/cooking-and-family/threads', { title: 'B', body: 'In B' })).status).toBe(201);
    const boardB = await inB.get('/api/boards/cooking-and-family/threads');
    expect(boardB.status).toBe(200);
    expect(boardB.text).not.toContain('Only in A');
    const trailB = (await fac.get(`/api/sessions/${b.id}/trail?limit=200`)).json.events;
    expect(trailB.every((e: { sessionId: string }) => e.sessionId === b.id)).toBe(true);
    expect(JSON.stringify(trailB)).not.toContain('only in A');
    // A's post is only in A (pending a censor there).
    expect((await detail(a.id)).counts).toMatchObject({ posts: 1, pending: 1 });
    expect((await detail(b.id)).counts).toMatchObject({ posts: 1, pending: 1 });
    // A student of B cannot read A's thread by id.
    expect((await inB.get(`/api/threads/${post.json.id}`)).status).toBe(404);
    // Detail counts stay per session.
    expect((await detail(b.id)).counts.messages).toBe(0);
    expect((await detail(a.id)).counts.messages).toBe(1);
    sa.disconnect();
    sb.disconnect();
  });
});

describe('events', () => {
  it("keeps a round's timers from the students: only the facilitator sees what is scheduled", async () => {
    const s = await create();
    const st = await joinAs(s.code, 'Timer Student');
    await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role: 'elite' }] });
    const sock = await connectSocket(srv.url, st.cookie);
    const facSock = await connectSocket(srv.url, fac.cookie);
    const got = listen(sock);
    const facGot = listen(facSock);
    const round = await fac.post(`/api/sessions/${s.id}/rounds`, {
      mode: 'closed',
      events: [{ eventId: 'inspection', afterSeconds: 600 }],
    });
    expect(round.status, round.text).toBe(200);
    expect(round.json.round.timers).toEqual([expect.objectContaining({ eventId: 'inspection', fired: false })]);
    await settle();
    const pushed = got.filter((g) => g.event === 'session:state').map((g) => g.args[0] as { round: object | null });
    expect(pushed.length).toBeGreaterThan(0);
    expect(pushed.every((state) => state.round !== null && !('timers' in state.round))).toBe(true);
    const facState = facGot.filter((g) => g.event === 'session:state').map((g) => g.args[0] as { round: object });
    expect(facState.at(-1)?.round).toHaveProperty('timers');
    const me = (await st.get('/api/me')).json;
    expect(me.seat.round).toMatchObject({ number: 1, mode: 'closed' });
    expect(me.seat.round).not.toHaveProperty('timers');
    expect(JSON.stringify(me)).not.toContain('inspection');
    sock.disconnect();
    facSock.disconnect();
  });

  it('publishes the evening news live, closes every room, announces the inspection', async () => {
    const s = await create();
    const st = await joinAs(s.code, 'Reader');
    await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role: 'elite' }] });
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    const sock = await connectSocket(srv.url, st.cookie);
    const got = listen(sock);
    expect((await fac.post(`/api/sessions/${s.id}/events`, { eventId: 'evening-news' })).status).toBe(200);
    expect((await fac.post(`/api/sessions/${s.id}/events`, { eventId: 'chat-shutdown' })).status).toBe(200);
    expect((await fac.post(`/api/sessions/${s.id}/events`, { eventId: 'inspection' })).status).toBe(200);
    expect((await fac.post(`/api/sessions/${s.id}/events`, { eventId: 'nope' })).status).toBe(404);
    await settle();
    const kinds = got.filter((g) => g.event === 'session:event').map((g) => (g.args[0] as { kind: string }).kind);
    expect(kinds).toEqual(['news', 'chat_shutdown', 'inspection']);
    expect(got.some((g) => g.event === 'media:published')).toBe(true);
    expect(got.some((g) => g.event === 'chat:room')).toBe(true);
    const rooms = (await st.get('/api/chat/rooms')).json.rooms as { closed: boolean }[];
    expect(rooms.every((r) => r.closed)).toBe(true);
    const articles = (await st.get('/api/media/articles?site=news-agency')).text;
    expect(articles).toContain('Evening Report');
    sock.disconnect();
  });
});

describe('reset and delete', () => {
  it('resets content to the pack, keeping or clearing the roster', async () => {
    const s = await create();
    const st = await joinAs(s.code, 'Kim');
    await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role: 'elite' }] });
    await st.post('/api/boards/cooking-and-family/threads', { title: 'Mine', body: 'Mine' });
    const kept = await fac.post(`/api/sessions/${s.id}/reset`, { keepRoster: true });
    expect(kept.json.players).toHaveLength(1);
    expect(kept.json.counts.posts).toBe(0);
    expect((await st.get('/api/me')).status).toBe(200);
    const cleared = await fac.post(`/api/sessions/${s.id}/reset`, { keepRoster: false });
    expect(cleared.json.players).toHaveLength(0);
    expect((await st.get('/api/me')).status).toBe(401);
  });

  it('deletes a session: nothing of it remains in DATA_DIR', async () => {
    const s = await create('To delete');
    const st = await joinAs(s.code, 'Gone');
    await fac.post(`/api/sessions/${s.id}/roles`, { assignments: [{ playerId: st.playerId, role: 'elite' }] });
    await fac.post(`/api/sessions/${s.id}/rounds`, { mode: 'closed' });
    const sock = await connectSocket(srv.url, st.cookie);
    await new Promise((r) => sock.emit('chat:join', { roomId: 'general' }, r));
    await new Promise((r) => sock.emit('chat:send', { roomId: 'general', text: 'hello there', clientId: 'd1' }, r));
    await st.post('/api/boards/cooking-and-family/threads', { title: 'Gone', body: 'Gone' });
    await fac.post(`/api/sessions/${s.id}/events`, { eventId: 'evening-news' });
    const cut = new Promise<void>((resolve) => sock.once('disconnect', () => resolve()));

    const grep = async () => {
      const hits: string[] = [];
      const visit = async (dir: string) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (path.includes(s.id)) hits.push(path);
          if (entry.isDirectory()) await visit(path);
          else {
            const text = await readFile(path, 'utf8');
            if (text.includes(s.id) || text.includes(`"${s.code}"`) || text.includes(st.playerId)) hits.push(path);
          }
        }
      };
      await visit(srv.dataDir);
      return hits;
    };
    expect((await grep()).length).toBeGreaterThan(0);
    const res = await fac.request('DELETE', `/api/sessions/${s.id}`, {});
    expect(res.status).toBe(204);
    await cut;
    expect(await grep()).toEqual([]);
    expect((await fac.get(`/api/sessions/${s.id}`)).status).toBe(404);
    expect((await st.get('/api/me')).status).toBe(401);
    // The demo session is untouched.
    expect((await fac.get('/api/me')).status).toBe(200);
  });
});

describe('the QR code and the projector view', () => {
  it('draws the join URL as SVG without inline styles', async () => {
    const s = await create();
    const res = await fac.get(`/api/sessions/${s.id}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.text).toMatch(/^<svg /);
    expect(res.text).not.toMatch(/style=/i);
    expect(res.text).not.toMatch(/<script/i);
    const present = await fac.get(`/api/sessions/present/${s.code}`);
    expect(present.json).toMatchObject({ id: s.id, code: s.code, joinUrl: s.joinUrl, joined: 0 });
    expect(Object.keys(present.json)).not.toContain('players');
  });
});

describe('the join rate limit', () => {
  it('lets 40 joins from one address through in 10 s and refuses the 41st with 429', async () => {
    const limited = await startServer();
    try {
      const f = await loginAs(limited.url, 'facilitator');
      const s = (await f.post('/api/sessions', { name: 'NAT', capacity: 100 })).json as CreateSessionResponse;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          new Client(limited.url).post('/api/sessions/join', { code: s.code, name: `Kid ${i}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
      const extra = await new Client(limited.url).post('/api/sessions/join', { code: s.code, name: 'Kid 41' });
      expect(extra.status).toBe(429);
      expect(extra.json.error.code).toBe('rate_limited');
    } finally {
      await limited.stop();
    }
  });
});
