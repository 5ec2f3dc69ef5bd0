/**
 * The debrief over the wire: a real class session (joins, two rounds, closed then open) whose trail is
 * filled out with the events the features record; the figures, the exports parsed back to the same
 * figures, the transcript and its refusal, and who may read any of it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/csv';
import type { DebriefResponse, Mode, TrailEvent, TrailKind } from '../protocol/api';
import { Client, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
let fac: Client;
let sid = '';
let code = '';
const students: { client: Client; id: string; username: string; name: string }[] = [];

const BOM = '\uFEFF';

/** The raw bytes of a download (fetch's `text()` would drop the BOM), decoded keeping the BOM. */
async function download(path: string): Promise<string> {
  const res = await fetch(srv.url + path, { headers: { cookie: fac.cookie } });
  expect(res.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

/** Appends an event as a feature would have recorded it, in the given round. */
async function record(
  kind: TrailKind,
  username: string | null,
  detail: Record<string, string>,
  round: number,
  mode: Mode,
) {
  const e: TrailEvent = {
    id: randomUUID(),
    sessionId: sid,
    at: new Date().toISOString(),
    kind,
    username,
    role: null,
    detail,
    mode,
    round,
  };
  await srv.built.store.trail.append(e);
}

beforeAll(async () => {
  srv = await startServer({}, { JOINS_PER_10S: '1000' });
  fac = await loginAs(srv.url, 'facilitator');
  const created = await fac.post('/api/sessions', { name: 'Debrief class' });
  expect(created.status, created.text).toBe(201);
  sid = created.json.id;
  code = created.json.code;
  for (const name of ['민지', 'Jae-ho', 'Soo-ah']) {
    const client = new Client(srv.url);
    const res = await client.post('/api/sessions/join', { code, name });
    expect(res.status, res.text).toBe(200);
    const user = srv.built.store.users.findById(res.json.player.id)!;
    students.push({ client, id: user.id, username: user.username, name: user.displayName });
  }
  const [a, b, c] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
  expect((await fac.post(`/api/sessions/${sid}/rounds`, { mode: 'closed' })).status).toBe(200);
  await record('chat_message', a.username, { room: 'square', text: 'hello, "everyone"\nsecond line' }, 1, 'closed');
  await record('chat_message', b.username, { room: 'square', text: 'x', substitutions: 'a → b' }, 1, 'closed');
  await record('chat_message', c.username, { room: `dm:${b.username}:${c.username}`, text: 'private' }, 1, 'closed');
  await record('chat_blocked', c.username, { room: 'square', text: 'banned', term: 'banned' }, 1, 'closed');
  await record('post_submitted', a.username, { board: 'b', post: 'p1' }, 1, 'closed');
  await record('post_filtered', b.username, { board: 'b', term: 't' }, 1, 'closed');
  await record('search_flagged', a.username, { query: 'q', term: 'q' }, 1, 'closed');
  await record('blocked_address', b.username, { address: 'google.com' }, 1, 'closed');
  await record('user_muted', 'censor', { target: c.username }, 1, 'closed');
  await record('file_dropped', a.username, { copy: 'k', file: 'harbour-film', title: 'Harbour, "film"' }, 1, 'closed');
  await record(
    'file_handed_over',
    a.username,
    { copy: 'k', file: 'harbour-film', title: 'Harbour, "film"', toUser: b.username },
    1,
    'closed',
  );
  expect((await fac.post(`/api/sessions/${sid}/rounds/end`, {})).status).toBe(200);
  expect((await fac.post(`/api/sessions/${sid}/rounds`, { mode: 'open' })).status).toBe(200);
  await record('social_posted', a.username, { post: 's1' }, 2, 'open');
  await record('social_shared', b.username, { post: 's2', parent: 's1', root: 's1' }, 2, 'open');
  await record('social_shared', c.username, { post: 's3', parent: 's2', root: 's1' }, 2, 'open');
  await record('would_block', a.username, { where: 'chat', term: 'x' }, 2, 'open');
  await record('link_out', c.username, { address: 'bbc.co.uk' }, 2, 'open');
  await record('chat_message', c.username, { room: 'square', text: '안녕하세요, 여러분' }, 2, 'open');
  // A student may not change the settings (checked while the session runs: an ended one refuses every student write).
  const patched = await a.client.request('PATCH', `/api/sessions/${sid}`, { transcript: false });
  expect(patched.status, patched.text).toBe(403);
  expect((await fac.post(`/api/sessions/${sid}/end`, {})).status).toBe(200);
});
afterAll(async () => {
  await srv.stop();
});

const debrief = async (): Promise<DebriefResponse> => {
  const res = await fac.get(`/api/sessions/${sid}/debrief`);
  expect(res.status, res.text).toBe(200);
  return res.json;
};

describe('GET /api/sessions/:id/debrief', () => {
  it('answers the figures of both rounds of an ended session, with player names', async () => {
    const d = await debrief();
    const [a, b, c] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
    expect(d.rounds.map((r) => [r.number, r.mode])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    const [r1, r2] = d.rounds as [DebriefResponse['rounds'][0], DebriefResponse['rounds'][0]];
    expect(r1.messages).toEqual({ sent: 4, delivered: 3, blocked: 1, rewritten: 1 });
    expect(r1.posts).toMatchObject({ submitted: 2, filtered: 1, approved: 0, medianSecondsToVisible: null });
    expect(r1.searches).toEqual({ total: 1, emptyByFilter: 1 });
    expect(r1.blockedAddresses).toBe(1);
    expect(r1.discipline?.muted).toEqual([c.id]);
    expect(r1.spread).toMatchObject([
      { itemId: 'harbour-film', kind: 'file', reached: 2, edges: [{ from: a.id, to: b.id }] },
    ]);
    expect(r2.outsideTried).toBe(1);
    expect(r2.wouldBlock).toBe(1);
    expect(r2.posts.medianSecondsToVisible).toBe(0);
    expect(r2.spread).toMatchObject([
      {
        itemId: 's1',
        kind: 'post',
        reached: 3,
        edges: [
          { from: a.id, to: b.id },
          { from: b.id, to: c.id },
        ],
      },
    ]);
    expect(d.players).toEqual({ [a.id]: a.name, [b.id]: b.name, [c.id]: c.name });
    expect(d.transcript).toBe(true);
    expect(d.quiz.items.map((i) => i.id)).toEqual(srv.built.pack.quiz.items.map((i) => i.id));
  });

  it('records nothing', async () => {
    const before = srv.built.store.trail.size;
    await debrief();
    await fac.get(`/api/sessions/${sid}/trail.csv`);
    await fac.get(`/api/sessions/${sid}/transcript`);
    expect(srv.built.store.trail.size).toBe(before);
  });

  it('refuses students (403) and answers another facilitator and a deleted session as missing (404)', async () => {
    const paths = ['debrief', 'debrief.csv', 'trail.csv', 'trail.json', 'transcript'];
    for (const path of paths) {
      const student = await students[0]!.client.get(`/api/sessions/${sid}/${path}`);
      expect(student.status, path).toBe(403);
      expect((await (await loginAs(srv.url, 'elite')).get(`/api/sessions/${sid}/${path}`)).status, path).toBe(403);
      expect((await fac.get(`/api/sessions/c-${randomUUID()}/${path}`)).status, path).toBe(404);
      expect((await fac.get(`/api/sessions/not-a-session/${path}`)).status, path).toBe(404);
    }
    // Another facilitator's session: this one handed to someone else answers as missing.
    const mine = structuredClone(srv.built.store.sessions.get(sid)!.class!);
    await srv.built.store.sessions.update(sid, { class: { ...mine, ownerId: 'someone-else' } });
    try {
      for (const path of paths) {
        const res = await fac.get(`/api/sessions/${sid}/${path}`);
        expect(res.status, path).toBe(404);
        expect(res.json.error.code).toBe('not_found');
      }
    } finally {
      await srv.built.store.sessions.update(sid, { class: mine });
    }
    const other = await fac.post('/api/sessions', { name: 'Doomed' });
    expect((await fac.get(`/api/sessions/${other.json.id}/debrief`)).status).toBe(200);
    expect((await fac.request('DELETE', `/api/sessions/${other.json.id}`, {})).status).toBe(204);
    const gone = await fac.get(`/api/sessions/${other.json.id}/debrief`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('not_found');
  });
});

describe('exports', () => {
  it('debrief.csv parses back to the same figures', async () => {
    const d = await debrief();
    const res = await fac.get(`/api/sessions/${sid}/debrief.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="debrief-${code}.csv"`);
    expect((await download(`/api/sessions/${sid}/debrief.csv`)).startsWith(BOM)).toBe(true);
    const [head, ...rows] = parseCsv(res.text);
    expect(head).toEqual(['round', 'mode', 'figure', 'value']);
    const value = (round: number, figure: string) => rows.find((r) => r[0] === String(round) && r[2] === figure)?.[3];
    for (const r of d.rounds) {
      expect(value(r.number, 'messages.sent')).toBe(String(r.messages.sent));
      expect(value(r.number, 'messages.blocked')).toBe(String(r.messages.blocked));
      expect(value(r.number, 'messages.rewritten')).toBe(String(r.messages.rewritten));
      expect(value(r.number, 'posts.submitted')).toBe(String(r.posts.submitted));
      expect(value(r.number, 'posts.medianSecondsToVisible')).toBe(
        r.posts.medianSecondsToVisible === null ? '' : String(r.posts.medianSecondsToVisible),
      );
      expect(value(r.number, 'searches.emptyByFilter')).toBe(String(r.searches.emptyByFilter));
      expect(value(r.number, 'outsideTried')).toBe(String(r.outsideTried));
      expect(value(r.number, 'spread.maxReached')).toBe(String(Math.max(0, ...r.spread.map((s) => s.reached))));
    }
    expect(rows.filter((r) => r[1] === 'quiz').map((r) => r[2])).toContain('discernmentBefore');
  });

  it('trail.csv and trail.json stream the whole trail, Korean and quotes intact', async () => {
    const events = srv.built.store.trail.query({ sessionId: sid, limit: 1e9 }).reverse();
    const csv = await fac.get(`/api/sessions/${sid}/trail.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="trail-${code}.csv"`);
    expect((await download(`/api/sessions/${sid}/trail.csv`)).startsWith(BOM)).toBe(true);
    const [head, ...rows] = parseCsv(csv.text);
    expect(head).toEqual(['id', 'at', 'round', 'mode', 'kind', 'username', 'role', 'detail']);
    expect(rows.map((r) => r[0])).toEqual(events.map((e) => e.id));
    expect(rows.map((r) => JSON.parse(r[7]!))).toEqual(events.map((e) => e.detail));
    expect(rows.some((r) => r[7]!.includes('안녕하세요, 여러분'))).toBe(true);

    const json = await fac.get(`/api/sessions/${sid}/trail.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="trail-${code}.json"`);
    expect(json.json).toEqual({ sessionId: sid, events });
  });

  it('the transcript lists public messages only, and is refused once disabled', async () => {
    const res = await fac.get(`/api/sessions/${sid}/transcript`);
    expect(res.status).toBe(200);
    const [head, ...rows] = parseCsv(res.text);
    expect(head).toEqual(['at', 'place', 'author', 'text']);
    const texts = rows.map((r) => r[3]);
    expect(texts).toContain('hello, "everyone"\nsecond line');
    expect(texts).toContain('안녕하세요, 여러분');
    expect(texts).not.toContain('private');
    expect(rows.find((r) => r[3] === 'hello, "everyone"\nsecond line')?.[2]).toBe('민지');

    const bad = await fac.request('PATCH', `/api/sessions/${sid}`, { transcript: 'no' });
    expect(bad.status).toBe(400);
    expect((await fac.request('PATCH', `/api/sessions/${sid}`, { other: true })).status).toBe(400);
    expect((await fac.request('PATCH', `/api/sessions/${sid}`, {})).status).toBe(400);
    expect((await fac.get(`/api/sessions/${sid}/transcript`)).status).toBe(200);

    const off = await fac.request('PATCH', `/api/sessions/${sid}`, { transcript: false });
    expect(off.status, off.text).toBe(200);
    expect(off.json.transcript).toBe(false);
    const refused = await fac.get(`/api/sessions/${sid}/transcript`);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('transcript_disabled');
    expect((await debrief()).transcript).toBe(false);
    // On disk: a restart keeps the setting.
    expect(srv.built.store.sessions.get(sid)?.class?.transcript).toBe(false);

    expect((await fac.request('PATCH', `/api/sessions/${sid}`, { transcript: true })).json.transcript).toBe(true);
    expect((await fac.get(`/api/sessions/${sid}/transcript`)).status).toBe(200);
  });
});
