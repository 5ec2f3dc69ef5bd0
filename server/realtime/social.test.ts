/**
 * The open network's pushes are data, and the walls apply to them: `social:post`, `social:counts`
 * and `social:comment` reach only the sockets of the same session whose actor is in open mode
 * (not in a closed round, not a seat in the lobby), and, for a target, only those who may read
 * it over HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actorOfUser } from '../domain/auth';
import { setSessionMode } from '../domain/sessions';
import { createPost } from '../domain/social';
import type { Actor } from '../domain/policy';
import type { CreateSessionResponse, Mode, Role } from '../protocol/api';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

const THREAD = 'spectrometer-booking-december';
const DEMO_ROLES: Role[] = ['citizen', 'elite', 'scientist', 'editor', 'censor', 'foreigner'];

let srv: TestServer;
let fac: Client;
/** Every listening socket by name: demo personas, and class students (`open:citizen`, `open:lobby`, `closed:citizen`). */
const sockets = new Map<string, TestSocket>();
const clients = new Map<string, Client>();
const got = new Map<string, { event: string; args: unknown[] }[]>();

const settle = () => new Promise((r) => setTimeout(r, 250));

async function demoMode(mode: Mode): Promise<void> {
  const { store } = srv.built;
  const session = store.sessions.defaultSession();
  const u = store.users.findByUsername(session.id, 'facilitator')!;
  await setSessionMode(srv.built.sessions, actorOfUser(u, mode), mode);
  await settle();
}

async function listen(name: string, client: Client): Promise<void> {
  const s = await connectSocket(srv.url, client.cookie);
  const list: { event: string; args: unknown[] }[] = [];
  s.onAny((event: string, ...args: unknown[]) => list.push({ event, args }));
  sockets.set(name, s);
  clients.set(name, client);
  got.set(name, list);
}

/** A class session in a round of `mode` with one citizen and (optionally) one seat left in the lobby. */
async function classSession(prefix: string, mode: Mode, lobby: boolean): Promise<string> {
  const created = await fac.post('/api/sessions', { name: `Pushes ${prefix}` });
  const { id, code } = created.json as CreateSessionResponse;
  const seat = async (name: string) => {
    const c = new Client(srv.url);
    const res = await c.post('/api/sessions/join', { code, name });
    return { c, playerId: res.json.player.id as string };
  };
  const citizen = await seat('Citizen');
  await fac.post(`/api/sessions/${id}/roles`, { assignments: [{ playerId: citizen.playerId, role: 'citizen' }] });
  await fac.post(`/api/sessions/${id}/rounds`, { mode });
  await listen(`${prefix}:citizen`, citizen.c);
  if (lobby) await listen(`${prefix}:lobby`, (await seat('Waiting')).c);
  return id;
}

/** Runs `action`, then answers which sockets received `event` (optionally matching `where`). */
async function recipients(
  event: string,
  action: () => Promise<unknown>,
  where: (args: unknown[]) => boolean = () => true,
): Promise<string[]> {
  for (const list of got.values()) list.length = 0;
  await action();
  await settle();
  return [...got.entries()].filter(([, list]) => list.some((r) => r.event === event && where(r.args))).map(([n]) => n);
}

let openClass = '';

beforeAll(async () => {
  srv = await startServer({}, { POSTS_PER_MINUTE: '1000', JOINS_PER_10S: '1000' });
  fac = await loginAs(srv.url, 'facilitator');
  for (const role of DEMO_ROLES) await listen(role, await loginAs(srv.url, role));
  openClass = await classSession('open', 'open', true);
  await classSession('closed', 'closed', false);
});
afterAll(async () => {
  for (const s of sockets.values()) s.disconnect();
  await srv.stop();
});
beforeEach(async () => {
  await demoMode('open');
});

describe('social pushes reach only open-mode sockets of the session', () => {
  it('social:post goes to every open-mode socket of the session, with liked false, and nowhere else', async () => {
    let id = '';
    const to = await recipients(
      'social:post',
      async () => {
        const res = await clients.get('elite')!.post('/api/social/posts', { text: 'Pushed' });
        expect(res.status, res.text).toBe(201);
        id = res.json.post.id;
      },
      (args) => (args[0] as { id: string }).id === id,
    );
    expect(to.sort()).toEqual([...DEMO_ROLES].sort());
    const pushed = got.get('citizen')!.find((r) => r.event === 'social:post')!.args[0];
    expect(pushed).toMatchObject({ id, text: 'Pushed', liked: false, likes: 0, parentId: null });
    // Nothing of it reaches another session, open or closed.
    for (const name of ['open:citizen', 'open:lobby', 'closed:citizen'])
      expect(JSON.stringify(got.get(name)), name).not.toContain(id);
  });

  it('a class session’s posts reach its open-mode citizen only: not the lobby seat, not the demo personas', async () => {
    const to = await recipients('social:post', () =>
      clients.get('open:citizen')!.post('/api/social/posts', { text: 'In class' }),
    );
    expect(to).toEqual(['open:citizen']);
  });

  it('social:counts of a post goes to the open session; of a thread, only to those who may read it', async () => {
    const post = (await clients.get('citizen')!.post('/api/social/posts', { text: 'Count me' })).json.post;
    const postCounts = await recipients(
      'social:counts',
      () => clients.get('scientist')!.post(`/api/social/posts/${post.id}/like`, {}),
      (args) => (args[0] as { target: { id: string } }).target.id === post.id,
    );
    expect(postCounts.sort()).toEqual([...DEMO_ROLES].sort());
    expect(got.get('elite')!.find((r) => r.event === 'social:counts')!.args[0]).toEqual({
      target: { kind: 'post', id: post.id },
      likes: 1,
      shares: 0,
      comments: 0,
    });
    // Liking it again changes nothing: no push.
    expect(
      await recipients('social:counts', () => clients.get('scientist')!.post(`/api/social/posts/${post.id}/like`, {})),
    ).toEqual([]);

    const threadCounts = await recipients('social:counts', () =>
      clients.get('elite')!.post(`/api/social/threads/${THREAD}/like`, {}),
    );
    const readers: string[] = [];
    for (const role of DEMO_ROLES)
      if ((await clients.get(role)!.get(`/api/threads/${THREAD}`)).status === 200) readers.push(role);
    expect(threadCounts.sort()).toEqual(readers.sort());
    expect(readers).not.toContain('editor'); // editors have no boards, even in open mode
  });

  it('social:comment goes to those who may see the target', async () => {
    const to = await recipients('social:comment', () =>
      clients.get('citizen')!.post('/api/social/comments', { target: { kind: 'thread', id: THREAD }, text: 'Hm' }),
    );
    expect(to.sort()).toEqual(['censor', 'citizen', 'elite', 'foreigner', 'scientist']);
    const pushed = got.get('elite')!.find((r) => r.event === 'social:comment')!.args[0];
    expect(pushed).toMatchObject({ target: { kind: 'thread', id: THREAD }, text: 'Hm' });
  });

  it('nothing is pushed to a session’s sockets once it is back in closed mode', async () => {
    await demoMode('closed');
    // A write accepted just before the switch announces after it: the closed sockets get nothing.
    const u = srv.built.store.users.findByUsername('demo', 'elite')!;
    const stale: Actor = actorOfUser(u, 'open');
    const to = await recipients('social:post', () => createPost(srv.built.social, stale, { text: 'Late' }));
    expect(to).toEqual([]);
    expect(await recipients('social:counts', async () => undefined)).toEqual([]);
    expect(openClass).not.toBe('');
  });
});
