/**
 * Chat over HTTP: the room list, paginated history, the censor's monitor, and the
 * censor's powers (close a room, mute, revoke). Live sending is over socket.io.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  listRooms,
  monitorView,
  roomHistory,
  setMuted,
  setRevoked,
  setRoomClosed,
  type ChatDeps,
} from '../../domain/chat';
import { PATTERNS } from '../../protocol/vocabulary';
import { requireActor } from '../context';
import { parse } from '../../validation';

const roomParam = z.strictObject({
  id: z.string().regex(PATTERNS.roomId, 'not a room id'),
});
const userParam = z.strictObject({ username: z.string().regex(PATTERNS.usernameParam, 'not a user name') });
const historyQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const monitorQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The chat routes. */
export function chatRoutes(deps: ChatDeps): Router {
  const r = Router();

  r.get('/api/chat/rooms', (_req, res) => {
    res.json(listRooms(deps, requireActor(res)));
  });

  r.get('/api/chat/rooms/:id/messages', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(roomParam, req.params);
    const q = parse(historyQuery, { ...req.query });
    res.json(await roomHistory(deps, actor, id, q.before, q.limit));
  });

  r.get('/api/chat/monitor', (req, res) => {
    const actor = requireActor(res);
    const { limit } = parse(monitorQuery, { ...req.query });
    res.json(monitorView(deps, actor, limit));
  });

  r.post('/api/chat/rooms/:id/close', async (req, res) => {
    const actor = requireActor(res);
    const { id } = parse(roomParam, req.params);
    const { closed } = parse(z.strictObject({ closed: z.boolean() }), req.body);
    res.json(await setRoomClosed(deps, actor, id, closed));
  });

  r.post('/api/users/:username/mute', async (req, res) => {
    const actor = requireActor(res);
    const { username } = parse(userParam, req.params);
    const { muted } = parse(z.strictObject({ muted: z.boolean() }), req.body);
    await setMuted(deps, actor, username, muted);
    res.json({ username, muted });
  });

  r.post('/api/users/:username/revoke', async (req, res) => {
    const actor = requireActor(res);
    const { username } = parse(userParam, req.params);
    const { revoked } = parse(z.strictObject({ revoked: z.boolean() }), req.body);
    await setRevoked(deps, actor, username, revoked);
    res.json({ username, revoked });
  });
  return r;
}
