/**
 * The simulated cast in the running app, over HTTP and sockets, with the cast's clock faked: its
 * decisions and lines reach exactly the people they would from a person (and the warning only the
 * warned user), it never acts in another session, ten simulated minutes of a busy class stay within
 * its limits, and deleting the session leaves no timer behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatJoinAck } from '../protocol/events';
import type { ChatMessage, CreateSessionResponse, Post, SessionDetail } from '../protocol/api';
import { FakeClock } from '../test/fake-clock';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

let srv: TestServer;
let clock: FakeClock;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  clock = new FakeClock(Date.now());
  srv = await startServer(
    { postsPerMinute: 10_000, chatPerTenSeconds: 10_000, joinsPerTenSeconds: 1000, chatJoinsPerTenSeconds: 10_000 },
    { CAST: 'on' },
    { castClock: clock, castRandom: () => 0 },
  );
  clock.settle = async () => {
    // Let pushes and writes the cast started land (disk writes, socket frames).
    await srv.built.cast.settled();
    await new Promise((r) => setTimeout(r, 5));
    await srv.built.cast.settled();
  };
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await srv.stop();
});

/** Waits for real-time things (socket frames, the presence window) to arrive. */
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

async function socketOf(c: Client): Promise<{ socket: TestSocket; got: { event: string; args: unknown[] }[] }> {
  const socket = await connectSocket(srv.url, c.cookie);
  sockets.push(socket);
  const got: { event: string; args: unknown[] }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => got.push({ event, args }));
  return { socket, got };
}

const join = (s: TestSocket, roomId: string) =>
  new Promise<ChatJoinAck>((resolve) => s.emit('chat:join', { roomId }, resolve));
const send = (s: TestSocket, roomId: string, text: string) =>
  new Promise<unknown>((resolve) => s.emit('chat:send', { roomId, text, clientId: `${Math.random()}` }, resolve));

describe('in the demo session', () => {
  it('the bureau decides an elite’s post and the decision reaches the author as the bureau’s', async () => {
    const elite = await loginAs(srv.url, 'elite');
    const { got } = await socketOf(elite);
    await settle();
    const res = await elite.post('/api/boards/sports/threads', { title: 'Match', body: 'A good match on Sunday.' });
    expect(res.status, res.text).toBe(201);
    const post = res.json as Post;
    expect(post.status).toBe('pending');
    await clock.advance(8_000); // the demo session's default delay is 8–40 s
    await settle();
    const decided = got.find((g) => g.event === 'boards:decided')?.args[0] as Post | undefined;
    expect(decided).toMatchObject({ id: post.id, status: 'approved' });
    expect(decided?.decidedBy).toEqual({ simulated: true, name: 'Publications Review Bureau' });
    const thread = await elite.get(`/api/threads/${post.id}`);
    expect(thread.json.thread).toMatchObject({ status: 'approved', decidedBy: { simulated: true } });
    const censor = await loginAs(srv.url, 'censor');
    const history = await censor.get('/api/moderation/history');
    expect(history.json.decisions[0]).toMatchObject({ id: post.id, decidedBy: { simulated: true } });
  });

  it('the general room lists its colleagues as simulated, and one answers a greeting in the room', async () => {
    const elite = await loginAs(srv.url, 'elite');
    const scientist = await loginAs(srv.url, 'scientist');
    const a = await socketOf(elite);
    const b = await socketOf(scientist);
    const ack = await join(a.socket, 'general');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const cast = ack.presence.filter((p) => p.simulated);
    expect(cast.map((p) => p.displayName).sort()).toEqual(['Kim Yong-su', 'So Hye-gyong']);
    expect(ack.room.online).toBe(3);
    const rooms = await elite.get('/api/chat/rooms');
    expect(rooms.json.rooms.find((r: { id: string }) => r.id === 'general').online).toBe(3);
    await join(b.socket, 'lab');
    await send(a.socket, 'general', 'Hello comrades');
    await clock.advance(2_000);
    await settle();
    const lines = a.got.filter((g) => g.event === 'chat:message').map((g) => g.args[0] as ChatMessage);
    expect(lines.at(-1)).toMatchObject({ roomId: 'general', fromName: 'Kim Yong-su', simulated: true });
    // Not to a room the other user is in.
    expect(b.got.some((g) => g.event === 'chat:message' && (g.args[0] as ChatMessage).roomId === 'general')).toBe(
      false,
    );
  });

  it('the bureau’s warning goes to the warned user only', async () => {
    const elite = await loginAs(srv.url, 'elite');
    const scientist = await loginAs(srv.url, 'scientist');
    const a = await socketOf(elite);
    const b = await socketOf(scientist);
    await join(a.socket, 'lab');
    await join(b.socket, 'lab');
    await send(a.socket, 'lab', 'my oppa is here');
    await send(a.socket, 'lab', 'and my oppa again');
    await settle();
    const warning = a.got.find((g) => g.event === 'cast:warning');
    expect(warning?.args[0]).toMatchObject({ code: 'chat_warning', roomId: 'lab', from: { simulated: true } });
    expect(b.got.some((g) => g.event === 'cast:warning')).toBe(false);
  });
});

describe('a class session', () => {
  let fac: Client;
  let session: CreateSessionResponse;
  const students: Client[] = [];

  beforeAll(async () => {
    // The demo session's people leave: only the class is busy from here on.
    for (const s of sockets.splice(0)) s.disconnect();
    await settle();
    fac = await loginAs(srv.url, 'facilitator');
    session = (await fac.post('/api/sessions', { name: 'Cast class' })).json as CreateSessionResponse;
    const assignments = [];
    for (const [name, role] of [
      ['Ana', 'elite'],
      ['Ben', 'scientist'],
      ['Cy', 'foreigner'],
    ] as const) {
      const c = new Client(srv.url);
      const res = await c.post('/api/sessions/join', { code: session.code, name });
      expect(res.status, res.text).toBe(200);
      students.push(c);
      assignments.push({ playerId: res.json.player.id as string, role });
    }
    const roles = await fac.post(`/api/sessions/${session.id}/roles`, { assignments });
    expect(roles.status, roles.text).toBe(200);
  });

  it('has the bureau on while no student is the censor, and the facilitator can set each part', async () => {
    const detail = (await fac.get(`/api/sessions/${session.id}`)).json as SessionDetail;
    expect(detail.cast).toEqual({
      bureau: 'auto',
      colleagues: true,
      guide: true,
      delaySeconds: [10, 45],
      bureauActive: true,
    });
    const off = await fac.request('PATCH', `/api/sessions/${session.id}`, {
      cast: { bureau: false, delaySeconds: [1, 2] },
    });
    expect(off.status, off.text).toBe(200);
    expect((off.json as SessionDetail).cast).toMatchObject({
      bureau: false,
      delaySeconds: [1, 2],
      bureauActive: false,
    });
    const on = await fac.request('PATCH', `/api/sessions/${session.id}`, {
      cast: { bureau: 'auto', delaySeconds: [5, 5] },
    });
    expect((on.json as SessionDetail).cast?.bureauActive).toBe(true);
  });

  it('stays in its session: a greeting in the demo session draws no line here, and none there from here', async () => {
    const [ana] = students;
    const a = await socketOf(ana!);
    const ack = await join(a.socket, 'general');
    expect(ack.ok).toBe(true);
    const elite = await loginAs(srv.url, 'elite');
    const demo = await socketOf(elite);
    await join(demo.socket, 'general');
    const before = (await srv.built.store.chat.room(session.id, 'general')).items.length;
    await send(demo.socket, 'general', 'hello');
    await clock.advance(5_000);
    await settle();
    expect((await srv.built.store.chat.room(session.id, 'general')).items.length).toBe(before);
    expect(a.got.some((g) => g.event === 'chat:message')).toBe(false);
    demo.socket.disconnect();
  });

  it('keeps within its limits over ten simulated minutes of a busy class, and leaves no timer after delete', async () => {
    const [ana, ben, cy] = students;
    const a = await socketOf(ana!);
    const b = await socketOf(ben!);
    const c = await socketOf(cy!);
    await join(a.socket, 'general');
    await join(a.socket, 'research-council');
    await join(b.socket, 'lab');
    await join(c.socket, 'hotel-help-desk');
    const castLines: number[] = [];
    const castPosts: number[] = [];
    const elsewhere: number[] = [];
    const offBus = [
      srv.built.classes.bus.on('chat:delivered', ({ sessionId, message }) => {
        if (message.simulated) (sessionId === session.id ? castLines : elsewhere).push(clock.now().getTime());
      }),
      srv.built.classes.bus.on('boards:queued', (p) => {
        if (p.simulated) (p.sessionId === session.id ? castPosts : elsewhere).push(clock.now().getTime());
      }),
    ];
    const start = clock.now().getTime();
    // Every 10 s someone greets a room or asks the guide; every minute someone posts.
    for (let t = 0; t < 600; t += 10) {
      const [socket, room, text] = (
        [
          [a.socket, 'general', 'hello everyone'],
          [b.socket, 'lab', 'good morning, how is the plan?'],
          [c.socket, 'hotel-help-desk', 'can I meet local people?'],
          [a.socket, 'research-council', 'hi'],
        ] as const
      )[(t / 10) % 4]!;
      await send(socket, room, text);
      if (t % 60 === 0) await ana!.post('/api/boards/sports/threads', { title: `Match ${t}`, body: 'A good match.' });
      await clock.advance(10_000);
    }
    for (const off of offBus) off();
    expect(elsewhere).toEqual([]); // nobody is in the demo session: the cast is quiet there
    const limits = srv.built.pack.cast.limits;
    // In any 60 s window at most chatPerMinute lines; board life at most postsPerHour posts.
    for (const at of castLines)
      expect(castLines.filter((x) => x >= at && x < at + 60_000).length).toBeLessThanOrEqual(limits.chatPerMinute);
    expect(castPosts.length).toBeLessThanOrEqual(limits.postsPerHour);
    expect(castLines.length).toBeGreaterThan(10); // it did speak
    expect(castPosts.length).toBeGreaterThan(0); // and post
    expect(clock.now().getTime() - start).toBe(600_000);
    // The bureau decided every person's post.
    const posts = srv.built.store.posts.list(session.id).filter((p) => p.title?.startsWith('Match'));
    expect(posts.length).toBe(10);
    expect(posts.every((p) => p.status === 'approved' && p.decidedBy === 'cast_bureau')).toBe(true);

    expect(srv.built.cast.timers(session.id)).toBeGreaterThan(0);
    const del = await fac.request('DELETE', `/api/sessions/${session.id}`);
    expect(del.status).toBe(204);
    await settle();
    expect(srv.built.cast.timers(session.id)).toBe(0);
    expect(srv.built.cast.timers()).toBe(0);
    expect(clock.pending()).toBe(0);
    await clock.advance(3_600_000);
    expect(clock.pending()).toBe(0);
  });
});
