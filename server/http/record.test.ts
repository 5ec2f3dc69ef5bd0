/**
 * `GET /api/record` over the wire: one's own record only (no parameter names anyone else), for
 * every role including citizens and class seats in the lobby; snapshots after logins and page
 * views; no route deletes or changes it; a GET records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../domain/policy';
import type { RecordResponse, Role } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
const as: Partial<Record<Role, Client>> = {};
const client = (role: Role) => as[role]!;

beforeAll(async () => {
  srv = await startServer({ jwtSecret: 'record-secret-record-secret-record-1' });
  for (const role of ROLES) as[role] = await loginAs(srv.url, role);
});
afterAll(async () => {
  await srv.stop();
});

const recordOf = async (c: Client): Promise<RecordResponse> => {
  const res = await c.get('/api/record');
  expect(res.status, res.text).toBe(200);
  return res.json as RecordResponse;
};
const trailSize = async () => (await client('censor').get('/api/trail?limit=200')).json.events.length as number;

describe('the device’s own record', () => {
  it('answers 401 to someone not logged in', async () => {
    const res = await new Client(srv.url).get('/api/record');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('gives every role its own record, with a snapshot of the screen it logged in to', async () => {
    for (const role of ROLES) {
      const record = await recordOf(client(role));
      expect(
        record.entries.map((e) => e.kind),
        role,
      ).toContain('login');
      expect(record.snapshots.length, role).toBeGreaterThan(0);
      expect(record.placardId).toBe('device-record');
      expect(record.total).toBe(record.entries.length + record.snapshots.length);
    }
    const citizen = await recordOf(client('citizen'));
    expect(citizen.snapshots.map((s) => s.text)).toContain('/denied');
  });

  it('holds the reader’s page views and walls, and none of another user’s', async () => {
    await client('scientist').post('/api/browse', { address: 'scitech.intra/private-marker-one' });
    await client('elite').post('/api/browse', { address: 'elite-marker.example' });
    const scientist = JSON.stringify(await recordOf(client('scientist')));
    const elite = JSON.stringify(await recordOf(client('elite')));
    expect(scientist).toContain('scitech.intra/private-marker-one');
    expect(scientist).not.toContain('elite-marker.example');
    expect(elite).toContain('elite-marker.example');
    expect(elite).not.toContain('private-marker-one');
    // The page view came within minutes of the login's snapshot: no second one is taken yet.
    const snaps = (await recordOf(client('scientist'))).snapshots;
    expect(snaps).toHaveLength(1);
  });

  it('names no one else: a parameter asking for another user or session is refused, and changes nothing', async () => {
    const own = await recordOf(client('academic'));
    for (const query of ['user=elite', 'username=elite', 'sessionId=demo', 'userId=u-elite', 'playerId=x']) {
      const res = await client('academic').get(`/api/record?${query}`);
      expect(res.status, query).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect(res.text).not.toContain('elite-marker');
    }
    expect((await client('academic').get('/api/record?limit=5')).status).toBe(400);
    expect(await recordOf(client('academic'))).toEqual(own);
  });

  it('has no route that deletes or changes it', async () => {
    await client('elite').post('/api/browse', { address: 'keep-me.example' });
    const before = await recordOf(client('elite'));
    const size = await trailSize();
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST']) {
      for (const path of ['/api/record', '/api/record/anything', `/api/record/${before.entries[0]!.at}`]) {
        const res = await client('elite').request(method, path, method === 'DELETE' ? undefined : {});
        expect([404, 405], `${method} ${path}`).toContain(res.status);
        expect(res.json.error.code).toEqual(expect.any(String));
      }
    }
    expect(await recordOf(client('elite'))).toEqual(before);
    expect(JSON.stringify(before)).toContain('keep-me.example');
    expect(await trailSize()).toBe(size);
  });

  it('records nothing when read', async () => {
    const size = await trailSize();
    await recordOf(client('elite'));
    await recordOf(client('citizen'));
    expect(await trailSize()).toBe(size);
  });
});

describe('class seats', () => {
  it('a student in the lobby reads only their own record, and after a role their walls', async () => {
    const fac = client('facilitator');
    const s = (await fac.post('/api/sessions', { name: 'Record class' })).json as { id: string; code: string };
    const join = async (name: string) => {
      const c = new Client(srv.url) as Client & { playerId: string };
      const res = await c.post('/api/sessions/join', { code: s.code, name });
      expect(res.status, res.text).toBe(200);
      c.playerId = res.json.player.id;
      return c;
    };
    const mira = await join('mira');
    const jun = await join('jun');
    const lobby = await recordOf(mira);
    expect(lobby.entries.map((e) => e.kind)).toEqual(['seat_joined']);
    expect(lobby.entries[0]!.summary).toBe('mira');
    expect(lobby.snapshots.map((x) => x.text)).toEqual(['/lobby']);

    const roles = await fac.post(`/api/sessions/${s.id}/roles`, {
      assignments: [
        { playerId: mira.playerId, role: 'scientist' },
        { playerId: jun.playerId, role: 'citizen' },
      ],
    });
    expect(roles.status, roles.text).toBe(200);
    await mira.post('/api/browse', { address: 'university.intra' });
    const walled = await recordOf(mira);
    expect(walled.entries.map((e) => [e.kind, e.summary])[0]).toEqual(['site_locked', 'university.intra']);
    const citizen = await recordOf(jun);
    expect(citizen.entries.map((e) => e.kind)).toEqual(['seat_joined']);
    expect(JSON.stringify(citizen)).not.toContain('university.intra');
    // Nobody in the demo session sees the class's events under their own name.
    expect(JSON.stringify(await recordOf(client('scientist')))).not.toContain('mira');
  });
});
