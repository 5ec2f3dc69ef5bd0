/**
 * The before/after quiz (issue 13): a class session's student answers the pack's quiz when joining
 * (`before`) and again once the facilitator opens the after-quiz (`after`); opening it closes the
 * before-quiz, so a late joiner answers only the after-quiz. Each phase is answered once, every item
 * exactly once. Demo personas and the facilitator take no quiz.
 *
 * Truth values stay on the server until the student has answered the after-quiz: showing them after
 * the before-quiz would hand out the after-quiz's answers. `quizResult` therefore refuses (409
 * `quiz_not_finished`) until then, and then shows both phases with the right answers.
 *
 * Answering is allowed while the session has ended (the after-quiz is given at the end) but not while
 * it is paused. The trail records `quiz_answered {phase}` and `quiz_opened {phase}`, never the answers
 * (other players may read the trail); the answers live in `QuizRepo`.
 */
import type { QuizAnswersRequest, QuizPhase, QuizResponse, QuizResultResponse, DebriefQuiz } from '../protocol/debrief';
import type { Bus } from './bus';
import { ownSession, type SerialQueue } from './classes';
import { DomainError, forbidden } from './errors';
import type { Pack } from './pack';
import type { Actor } from './policy';
import type { ClassState, QuizRepo, SessionRecord, SessionsRepo, UserRecord, UsersRepo } from './ports';
import { quizFigures } from './quiz-stats';
import type { TrailRecorder } from './recorder';

/** What the quiz needs. */
export interface QuizDeps {
  pack: Pack;
  quiz: QuizRepo;
  sessions: SessionsRepo;
  users: UsersRepo;
  recorder: TrailRecorder;
  bus: Bus;
  /** The class sessions' queue: a session's quiz changes run in turn with its other changes. */
  queue: SerialQueue;
  now?: () => Date;
}

type ClassSession = SessionRecord & { class: ClassState };

const noQuiz = () => forbidden('Only students in a class session take the quiz.');

/** The reader's seat and its class session, or undefined for a demo persona or the facilitator. */
function seatOf(deps: QuizDeps, actor: Actor): { user: UserRecord; session: ClassSession } | undefined {
  const session = deps.sessions.get(actor.sessionId);
  const user = deps.users.findById(actor.userId);
  if (!session?.class || !user?.seat || user.seat.removed || user.sessionId !== session.id) return undefined;
  return { user, session: session as ClassSession };
}

/** The phase open for a seat now: `before` until answered or closed, `after` once opened until answered. */
function openPhase(deps: QuizDeps, userId: string, session: ClassSession): QuizPhase | null {
  const phase: QuizPhase = session.class.quizAfter ? 'after' : 'before';
  return deps.quiz.of(session.id, userId, phase) ? null : phase;
}

/** `GET /api/quiz`: the phase the reader has to answer now, and its items without truth values. */
export function currentQuiz(deps: QuizDeps, actor: Actor): QuizResponse {
  const seat = seatOf(deps, actor);
  const phase = seat ? openPhase(deps, seat.user.id, seat.session) : null;
  return { phase, items: phase ? deps.pack.quiz.items.map((i) => ({ id: i.id, text: i.text })) : [] };
}

/** Every item answered exactly once, and only items of the quiz: else a 400 naming the first fault. */
function checkSheet(deps: QuizDeps, answers: QuizAnswersRequest['answers']): void {
  const known = new Set(deps.pack.quiz.items.map((i) => i.id));
  const seen = new Set<string>();
  for (const a of answers) {
    if (!known.has(a.itemId)) throw new DomainError('bad_input', 'unknown_item', `No quiz item "${a.itemId}".`);
    if (seen.has(a.itemId))
      throw new DomainError('bad_input', 'duplicate_item', `Quiz item "${a.itemId}" is answered twice.`);
    seen.add(a.itemId);
  }
  const missing = [...known].filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new DomainError('bad_input', 'missing_items', `Answer every statement (${missing.length} left).`);
}

/** Why `phase` may not be answered by this seat now, or undefined when it may. */
function phaseRefusal(deps: QuizDeps, userId: string, s: ClassSession, phase: QuizPhase): DomainError | undefined {
  if (s.class.paused) return new DomainError('paused', 'paused', 'Paused by your teacher.');
  if (deps.quiz.of(s.id, userId, phase))
    return new DomainError('conflict', 'already_answered', 'You have already answered this quiz.');
  if (phase === 'before' && s.class.quizAfter)
    return new DomainError('conflict', 'quiz_closed', 'The first quiz has closed: the quiz at the end is open.');
  if (phase === 'after' && !s.class.quizAfter)
    return new DomainError('conflict', 'quiz_not_open', 'The quiz at the end is not open yet.');
  return undefined;
}

/** `POST /api/quiz/answers`: stores a seat's answers to the open phase (on disk before it resolves). */
export async function answerQuiz(deps: QuizDeps, actor: Actor, input: QuizAnswersRequest): Promise<QuizResponse> {
  if (!seatOf(deps, actor)) throw noQuiz();
  checkSheet(deps, input.answers);
  return deps.queue.run(actor.sessionId, async () => {
    const seat = seatOf(deps, actor); // as it is now, after the session's earlier changes
    if (!seat) throw noQuiz();
    const refusal = phaseRefusal(deps, seat.user.id, seat.session, input.phase);
    if (refusal) throw refusal;
    const byId = new Map(input.answers.map((a) => [a.itemId, a.answer]));
    await deps.quiz.insert({
      sessionId: seat.session.id,
      userId: seat.user.id,
      phase: input.phase,
      at: (deps.now ?? (() => new Date()))().toISOString(),
      answers: deps.pack.quiz.items.map((i) => ({ itemId: i.id, answer: byId.get(i.id)! })),
    });
    await deps.recorder.record(
      { username: seat.user.username, role: seat.user.role, sessionId: seat.session.id },
      'quiz_answered',
      { phase: input.phase },
    );
    return currentQuiz(deps, actor);
  });
}

/** `GET /api/quiz/result`: the reader's own answers beside the right ones, once the after-quiz is answered. */
export function quizResult(deps: QuizDeps, actor: Actor): QuizResultResponse {
  const seat = seatOf(deps, actor);
  if (!seat) throw noQuiz();
  const before = deps.quiz.of(seat.session.id, seat.user.id, 'before');
  const after = deps.quiz.of(seat.session.id, seat.user.id, 'after');
  if (!after)
    throw new DomainError(
      'conflict',
      'quiz_not_finished',
      'Your answers and the right ones show once you have answered the quiz at the end.',
    );
  const answerIn = (sheet: typeof before, id: string) => sheet?.answers.find((a) => a.itemId === id)?.answer ?? null;
  const correct = (sheet: typeof before) =>
    sheet ? deps.pack.quiz.items.filter((i) => answerIn(sheet, i.id) === i.truth).length : null;
  return {
    items: deps.pack.quiz.items.map((i) => ({
      id: i.id,
      text: i.text,
      truth: i.truth,
      before: answerIn(before, i.id),
      after: answerIn(after, i.id),
    })),
    correctBefore: correct(before),
    correctAfter: correct(after),
  };
}

/**
 * `POST /api/sessions/:id/quiz {phase: 'after'}` by the owning facilitator: opens the after-quiz (and
 * closes the before-quiz), records `quiz_opened` and pushes the session's state. Opening it again
 * changes and records nothing. Allowed once the session has ended.
 */
export async function openAfterQuiz(deps: QuizDeps, actor: Actor, sessionId: string): Promise<void> {
  ownSession(deps, actor, sessionId);
  await deps.queue.run(sessionId, async () => {
    const s = ownSession(deps, actor, sessionId);
    if (s.class.quizAfter) return;
    await deps.sessions.update(s.id, { class: { ...s.class, quizAfter: true } });
    await deps.recorder.record({ username: actor.username, role: actor.role, sessionId: s.id }, 'quiz_opened', {
      phase: 'after',
    });
    deps.bus.emit('class:state', { sessionId: s.id });
  });
}

/** The class's quiz figures for the debrief: every answer given in the session. */
export function sessionQuizFigures(deps: Pick<QuizDeps, 'pack' | 'quiz'>, sessionId: string): DebriefQuiz {
  const rows = deps.quiz
    .list(sessionId)
    .flatMap((r) => r.answers.map((a) => ({ userId: r.userId, phase: r.phase, itemId: a.itemId, answer: a.answer })));
  return quizFigures(deps.pack.quiz.items, rows);
}
