/**
 * Smuggled files over a real server: the whole path (a stick dropped to a citizen with a Notel who
 * plays the film, handed over in person to an elite whose state terminal refuses it, an inspection
 * fired, the censor inspecting the elite and tracing the copy back to the citizen), what a student
 * may read (only their own device), hand-over errors that change nothing, and no route that
 * deletes or writes a mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
let facilitator: Client;
let sid = '';
const seats: Record<string, { c: Client; id: string }> = {};

async function seat(code: string, name: string) {
  const c = new Client(srv.url);
  const res = await c.post('/api/sessions/join', { code, name });
  expect(res.status).toBe(200);
  seats[name] = { c, id: res.json.player.id as string };
  return seats[name];
}

const trailOf = async () =>
  (await facilitator.get(`/api/sessions/${sid}/trail?limit=200`)).json.events as {
    kind: string;
    detail: Record<string, string>;
  }[];

beforeAll(async () => {
  srv = await startServer();
  facilitator = await loginAs(srv.url, 'facilitator');
  const created = await facilitator.post('/api/sessions', { name: 'Smuggling' });
  sid = created.json.id as string;
  for (const name of ['Pak', 'Ri', 'Choe', 'Gone']) await seat(created.json.code as string, name);
  const roles = { Pak: 'citizen', Ri: 'elite', Choe: 'censor', Gone: 'scientist' } as const;
  const res = await facilitator.post(`/api/sessions/${sid}/roles`, {
    assignments: Object.entries(roles).map(([name, role]) => ({ playerId: seats[name]!.id, role })),
  });
  expect(res.status).toBe(200);
  expect((await facilitator.request('DELETE', `/api/sessions/${sid}/players/${seats.Gone!.id}`, {})).status).toBe(200);
});
afterAll(async () => {
  await srv.stop();
});

describe('the smuggling path', () => {
  let copyId = '';

  it('lists the pack files in the session detail and drops the film to the citizen, who has a Notel and plays it', async () => {
    const detail = await facilitator.get(`/api/sessions/${sid}`);
    expect(detail.json.files).toContainEqual({
      id: 'harbour-film',
      title: expect.any(String),
      kind: 'film',
      signed: false,
    });
    expect(detail.json.files.filter((f: { signed: boolean }) => f.signed).map((f: { id: string }) => f.id)).toEqual([
      'approved-songs',
    ]);
    // Only the owning facilitator drops; bad input and unknown students change nothing.
    expect(
      (await seats.Pak!.c.post(`/api/sessions/${sid}/files/drop`, { fileId: 'harbour-film', to: [seats.Pak!.id] }))
        .status,
    ).toBe(403);
    for (const [body, status] of [
      [{ fileId: 'harbour-film', to: [] }, 400],
      [{ fileId: 'no-such-file', to: [seats.Pak!.id] }, 404],
      [{ fileId: 'harbour-film', to: [seats.Pak!.id, seats.Gone!.id] }, 404],
      [{ fileId: 'harbour-film', to: [seats.Pak!.id], marks: [{ userId: seats.Ri!.id }] }, 400],
    ] as const) {
      const res = await facilitator.post(`/api/sessions/${sid}/files/drop`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error.code).toBeTruthy();
    }
    expect((await seats.Pak!.c.get('/api/files')).json.copies).toEqual([]);

    const dropped = await facilitator.post(`/api/sessions/${sid}/files/drop`, {
      fileId: 'harbour-film',
      to: [seats.Pak!.id],
    });
    expect(dropped.status).toBe(200);
    copyId = dropped.json.dropped[0].copyId;
    expect(dropped.json.dropped).toEqual([{ playerId: seats.Pak!.id, copyId }]);

    const mine = (await seats.Pak!.c.get('/api/files')).json;
    expect(mine.notel).toBe(true);
    expect(mine.copies).toEqual([
      {
        copyId,
        fileId: 'harbour-film',
        title: expect.any(String),
        kind: 'film',
        signed: false,
        sizeMb: 1400,
        marks: 1,
      },
    ]);
    expect(mine.classmates.map((p: { name: string }) => p.name).sort()).toEqual(['Choe', 'Ri']);

    const opened = await seats.Pak!.c.post(`/api/files/${copyId}/open`, {});
    expect(opened.status).toBe(200);
    expect(opened.json.content).toMatchObject({ fileId: 'harbour-film', kind: 'film', device: 'notel' });
    expect(opened.json.content.body.at(-1)).toMatch(/fictional/);
  });

  it('refuses bad hand-overs with clear errors and changes nothing', async () => {
    const before = await trailOf();
    const pak = seats.Pak!.c;
    const cases: [string, unknown, number, string][] = [
      [`/api/files/${copyId}/handover`, { to: seats.Pak!.id }, 400, 'self'],
      [`/api/files/${copyId}/handover`, { to: seats.Gone!.id }, 409, 'not_present'],
      [`/api/files/${copyId}/handover`, { to: 'no-such-student' }, 404, 'no_player'],
      [`/api/files/${copyId}/handover`, {}, 400, 'invalid_input'],
      [`/api/files/${copyId}/handover`, { to: seats.Ri!.id, chain: [] }, 400, 'invalid_input'],
      [
        `/api/files/${copyId}/handover`,
        { to: seats.Ri!.id, marks: [{ userId: seats.Choe!.id }] },
        400,
        'invalid_input',
      ],
      ['/api/files/not-mine/handover', { to: seats.Ri!.id }, 404, 'no_copy'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await pak.post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json.error.code).toBe(code);
      expect(res.text).not.toMatch(/at .*\.ts/); // no stack trace
    }
    // Someone else's copy is not theirs to hand over (it looks missing).
    expect((await seats.Ri!.c.post(`/api/files/${copyId}/handover`, { to: seats.Choe!.id })).json.error.code).toBe(
      'no_copy',
    );
    expect((await pak.get('/api/files')).json.copies).toMatchObject([{ copyId, marks: 1 }]);
    expect((await trailOf()).length).toBe(before.length);
  });

  it('hands the copy in person to the elite, whose state terminal refuses it; a student sees only their own device', async () => {
    const handed = await seats.Pak!.c.post(`/api/files/${copyId}/handover`, { to: seats.Ri!.id });
    expect(handed.status).toBe(200);
    expect(handed.json.copies).toEqual([]);
    const ri = seats.Ri!.c;
    expect((await ri.get('/api/files')).json).toMatchObject({ notel: false, copies: [{ copyId, marks: 2 }] });
    const refused = await ri.post(`/api/files/${copyId}/open`, {});
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({
      code: 'unsigned',
      message: 'This file is not signed by the state and cannot be opened.',
    });
    const kinds = (await trailOf()).map((e) => e.kind);
    expect(kinds).toContain('file_refused');
    expect(kinds).toContain('file_handed_over');

    // Only one's own: a query naming someone else is ignored; the others' reads are refused.
    expect((await seats.Pak!.c.get(`/api/files?playerId=${seats.Ri!.id}`)).json.copies).toEqual([]);
    expect((await seats.Pak!.c.get(`/api/sessions/${sid}/files`)).status).toBe(403);
    expect((await seats.Pak!.c.get(`/api/files/${copyId}/trace`)).status).toBe(403);
    expect((await seats.Pak!.c.post('/api/inspections', { playerId: seats.Ri!.id })).status).toBe(403);
  });

  it('lets the censor inspect only during an inspection, then trace the elite’s copy back to the citizen', async () => {
    const choe = seats.Choe!.c;
    const early = await choe.post('/api/inspections', { playerId: seats.Ri!.id });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('no_inspection');
    expect((await choe.get(`/api/files/${copyId}/trace`)).status).toBe(404);

    expect((await facilitator.post(`/api/sessions/${sid}/events`, { eventId: 'inspection' })).status).toBe(200);
    const seen = await choe.post('/api/inspections', { playerId: seats.Ri!.id });
    expect(seen.status).toBe(200);
    expect(seen.json).toEqual({
      playerId: seats.Ri!.id,
      name: 'Ri',
      notel: false,
      copies: [
        {
          copyId,
          fileId: 'harbour-film',
          title: expect.any(String),
          kind: 'film',
          signed: false,
          sizeMb: 1400,
          marks: 2,
        },
      ],
    });

    const before = (await trailOf()).length;
    const traced = await choe.get(`/api/files/${copyId}/trace`);
    expect(traced.status).toBe(200);
    expect(traced.json.chain.map((m: { deviceOf: unknown }) => m.deviceOf)).toEqual([
      { playerId: seats.Pak!.id, name: 'Pak' },
      { playerId: seats.Ri!.id, name: 'Ri' },
    ]);
    expect((await trailOf()).length).toBe(before); // a GET records nothing
    const recorded = await choe.post(`/api/files/${copyId}/trace`, {});
    expect(recorded.json).toEqual(traced.json);
    const last = (await trailOf()).find((e) => e.kind === 'file_traced');
    expect(last?.detail).toMatchObject({ copy: copyId, first: 'Pak', marks: '2' });
    // The facilitator may trace too (read-only).
    expect((await facilitator.get(`/api/files/${copyId}/trace`)).json).toEqual(traced.json);
  });

  it('has no route that deletes or writes a mark, and tampering leaves the chain as it was', async () => {
    const routes: string[] = [];
    const walk = (stack: any[]) => {
      for (const layer of stack) {
        if (layer.route)
          for (const m of Object.keys(layer.route.methods)) routes.push(`${m.toUpperCase()} ${layer.route.path}`);
        else if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk((srv.built.app as any).router.stack);
    const fileRoutes = routes.filter((r) => /\/api\/(files|inspections)|\/files/.test(r));
    expect(fileRoutes.length).toBeGreaterThanOrEqual(9);
    expect(fileRoutes.filter((r) => /^(DELETE|PATCH|PUT) /.test(r))).toEqual([]);

    const choe = seats.Choe!.c;
    const chain = (await choe.get(`/api/files/${copyId}/trace`)).json;
    for (const method of ['DELETE', 'PATCH', 'PUT']) {
      for (const path of [`/api/files/${copyId}`, `/api/files/${copyId}/marks`, `/api/files/${copyId}/trace`]) {
        const res = await choe.request(method, path, { marks: [] });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    for (const [who, path, body] of [
      [
        seats.Ri!.c,
        `/api/files/${copyId}/open`,
        { marks: [{ userId: seats.Choe!.id, name: 'Choe', at: new Date().toISOString() }] },
      ],
      [choe, `/api/files/${copyId}/trace`, { chain: [] }],
      [choe, '/api/inspections', { playerId: seats.Ri!.id, chain: [] }],
    ] as const) {
      const res = await who.post(path, body);
      expect(res.status, path).toBe(400);
    }
    expect((await choe.get(`/api/files/${copyId}/trace`)).json).toEqual(chain);
  });

  it('confiscates after an inspection; the chain survives a restart of the server', async () => {
    const choe = seats.Choe!.c;
    expect((await choe.post('/api/inspections', { playerId: seats.Pak!.id })).json).toMatchObject({
      copies: [],
      notel: true,
    });
    const res = await choe.post('/api/inspections/outcome', { playerId: seats.Pak!.id, outcome: 'confiscation' });
    expect(res.status).toBe(200);
    expect((await seats.Pak!.c.get('/api/files')).json).toMatchObject({ copies: [], notel: false });
    expect((await trailOf()).find((e) => e.kind === 'inspection_outcome')?.detail).toMatchObject({
      outcome: 'confiscation',
    });
    // The scripted drop gives every citizen seat (Pak only) a fresh copy whose chain starts with them.
    expect((await facilitator.post(`/api/sessions/${sid}/events`, { eventId: 'usb-drop' })).status).toBe(200);
    const fresh = (await seats.Pak!.c.get('/api/files')).json.copies;
    expect(fresh).toMatchObject([{ fileId: 'harbour-film', marks: 1 }]);
    expect(fresh[0].copyId).not.toBe(copyId);
    expect((await seats.Ri!.c.get('/api/files')).json.copies).toMatchObject([{ copyId, marks: 2 }]); // an elite: none

    const dataDir = srv.dataDir;
    const chain = (await facilitator.get(`/api/files/${copyId}/trace`)).json;
    await srv.stop({ keepData: true });
    srv = await startServer({ dataDir });
    const again = new Client(srv.url);
    again.cookie = facilitator.cookie;
    expect((await again.get(`/api/files/${copyId}/trace`)).json).toEqual(chain);
    const listed = (await again.get(`/api/sessions/${sid}/files`)).json;
    expect(listed.copies).toMatchObject([{ copyId, holder: { name: 'Ri' } }, { holder: { name: 'Pak' } }]);
    expect(listed.notels).toEqual([]);
  });
});
