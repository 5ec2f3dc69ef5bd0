/**
 * A push is data: the walls apply to it. One socket per role listens to everything; each
 * push kind is triggered and the roles that received it are compared with the roles that
 * may read the same thing over HTTP (and with the expected set, written out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Actor } from '../domain/policy';
import { setSessionMode } from '../domain/sessions';
import type { Role } from '../protocol/api';
import type { ServerToClientEvents } from '../protocol/events';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

type PushName = keyof ServerToClientEvents;

let srv: TestServer;
const clients = {} as Record<Role, Client>;
const sockets = {} as Record<Role, TestSocket>;
const received = {} as Record<Role, { event: string; args: unknown[] }[]>;

/** Every push kind this test covers; a new one in ServerToClientEvents must be added here. */
const COVERED: Record<PushName, true> = {
  'trail:event': true,
  'media:published': true,
  'media:unpublished': true,
  'boards:post': true,
  'boards:decided': true,
  'moderation:queued': true,
  'moderation:decided': true,
  'chat:message': true,
  'chat:presence-delta': true,
  'chat:room': true,
  'chat:muted': true,
  'chat:monitor': true,
  'session:ended': true,
  'session:changed': true,
  // Class-session pushes: covered in `http/classes.test.ts` (state, event: session members only;
  // roster, trail: the owning facilitator only) and by the class-session test below.
  'session:state': true,
  'session:event': true,
  'session:roster': true,
  'session:trail': true,
  // Open-network pushes: covered in `realtime/social.test.ts` (open-mode sockets of the same
  // session only, none in a closed round or the lobby, none to another session).
  'social:post': true,
  'social:counts': true,
  'social:comment': true,
  // Smuggled files: to the one user whose holdings changed (the test at the end).
  'files:changed': true,
  // The simulated bureau's warning: covered in `realtime/cast.test.ts` (the warned user's sockets only).
  'cast:warning': true,
};

beforeAll(async () => {
  srv = await startServer();
  for (const role of ROLES) {
    clients[role] = await loginAs(srv.url, role);
    sockets[role] = await connectSocket(srv.url, clients[role].cookie);
    received[role] = [];
    sockets[role].onAny((event: string, ...args: unknown[]) => received[role].push({ event, args }));
  }
});
afterAll(async () => {
  for (const role of ROLES) sockets[role]?.disconnect();
  await srv.stop();
});

const settle = () => new Promise((r) => setTimeout(r, 250));

/** Runs `action`, then answers which roles received `event` (optionally matching `where`). */
async function recipients(
  event: PushName,
  action: () => Promise<unknown>,
  where: (args: unknown[]) => boolean = () => true,
): Promise<Role[]> {
  for (const role of ROLES) received[role] = [];
  await action();
  await settle();
  return ROLES.filter((role) => received[role].some((r) => r.event === event && where(r.args)));
}

/** The roles for which `read` answers 200: who may see the thing over HTTP. */
async function httpReaders(read: (c: Client) => Promise<{ status: number }>): Promise<Role[]> {
  const out: Role[] = [];
  for (const role of ROLES) if ((await read(clients[role])).status === 200) out.push(role);
  return out;
}

const join = (role: Role, roomId: string) =>
  new Promise<{ ok: boolean }>((resolve) => sockets[role].emit('chat:join', { roomId }, resolve));

async function publish(section: string, title: string): Promise<string> {
  const created = await clients.editor.post('/api/media/articles', {
    site: 'news-agency',
    section,
    title,
    summary: title,
    body: `${title} body`,
  });
  expect(created.status).toBe(201);
  return created.json.id as string;
}

describe('pushes reach only those who may read them', () => {
  it('covers every push kind the server declares', () => {
    expect(Object.keys(COVERED).length).toBe(23);
  });

  it('trail:event goes to trail readers only', async () => {
    const got = await recipients('trail:event', () => clients.elite.post('/api/browse', { address: 'news.intra' }));
    expect(got).toEqual(['censor', 'facilitator']);
    expect(got).toEqual(await httpReaders((c) => c.get('/api/trail?limit=1')));
  });

  for (const section of ['science', 'leadership'] as const) {
    it(`media:published and media:unpublished of a ${section} article go to its readers (and editors) only`, async () => {
      const title = `Push test ${section}`;
      let id = '';
      const published = await recipients(
        'media:published',
        async () => {
          id = await publish(section, title);
          await clients.editor.post(`/api/media/articles/${id}/publish`, {});
        },
        (args) => (args[0] as { id: string }).id === id,
      );
      const readers = await httpReaders((c) => c.get(`/api/media/articles/${id}`));
      expect(published).toEqual(readers);
      expect(published).toEqual(
        // A news-agency bulletin also reaches citizens, whose one-way channel carries it.
        section === 'science'
          ? ['citizen', 'elite', 'scientist', 'academic', 'editor', 'censor']
          : ['citizen', 'elite', 'academic', 'editor', 'censor'],
      );
      const unpublished = await recipients(
        'media:unpublished',
        () => clients.editor.post(`/api/media/articles/${id}/unpublish`, {}),
        (args) => (args[0] as { id: string }).id === id,
      );
      // Exactly those who could read it while it was live: never foreigners or other sections
      // (the trail, which records the editor's actions, is for trail readers and is checked above).
      expect(unpublished).toEqual(readers);
      for (const role of ROLES)
        expect(
          received[role].some((r) => r.event !== 'trail:event' && JSON.stringify(r.args).includes(id)),
          `${role} learns nothing about ${id}`,
        ).toBe(readers.includes(role));
    });
  }

  it('boards pushes: queue and decisions to censors, the decision to its author, the post to its board’s readers', async () => {
    let postId = '';
    const queued = await recipients('moderation:queued', async () => {
      const res = await clients.scientist.post('/api/boards/science-and-technology/threads', {
        title: 'Push test thread',
        body: 'On the science board',
      });
      postId = res.json.id;
    });
    expect(queued).toEqual(['censor']);
    for (const role of ROLES)
      expect(
        received[role].some((r) => r.event !== 'trail:event' && JSON.stringify(r.args).includes(postId)),
        `${role} hears of the pending post`,
      ).toBe(role === 'censor');

    for (const role of ROLES) received[role] = [];
    await clients.censor.post(`/api/moderation/${postId}`, { decision: 'approve' });
    await settle();
    const got = (event: string) => ROLES.filter((role) => received[role].some((r) => r.event === event));
    expect(got('moderation:decided')).toEqual(['censor']);
    expect(got('boards:decided')).toEqual(['scientist']);
    const readers = await httpReaders((c) => c.get(`/api/threads/${postId}`));
    expect(got('boards:post')).toEqual(readers);
    expect(readers).toEqual(['elite', 'scientist', 'censor']);
  });

  it('chat:message and chat:presence-delta go to the room’s members only; a DM to its two ends', async () => {
    const joined: Role[] = [];
    const presence = await recipients('chat:presence-delta', async () => {
      for (const role of ROLES) if ((await join(role, 'lab')).ok) joined.push(role);
    });
    expect(joined).toEqual(['elite', 'scientist']);
    expect(presence).toEqual(joined);
    const inRoom = await recipients(
      'chat:message',
      () =>
        new Promise((resolve) =>
          sockets.scientist.emit('chat:send', { roomId: 'lab', text: 'lab push', clientId: 'lab-push' }, resolve),
        ),
    );
    expect(inRoom).toEqual(['elite', 'scientist']);
    expect(inRoom).toEqual(await httpReaders((c) => c.get('/api/chat/rooms/lab/messages')));
    const dm = await recipients(
      'chat:message',
      () =>
        new Promise((resolve) =>
          sockets.elite.emit('chat:send', { peer: 'academic', text: 'dm push', clientId: 'dm-push' }, resolve),
        ),
    );
    expect(dm).toEqual(['elite', 'academic']);
  });

  it('chat:monitor goes to censors only', async () => {
    const got = await recipients(
      'chat:monitor',
      () =>
        new Promise((resolve) =>
          sockets.elite.emit('chat:send', { roomId: 'general', text: 'monitored', clientId: 'mon-1' }, resolve),
        ),
    );
    expect(got).toEqual(['censor']);
  });

  it('chat:room goes to those who may enter the room, and to censors', async () => {
    const got = await recipients('chat:room', () =>
      clients.censor.post('/api/chat/rooms/university/close', { closed: true }),
    );
    const listers = ROLES.filter(() => true);
    const mayEnter: Role[] = [];
    for (const role of listers) {
      const res = await clients[role].get('/api/chat/rooms');
      if (res.status === 200 && res.json.rooms.some((r: { id: string }) => r.id === 'university')) mayEnter.push(role);
    }
    expect(got).toEqual(
      [...new Set([...mayEnter, 'censor' as Role])].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    );
    expect(got).toEqual(['elite', 'academic', 'censor']);
    await clients.censor.post('/api/chat/rooms/university/close', { closed: false });
  });

  it('chat:muted goes to the muted user only', async () => {
    const got = await recipients('chat:muted', () => clients.censor.post('/api/users/academic/mute', { muted: true }));
    expect(got).toEqual(['academic']);
    await clients.censor.post('/api/users/academic/mute', { muted: false });
  });

  it('session:ended goes to the revoked user only', async () => {
    const got = await recipients('session:ended', () =>
      clients.censor.post('/api/users/scientist/revoke', { revoked: true }),
    );
    expect(got).toEqual(['scientist']);
    await clients.censor.post('/api/users/scientist/revoke', { revoked: false });
  });

  it('session:changed goes to every socket of the session when its mode switches, with each one’s standing', async () => {
    const { store } = srv.built;
    const session = store.sessions.defaultSession();
    const user = store.users.findByUsername(session.id, 'facilitator')!;
    const facilitator: Actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      sessionId: session.id,
      mode: 'closed',
    };
    const got = await recipients('session:changed', () => setSessionMode(srv.built.sessions, facilitator, 'open'));
    // Every connected socket (the scientist's was cut when it was revoked above).
    const connected = ROLES.filter((r) => sockets[r].connected);
    expect(connected.length).toBeGreaterThan(6);
    expect(got).toEqual(connected);
    for (const role of connected)
      expect(received[role].find((r) => r.event === 'session:changed')?.args).toEqual([
        { change: 'mode', role, mode: 'open' },
      ]);
    await setSessionMode(srv.built.sessions, { ...facilitator, mode: 'open' }, 'closed');
    await settle();
  });

  it('class-session pushes: roster and trail to the owning facilitator only, state and event to none of the demo session', async () => {
    const created = await clients.facilitator.post('/api/sessions', { name: 'Pushes' });
    const { id, code } = created.json as { id: string; code: string };
    const roster = await recipients('session:roster', () =>
      new Client(srv.url).post('/api/sessions/join', { code, name: 'Pupil' }),
    );
    expect(roster).toEqual(['facilitator']);
    const trail = await recipients('session:trail', () =>
      clients.facilitator.post(`/api/sessions/${id}/lock`, { locked: true }),
    );
    expect(trail).toEqual(['facilitator']);
    // The owner's console also gets the state and the event; no demo persona does.
    const state = await recipients('session:state', () =>
      clients.facilitator.post(`/api/sessions/${id}/pause`, { paused: true }),
    );
    expect(state).toEqual(['facilitator']);
    const event = await recipients('session:event', () =>
      clients.facilitator.post(`/api/sessions/${id}/events`, { eventId: 'inspection' }),
    );
    expect(event).toEqual(['facilitator']);
    await clients.facilitator.request('DELETE', `/api/sessions/${id}`, {});
    await settle();
  });

  it('files:changed goes only to the students whose device holdings changed, and says why', async () => {
    const created = await clients.facilitator.post('/api/sessions', { name: 'Files pushes' });
    const { id, code } = created.json as { id: string; code: string };
    const seats = await Promise.all(
      ['Giver', 'Taker', 'Bystander'].map(async (name) => {
        const c = new Client(srv.url);
        const joined = await c.post('/api/sessions/join', { code, name });
        const socket = await connectSocket(srv.url, c.cookie);
        const got: unknown[] = [];
        socket.on('files:changed', (push) => got.push(push));
        return { c, id: joined.json.player.id as string, socket, got };
      }),
    );
    const [giver, taker, bystander] = seats as [(typeof seats)[0], (typeof seats)[0], (typeof seats)[0]];
    await clients.facilitator.post(`/api/sessions/${id}/roles`, {
      assignments: seats.map((s) => ({ playerId: s.id, role: 'elite' })),
    });
    const dropped = await recipients('files:changed', () =>
      clients.facilitator.post(`/api/sessions/${id}/files/drop`, { fileId: 'harbour-film', to: [giver.id] }),
    );
    expect(dropped).toEqual([]); // no demo persona
    expect(giver.got).toEqual([{ reason: 'received' }]);
    expect(taker.got).toEqual([]);
    const copyId = (await giver.c.get('/api/files')).json.copies[0].copyId as string;
    await giver.c.post(`/api/files/${copyId}/handover`, { to: taker.id });
    await settle();
    expect(giver.got).toEqual([{ reason: 'received' }, { reason: 'handed_over' }]);
    expect(taker.got).toEqual([{ reason: 'received' }]);
    expect(bystander.got).toEqual([]);
    // What the push announced is what the receiver's own read shows.
    expect((await taker.c.get('/api/files')).json.copies.map((c: { copyId: string }) => c.copyId)).toEqual([copyId]);
    for (const s of seats) s.socket.disconnect();
    await clients.facilitator.request('DELETE', `/api/sessions/${id}`, {});
    await settle();
  });
});
