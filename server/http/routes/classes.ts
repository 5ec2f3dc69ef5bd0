/**
 * Class sessions: `/api/sessions/**` (see `protocol/sessions.ts` for every shape). The facilitator's
 * routes need `sessions.manage` (403 for students) and answer another facilitator's session as
 * missing (404); joining needs no login and is rate-limited per IP.
 */
import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  assignRoles,
  countsOf,
  createSession,
  deleteSession,
  endRound,
  endSession,
  fireEvent,
  joinSession,
  joinUrlOf,
  listSessions,
  ownSession,
  removePlayer,
  renamePlayer,
  resetSession,
  sessionDetail,
  MAX_TIMER_SECONDS,
  setDemoCast,
  setDemoMode,
  sessionCast,
  setLocked,
  setPaused,
  setRoundMode,
  startRound,
  updateSettings,
  type ClassDeps,
} from '../../domain/classes';
import { SEAT_ROLES } from '../../domain/class-rules';
import { DomainError, forbidden } from '../../domain/errors';
import { can } from '../../domain/policy';
import { COOKIE_NAME } from '../../auth/tokens';
import type {
  CreateSessionResponse,
  JoinResponse,
  PresentView,
  SeatRole,
  SessionCastResponse,
  SessionModeResponse,
} from '../../protocol/api';
import { LIMITS, MODES, PATTERNS } from '../../protocol/vocabulary';
import { MAX_CAST_DELAY } from '../../config';
import { parse } from '../../validation';
import { actorOf, requireActor, type HttpContext } from '../context';

const createBody = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.sessionName),
  capacity: z.number().int().min(1).max(LIMITS.sessionCapacity).optional(),
  lateJoin: z.boolean().optional(),
});
const joinBody = z.strictObject({
  code: z.string().trim().max(12),
  name: z.string().max(200),
});
const seatRole = z.enum(SEAT_ROLES as [SeatRole, ...SeatRole[]]);
const rolesBody = z.union([
  z.strictObject({ preset: z.enum(['realistic', 'active']) }),
  z.strictObject({
    assignments: z
      .array(z.strictObject({ playerId: z.string().max(80), role: seatRole }))
      .min(1)
      .max(LIMITS.sessionCapacity),
  }),
]);
const lockBody = z.strictObject({ locked: z.boolean() });
const pauseBody = z.strictObject({ paused: z.boolean() });
const renameBody = z.strictObject({ name: z.string().max(200) });
const roundBody = z.strictObject({
  mode: z.enum(MODES),
  events: z
    .array(
      z.strictObject({
        eventId: z.string().regex(PATTERNS.packId),
        afterSeconds: z.number().int().min(1).max(MAX_TIMER_SECONDS),
      }),
    )
    .max(20)
    .optional(),
});
const modeBody = z.strictObject({ mode: z.enum(MODES) });
const emptyBody = z.strictObject({}).optional();
const eventBody = z.strictObject({ eventId: z.string().regex(PATTERNS.packId) });
const resetBody = z.strictObject({ keepRoster: z.boolean() });
const castSeconds = z.number().int().min(0).max(MAX_CAST_DELAY);
/** The simulated cast's settings: any of them, at least one. */
const castBody = z
  .strictObject({
    bureau: z.union([z.boolean(), z.literal('auto')]).optional(),
    colleagues: z.boolean().optional(),
    guide: z.boolean().optional(),
    delaySeconds: z
      .tuple([castSeconds, castSeconds])
      .refine(([min, max]) => min <= max, 'the first number (min) must not exceed the second (max)')
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one cast setting' });
/** `PATCH /api/sessions/:id`: the settings that exist now, at least one (later issues add fields here). */
const settingsBody = z
  .strictObject({ transcript: z.boolean().optional(), cast: castBody.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one setting' });
/** `PATCH /api/sessions/demo`: only the cast applies to the demo session. */
const demoSettingsBody = z.strictObject({ cast: castBody });
const trailQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The settings given, without the keys left out (zod keeps them as undefined). */
function stripUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** A class session id as it appears in a path. */
const SESSION_ID = /^c-[0-9a-f-]{36}$/;

/** The session routes' dependencies. */
export interface ClassRouteDeps {
  classes: ClassDeps;
  /** Join attempts one address may make per ten seconds. */
  joinsPerTenSeconds: number;
}

/** The origin join URLs name: PUBLIC_URL when configured, else the request's own. */
function originOf(ctx: HttpContext, req: Request): string {
  return ctx.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** Class sessions: creating, joining, running and deleting them. */
export function classRoutes(ctx: HttpContext, deps: ClassRouteDeps): Router {
  const r = Router();
  const c = deps.classes;
  const manager = (res: Response) => {
    const actor = requireActor(res);
    if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator runs class sessions.');
    return actor;
  };
  const sessionId = (req: Request) => {
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) throw new DomainError('not_found', 'not_found', 'No such session.');
    return id;
  };
  const detail = (req: Request, res: Response) =>
    res.json(sessionDetail(c, manager(res), sessionId(req), originOf(ctx, req)));

  const joinLimit = rateLimit({
    windowMs: 10_000,
    limit: deps.joinsPerTenSeconds,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { error: { code: 'rate_limited', message: 'Too many joins from this network. Wait a moment.' } },
  });

  r.post('/api/sessions/join', joinLimit, async (req, res) => {
    const input = parse(joinBody, req.body);
    const { user, claims } = await joinSession(c, input, actorOf(res));
    if (claims)
      res.cookie(COOKIE_NAME, ctx.tokens.sign(claims), {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.cookieSecure,
        path: '/',
        maxAge: ctx.tokens.ttlSeconds * 1000,
      });
    const answer: JoinResponse = { player: { id: user.id, name: user.displayName }, sessionId: user.sessionId };
    res.json(answer);
  });

  r.post('/api/sessions', async (req, res) => {
    const actor = manager(res);
    const input = parse(createBody, req.body);
    const s = await createSession(c, actor, input);
    const answer: CreateSessionResponse = { id: s.id, code: s.code, joinUrl: joinUrlOf(originOf(ctx, req), s.code) };
    res.status(201).json(answer);
  });

  r.get('/api/sessions', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ sessions: listSessions(c, manager(res)) });
  });

  r.get('/api/sessions/present/:code', (req, res) => {
    const actor = manager(res);
    const code = String(req.params.code);
    const s = c.sessions.list().find((x) => x.class?.ownerId === actor.userId && x.code === code && !x.class.ended);
    if (!s?.class) throw new DomainError('not_found', 'not_found', 'No such session.');
    const view: PresentView = {
      id: s.id,
      code: s.code,
      name: s.name,
      joinUrl: joinUrlOf(originOf(ctx, req), s.code),
      joined: countsOf(c, s.id).joined,
      locked: s.class.locked,
      ended: s.class.ended,
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(view);
  });

  r.get('/api/sessions/:id', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    detail(req, res);
  });

  r.patch('/api/sessions/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) {
      // The demo session (the facilitator's own): its cast is its only setting.
      const { cast } = parse(demoSettingsBody, req.body);
      const answer: SessionCastResponse = await setDemoCast(c, manager(res), id, stripUndefined(cast));
      res.json(answer);
      return;
    }
    const change = parse(settingsBody, req.body);
    await updateSettings(c, manager(res), sessionId(req), {
      transcript: change.transcript,
      cast: change.cast && stripUndefined(change.cast),
    });
    detail(req, res);
  });

  r.get('/api/sessions/:id/cast', (req, res) => {
    const id = String(req.params.id);
    if (!PATTERNS.packId.test(id) && !SESSION_ID.test(id))
      throw new DomainError('not_found', 'not_found', 'No such session.');
    const answer: SessionCastResponse = sessionCast(c, manager(res), id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
  });

  r.get('/api/sessions/:id/qr.svg', async (req, res) => {
    const s = ownSession(c, manager(res), sessionId(req));
    const svg = await QRCode.toString(joinUrlOf(originOf(ctx, req), s.code), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(svg);
  });

  r.get('/api/sessions/:id/trail', (req, res) => {
    const s = ownSession(c, manager(res), sessionId(req));
    const q = parse(trailQuery, { ...req.query });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ events: c.trail.query({ sessionId: s.id, limit: q.limit }) });
  });

  r.post('/api/sessions/:id/roles', async (req, res) => {
    await assignRoles(c, manager(res), sessionId(req), parse(rolesBody, req.body));
    detail(req, res);
  });

  r.post('/api/sessions/:id/lock', async (req, res) => {
    await setLocked(c, manager(res), sessionId(req), parse(lockBody, req.body).locked);
    detail(req, res);
  });

  r.post('/api/sessions/:id/pause', async (req, res) => {
    await setPaused(c, manager(res), sessionId(req), parse(pauseBody, req.body).paused);
    detail(req, res);
  });

  r.delete('/api/sessions/:id/players/:playerId', async (req, res) => {
    await removePlayer(c, manager(res), sessionId(req), String(req.params.playerId));
    detail(req, res);
  });

  r.patch('/api/sessions/:id/players/:playerId', async (req, res) => {
    const { name } = parse(renameBody, req.body);
    await renamePlayer(c, manager(res), sessionId(req), String(req.params.playerId), name);
    detail(req, res);
  });

  r.post('/api/sessions/:id/rounds', async (req, res) => {
    const body = parse(roundBody, req.body);
    await startRound(c, manager(res), sessionId(req), body.mode, body.events ?? []);
    detail(req, res);
  });

  // The running round's mode (a class session), or the demo session's (the facilitator's own, id `demo`).
  r.post('/api/sessions/:id/mode', async (req, res) => {
    const actor = manager(res);
    const { mode } = parse(modeBody, req.body);
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) {
      const answer: SessionModeResponse = await setDemoMode(c, actor, id, mode);
      res.json(answer);
      return;
    }
    await setRoundMode(c, actor, id, mode);
    detail(req, res);
  });

  r.post('/api/sessions/:id/rounds/end', async (req, res) => {
    parse(emptyBody, req.body);
    await endRound(c, manager(res), sessionId(req));
    detail(req, res);
  });

  r.post('/api/sessions/:id/end', async (req, res) => {
    parse(emptyBody, req.body);
    await endSession(c, manager(res), sessionId(req));
    detail(req, res);
  });

  r.post('/api/sessions/:id/events', async (req, res) => {
    await fireEvent(c, manager(res), sessionId(req), parse(eventBody, req.body).eventId);
    detail(req, res);
  });

  r.post('/api/sessions/:id/reset', async (req, res) => {
    await resetSession(c, manager(res), sessionId(req), parse(resetBody, req.body).keepRoster);
    detail(req, res);
  });

  r.delete('/api/sessions/:id', async (req, res) => {
    await deleteSession(c, manager(res), sessionId(req));
    res.status(204).end();
  });

  return r;
}
