/**
 * The walled browser: `GET /api/sites`, `POST /api/browse`, `GET /api/placards`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MAX_ADDRESS_LENGTH } from '../../domain/address';
import { browse, listPlacards, listSites } from '../../domain/browse';
import { Throttle } from '../../domain/throttle';
import { requireActor, type HttpContext } from '../context';
import { parse } from '../../validation';

const browseBody = z.strictObject({
  address: z.string().trim().min(1, 'type an address').max(MAX_ADDRESS_LENGTH),
});

/** Directory, browsing and placards. */
export function siteRoutes(ctx: HttpContext): Router {
  const r = Router();
  const deps = { pack: ctx.pack, recorder: ctx.recorder, throttle: new Throttle(ctx.config.browsePerMinute, 60) };

  r.get('/api/sites', (_req, res) => {
    res.json(listSites(deps, requireActor(res)));
  });

  r.post('/api/browse', async (req, res) => {
    const actor = requireActor(res);
    const { address } = parse(browseBody, req.body);
    res.json(await browse(deps, actor, address));
  });

  r.get('/api/placards', (_req, res) => {
    requireActor(res);
    res.json({ placards: listPlacards(deps) });
  });
  return r;
}
