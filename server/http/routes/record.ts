/**
 * `GET /api/record`: "What your device recorded", the reader's own trail and screen snapshots,
 * for every logged-in user (citizens and seats waiting in the lobby too). There is no parameter
 * that names anyone: the reader is the login's own user, and asking for someone else is refused.
 * No route changes or deletes a record (any other method on it is the API's 404).
 */
import { Router } from 'express';
import { z } from 'zod';
import { forbidden } from '../../domain/errors';
import { RECORD_PLACARD_ID, recordOf } from '../../domain/record';
import type { RecordResponse } from '../../protocol/api';
import { requireActor, type HttpContext } from '../context';
import { parse } from '../../validation';

/** Query parameters that would name another reader: refused outright, whatever their value. */
const SOMEONE_ELSE = ['user', 'username', 'userId', 'sessionId', 'session', 'player', 'playerId'];

/** The record takes no parameters at all. */
const recordQuery = z.strictObject({});

/** The device's own record. */
export function recordRoutes(ctx: Pick<HttpContext, 'store'>): Router {
  const r = Router();
  r.get('/api/record', (req, res) => {
    const actor = requireActor(res);
    const query = { ...req.query };
    if (SOMEONE_ELSE.some((name) => name in query)) throw forbidden('You may read only your own record.');
    parse(recordQuery, query);
    // The session's events (oldest first), from which the domain keeps the reader's own and those about the reader.
    const events = ctx.store.trail.query({ sessionId: actor.sessionId, limit: Number.MAX_SAFE_INTEGER }).reverse();
    const record = recordOf({ username: actor.username, sessionId: actor.sessionId }, events);
    const body: RecordResponse = { ...record, placardId: RECORD_PLACARD_ID };
    res.json(body);
  });
  return r;
}
