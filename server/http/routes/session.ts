/**
 * `GET /api/session`: who is logged in, if anyone. Always 200 — `{ me: null }` when
 * logged out — so the client's first-load probe is not an error in the browser console.
 * `GET /api/me` keeps answering 401 when logged out.
 */
import { Router } from 'express';
import { meOf } from '../../domain/auth';
import type { KioskInfo, Me } from '../../protocol/api';
import { actorOf, type HttpContext } from '../context';
import { sendError } from '../errors';
import { localeOf } from './auth';

/** The answer of `GET /api/session`. */
export interface SessionAnswer {
  me: Me | null;
  /** With KIOSK=1: the kiosk's settings and persona cards, for the attract screen. */
  kiosk?: KioskInfo;
}

/** The logged-in user or null, never a 401. */
export function sessionRoutes(ctx: HttpContext, kiosk?: () => KioskInfo | undefined): Router {
  const r = Router();
  const deps = {
    users: ctx.store.users,
    pack: ctx.pack,
    seat: {
      sessions: ctx.store.sessions,
      // Read per request: in the request's language.
      get briefs() {
        return ctx.pack.classroom.briefs;
      },
    },
  };

  r.get('/api/session', (_req, res) => {
    const actor = actorOf(res);
    const answer: SessionAnswer = { me: actor ? meOf(deps, actor, localeOf(ctx, res)) : null };
    const info = kiosk?.();
    if (info) answer.kiosk = info;
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
  });

  r.all('/api/session', (_req, res) => {
    sendError(res, 405, 'method_not_allowed', 'This method is not allowed here.');
  });
  return r;
}
