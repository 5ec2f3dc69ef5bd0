/**
 * The content sites' pages: `GET /api/sites/:id/pages`. A read: it records nothing (the page
 * view is recorded when the page is opened through `POST /api/browse`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { sitePages, type PagesDeps } from '../../domain/pages';
import { PATTERNS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

const idParam = z.strictObject({ id: z.string().regex(PATTERNS.packId, 'not a site id') });

/** The pages of the plain sites. */
export function pageRoutes(deps: PagesDeps): Router {
  const r = Router();
  r.get('/api/sites/:id/pages', (req, res) => {
    const actor = requireActor(res);
    res.json(sitePages(deps, actor, parse(idParam, req.params).id));
  });
  return r;
}
