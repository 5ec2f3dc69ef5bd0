/**
 * Sockets act on the actor as it is now: switching the session's mode (through the domain call)
 * changes what an already connected socket may do, without reconnecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/policy';
import { setSessionMode } from '../domain/sessions';
import type { Mode } from '../protocol/api';
import type { ChatPresenceDelta, SessionChanged } from '../protocol/events';
import { connectSocket, loginAs, startServer, type Client, type TestServer, type TestSocket } from '../test/harness';

let srv: TestServer;
let elite: TestSocket;
let citizen: TestSocket;

beforeAll(async () => {
  srv = await startServer();
  elite = await connectSocket(srv.url, (await loginAs(srv.url, 'elite')).cookie);
  citizen = await connectSocket(srv.url, (await loginAs(srv.url, 'citizen')).cookie);
});
afterAll(async () => {
  elite?.disconnect();
  citizen?.disconnect();
  await srv.stop();
});

function facilitator(): Actor {
  const { store } = srv.built;
  const session = store.sessions.defaultSession();
  const user = store.users.findByUsername(session.id, 'facilitator')!;
  return { userId: user.id, username: user.username, role: user.role, sessionId: session.id, mode: session.mode };
}

/** Switches the mode and waits for `socket` to be told. */
async function switchTo(mode: Mode, socket: TestSocket): Promise<SessionChanged> {
  const told = new Promise<SessionChanged>((resolve) => socket.once('session:changed', resolve));
  await setSessionMode(srv.built.sessions, facilitator(), mode);
  return told;
}

const nextDelta = (socket: TestSocket, where: (d: ChatPresenceDelta) => boolean) =>
  new Promise<ChatPresenceDelta>((resolve) => {
    const on = (d: ChatPresenceDelta) => {
      if (!where(d)) return;
      socket.off('chat:presence-delta', on);
      resolve(d);
    };
    socket.on('chat:presence-delta', on);
  });

describe('a change of mode reaches connected sockets', () => {
  it('opens and closes the citizen’s chat on the same socket', async () => {
    expect((await elite.emitWithAck('chat:join', { roomId: 'general' })).ok).toBe(true);
    const before = await citizen.emitWithAck('chat:join', { roomId: 'general' });
    expect(before.ok).toBe(false);

    const eliteTold = new Promise<SessionChanged>((resolve) => elite.once('session:changed', resolve));
    expect(await switchTo('open', citizen)).toEqual({ change: 'mode', role: 'citizen', mode: 'open' });
    expect(await eliteTold).toEqual({ change: 'mode', role: 'elite', mode: 'open' });

    const arrived = nextDelta(elite, (d) => d.joined.some((p) => p.username === 'citizen'));
    const joined = await citizen.emitWithAck('chat:join', { roomId: 'general' });
    expect(joined.ok).toBe(true);
    await arrived;

    const gone = nextDelta(elite, (d) => d.left.includes('citizen'));
    expect(await switchTo('closed', citizen)).toEqual({ change: 'mode', role: 'citizen', mode: 'closed' });
    expect((await gone).roomId).toBe('general');

    // Out of the room: it no longer receives its messages, and may not join again.
    const heard: string[] = [];
    citizen.on('chat:message', (m) => heard.push(m.text));
    const sent = await elite.emitWithAck('chat:send', {
      roomId: 'general',
      text: 'only for the elite',
      clientId: 's1',
    });
    expect(sent.ok).toBe(true);
    expect((await elite.emitWithAck('chat:join', { roomId: 'general' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(heard).toEqual([]);
    const again = await citizen.emitWithAck('chat:join', { roomId: 'general' });
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(citizen.connected).toBe(true);
  });

  it('records the switch in the trail and refuses it to anyone but the facilitator', async () => {
    const { store } = srv.built;
    const session = store.sessions.defaultSession();
    const events = store.trail.query({ sessionId: session.id, kind: 'session_mode_changed', limit: 10 });
    expect(events.map((e) => e.detail.to)).toEqual(['closed', 'open']);
    const user = store.users.findByUsername(session.id, 'censor')!;
    const censor: Actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      sessionId: session.id,
      mode: 'closed',
    };
    await expect(setSessionMode(srv.built.sessions, censor, 'open')).rejects.toMatchObject({ code: 'forbidden' });
    expect(store.sessions.get(session.id)!.mode).toBe('closed');
  });
});

describe('open mode gets what the mode rules say', () => {
  let citizenHttp: Client;
  beforeAll(async () => {
    citizenHttp = await loginAs(srv.url, 'citizen');
    await setSessionMode(srv.built.sessions, facilitator(), 'open');
  });
  afterAll(async () => {
    await setSessionMode(srv.built.sessions, facilitator(), 'closed');
  });

  it('publishes a post at once, unfiltered, on a board the pack does not list the role for', async () => {
    const res = await citizenHttp.post('/api/boards/science-and-technology/threads', {
      title: 'Open thread',
      body: 'On freedom and democracy',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'approved' });
    const censor = await loginAs(srv.url, 'censor');
    const { queue } = (await censor.get('/api/moderation/queue')).json as { queue: { id: string }[] };
    expect(queue.map((p) => p.id)).not.toContain(res.json.id);
  });

  it('delivers chat messages without filter or substitution', async () => {
    const sent = await citizen.emitWithAck('chat:send', { roomId: 'lab', text: 'oppa, freedom', clientId: 'open-1' });
    expect(sent).toMatchObject({ ok: true, message: { text: 'oppa, freedom', substituted: false } });
  });
});
