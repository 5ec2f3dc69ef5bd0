/**
 * Message boards and moderation: `/api/boards`, `/api/threads`, `/api/moderation`.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  decide,
  getThread,
  listBoards,
  listThreads,
  moderationHistory,
  moderationQueue,
  reply,
  startThread,
  type BoardDeps,
} from '../../domain/boards';
import { LIMITS, PATTERNS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

/** Longest title and body a post may have. */
export const POST_LIMITS = { title: LIMITS.postTitle, body: LIMITS.postBody };

const recordId = z.string().regex(PATTERNS.recordId, 'not a valid id');
const idParam = z.strictObject({ id: recordId });
const postIdParam = z.strictObject({ postId: recordId });
const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is longer than ${max} characters`);
const threadBody = z.strictObject({
  title: text(POST_LIMITS.title, 'the title'),
  body: text(POST_LIMITS.body, 'the post'),
});
const replyBody = z.strictObject({ body: text(POST_LIMITS.body, 'the reply') });
const decisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(LIMITS.decisionReason).optional(),
});

/** The board and moderation routes. */
export function boardRoutes(deps: BoardDeps): Router {
  const r = Router();

  r.get('/api/boards', (_req, res) => {
    res.json(listBoards(deps, requireActor(res)));
  });

  r.get('/api/boards/:id/threads', (req, res) => {
    const actor = requireActor(res);
    res.json(listThreads(deps, actor, parse(idParam, req.params).id));
  });

  r.post('/api/boards/:id/threads', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(idParam, req.params);
    res.status(201).json(await startThread(deps, actor, id, parse(threadBody, req.body)));
  });

  r.get('/api/threads/:id', (req, res) => {
    const actor = requireActor(res);
    res.json(getThread(deps, actor, parse(idParam, req.params).id));
  });

  r.post('/api/threads/:id/replies', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(idParam, req.params);
    res.status(201).json(await reply(deps, actor, id, parse(replyBody, req.body)));
  });

  r.get('/api/moderation/queue', (_req, res) => {
    res.json({ queue: moderationQueue(deps, requireActor(res)) });
  });

  r.get('/api/moderation/history', (_req, res) => {
    res.json({ decisions: moderationHistory(deps, requireActor(res)) });
  });

  r.post('/api/moderation/:postId', async (req, res) => {
    const actor = requireActor(res);
    const { postId } = parse(postIdParam, req.params);
    res.json(await decide(deps, actor, postId, parse(decisionBody, req.body)));
  });
  return r;
}
