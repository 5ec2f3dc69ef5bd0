/**
 * The museum kiosk's routes (`protocol/kiosk.ts` has every shape): visits, and the operator's
 * settings behind the PIN. Without KIOSK=1 each answers 404 `kiosk_off`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { meOf } from '../../domain/auth';
import { inLocale } from '../../domain/locale';
import { DomainError } from '../../domain/errors';
import {
  endAllVisits,
  endVisit,
  isVisit,
  kioskPersonas,
  startVisit,
  VISIT_TTL_SECONDS,
  visitView,
  type KioskDeps,
} from '../../domain/kiosk';
import { COOKIE_NAME } from '../../auth/tokens';
import { DEV_KIOSK_PIN, KIOSK_LIMITS } from '../../config';
import type { KioskInfo, KioskResetResponse, KioskSettings } from '../../protocol/api';
import { LOCALES, PATTERNS } from '../../protocol/vocabulary';
import type { KioskSettingsFile } from '../../store/kiosk-settings';
import { parse } from '../../validation';
import { actorOf, requireActor, type HttpContext } from '../context';

/** The operator's cookie: a random token the server keeps in memory, for `OPERATOR_MINUTES`. */
export const OPERATOR_COOKIE = 'cis_kiosk_op';
/** How long the operator settings stay open without a new PIN. */
export const OPERATOR_MINUTES = 15;
/** Wrong PINs one address may try per 15 minutes. */
export const PIN_TRIES = 10;

const visitBody = z.strictObject({
  persona: z.string().regex(PATTERNS.username),
  locale: z.enum(LOCALES),
});
const pinBody = z.strictObject({ pin: z.string().max(64) });
const settingsBody = z
  .strictObject({
    locale: z.enum(LOCALES).optional(),
    idleSeconds: z.number().int().min(KIOSK_LIMITS.idleMin).max(KIOSK_LIMITS.idleMax).optional(),
    countdownSeconds: z.number().int().min(KIOSK_LIMITS.countdownMin).max(KIOSK_LIMITS.countdownMax).optional(),
    tour: z.boolean().optional(),
    cast: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one setting' });

/** What the kiosk routes need beyond the context. */
export interface KioskRuntime {
  deps: KioskDeps;
  settings: KioskSettingsFile;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The kiosk's routes; `kiosk` is undefined when KIOSK is off. */
export function kioskRoutes(ctx: HttpContext, kiosk: KioskRuntime | undefined): Router {
  const r = Router();
  const off = () => new DomainError('not_found', 'kiosk_off', 'This server is not a kiosk.');
  if (!kiosk) {
    r.all(['/api/kiosk', '/api/kiosk/*rest'], () => {
      throw off();
    });
    return r;
  }
  const pin = digest(ctx.config.kiosk.pin ?? DEV_KIOSK_PIN);
  /** Open operator tokens → when each expires (ms). Lost on restart: the operator types the PIN again. */
  const operators = new Map<string, number>();
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: ctx.config.cookieSecure };
  const tokenOf = (req: Request) => parseCookies(req.headers.cookie ?? '')[OPERATOR_COOKIE];
  const operator = (req: Request) => {
    const token = tokenOf(req);
    const until = token ? operators.get(token) : undefined;
    if (!token || until === undefined || until <= Date.now()) {
      if (token) operators.delete(token);
      throw new DomainError('unauthenticated', 'operator_required', 'Type the operator PIN first.');
    }
  };
  const limited = (limit: number, windowMs: number, message: string, skipSuccessfulRequests = false) =>
    rateLimit({
      windowMs,
      limit,
      skipSuccessfulRequests,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { error: { code: 'rate_limited', message } },
    });
  // Only wrong PINs count.
  const pinLimit = limited(PIN_TRIES, 15 * 60_000, 'Too many wrong PINs. Wait 15 minutes.', true);
  const visitLimit = limited(60, 60_000, 'Too many visits started from here. Wait a minute.');
  const meDeps = {
    users: ctx.store.users,
    pack: ctx.pack,
    seat: {
      sessions: ctx.store.sessions,
      get briefs() {
        return ctx.pack.classroom.briefs;
      },
    },
  };

  r.post('/api/kiosk/visits', visitLimit, async (req, res) => {
    const input = parse(visitBody, req.body);
    // Stored as the pack wrote it (English), like every seeded session; served in the visit's language.
    const { user, claims } = await inLocale('en', () => startVisit(kiosk.deps, input, actorOf(res)));
    res.cookie(COOKIE_NAME, ctx.tokens.sign(claims), {
      ...cookieOptions,
      path: '/',
      maxAge: VISIT_TTL_SECONDS * 1000,
    });
    const actor = {
      userId: user.id,
      username: user.username,
      role: user.role,
      sessionId: user.sessionId,
      mode: 'closed' as const,
    };
    res.status(201).json(inLocale(input.locale, () => meOf(meDeps, actor, input.locale)));
  });

  r.get('/api/kiosk/visits/current', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(visitView(kiosk.deps, requireActor(res)));
  });

  // Ends this browser's visit and wipes it; answered the same when there is none (the reset is idempotent).
  r.delete('/api/kiosk/visits/current', async (_req, res) => {
    const actor = actorOf(res);
    if (actor && isVisit(ctx.store.sessions.get(actor.sessionId))) await endVisit(kiosk.deps, actor.sessionId);
    res.clearCookie(COOKIE_NAME, { ...cookieOptions, path: '/' });
    res.status(204).end();
  });

  r.post('/api/kiosk/operator', pinLimit, (req, res) => {
    const { pin: typed } = parse(pinBody, req.body);
    if (!timingSafeEqual(digest(typed), pin))
      throw new DomainError('forbidden', 'wrong_pin', 'That is not the operator PIN.');
    const now = Date.now();
    for (const [t, until] of operators) if (until <= now) operators.delete(t);
    const token = randomBytes(32).toString('base64url');
    operators.set(token, now + OPERATOR_MINUTES * 60_000);
    res.cookie(OPERATOR_COOKIE, token, { ...cookieOptions, path: '/api/kiosk', maxAge: OPERATOR_MINUTES * 60_000 });
    const answer: KioskSettings = kiosk.settings.get();
    res.json(answer);
  });

  r.delete('/api/kiosk/operator', (req, res) => {
    const token = tokenOf(req);
    if (token) operators.delete(token);
    res.clearCookie(OPERATOR_COOKIE, { ...cookieOptions, path: '/api/kiosk' });
    res.status(204).end();
  });

  r.get('/api/kiosk/settings', (req, res) => {
    operator(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(kiosk.settings.get());
  });

  r.patch('/api/kiosk/settings', async (req, res) => {
    operator(req);
    const change = parse(settingsBody, req.body);
    const clean = Object.fromEntries(
      Object.entries(change).filter(([, v]) => v !== undefined),
    ) as Partial<KioskSettings>;
    res.json(await kiosk.settings.set(clean));
  });

  r.post('/api/kiosk/reset', async (req, res) => {
    operator(req);
    parse(z.strictObject({}).optional(), req.body);
    const answer: KioskResetResponse = { removed: await endAllVisits(kiosk.deps) };
    res.json(answer);
  });

  r.all(['/api/kiosk', '/api/kiosk/*rest'], (_req, res) => {
    res.status(405).json({ error: { code: 'method_not_allowed', message: 'This method is not allowed here.' } });
  });
  return r;
}

/** `GET /api/session`'s `kiosk` part, or undefined without KIOSK=1. */
export function kioskInfoOf(ctx: HttpContext, kiosk: KioskRuntime | undefined) {
  if (!kiosk) return undefined;
  const info: KioskInfo = { settings: kiosk.settings.get(), personas: kioskPersonas(ctx.pack) };
  return info;
}
