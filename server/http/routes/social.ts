/**
 * The open network: `/api/social/*` (feed, posts and shares, likes, follows, trending, profiles —
 * `profiles/me` is the reader's own —
 * comments). `socialGate` runs before the body is even parsed, so an actor whose round is closed
 * (or a seat without a role) gets 403 `forbidden` whatever the payload, and nothing is stored.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  addComment,
  createPost,
  feed,
  listComments,
  profileOf,
  requireSocial,
  setFollow,
  setLike,
  setProfile,
  trending,
  type SocialDeps,
} from '../../domain/social';
import type { SocialTargetKind } from '../../protocol/api';
import { LIMITS, PATTERNS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

const recordId = z.string().regex(PATTERNS.recordId, 'not a valid id');
const idParam = z.strictObject({ id: recordId });
const playerParam = z.strictObject({ playerId: recordId });
const targetKind = z.enum(['post', 'article', 'thread']);
const feedQuery = z.strictObject({ cursor: z.string().min(1).max(200).optional() });
const postBody = z.strictObject({
  text: z.string().trim().max(LIMITS.socialText, `text: longer than ${LIMITS.socialText} characters`),
  parentId: recordId.optional(),
  quote: z.strictObject({ kind: z.enum(['article', 'thread']), id: recordId }).optional(),
});
const followBody = z.strictObject({ playerId: recordId });
const profileBody = z.strictObject({ showRole: z.boolean() });
const commentBody = z.strictObject({
  target: z.strictObject({ kind: targetKind, id: recordId }),
  text: z
    .string()
    .trim()
    .min(1, 'write something')
    .max(LIMITS.commentText, `longer than ${LIMITS.commentText} characters`),
});
const commentsQuery = z.strictObject({ kind: targetKind, id: recordId });

/**
 * Refuses every `/api/social` request of an actor who may not use the open network (401 when
 * logged out, 403 in a closed round or in the lobby), before the body is parsed or validated.
 */
export function socialGate(): RequestHandler {
  return (_req, res, next) => {
    requireSocial(requireActor(res));
    next();
  };
}

/** The open network's routes. */
export function socialRoutes(deps: SocialDeps): Router {
  const r = Router();

  r.get('/api/social/feed', (req, res) => {
    const actor = requireActor(res);
    res.json(feed(deps, actor, parse(feedQuery, req.query).cursor));
  });

  r.post('/api/social/posts', async (req, res) => {
    const actor = requireActor(res);
    const post = await createPost(deps, actor, parse(postBody, req.body));
    res.status(201).json({ post });
  });

  const likes: [string, SocialTargetKind][] = [
    ['posts', 'post'],
    ['articles', 'article'],
    ['threads', 'thread'],
  ];
  for (const [path, kind] of likes) {
    r.post(`/api/social/${path}/:id/like`, async (req, res) => {
      const actor = requireActor(res);
      res.json(await setLike(deps, actor, { kind, id: parse(idParam, req.params).id }, true));
    });
    r.delete(`/api/social/${path}/:id/like`, async (req, res) => {
      const actor = requireActor(res);
      res.json(await setLike(deps, actor, { kind, id: parse(idParam, req.params).id }, false));
    });
  }

  r.post('/api/social/follows', async (req, res) => {
    const actor = requireActor(res);
    res.json(await setFollow(deps, actor, parse(followBody, req.body).playerId, true));
  });

  r.delete('/api/social/follows/:playerId', async (req, res) => {
    const actor = requireActor(res);
    res.json(await setFollow(deps, actor, parse(playerParam, req.params).playerId, false));
  });

  r.get('/api/social/trending', (_req, res) => {
    res.json(trending(deps, requireActor(res)));
  });

  r.get('/api/social/profiles/:playerId', (req, res) => {
    const actor = requireActor(res);
    res.json(profileOf(deps, actor, parse(playerParam, req.params).playerId));
  });

  r.patch('/api/social/profile', async (req, res) => {
    const actor = requireActor(res);
    res.json(await setProfile(deps, actor, parse(profileBody, req.body)));
  });

  r.post('/api/social/comments', async (req, res) => {
    const actor = requireActor(res);
    const comment = await addComment(deps, actor, parse(commentBody, req.body));
    res.status(201).json({ comment });
  });

  r.get('/api/social/comments', (req, res) => {
    const actor = requireActor(res);
    res.json(listComments(deps, actor, parse(commentsQuery, req.query)));
  });
  return r;
}
