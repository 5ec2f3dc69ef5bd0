/**
 * Smuggled files (see `protocol/files.ts` for every shape): a holder's own device (`/api/files`,
 * open, hand-over of a copy or of the Notel, the demo session's find), the facilitator's drop and
 * read-only list (`/api/sessions/:id/files…`), the censor's inspection and outcome
 * (`/api/inspections…`) and trace (`GET` reads; `POST` reads and records `file_traced`). No route
 * takes or removes a mark: bodies are strict, so a `marks` or `chain` field is refused.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  decideInspection,
  dropFile,
  findStick,
  handOver,
  handOverNotel,
  inspect,
  myFiles,
  openCopy,
  sessionFiles,
  traceCopy,
  traceCopyRecorded,
  type FilesDeps,
} from '../../domain/files';
import { DomainError } from '../../domain/errors';
import type { DropFilesResponse } from '../../protocol/api';
import { PATTERNS } from '../../protocol/vocabulary';
import { parse } from '../../validation';
import { requireActor } from '../context';

const recordId = z.string().regex(PATTERNS.recordId, 'not a valid id');
const playerId = z.string().min(1).max(80).regex(PATTERNS.recordId, 'not a valid id');
const handoverBody = z.strictObject({ to: playerId });
const findBody = z.strictObject({ site: z.string().regex(PATTERNS.packId, 'not a site id') });
const dropBody = z.strictObject({
  fileId: z.string().regex(PATTERNS.packId, 'not a file id'),
  to: z.array(playerId).min(1, 'name at least one student').max(500),
});
const inspectBody = z.strictObject({ playerId });
const outcomeBody = z.strictObject({ playerId, outcome: z.enum(['warning', 'confiscation', 'revocation']) });
const emptyBody = z.strictObject({});

/** A copy id from the path; anything malformed looks missing. */
function copyIdOf(req: Request): string {
  const r = recordId.safeParse(req.params.copyId);
  if (!r.success) throw new DomainError('not_found', 'no_copy', 'No such file on this device.');
  return r.data;
}

/** A session id from the path; anything malformed looks missing. */
function sessionIdOf(req: Request): string {
  const id = String(req.params.id);
  if (!PATTERNS.recordId.test(id)) throw new DomainError('not_found', 'not_found', 'No such session.');
  return id;
}

/** The files routes. */
export function fileRoutes(deps: FilesDeps): Router {
  const r = Router();

  r.get('/api/files', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(myFiles(deps, requireActor(res)));
  });

  r.post('/api/files/find', async (req, res) => {
    const actor = requireActor(res);
    const copy = await findStick(deps, actor, parse(findBody, req.body).site);
    res.status(201).json({ copy });
  });

  // Before `/:copyId/handover`, so "notel" is never read as a copy id.
  r.post('/api/files/notel/handover', async (req, res) => {
    const actor = requireActor(res);
    await handOverNotel(deps, actor, parse(handoverBody, req.body).to);
    res.json(myFiles(deps, actor));
  });

  r.post('/api/files/:copyId/open', async (req, res) => {
    const actor = requireActor(res);
    parse(emptyBody, req.body ?? {});
    res.json({ content: await openCopy(deps, actor, copyIdOf(req)) });
  });

  r.post('/api/files/:copyId/handover', async (req, res) => {
    const actor = requireActor(res);
    await handOver(deps, actor, copyIdOf(req), parse(handoverBody, req.body).to);
    res.json(myFiles(deps, actor));
  });

  r.get('/api/files/:copyId/trace', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(traceCopy(deps, requireActor(res), copyIdOf(req)));
  });

  r.post('/api/files/:copyId/trace', async (req, res) => {
    const actor = requireActor(res);
    parse(emptyBody, req.body ?? {});
    res.json(await traceCopyRecorded(deps, actor, copyIdOf(req)));
  });

  r.post('/api/sessions/:id/files/drop', async (req, res) => {
    const actor = requireActor(res);
    const body = parse(dropBody, req.body);
    const answer: DropFilesResponse = { dropped: await dropFile(deps, actor, sessionIdOf(req), body) };
    res.json(answer);
  });

  r.get('/api/sessions/:id/files', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(sessionFiles(deps, requireActor(res), sessionIdOf(req)));
  });

  r.post('/api/inspections', async (req, res) => {
    const actor = requireActor(res);
    res.json(await inspect(deps, actor, parse(inspectBody, req.body).playerId));
  });

  r.post('/api/inspections/outcome', async (req, res) => {
    const actor = requireActor(res);
    const body = parse(outcomeBody, req.body);
    res.json(await decideInspection(deps, actor, body.playerId, body.outcome));
  });

  return r;
}
