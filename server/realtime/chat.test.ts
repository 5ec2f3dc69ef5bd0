import { io as connect } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/vocabulary';
import type { ChatMessage, ChatMonitorEntry, Role } from '../protocol/api';
import type { ChatJoinAck, ChatPresenceDelta, ChatSendAck } from '../protocol/events';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

type S = TestSocket;
let srv: TestServer;
const open: S[] = [];

beforeAll(async () => {
  srv = await startServer({ chatPerTenSeconds: 1000, chatJoinsPerTenSeconds: 1000 });
});
afterAll(async () => {
  await srv.stop();
});
afterEach(() => {
  open.splice(0).forEach((s) => s.disconnect());
});

async function sock(c: Client): Promise<S> {
  const s = await connectSocket(srv.url, c.cookie);
  open.push(s);
  return s;
}

const as = async (role: Role) => {
  const c = await loginAs(srv.url, role);
  return { c, s: await sock(c) };
};
const join = (s: S, roomId: string, after?: number) =>
  s.emitWithAck('chat:join', after === undefined ? { roomId } : { roomId, after }) as Promise<ChatJoinAck>;
let n = 0;
const send = (s: S, body: Record<string, unknown>) =>
  s.emitWithAck('chat:send', { clientId: `c${++n}`, ...body } as never) as Promise<ChatSendAck>;
const collect = (s: S) => {
  const got: ChatMessage[] = [];
  s.on('chat:message', (m) => got.push(m));
  return got;
};
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('rooms', () => {
  it('delivers to room members only, and refuses a role outside the room', async () => {
    const sci = await as('scientist');
    const elite = await as('elite');
    const academic = await as('academic');
    expect((await join(sci.s, 'lab')).ok).toBe(true);
    const joined = await join(elite.s, 'lab');
    expect(joined.ok && joined.presence.map((p) => p.username).sort()).toEqual(['elite', 'scientist']);
    const refused = await join(academic.s, 'lab');
    expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'No such room.' } });
    const gotElite = collect(elite.s);
    const gotAcademic = collect(academic.s);
    const ack = await send(sci.s, { roomId: 'lab', text: 'Samples ready' });
    expect(ack.ok && ack.message).toMatchObject({
      seq: expect.any(Number),
      from: 'scientist',
      fromName: 'Kang Song-mi',
      text: 'Samples ready',
    });
    await settle();
    expect(gotElite.map((m) => m.text)).toEqual(['Samples ready']);
    expect(gotAcademic).toEqual([]);
    expect((await send(academic.s, { roomId: 'lab', text: 'let me in' })).ok).toBe(false);
    expect((await academic.c.get('/api/chat/rooms/lab/messages')).status).toBe(404);
  });

  it('answers a room or conversation the actor may not see exactly as one that does not exist', async () => {
    const f = await as('foreigner');
    const http = async (id: string) => {
      const r = await f.c.get(`/api/chat/rooms/${id}/messages`);
      return { status: r.status, body: r.json };
    };
    const missing = await http('no-such-room');
    expect(missing).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No such room.' } } });
    expect(await http('general')).toEqual(missing); // exists, elite only
    expect(await http('dm:elite:foreigner')).toEqual(missing); // a real person on the other network
    expect(await http('dm:foreigner:nobody')).toEqual(missing);
    expect(await http('dm:academic:scientist')).toEqual(missing); // not theirs

    const missingAck = await join(f.s, 'no-such-room');
    expect(missingAck).toEqual({ ok: false, error: { code: 'not_found', message: 'No such room.' } });
    for (const id of ['general', 'dm:elite:foreigner', 'dm:foreigner:nobody', 'dm:academic:scientist'])
      expect(await join(f.s, id), id).toEqual(missingAck);
    // Sending: to a room or a person they may not reach, as to one that does not exist.
    const noRoom = await send(f.s, { roomId: 'no-such-room', text: 'hello' });
    expect(noRoom).toEqual(missingAck);
    expect(await send(f.s, { roomId: 'general', text: 'hello' })).toEqual(noRoom);
    const noPeer = await send(f.s, { peer: 'nobody', text: 'hello' });
    expect(noPeer).toEqual(missingAck);
    expect(await send(f.s, { peer: 'elite', text: 'hello' })).toEqual(noPeer);
    expect(await send(f.s, { peer: 'foreigner', text: 'to myself' })).toEqual(noPeer);
  });

  it('keeps foreigners and locals apart', async () => {
    const f = await as('foreigner');
    const e = await as('elite');
    expect((await join(f.s, 'hotel-help-desk')).ok).toBe(true);
    expect((await join(e.s, 'hotel-help-desk')).ok).toBe(false);
    const rooms = (await f.c.get('/api/chat/rooms')).json;
    expect(rooms.rooms.map((r: { id: string }) => r.id)).toEqual(['hotel-help-desk']);
    expect(rooms.contacts).toEqual([]);
    expect((await send(f.s, { peer: 'elite', text: 'hello' })).ok).toBe(false);
  });

  it('gives citizens no chat', async () => {
    const c = await loginAs(srv.url, 'citizen');
    expect((await c.get('/api/chat/rooms')).status).toBe(403);
    const s = await sock(c);
    expect(await join(s, 'general')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pages history newest first with a before cursor', async () => {
    const e = await as('elite');
    for (let i = 1; i <= 5; i++) await send(e.s, { roomId: 'general', text: `m${i}` });
    const page1 = (await e.c.get('/api/chat/rooms/general/messages?limit=2')).json;
    expect(page1.messages.map((m: ChatMessage) => m.text)).toEqual(['m5', 'm4']);
    const page2 = (await e.c.get(`/api/chat/rooms/general/messages?limit=2&before=${page1.nextBefore}`)).json;
    expect(page2.messages.map((m: ChatMessage) => m.text)).toEqual(['m3', 'm2']);
  });
});

describe('presence', () => {
  const deltas = (s: S) => {
    const got: ChatPresenceDelta[] = [];
    s.on('chat:presence-delta', (d) => got.push(d));
    return got;
  };

  it('starts from the full list in the join ack, then sends who came and went, batched', async () => {
    const sci = await as('scientist');
    const got = deltas(sci.s);
    const first = await join(sci.s, 'research-council');
    expect(first.ok && first.presence.map((p) => p.username)).toEqual(['scientist']);
    await settle();
    got.length = 0;
    const elite = await as('elite');
    const academic = await as('academic');
    const [a, b] = await Promise.all([join(elite.s, 'research-council'), join(academic.s, 'research-council')]);
    expect(a.ok && b.ok).toBe(true);
    await settle();
    // Both arrivals in one delta, not one full list per join.
    expect(got).toEqual([
      {
        roomId: 'research-council',
        joined: expect.arrayContaining([
          expect.objectContaining({ username: 'elite' }),
          expect.objectContaining({ username: 'academic' }),
        ]),
        left: [],
      },
    ]);
    got.length = 0;
    const secondTab = await sock(elite.c); // the same person again: nobody new
    expect((await join(secondTab, 'research-council')).ok).toBe(true);
    secondTab.disconnect();
    await settle();
    expect(got).toEqual([]);
    academic.s.disconnect();
    await settle();
    expect(got).toEqual([{ roomId: 'research-council', joined: [], left: ['academic'] }]);
    const again = await join(elite.s, 'research-council');
    expect(again.ok && again.presence.map((p) => p.username).sort()).toEqual(['elite', 'scientist']);
  });
});

describe('direct messages', () => {
  it('reach only the two ends', async () => {
    const a = await as('scientist');
    const b = await as('academic');
    const c = await as('elite');
    const [gotA, gotB, gotC] = [collect(a.s), collect(b.s), collect(c.s)];
    const ack = await send(a.s, { peer: 'academic', text: 'Lunch at noon?' });
    expect(ack.ok && ack.message.roomId).toBe('dm:academic:scientist');
    await settle();
    expect(gotB.map((m) => m.text)).toEqual(['Lunch at noon?']);
    expect(gotA.map((m) => m.text)).toEqual(['Lunch at noon?']);
    expect(gotC).toEqual([]);
    expect((await join(c.s, 'dm:academic:scientist')).ok).toBe(false);
    expect((await b.c.get('/api/chat/rooms/dm:academic:scientist/messages')).json.messages[0].text).toBe(
      'Lunch at noon?',
    );
  });
});

describe('delivery guarantees', () => {
  it('never stores the same client id twice', async () => {
    const e = await as('elite');
    const got = collect(e.s);
    await join(e.s, 'research-council');
    const [a, b] = await Promise.all([
      send(e.s, { roomId: 'research-council', text: 'once', clientId: 'dup-1' }),
      send(e.s, { roomId: 'research-council', text: 'once', clientId: 'dup-1' }),
    ]);
    const c = await send(e.s, { roomId: 'research-council', text: 'once', clientId: 'dup-1' });
    expect(a.ok && b.ok && c.ok).toBe(true);
    const ids = [a, b, c].map((r) => (r.ok ? r.message.id : ''));
    expect(new Set(ids).size).toBe(1);
    await settle();
    expect(got.filter((m) => m.clientId === 'dup-1')).toHaveLength(1);
    const history = (await e.c.get('/api/chat/rooms/research-council/messages')).json.messages;
    expect(history.filter((m: ChatMessage) => m.clientId === 'dup-1')).toHaveLength(1);
  });

  it('lets a reconnecting client catch up on what it missed', async () => {
    const reader = await as('scientist');
    const writer = await as('elite');
    const first = await join(reader.s, 'research-council');
    const lastSeq = first.ok ? (first.history.at(-1)?.seq ?? 0) : 0;
    reader.s.disconnect();
    await send(writer.s, { roomId: 'research-council', text: 'while you were away 1' });
    await send(writer.s, { roomId: 'research-council', text: 'while you were away 2' });
    const again = await sock(reader.c);
    const caught = await join(again, 'research-council', lastSeq);
    expect(caught.ok && caught.history.map((m) => m.text)).toEqual(['while you were away 1', 'while you were away 2']);
  });

  it('keeps acknowledged messages across a restart', async () => {
    const mine = await startServer();
    const elite = await loginAs(mine.url, 'elite');
    const s = await connectSocket(mine.url, elite.cookie);
    const ack = (await s.emitWithAck('chat:send', {
      roomId: 'general',
      text: 'durable',
      clientId: 'x1',
    })) as ChatSendAck;
    expect(ack.ok).toBe(true);
    s.disconnect();
    await mine.stop({ keepData: true });
    const again = await startServer({ dataDir: mine.dataDir });
    const c = await loginAs(again.url, 'elite');
    expect((await c.get('/api/chat/rooms/general/messages')).json.messages.map((m: ChatMessage) => m.text)).toEqual([
      'durable',
    ]);
    await again.stop();
  });
});

describe('filter and substitution', () => {
  it('does not deliver a filtered message, and shows it to the censor’s monitor with the term', async () => {
    const censor = await as('censor');
    const monitor: ChatMonitorEntry[] = [];
    censor.s.on('chat:monitor', (e) => monitor.push(e));
    const sender = await as('scientist');
    const reader = await as('elite');
    await join(reader.s, 'lab');
    const got = collect(reader.s);
    const ack = await send(sender.s, { roomId: 'lab', text: 'talk of fr33dom' });
    expect(ack).toEqual({ ok: false, error: { code: 'undeliverable', message: 'Message could not be delivered.' } });
    await settle();
    expect(got).toEqual([]);
    expect(monitor).toContainEqual(
      expect.objectContaining({ delivered: false, term: 'freedom', text: 'talk of fr33dom', from: 'scientist' }),
    );
    const ev = (await censor.c.get('/api/trail?user=scientist&kind=chat_blocked&limit=1')).json.events[0];
    expect(ev.detail).toMatchObject({ term: 'freedom', room: 'lab' });
    const mon = (await censor.c.get('/api/chat/monitor')).json;
    expect(mon.entries.some((e: ChatMonitorEntry) => !e.delivered && e.term === 'freedom')).toBe(true);
  });

  it('rewrites a substituted word before delivery and warns the sender', async () => {
    const sender = await as('academic');
    const reader = await as('elite');
    await join(reader.s, 'university');
    const got = collect(reader.s);
    const ack = await send(sender.s, { roomId: 'university', text: 'See you soon, oppa!' });
    expect(ack.ok && ack.message.text).toBe('See you soon, comrade!');
    expect(ack.ok && ack.warning).toMatch(/corrected/);
    await settle();
    expect(got.map((m) => m.text)).toEqual(['See you soon, comrade!']);
    expect(got[0]!.substituted).toBe(true);
  });

  it('monitors every delivered message too, DMs included', async () => {
    const censor = await as('censor');
    const monitor: ChatMonitorEntry[] = [];
    censor.s.on('chat:monitor', (e) => monitor.push(e));
    const a = await as('scientist');
    await send(a.s, { peer: 'elite', text: 'private note' });
    await settle();
    expect(monitor).toContainEqual(
      expect.objectContaining({ delivered: true, text: 'private note', roomId: 'dm:elite:scientist' }),
    );
  });
});

describe('the censor’s powers', () => {
  it('mutes a user at once (can read, cannot send) and unmutes', async () => {
    const censor = await loginAs(srv.url, 'censor');
    const sci = await as('scientist');
    const mutedEvent = new Promise((r) => sci.s.once('chat:muted', r));
    expect((await censor.post('/api/users/scientist/mute', { muted: true })).status).toBe(200);
    expect(await mutedEvent).toEqual({ muted: true });
    expect(await send(sci.s, { roomId: 'lab', text: 'hello?' })).toMatchObject({ ok: false, error: { code: 'muted' } });
    expect(await join(sci.s, 'lab')).toMatchObject({ ok: true, muted: true }); // can still read, and knows it is muted
    await censor.post('/api/users/scientist/mute', { muted: false });
    expect(await join(sci.s, 'lab')).toMatchObject({ ok: true, muted: false });
    expect((await send(sci.s, { roomId: 'lab', text: 'back' })).ok).toBe(true);
  });

  it('closes a room for everyone in it and reopens it', async () => {
    const censor = await loginAs(srv.url, 'censor');
    const e = await as('elite');
    await join(e.s, 'general');
    const lobby = await as('elite'); // an elite on the room list, not in the room
    const outsider = await as('scientist'); // may not enter the general room
    const outsiderGot: unknown[] = [];
    outsider.s.on('chat:room', (r) => outsiderGot.push(r));
    const lobbyEvent = new Promise((r) => lobby.s.once('chat:room', r));
    const closedEvent = new Promise((r) => e.s.once('chat:room', r));
    await censor.post('/api/chat/rooms/general/close', { closed: true });
    expect(await closedEvent).toMatchObject({ id: 'general', closed: true });
    expect(await lobbyEvent).toMatchObject({ id: 'general', closed: true });
    await settle();
    expect(outsiderGot).toEqual([]);
    expect(await send(e.s, { roomId: 'general', text: 'anyone?' })).toMatchObject({
      ok: false,
      error: { code: 'room_closed' },
    });
    await censor.post('/api/chat/rooms/general/close', { closed: false });
    expect((await send(e.s, { roomId: 'general', text: 'open again' })).ok).toBe(true);
  });

  it('revokes a user: the live socket is cut, the token refused, reconnecting and logging in fail', async () => {
    const censor = await loginAs(srv.url, 'censor');
    const victim = await loginAs(srv.url, 'academic');
    const s = await sock(victim);
    const ended = new Promise((r) => s.once('session:ended', r));
    const dropped = new Promise((r) => s.once('disconnect', r));
    expect((await censor.post('/api/users/academic/revoke', { revoked: true })).status).toBe(200);
    expect(await ended).toMatchObject({ code: 'revoked' });
    await dropped;
    expect((await victim.get('/api/me')).status).toBe(401);
    const retry: S = connect(srv.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: victim.cookie },
      forceNew: true,
      reconnection: false,
    });
    open.push(retry);
    expect(await new Promise((r) => retry.once('connect_error', (e) => r(e.message)))).toBe('unauthenticated');
    const login = await new Client(srv.url).post('/api/auth/login', { username: 'academic', password: 'demo' });
    expect(login.status).toBe(403);
    await censor.post('/api/users/academic/revoke', { revoked: false });
    expect((await new Client(srv.url).post('/api/auth/login', { username: 'academic', password: 'demo' })).status).toBe(
      200,
    );
  });

  it('lets only censors use those powers', async () => {
    for (const role of ['elite', 'scientist', 'editor', 'facilitator', 'citizen'] as Role[]) {
      const c = await loginAs(srv.url, role);
      expect((await c.post('/api/users/academic/mute', { muted: true })).status, role).toBe(403);
      expect((await c.post('/api/users/academic/revoke', { revoked: true })).status, role).toBe(403);
      expect((await c.post('/api/chat/rooms/general/close', { closed: true })).status, role).toBe(403);
      expect((await c.get('/api/chat/monitor')).status, role).toBe(403);
    }
    const censor = await loginAs(srv.url, 'censor');
    expect((await censor.post('/api/users/facilitator/revoke', { revoked: true })).status).toBe(403);
    expect((await censor.post('/api/users/nobody/mute', { muted: true })).status).toBe(404);
  });
});

describe('malformed payloads', () => {
  it('answers every malformed send or join with an error ack and stores nothing', async () => {
    const e = await as('elite');
    const before = (await e.c.get('/api/chat/rooms/general/messages?limit=100')).json.messages.length;
    const bad: unknown[] = [
      null,
      'text',
      42,
      [],
      {},
      { roomId: 'general' },
      { roomId: 'general', text: 42, clientId: 'a' },
      { roomId: 'general', text: { html: 1 }, clientId: 'a' },
      { roomId: 'general', text: '   ', clientId: 'a' },
      { roomId: 'general', text: 'x'.repeat(LIMITS.chatText + 1), clientId: 'a' },
      { roomId: 'general', text: 'hi' },
      { roomId: 'general', text: 'hi', clientId: 'a', extra: true },
      { roomId: 'no-such-room', text: 'hi', clientId: 'a' },
      { roomId: '../../etc/passwd', text: 'hi', clientId: 'a' },
      { roomId: 'general', peer: 'scientist', text: 'hi', clientId: 'a' },
      { peer: 'nobody', text: 'hi', clientId: 'a' },
      { peer: 'elite', text: 'to myself', clientId: 'a' },
    ];
    for (const payload of bad) {
      const ack = (await e.s.emitWithAck('chat:send', payload as never)) as ChatSendAck;
      expect(ack.ok, JSON.stringify(payload)?.slice(0, 60)).toBe(false);
      expect(ack.ok === false && ack.error.message).toEqual(expect.any(String));
    }
    for (const payload of [null, 5, {}, { roomId: 7 }, { roomId: 'general', after: -1 }, { roomId: 'x'.repeat(500) }]) {
      const ack = (await e.s.emitWithAck('chat:join', payload as never)) as ChatJoinAck;
      expect(ack.ok).toBe(false);
    }
    // events without an ack callback are ignored, not fatal
    (e.s as unknown as { emit: (ev: string, payload: unknown) => void }).emit('chat:send', {
      roomId: 'general',
      text: 'no ack',
      clientId: 'z',
    });
    await settle();
    expect(e.s.connected).toBe(true);
    expect((await e.c.get('/api/chat/rooms/general/messages?limit=100')).json.messages.length).toBe(before);
  });

  it('shows HTML and script as text', async () => {
    const e = await as('elite');
    const ack = await send(e.s, { roomId: 'general', text: '<img src=x onerror=alert(1)>' });
    expect(ack.ok && ack.message.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('rate-limits a flood of joins per user with error acks', async () => {
    const mine = await startServer({ chatJoinsPerTenSeconds: 5 });
    const elite = await loginAs(mine.url, 'elite');
    const s = await connectSocket(mine.url, elite.cookie);
    const other = await connectSocket(mine.url, (await loginAs(mine.url, 'scientist')).cookie);
    expect((await other.emitWithAck('chat:join', { roomId: 'lab' })).ok).toBe(true);
    const acks = (await Promise.all(
      Array.from({ length: 12 }, (_, i) => s.emitWithAck('chat:join', { roomId: i % 2 ? 'lab' : 'general' })),
    )) as ChatJoinAck[];
    expect(acks.filter((a) => a.ok)).toHaveLength(5);
    const limited = acks.filter((a) => !a.ok);
    expect(limited).toHaveLength(7);
    for (const a of limited)
      expect(a).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/too fast/) } });
    // Another user is not held back by it.
    expect((await other.emitWithAck('chat:join', { roomId: 'research-council' })).ok).toBe(true);
    s.disconnect();
    other.disconnect();
    await mine.stop();
  });

  it('rate-limits a flood per user with error acks', async () => {
    const mine = await startServer({ chatPerTenSeconds: 5 });
    const elite = await loginAs(mine.url, 'elite');
    const s = await connectSocket(mine.url, elite.cookie);
    const acks = (await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.emitWithAck('chat:send', { roomId: 'general', text: `f${i}`, clientId: `f${i}` } as never),
      ),
    )) as ChatSendAck[];
    expect(acks.filter((a) => a.ok)).toHaveLength(5);
    expect(acks.filter((a) => !a.ok && a.error.code === 'rate_limited')).toHaveLength(3);
    s.disconnect();
    await mine.stop();
  });
});
