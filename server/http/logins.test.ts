/**
 * Each login has its own server-side record: logout ends that one token and its sockets,
 * other browsers on the same persona stay, sockets end when their token expires, every
 * socket event re-checks the login, and expired logins are pruned.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Tokens } from '../auth/tokens';
import type { ChatSendAck } from '../protocol/events';
import { Client, connectSocket, loginAs, startServer, type TestServer, type TestSocket } from '../test/harness';

let srv: TestServer | undefined;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await srv?.stop();
  srv = undefined;
});

/** Resolves with the `session:ended` reason and the disconnect reason, in order. */
function endOf(s: TestSocket): Promise<{ ended: { code: string } | null; disconnect: string }> {
  return new Promise((resolve) => {
    let ended: { code: string } | null = null;
    s.on('session:ended', (reason) => (ended = reason));
    s.on('disconnect', (reason) => resolve({ ended, disconnect: reason }));
  });
}

async function open(c: Client): Promise<TestSocket> {
  const s = await connectSocket(srv!.url, c.cookie);
  sockets.push(s);
  return s;
}

const send = (s: TestSocket, text: string) =>
  new Promise<ChatSendAck>((resolve) => s.emit('chat:send', { roomId: 'general', text, clientId: text }, resolve));

describe('logout', () => {
  it('ends the token, so the same cookie no longer answers /api/me', async () => {
    srv = await startServer();
    const c = await loginAs(srv.url, 'elite');
    const token = c.cookie;
    expect((await c.get('/api/me')).status).toBe(200);
    const out = await c.post('/api/auth/logout', {});
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/cis_token=;/);
    // The cookie was cleared; replaying the old token still fails.
    const replay = new Client(srv.url);
    replay.cookie = token;
    expect((await replay.get('/api/me')).status).toBe(401);
    expect((await replay.post('/api/browse', { address: 'news.intra' })).status).toBe(401);
  });

  it('leaves another browser on the same persona logged in, with its socket', async () => {
    srv = await startServer();
    const first = await loginAs(srv.url, 'elite');
    const second = await loginAs(srv.url, 'elite');
    const s1 = await open(first);
    const s2 = await open(second);
    const ended = endOf(s1);
    let secondEnded = false;
    s2.on('session:ended', () => (secondEnded = true));
    await first.post('/api/auth/logout', {});
    expect(await ended).toEqual({
      ended: { code: 'logged_out', message: expect.any(String) },
      disconnect: 'io server disconnect',
    });
    expect((await second.get('/api/me')).status).toBe(200);
    const ack = await new Promise<{ ok: boolean }>((resolve) => s2.emit('chat:join', { roomId: 'general' }, resolve));
    expect(ack.ok).toBe(true);
    expect(s2.connected).toBe(true);
    expect(secondEnded).toBe(false);
  });

  it('refuses a new socket for a logged-out token', async () => {
    srv = await startServer();
    const c = await loginAs(srv.url, 'elite');
    const token = c.cookie;
    await c.post('/api/auth/logout', {});
    await expect(connectSocket(srv.url, token)).rejects.toThrow(/unauthenticated/);
  });

  it('keeps live logins and ended ones across a restart', async () => {
    srv = await startServer();
    const kept = await loginAs(srv.url, 'elite');
    const ended = await loginAs(srv.url, 'scientist');
    const endedToken = ended.cookie;
    await ended.post('/api/auth/logout', {});
    const dataDir = srv.dataDir;
    await srv.stop({ keepData: true });
    srv = await startServer({ dataDir });
    const again = new Client(srv.url);
    again.cookie = kept.cookie;
    expect((await again.get('/api/me')).status).toBe(200);
    const replay = new Client(srv.url);
    replay.cookie = endedToken;
    expect((await replay.get('/api/me')).status).toBe(401);
  });
});

describe('sockets and the login they belong to', () => {
  it('cuts a socket when its token expires', async () => {
    srv = await startServer({ tokenTtlSeconds: 2 });
    const c = await loginAs(srv.url, 'elite');
    const s = await open(c);
    const started = Date.now();
    const end = await endOf(s);
    expect(end.ended?.code).toBe('expired');
    expect(end.disconnect).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(4000);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('re-checks the login on every event: an ended login gets an error ack and is cut', async () => {
    srv = await startServer();
    const c = await loginAs(srv.url, 'elite');
    const s = await open(c);
    expect((await send(s, 'before')).ok).toBe(true);
    // End the login behind the socket's back (no logout push): the next event must notice.
    const logins = srv.built.store.logins;
    const token = Tokens.fromCookieHeader(c.cookie)!;
    const lid = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).lid as string;
    expect(logins.get(lid)).toBeDefined();
    await logins.end(lid);
    const ended = endOf(s);
    const ack = await send(s, 'after');
    expect(ack).toEqual({ ok: false, error: { code: 'session_expired', message: expect.any(String) } });
    expect((await ended).disconnect).toBe('io server disconnect');
    const history = await srv.built.store.chat.room(srv.built.store.sessions.defaultSession().id, 'general');
    expect(history.items.map((m) => m.text)).toContain('before');
    expect(history.items.map((m) => m.text)).not.toContain('after');
  });

  it('re-checks a revoked user on every event too', async () => {
    srv = await startServer();
    const c = await loginAs(srv.url, 'scientist');
    const s = await open(c);
    const user = srv.built.store.users.findByUsername(srv.built.store.sessions.defaultSession().id, 'scientist')!;
    await srv.built.store.users.update(user.id, { revoked: true }); // no bus event: only the re-check can see it
    const ack = await send(s, 'after revoke');
    expect(ack.ok).toBe(false);
  });
});

describe('expired logins', () => {
  it('are pruned, so visits do not grow the store without bound', async () => {
    srv = await startServer();
    const logins = srv.built.store.logins;
    const sessionId = srv.built.store.sessions.defaultSession().id;
    const past = new Date(Date.now() - 60_000);
    const started = new Date(past.getTime() - 8 * 3600 * 1000);
    // A kiosk's day of visits that never logged out: all long expired.
    for (let i = 0; i < 50; i++)
      await logins.start(
        { id: `old-${i}`, userId: 'u', sessionId, createdAt: started.toISOString(), expiresAt: past.toISOString() },
        started,
      );
    expect(logins.count()).toBe(50);
    // A new login drops the expired ones as it is stored.
    const c = await loginAs(srv.url, 'elite');
    expect(logins.count()).toBe(1);
    expect((await c.get('/api/me')).status).toBe(200);
    // And the periodic prune drops live ones once their time has passed.
    expect(await logins.prune(new Date(Date.now() + 9 * 3600 * 1000))).toBe(1);
    expect(logins.count()).toBe(0);
    expect((await c.get('/api/me')).status).toBe(401);
  });
});
