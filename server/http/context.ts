/**
 * What every route module receives, and the authenticate / authorize steps of the pipeline.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { actorFromClaims, type TokenClaims } from '../domain/auth';
import type { Bus } from '../domain/bus';
import { DomainError, forbidden } from '../domain/errors';
import type { Pack } from '../domain/pack';
import { can, type Actor } from '../domain/policy';
import type { TrailRecorder } from '../domain/recorder';
import type { Capability } from '../protocol/api';
import { Tokens } from '../auth/tokens';
import type { Config } from '../config';
import type { Store } from '../store/db';

/** Dependencies shared by every route module. */
export interface HttpContext {
  config: Config;
  pack: Pack;
  store: Store;
  recorder: TrailRecorder;
  tokens: Tokens;
  bus: Bus;
}

/** The actor authenticated for this request, or undefined. */
export function actorOf(res: Response): Actor | undefined {
  return res.locals.actor as Actor | undefined;
}

/** The verified token claims of this request's live login, or undefined. */
export function claimsOf(res: Response): TokenClaims | undefined {
  return res.locals.claims as TokenClaims | undefined;
}

/** Reads the cookie token, if any, and resolves it to an actor (and its live login) for later steps. */
export function authenticate(ctx: HttpContext): RequestHandler {
  const deps = { users: ctx.store.users, sessions: ctx.store.sessions, logins: ctx.store.logins };
  return (req: Request, res: Response, next: NextFunction) => {
    const token = Tokens.fromCookieHeader(req.headers.cookie);
    const claims = token ? ctx.tokens.verify(token) : null;
    if (claims) {
      try {
        res.locals.actor = actorFromClaims(deps, claims);
        res.locals.claims = claims;
      } catch (err) {
        res.locals.actor = undefined;
        // A removed student's cookie: `/api/me` says so, so a reload lands on the "removed" screen.
        if (err instanceof DomainError && err.code === 'removed') res.locals.removed = err;
      }
    }
    next();
  };
}

/** The authenticated actor, or a 401. */
export function requireActor(res: Response): Actor {
  const actor = actorOf(res);
  if (!actor) {
    if (res.locals.removed instanceof DomainError) throw res.locals.removed;
    throw new DomainError('unauthenticated', 'unauthenticated', 'Please log in.');
  }
  return actor;
}

/** The actor if it holds `capability`, else 401 / 403. */
export function authorize(res: Response, capability: Capability, message?: string): Actor {
  const actor = requireActor(res);
  if (!can(actor, capability)) throw forbidden(message);
  return actor;
}
