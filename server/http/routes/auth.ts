/**
 * `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/me`.
 */
import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { login, logout, meOf } from '../../domain/auth';
import { COOKIE_NAME } from '../../auth/tokens';
import { actorOf, claimsOf, requireActor, type HttpContext } from '../context';
import { sendError } from '../errors';
import { LIMITS, LOCALES, type Locale } from '../../protocol/vocabulary';
import { parse } from '../../validation';

const loginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(LIMITS.loginUsername),
  password: z.string().min(1).max(LIMITS.password),
  /** The language chosen on the login page, kept for this browser's login. */
  locale: z.enum(LOCALES).optional(),
});
const meBody = z.strictObject({ locale: z.enum(LOCALES) });

const WINDOW_MS = 15 * 60 * 1000;

function usernameOf(req: Request): string {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
}

/**
 * The language content is served in: what the client asks for (`Accept-Language`, which the
 * client sets to the language it shows), else this browser's login's, else English.
 */
export function requestLocale(ctx: HttpContext, req: Request, res: Response): Locale {
  const asked = req.headers['accept-language']?.split(',')[0]?.trim().split(/[-;]/)[0]?.toLowerCase();
  if (asked && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  return localeOf(ctx, res);
}

/** The language of the request's login (English when none was chosen). */
export function localeOf(ctx: HttpContext, res: Response): Locale {
  const lid = claimsOf(res)?.lid;
  return (lid ? ctx.store.logins.get(lid)?.locale : undefined) ?? 'en';
}

/** Login, logout and the current user. */
export function authRoutes(ctx: HttpContext): Router {
  const r = Router();
  const tooMany = {
    error: { code: 'rate_limited', message: 'Too many login attempts. Wait a few minutes and try again.' },
  };
  const common = {
    windowMs: WINDOW_MS,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    message: tooMany,
  };
  const perIp = rateLimit({ ...common, limit: ctx.config.loginLimits.perIp });
  const perUser = rateLimit({
    ...common,
    limit: ctx.config.loginLimits.perUser,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${usernameOf(req)}`,
  });
  const deps = {
    users: ctx.store.users,
    sessions: ctx.store.sessions,
    logins: ctx.store.logins,
    recorder: ctx.recorder,
    bus: ctx.bus,
    ttlSeconds: ctx.tokens.ttlSeconds,
    seat: {
      sessions: ctx.store.sessions,
      // Read per request: in the request's language.
      get briefs() {
        return ctx.pack.classroom.briefs;
      },
    },
    pack: ctx.pack,
  };

  r.post('/api/auth/login', perIp, perUser, async (req, res) => {
    const input = parse(loginBody, req.body);
    const { user, claims } = await login(deps, input);
    res.cookie(COOKIE_NAME, ctx.tokens.sign(claims), {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.cookieSecure,
      path: '/',
      maxAge: ctx.tokens.ttlSeconds * 1000,
    });
    const actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      sessionId: user.sessionId,
      mode: ctx.store.sessions.get(user.sessionId)!.mode,
    };
    res.json(meOf(deps, actor, input.locale ?? 'en'));
  });

  r.post('/api/auth/logout', async (_req, res) => {
    const actor = actorOf(res);
    const claims = claimsOf(res);
    if (actor && claims) await logout(deps, actor, claims.lid);
    res.clearCookie(COOKIE_NAME, { httpOnly: true, sameSite: 'strict', secure: ctx.config.cookieSecure, path: '/' });
    res.status(204).end();
  });

  r.get('/api/me', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(meOf(deps, requireActor(res), localeOf(ctx, res)));
  });

  // The language of this browser's login (the client's switch): kept for every later screen.
  r.patch('/api/me', async (req, res) => {
    const actor = requireActor(res);
    const { locale } = parse(meBody, req.body);
    const lid = claimsOf(res)?.lid;
    if (lid) {
      await ctx.store.logins.setLocale(lid, locale);
      ctx.bus.emit('login:locale', { lid, locale });
    }
    res.json(meOf(deps, actor, locale));
  });

  r.all(['/api/auth/login', '/api/auth/logout', '/api/me'], (_req, res) => {
    sendError(res, 405, 'method_not_allowed', 'This method is not allowed here.');
  });
  return r;
}
