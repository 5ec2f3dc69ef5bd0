/**
 * The quiz over the wire: join → before-quiz → answer → the facilitator opens the after-quiz (pushed
 * as `session:state`) → answer → one's own result; another student's result unreachable; only the
 * owning facilitator opens it; refusals store nothing; the answers survive a restart and go with the
 * session when it is deleted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionState } from '../protocol/api';
import type { QuizResponse, QuizResultResponse } from '../protocol/debrief';
import { Client, connectSocket, loginAs, startServer, type TestServer } from '../test/harness';

let srv: TestServer;
let fac: Client;

beforeAll(async () => {
  srv = await startServer({}, { JOINS_PER_10S: '1000' });
  fac = await loginAs(srv.url, 'facilitator');
});
afterAll(async () => {
  await srv.stop();
});

async function create(): Promise<CreateSessionResponse> {
  const res = await fac.post('/api/sessions', { name: 'Quiz class' });
  expect(res.status, res.text).toBe(201);
  return res.json as CreateSessionResponse;
}

async function joinAs(code: string, name: string): Promise<Client> {
  const c = new Client(srv.url);
  const res = await c.post('/api/sessions/join', { code, name });
  expect(res.status, res.text).toBe(200);
  return c;
}

/** The truth of every item, read from the pack (the API never sends it before the end). */
const truths = () => srv.built.pack.quiz.items.map((i) => ({ itemId: i.id, answer: i.truth }));
const allTrue = () => srv.built.pack.quiz.items.map((i) => ({ itemId: i.id, answer: true }));
const quizLines = async () =>
  (await readFile(join(srv.dataDir, 'quiz.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
const trailKinds = async (sid: string) =>
  ((await fac.get(`/api/sessions/${sid}/trail?limit=200`)).json.events as { kind: string }[]).map((e) => e.kind);

describe('the quiz, before and after', () => {
  it('runs join → before → answer → after opened → answer → result', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');

    const q = await ana.get('/api/quiz');
    expect(q.status).toBe(200);
    const quiz = q.json as QuizResponse;
    expect(quiz.phase).toBe('before');
    expect(quiz.items.map((i) => i.id)).toEqual(srv.built.pack.quiz.items.map((i) => i.id));
    expect(q.text).not.toContain('truth');

    expect((await ana.get('/api/quiz/result')).json.error.code).toBe('quiz_not_finished');

    const answered = await ana.post('/api/quiz/answers', { phase: 'before', answers: allTrue() });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.json).toEqual({ phase: null, items: [] });
    expect(await quizLines()).toBe(1);
    expect((await ana.get('/api/quiz')).json.phase).toBeNull();

    // The facilitator opens the after-quiz: pushed to the session as `session:state` with `quiz: 'after'`.
    const socket = await connectSocket(srv.url, ana.cookie);
    const pushed = new Promise<SessionState>((resolve) => socket.on('session:state', resolve));
    const opened = await fac.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' });
    expect(opened.status, opened.text).toBe(200);
    expect((await pushed).quiz).toBe('after');
    socket.disconnect();

    expect((await ana.get('/api/quiz')).json.phase).toBe('after');
    expect((await ana.post('/api/quiz/answers', { phase: 'after', answers: truths() })).status).toBe(200);

    const result = await ana.get('/api/quiz/result');
    expect(result.status).toBe(200);
    const r = result.json as QuizResultResponse;
    const n = srv.built.pack.quiz.items.length;
    expect(r.correctBefore).toBe(n / 2);
    expect(r.correctAfter).toBe(n);
    expect(r.items[0]).toMatchObject({ truth: srv.built.pack.quiz.items[0]!.truth, before: true });

    // Reading the quiz and the result records nothing.
    const lines = await quizLines();
    const events = (await trailKinds(s.id)).length;
    for (const path of ['/api/quiz', '/api/quiz/result']) expect((await ana.get(path)).status).toBe(200);
    expect(await quizLines()).toBe(lines);
    expect((await trailKinds(s.id)).length).toBe(events);

    const kinds = await trailKinds(s.id);
    expect(kinds.filter((k) => k === 'quiz_answered')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'quiz_opened')).toHaveLength(1);
  });

  it('keeps another student’s result unreachable', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    const bo = await joinAs(s.code, 'Bo');
    await ana.post('/api/quiz/answers', { phase: 'before', answers: truths() });
    await fac.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' });
    await ana.post('/api/quiz/answers', { phase: 'after', answers: truths() });
    expect((await ana.get('/api/quiz/result')).status).toBe(200);
    // Bo answered nothing: his own result is not there, and he cannot name Ana's.
    const mine = await bo.get('/api/quiz/result');
    expect(mine.status).toBe(409);
    expect(mine.json.error.code).toBe('quiz_not_finished');
    const anaId = srv.built.store.users.list(s.id).find((u) => u.displayName === 'Ana')!.id;
    const named = await bo.get(`/api/quiz/result?userId=${anaId}`);
    expect(named.status).toBe(400);
    expect(named.text).not.toContain('correctAfter');
    // Demo personas and the facilitator take no quiz.
    expect((await fac.get('/api/quiz')).json).toEqual({ phase: null, items: [] });
    expect((await fac.get('/api/quiz/result')).status).toBe(403);
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.get('/api/quiz')).json).toEqual({ phase: null, items: [] });
    expect((await elite.post('/api/quiz/answers', { phase: 'before', answers: truths() })).status).toBe(403);
  });

  it('lets only the owning facilitator open the after-quiz', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    const student = await ana.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' });
    expect(student.status).toBe(403);
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' })).status).toBe(403);
    expect(
      (await fac.post('/api/sessions/c-00000000-0000-4000-8000-000000000000/quiz', { phase: 'after' })).status,
    ).toBe(404);
    expect((await fac.post(`/api/sessions/${s.id}/quiz`, { phase: 'before' })).status).toBe(400);
    expect((await ana.get('/api/quiz')).json.phase).toBe('before');
    expect(await trailKinds(s.id)).not.toContain('quiz_opened');
  });

  it('answers bad input with clear errors and stores nothing', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    const lines = await quizLines();
    const cases: [unknown, number, string][] = [
      [{ phase: 'before', answers: truths().slice(1) }, 400, 'missing_items'],
      [{ phase: 'before', answers: [...truths(), truths()[0]] }, 400, 'duplicate_item'],
      [{ phase: 'before', answers: [...truths().slice(1), { itemId: 'nope', answer: true }] }, 400, 'unknown_item'],
      [{ phase: 'before', answers: truths().map((a) => ({ ...a, answer: 'yes' })) }, 400, 'invalid_input'],
      [{ phase: 'during', answers: truths() }, 400, 'invalid_input'],
      [{ phase: 'before', answers: truths(), userId: 'someone' }, 400, 'invalid_input'],
      [{ phase: 'after', answers: truths() }, 409, 'quiz_not_open'],
    ];
    for (const [body, status, code] of cases) {
      const res = await ana.post('/api/quiz/answers', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error.code).toBe(code);
    }
    expect(await quizLines()).toBe(lines);
    expect((await ana.post('/api/quiz/answers', { phase: 'before', answers: truths() })).status).toBe(200);
    const twice = await ana.post('/api/quiz/answers', { phase: 'before', answers: allTrue() });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('already_answered');
    expect(await quizLines()).toBe(lines + 1);
    expect((await trailKinds(s.id)).filter((k) => k === 'quiz_answered')).toHaveLength(1);
  });

  it('refuses answers while paused, takes the after-quiz once the session has ended', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    await fac.post(`/api/sessions/${s.id}/pause`, { paused: true });
    const paused = await ana.post('/api/quiz/answers', { phase: 'before', answers: truths() });
    expect(paused.status).toBe(423);
    expect(paused.json.error.code).toBe('paused');
    await fac.post(`/api/sessions/${s.id}/pause`, { paused: false });
    await fac.post(`/api/sessions/${s.id}/end`, {});
    expect((await fac.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' })).status).toBe(200);
    expect((await ana.post('/api/quiz/answers', { phase: 'after', answers: truths() })).status).toBe(200);
    expect((await ana.get('/api/quiz/result')).json.correctAfter).toBe(srv.built.pack.quiz.items.length);
  });

  it('starts again with the before-quiz when the session is reset', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    await ana.post('/api/quiz/answers', { phase: 'before', answers: truths() });
    await fac.post(`/api/sessions/${s.id}/quiz`, { phase: 'after' });
    expect((await fac.post(`/api/sessions/${s.id}/reset`, { keepRoster: true })).status).toBe(200);
    expect(srv.built.store.quiz.list(s.id)).toHaveLength(0);
    expect((await ana.get('/api/quiz')).json.phase).toBe('before');
  });

  it('keeps answers over a restart and drops them with the deleted session', async () => {
    const s = await create();
    const ana = await joinAs(s.code, 'Ana');
    await ana.post('/api/quiz/answers', { phase: 'before', answers: truths() });
    const dataDir = srv.dataDir;
    await srv.stop({ keepData: true });
    srv = await startServer({ dataDir }, { JOINS_PER_10S: '1000' });
    const again = new Client(srv.url);
    again.cookie = ana.cookie;
    expect((await again.get('/api/quiz')).json.phase).toBeNull();
    expect(srv.built.store.quiz.of(s.id, srv.built.store.users.list(s.id)[0]!.id, 'before')).toBeDefined();
    const facAgain = new Client(srv.url);
    facAgain.cookie = fac.cookie;
    expect((await facAgain.request('DELETE', `/api/sessions/${s.id}`)).status).toBe(204);
    expect(srv.built.store.quiz.list(s.id)).toHaveLength(0);
    expect(await readFile(join(dataDir, 'quiz.jsonl'), 'utf8')).not.toContain(s.id);
    fac = facAgain;
  });
});
