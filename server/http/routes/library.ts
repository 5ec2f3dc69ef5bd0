/**
 * The Research E-Library: `GET /api/library/catalogue`, `POST /api/library/search` and
 * `POST /api/library/requests`. A search is recorded in the trail, so it is a POST: a GET
 * records nothing.
 */
import { Router } from 'express';
import { z } from 'zod';
import { catalogue, requestTitle, searchLibrary, type LibraryDeps } from '../../domain/library';
import type { LibraryCatalogueResponse } from '../../protocol/api';
import { LIMITS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

const searchBody = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(LIMITS.searchQuery),
});
// A requested title is as long as an article's title may be.
const requestBody = z.strictObject({
  title: z.string().trim().min(1, 'type the title you are looking for').max(LIMITS.articleTitle),
});

/** The e-library's routes. */
export function libraryRoutes(deps: LibraryDeps): Router {
  const r = Router();

  r.get('/api/library/catalogue', (_req, res) => {
    const body: LibraryCatalogueResponse = { entries: catalogue(deps, requireActor(res)) };
    res.json(body);
  });

  r.post('/api/library/search', async (req, res) => {
    const actor = requireActor(res);
    res.json(await searchLibrary(deps, actor, parse(searchBody, req.body).q));
  });

  r.post('/api/library/requests', async (req, res) => {
    const actor = requireActor(res);
    res.status(201).json(await requestTitle(deps, actor, parse(requestBody, req.body).title));
  });
  return r;
}
