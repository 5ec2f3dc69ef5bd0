/**
 * State media: `/api/media/articles` (list, read, and the editor desk's writes),
 * `/api/media/preview`, `POST /api/media/search`, `/api/media/broadcast`.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  broadcastSchedule,
  createArticle,
  getArticle,
  listArticles,
  previewBody,
  publishArticle,
  searchArticles,
  unpublishArticle,
  updateArticle,
  type MediaDeps,
} from '../../domain/media';
import { LIMITS, PATTERNS, SECTION_IDS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

const section = z.enum(SECTION_IDS);
const idParam = z.strictObject({ id: z.string().regex(PATTERNS.recordId, 'not an article id') });

const listQuery = z.strictObject({
  site: z.string().max(64).optional(),
  section: section.optional(),
  status: z.enum(['all', 'draft', 'scheduled', 'published', 'unpublished']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

const articleFields = {
  site: z.string().trim().min(1).max(64),
  section,
  title: z.string().trim().min(1, 'cannot be empty').max(LIMITS.articleTitle),
  summary: z.string().trim().min(1, 'cannot be empty').max(LIMITS.articleSummary),
  body: z.string().trim().min(1, 'cannot be empty').max(LIMITS.articleBody),
  lead: z.boolean().optional(),
};
const createBody = z.strictObject(articleFields);
const updateBody = z
  .strictObject({
    site: articleFields.site.optional(),
    section: section.optional(),
    title: articleFields.title.optional(),
    summary: articleFields.summary.optional(),
    body: articleFields.body.optional(),
    lead: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
const publishBody = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() });
const previewBodySchema = z.strictObject({ body: z.string().max(LIMITS.articleBody) });
const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(LIMITS.searchQuery),
});

/** The state-media routes. */
export function mediaRoutes(deps: MediaDeps): Router {
  const r = Router();

  r.get('/api/media/articles', (req, res) => {
    const actor = requireActor(res);
    res.json(listArticles(deps, actor, parse(listQuery, { ...req.query })));
  });

  r.get('/api/media/articles/:id', (req, res) => {
    const actor = requireActor(res);
    res.json(getArticle(deps, actor, parse(idParam, req.params).id));
  });

  r.post('/api/media/articles', async (req, res) => {
    const actor = requireActor(res);
    res.status(201).json(await createArticle(deps, actor, parse(createBody, req.body)));
  });

  r.patch('/api/media/articles/:id', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(idParam, req.params);
    res.json(await updateArticle(deps, actor, id, parse(updateBody, req.body)));
  });

  r.post('/api/media/articles/:id/publish', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(idParam, req.params);
    const { at } = parse(publishBody, req.body ?? {});
    res.json(await publishArticle(deps, actor, id, at));
  });

  r.post('/api/media/articles/:id/unpublish', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(idParam, req.params);
    parse(z.strictObject({}), req.body ?? {});
    res.json(await unpublishArticle(deps, actor, id));
  });

  r.post('/api/media/preview', (req, res) => {
    const actor = requireActor(res);
    res.json({ html: previewBody(actor, parse(previewBodySchema, req.body).body) });
  });

  // A search is recorded in the trail, so it is a POST: a GET records nothing.
  r.post('/api/media/search', async (req, res) => {
    const actor = requireActor(res);
    res.json(await searchArticles(deps, actor, parse(searchQuery, req.body).q));
  });

  r.get('/api/media/broadcast', (_req, res) => {
    res.json(broadcastSchedule(deps.pack, requireActor(res)));
  });
  return r;
}
