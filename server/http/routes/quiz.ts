/**
 * The quiz (see `protocol/debrief.ts` for every shape): `GET /api/quiz` (the phase open for the reader
 * and its items, no truth values), `POST /api/quiz/answers` (one phase, every item once),
 * `GET /api/quiz/result` (the reader's own before/after, once the after-quiz is answered; there is no
 * way to name another student) and the facilitator's `POST /api/sessions/:id/quiz {phase: 'after'}`.
 * Mounted before the pause guard: the domain refuses answers while paused but takes them once the
 * session has ended, when the after-quiz is given.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { answerQuiz, currentQuiz, openAfterQuiz, quizResult, type QuizDeps } from '../../domain/quiz';
import { DomainError } from '../../domain/errors';
import { QUIZ_ITEMS } from '../../domain/pack-quiz';
import { PATTERNS } from '../../protocol/vocabulary';
import { parse } from '../../validation';
import { requireActor } from '../context';

const answersBody = z.strictObject({
  phase: z.enum(['before', 'after']),
  answers: z
    .array(z.strictObject({ itemId: z.string().regex(PATTERNS.packId, 'not an item id'), answer: z.boolean() }))
    .min(1)
    .max(QUIZ_ITEMS.max),
});
const openBody = z.strictObject({ phase: z.literal('after') });
const noQuery = z.strictObject({});

/** A class session id from the path; anything malformed looks missing. */
function sessionIdOf(req: Request): string {
  const id = String(req.params.id);
  if (!/^c-[0-9a-f-]{36}$/.test(id)) throw new DomainError('not_found', 'not_found', 'No such session.');
  return id;
}

/** The quiz routes. */
export function quizRoutes(deps: QuizDeps): Router {
  const r = Router();

  r.get('/api/quiz', (req, res) => {
    const actor = requireActor(res);
    parse(noQuery, { ...req.query });
    res.setHeader('Cache-Control', 'no-store');
    res.json(currentQuiz(deps, actor));
  });

  r.post('/api/quiz/answers', async (req, res) => {
    const actor = requireActor(res);
    const input = parse(answersBody, req.body);
    res.json(await answerQuiz(deps, actor, input));
  });

  r.get('/api/quiz/result', (req, res) => {
    const actor = requireActor(res);
    parse(noQuery, { ...req.query }); // one's own only: a `userId` or any other parameter is refused
    res.setHeader('Cache-Control', 'no-store');
    res.json(quizResult(deps, actor));
  });

  r.post('/api/sessions/:id/quiz', async (req, res) => {
    const actor = requireActor(res);
    const id = sessionIdOf(req);
    const { phase } = parse(openBody, req.body);
    await openAfterQuiz(deps, actor, id);
    res.json({ phase });
  });

  return r;
}
