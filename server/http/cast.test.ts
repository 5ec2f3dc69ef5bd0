/**
 * The cast's settings over HTTP: `PATCH /api/sessions/:id {cast}` for a class session and for the
 * demo session, `GET /api/sessions/:id/cast`; who may, and bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionCastResponse, SessionDetail } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
let fac: Client;
let session: CreateSessionResponse;

beforeAll(async () => {
  srv = await startServer({}, { CAST: 'on', CAST_DELAY_SECONDS: '3,7' });
  fac = await loginAs(srv.url, 'facilitator');
  session = (await fac.post('/api/sessions', { name: 'Settings' })).json as CreateSessionResponse;
});
afterAll(async () => {
  await srv.stop();
});

const patch = (c: Client, id: string, body: unknown) => c.request('PATCH', `/api/sessions/${id}`, body);

describe('a class session’s cast', () => {
  it('starts with every part on and the bureau automatic, and takes each setting', async () => {
    const start = (await fac.get(`/api/sessions/${session.id}/cast`)).json as SessionCastResponse;
    expect(start).toEqual({
      id: session.id,
      cast: { bureau: 'auto', colleagues: true, guide: true, delaySeconds: [10, 45], bureauActive: true },
    });
    const res = await patch(fac, session.id, { cast: { colleagues: false, guide: false, delaySeconds: [0, 600] } });
    expect(res.status, res.text).toBe(200);
    expect((res.json as SessionDetail).cast).toEqual({
      bureau: 'auto',
      colleagues: false,
      guide: false,
      delaySeconds: [0, 600],
      bureauActive: true,
    });
    const bureauOn = await patch(fac, session.id, { cast: { bureau: true }, transcript: false });
    expect((bureauOn.json as SessionDetail).cast?.bureau).toBe(true);
    expect((bureauOn.json as SessionDetail).transcript).toBe(false);
    // On disk.
    expect(srv.built.store.sessions.get(session.id)?.cast).toEqual({
      colleagues: false,
      guide: false,
      delaySeconds: [0, 600],
      bureau: true,
    });
  });

  it.each([
    [{ cast: {} }],
    [{ cast: { bureau: 'maybe' } }],
    [{ cast: { delaySeconds: [9, 3] } }],
    [{ cast: { delaySeconds: [0, 601] } }],
    [{ cast: { delaySeconds: [1.5, 3] } }],
    [{ cast: { delaySeconds: [1] } }],
    [{ cast: { colleagues: 'yes' } }],
    [{ cast: { extra: true } }],
    [{ cast: null }],
  ])('refuses %j with a 400 and changes nothing', async (body) => {
    const before = JSON.stringify(srv.built.store.sessions.get(session.id));
    const res = await patch(fac, session.id, body);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.text).not.toMatch(/at .*\.ts/); // no stack
    expect(JSON.stringify(srv.built.store.sessions.get(session.id))).toBe(before);
  });

  it('is the owning facilitator’s only: a student is refused, another session answers as missing', async () => {
    const student = new Client(srv.url);
    expect((await student.post('/api/sessions/join', { code: session.code, name: 'Ana' })).status).toBe(200);
    expect((await patch(student, session.id, { cast: { bureau: false } })).status).toBe(403);
    expect((await student.get(`/api/sessions/${session.id}/cast`)).status).toBe(403);
    const elite = await loginAs(srv.url, 'elite');
    expect((await patch(elite, 'demo', { cast: { bureau: false } })).status).toBe(403);
    expect((await fac.get('/api/sessions/c-00000000-0000-0000-0000-000000000000/cast')).status).toBe(404);
    expect((await fac.get('/api/sessions/not-a-session/cast')).status).toBe(404);
  });
});

describe('the demo session’s cast', () => {
  it('has the CAST_DELAY_SECONDS delay, and its facilitator switches the parts', async () => {
    const start = (await fac.get('/api/sessions/demo/cast')).json as SessionCastResponse;
    expect(start.cast).toMatchObject({ bureau: 'auto', delaySeconds: [3, 7], bureauActive: true });
    const res = await patch(fac, 'demo', { cast: { bureau: false, guide: false } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      id: 'demo',
      cast: { bureau: false, colleagues: true, guide: false, delaySeconds: [3, 7], bureauActive: false },
    });
    // Only the cast applies to the demo session.
    expect((await patch(fac, 'demo', { transcript: false })).status).toBe(400);
    const back = await patch(fac, 'demo', { cast: { bureau: 'auto', guide: true } });
    expect(back.json.cast).toMatchObject({ bureau: 'auto', guide: true, bureauActive: true });
  });

  it('writes only as JSON from this origin', async () => {
    const forged = await fac.request(
      'PATCH',
      '/api/sessions/demo',
      { cast: { bureau: false } },
      {
        origin: 'http://evil.example',
      },
    );
    expect(forged.status).toBe(403);
    expect(srv.built.store.sessions.get('demo')?.cast?.bureau).toBe('auto');
  });
});
