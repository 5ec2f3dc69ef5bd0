/**
 * `GET /api/trail`: the surveillance trail for those who may read it, newest first.
 */
import { localName } from '../../domain/locale';
import { Router } from 'express';
import { z } from 'zod';
import { LIMITS, TRAIL_KINDS } from '../../protocol/vocabulary';
import { authorize, type HttpContext } from '../context';
import { parse } from '../../validation';

const trailQuery = z.strictObject({
  user: z.string().trim().max(LIMITS.loginUsername).optional(),
  kind: z.enum(TRAIL_KINDS).optional(),
  before: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The trail console's data. */
export function trailRoutes(ctx: HttpContext): Router {
  const r = Router();
  r.get('/api/trail', (req, res) => {
    const actor = authorize(res, 'trail.read');
    const q = parse(trailQuery, { ...req.query });
    const events = ctx.store.trail.query({
      sessionId: actor.sessionId,
      username: q.user || undefined,
      kind: q.kind,
      before: q.before,
      limit: q.limit,
    });
    // A persona's or the cast's name reads in the reader's language while it is the pack's.
    res.json({
      events: events.map((e) => (e.name && e.username ? { ...e, name: localName(ctx.pack, e.username, e.name) } : e)),
    });
  });
  return r;
}
