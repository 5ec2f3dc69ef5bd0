/**
 * The quiz's rules over the in-memory world: which phase a reader gets, answering each phase once
 * with every item once, the refusals (each storing and recording nothing), the facilitator's opening
 * of the after-quiz, and one's own result with the truth only once the after-quiz is answered.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SerialQueue } from './classes';
import { DomainError } from './errors';
import type { Actor } from './policy';
import type { ClassState, SessionRecord } from './ports';
import { classState as baseClassState } from '../test/factories';
import { answerQuiz, currentQuiz, openAfterQuiz, quizResult, sessionQuizFigures, type QuizDeps } from './quiz';
import { actor as actorOf, session, user } from '../test/factories';
import { testWorld, type World } from '../test/memory';
import type { QuizPhase } from '../protocol/debrief';

const SESSION_ID = 'c-00000000-0000-4000-8000-000000000001';

let w: World;
let deps: QuizDeps;
let facilitator: Actor;
let ann: Actor;
let ben: Actor;

function classState(over: Partial<ClassState> = {}): ClassState {
  return baseClassState({ ownerId: facilitator.userId, capacity: 30, ...over });
}

async function seat(name: string): Promise<Actor> {
  const u = await w.store.users.insert(
    user({
      sessionId: SESSION_ID,
      username: name,
      role: 'citizen',
      seat: { joinedAt: new Date().toISOString(), assigned: true },
    }),
  );
  return actorOf({ sessionId: SESSION_ID }, u);
}

/** Every item answered: `true` where `pick` says so. */
const sheet = (pick: (truth: boolean, i: number) => boolean) =>
  w.pack.quiz.items.map((item, i) => ({ itemId: item.id, answer: pick(item.truth, i) }));
const allRight = () => sheet((t) => t);
const answer = (who: Actor, phase: QuizPhase, answers = allRight()) => answerQuiz(deps, who, { phase, answers });

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

/** What a refusal must leave untouched: the stored answers and the trail. */
function snapshot() {
  return { answers: w.store.quiz.list(SESSION_ID).length, trail: w.store.trail.count(SESSION_ID, 'quiz_answered') };
}

beforeEach(async () => {
  w = await testWorld();
  facilitator = w.actor('facilitator');
  await w.store.sessions.insert(session({ id: SESSION_ID, code: '424242', class: classState() }) as SessionRecord);
  ann = await seat('ann');
  ben = await seat('ben');
  deps = {
    pack: w.pack,
    quiz: w.store.quiz,
    sessions: w.store.sessions,
    users: w.store.users,
    recorder: w.recorder,
    bus: w.bus,
    queue: new SerialQueue(),
  };
});

describe('the phase a reader gets', () => {
  it('a seat gets the before-quiz from joining on, without truth values', () => {
    const q = currentQuiz(deps, ann);
    expect(q.phase).toBe('before');
    expect(q.items).toHaveLength(w.pack.quiz.items.length);
    for (const item of q.items) expect(Object.keys(item).sort()).toEqual(['id', 'text']);
  });

  it('a seat waiting in the lobby (no role yet) gets it too', async () => {
    const u = await w.store.users.insert(
      user({
        sessionId: SESSION_ID,
        username: 'cho',
        role: 'citizen',
        seat: { joinedAt: new Date().toISOString(), assigned: false },
      }),
    );
    expect(currentQuiz(deps, actorOf({ sessionId: SESSION_ID, pending: true }, u)).phase).toBe('before');
  });

  it('demo personas and the facilitator get none', () => {
    expect(currentQuiz(deps, w.actor('citizen'))).toEqual({ phase: null, items: [] });
    expect(currentQuiz(deps, facilitator)).toEqual({ phase: null, items: [] });
  });

  it('before → null once answered → after once opened → null once answered', async () => {
    expect((await answer(ann, 'before')).phase).toBeNull();
    expect(currentQuiz(deps, ann)).toEqual({ phase: null, items: [] });
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    expect(currentQuiz(deps, ann).phase).toBe('after');
    expect((await answer(ann, 'after')).phase).toBeNull();
    expect(currentQuiz(deps, ann).phase).toBeNull();
  });

  it('opening the after-quiz closes the before-quiz for those who had not answered it', async () => {
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    expect(currentQuiz(deps, ben).phase).toBe('after');
  });
});

describe('answering', () => {
  it('stores every item once, in the pack order, and records quiz_answered without the answers', async () => {
    const reversed = [...allRight()].reverse();
    await answer(ann, 'before', reversed);
    const stored = w.store.quiz.of(SESSION_ID, ann.userId, 'before');
    expect(stored?.answers).toEqual(allRight());
    const events = w.store.trail.query({ sessionId: SESSION_ID, kind: 'quiz_answered', limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ username: 'ann', detail: { phase: 'before' } });
    expect(Object.keys(events[0]!.detail)).toEqual(['phase']);
  });

  it.each([
    ['an unknown item', () => [...allRight().slice(1), { itemId: 'no-such-item', answer: true }], 'unknown_item'],
    ['an item twice', () => [...allRight(), allRight()[0]!], 'duplicate_item'],
    ['a missing item', () => allRight().slice(1), 'missing_items'],
  ])('refuses %s (400) and stores nothing', async (_name, answers, code) => {
    const before = snapshot();
    expect(await codeOf(() => answer(ann, 'before', answers()))).toBe(code);
    expect(snapshot()).toEqual(before);
    expect(currentQuiz(deps, ann).phase).toBe('before');
  });

  it('refuses a phase twice, the closed before-quiz, the unopened after-quiz; stores nothing', async () => {
    expect(await codeOf(() => answer(ann, 'after'))).toBe('quiz_not_open');
    await answer(ann, 'before');
    let before = snapshot();
    expect(
      await codeOf(() =>
        answer(
          ann,
          'before',
          sheet(() => false),
        ),
      ),
    ).toBe('already_answered');
    expect(w.store.quiz.of(SESSION_ID, ann.userId, 'before')?.answers).toEqual(allRight());
    expect(snapshot()).toEqual(before);
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    before = snapshot();
    expect(await codeOf(() => answer(ben, 'before'))).toBe('quiz_closed');
    expect(snapshot()).toEqual(before);
    await answer(ann, 'after');
    before = snapshot();
    expect(await codeOf(() => answer(ann, 'after'))).toBe('already_answered');
    expect(snapshot()).toEqual(before);
  });

  it('takes one of two answers sent at once', async () => {
    const codes = await Promise.all([codeOf(() => answer(ann, 'before')), codeOf(() => answer(ann, 'before'))]);
    expect(codes.sort()).toEqual(['already_answered', 'ok']);
    expect(w.store.quiz.list(SESSION_ID)).toHaveLength(1);
  });

  it('refuses demo personas and the facilitator (403)', async () => {
    expect(await codeOf(() => answer(w.actor('citizen'), 'before'))).toBe('forbidden');
    expect(await codeOf(() => answer(facilitator, 'before'))).toBe('forbidden');
    expect(w.store.quiz.list(w.session.id)).toHaveLength(0);
  });

  it('refuses while paused, but takes answers once the session has ended', async () => {
    await w.store.sessions.update(SESSION_ID, { class: classState({ paused: true }) });
    expect(await codeOf(() => answer(ann, 'before'))).toBe('paused');
    expect(snapshot()).toEqual({ answers: 0, trail: 0 });
    await w.store.sessions.update(SESSION_ID, { class: classState({ ended: true, quizAfter: true }) });
    expect(await codeOf(() => answer(ann, 'after'))).toBe('ok');
  });
});

describe('opening the after-quiz', () => {
  it('only the owning facilitator opens it: a student 403, another session 404; records once', async () => {
    expect(await codeOf(() => openAfterQuiz(deps, ann, SESSION_ID))).toBe('forbidden');
    expect(await codeOf(() => openAfterQuiz(deps, facilitator, 'c-00000000-0000-4000-8000-00000000dead'))).toBe(
      'not_found',
    );
    expect(w.store.sessions.get(SESSION_ID)?.class?.quizAfter).toBeFalsy();
    const pushed: string[] = [];
    w.bus.on('class:state', ({ sessionId }) => pushed.push(sessionId));
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    expect(w.store.sessions.get(SESSION_ID)?.class?.quizAfter).toBe(true);
    expect(w.store.trail.count(SESSION_ID, 'quiz_opened')).toBe(1);
    expect(pushed).toEqual([SESSION_ID]);
  });
});

describe('one’s own result', () => {
  it('is refused until the after-quiz is answered, then shows both phases with the truth', async () => {
    // Before: "true" to everything; after: all right.
    await answer(
      ann,
      'before',
      sheet(() => true),
    );
    expect(await codeOf(() => quizResult(deps, ann))).toBe('quiz_not_finished');
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    await answer(ann, 'after');
    const r = quizResult(deps, ann);
    const half = w.pack.quiz.items.length / 2;
    expect(r.correctBefore).toBe(half);
    expect(r.correctAfter).toBe(2 * half);
    expect(r.items).toEqual(
      w.pack.quiz.items.map((i) => ({ id: i.id, text: i.text, truth: i.truth, before: true, after: i.truth })),
    );
    // Ben's is his own: he has answered nothing.
    expect(await codeOf(() => quizResult(deps, ben))).toBe('quiz_not_finished');
  });

  it('a late joiner who only answered the after-quiz sees before as null', async () => {
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    await answer(
      ben,
      'after',
      sheet(() => false),
    );
    const r = quizResult(deps, ben);
    expect(r.correctBefore).toBeNull();
    expect(r.correctAfter).toBe(w.pack.quiz.items.length / 2);
    expect(r.items.every((i) => i.before === null)).toBe(true);
  });

  it('feeds the class figures', async () => {
    await answer(
      ann,
      'before',
      sheet(() => true),
    );
    await answer(
      ben,
      'before',
      sheet(() => true),
    );
    await openAfterQuiz(deps, facilitator, SESSION_ID);
    await answer(ann, 'after');
    const q = sessionQuizFigures(deps, SESSION_ID);
    expect(q.answeredBefore).toBe(2);
    expect(q.answeredAfter).toBe(1);
    expect(q.discernmentBefore).toBe(0);
    expect(q.biasBefore).toBe(-1);
    expect(q.discernmentAfter).toBe(1);
    expect(q.biasAfter).toBe(0);
  });
});
