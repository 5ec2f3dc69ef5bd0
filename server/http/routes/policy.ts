/**
 * `GET /api/policy/matrix`: who may see what, generated from the policy table itself.
 */
import { Router } from 'express';
import { policyMatrix } from '../../domain/matrix';
import { authorize, type HttpContext } from '../context';

/** The facilitator's matrix. */
export function policyRoutes(ctx: HttpContext): Router {
  const r = Router();
  r.get('/api/policy/matrix', (_req, res) => {
    const actor = authorize(res, 'policy.overview');
    res.json(policyMatrix(ctx.pack.sites, actor.mode));
  });
  return r;
}
