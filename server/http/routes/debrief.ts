/**
 * The debrief (issue 13), for the session's own facilitator only (a student 403; another
 * facilitator's or a deleted session 404, as missing; an ended session still answers):
 * - `GET /api/sessions/:id/debrief` → `DebriefResponse` (figures per round, the quiz, player names).
 * - `GET /api/sessions/:id/debrief.csv`: the figures, one row per round × figure
 *   (`round,mode,figure,value`), then the quiz (`round` empty, `mode` `quiz`).
 * - `GET /api/sessions/:id/trail.csv` / `trail.json`: the whole trail, streamed row by row.
 * - `GET /api/sessions/:id/transcript`: CSV `at,place,author,text` of the public record — chat rooms'
 *   messages as typed (never direct messages), approved board posts and social posts — or 403
 *   `transcript_disabled` once `PATCH /api/sessions/:id {transcript: false}`.
 * CSV is RFC 4180, UTF-8 with a BOM, sent as an attachment. Nothing here records anything.
 */
import { Router, type Request, type Response } from 'express';
import type { Writable } from 'node:stream';
import { ownSession, type ClassDeps } from '../../domain/classes';
import { BOM, csvRow, csvTable } from '../../domain/csv';
import {
  debriefRounds,
  figureRows,
  TRAIL_CSV_COLUMNS,
  trailCsvFields,
  transcriptLines,
  type DebriefUser,
} from '../../domain/debrief';
import { DomainError, forbidden } from '../../domain/errors';
import { can } from '../../domain/policy';
import { quizFigures } from '../../domain/quiz-stats';
import type { DebriefQuiz, DebriefResponse, TrailEvent } from '../../protocol/api';
import { requireActor, type HttpContext } from '../context';

/** A class session id as it appears in a path. */
const SESSION_ID = /^c-[0-9a-f-]{36}$/;

/** Streamed exports are written in chunks of about this many characters. */
const CHUNK = 64 * 1024;

/** What the debrief routes need. */
export interface DebriefRouteDeps {
  classes: Pick<ClassDeps, 'sessions'>;
}

/**
 * Writes `chunks` to `sink`, joined into ~64 KB writes, waiting for `drain` whenever the sink is full
 * (so a big export never sits in memory), then ends it. Stops early when the sink closes.
 */
export async function streamTo(sink: Writable, chunks: Iterable<string>): Promise<void> {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const full = !sink.write(buffer);
    buffer = '';
    if (full && !sink.destroyed)
      await new Promise<void>((resolve) => {
        const done = () => {
          sink.off('drain', done);
          sink.off('close', done);
          resolve();
        };
        sink.on('drain', done);
        sink.on('close', done);
      });
  };
  for (const chunk of chunks) {
    if (sink.destroyed) return;
    buffer += chunk;
    if (buffer.length >= CHUNK) await flush();
  }
  await flush();
  if (!sink.destroyed) sink.end();
}

/** `trail.csv` as chunks: the BOM and header, then one row per event. */
export function* trailCsv(events: readonly TrailEvent[]): Generator<string> {
  yield BOM + csvRow(TRAIL_CSV_COLUMNS);
  for (const e of events) yield csvRow(trailCsvFields(e));
}

/** `trail.json` as chunks: `{"sessionId":…,"events":[…]}`, one event per line. */
export function* trailJson(sessionId: string, events: readonly TrailEvent[]): Generator<string> {
  yield `{"sessionId":${JSON.stringify(sessionId)},"events":[`;
  let first = true;
  for (const e of events) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(e)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The debrief's routes. */
export function debriefRoutes(ctx: Pick<HttpContext, 'store' | 'pack'>, deps: DebriefRouteDeps): Router {
  const r = Router();
  const store = ctx.store;

  /** The actor's own session (ended ones too), or 403/404. */
  const own = (req: Request, res: Response) => {
    const actor = requireActor(res);
    if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator reads the debrief.');
    const id = String(req.params.id);
    if (!SESSION_ID.test(id)) throw new DomainError('not_found', 'not_found', 'No such session.');
    return ownSession(deps.classes, actor, id);
  };
  /** The session's events, oldest first. */
  const eventsOf = (sessionId: string) => store.trail.query({ sessionId, limit: Number.MAX_SAFE_INTEGER }).reverse();
  const usersOf = (sessionId: string): DebriefUser[] =>
    store.users.list(sessionId).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));

  const figures = (sessionId: string, transcript: boolean): DebriefResponse => {
    const events = eventsOf(sessionId);
    const users = usersOf(sessionId);
    const rounds = debriefRounds(events, {
      users,
      socialTitle: (postId) => store.social.post(postId, sessionId)?.text,
    });
    const quiz: DebriefQuiz = quizFigures(
      ctx.pack.quiz.items.map((i) => ({ id: i.id, truth: i.truth })),
      store.quiz
        .list(sessionId)
        .flatMap((set) => set.answers.map((a) => ({ userId: set.userId, phase: set.phase, ...a }))),
    );
    const players: Record<string, string> = {};
    for (const u of store.users.list(sessionId)) if (u.seat) players[u.id] = u.displayName;
    return { rounds, quiz, players, transcript };
  };

  const attachment = (res: Response, type: string, filename: string) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
  };

  r.get('/api/sessions/:id/debrief', (req, res) => {
    const s = own(req, res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(figures(s.id, s.class.transcript !== false));
  });

  r.get('/api/sessions/:id/debrief.csv', (req, res) => {
    const s = own(req, res);
    const d = figures(s.id, s.class.transcript !== false);
    const rows: (string | number | null)[][] = [['round', 'mode', 'figure', 'value']];
    for (const round of d.rounds)
      for (const [figure, value] of figureRows(round)) rows.push([round.number, round.mode, figure, value]);
    const q = d.quiz;
    for (const [figure, value] of [
      ['discernmentBefore', q.discernmentBefore],
      ['discernmentAfter', q.discernmentAfter],
      ['biasBefore', q.biasBefore],
      ['biasAfter', q.biasAfter],
    ] as const)
      rows.push(['', 'quiz', figure, value]);
    for (const item of q.items) {
      rows.push(['', 'quiz', `item.${item.id}.before`, item.before]);
      rows.push(['', 'quiz', `item.${item.id}.after`, item.after]);
    }
    attachment(res, 'text/csv; charset=utf-8; header=present', `debrief-${s.code}.csv`);
    res.send(csvTable(rows));
  });

  r.get('/api/sessions/:id/trail.csv', async (req, res) => {
    const s = own(req, res);
    attachment(res, 'text/csv; charset=utf-8; header=present', `trail-${s.code}.csv`);
    await streamTo(res, trailCsv(eventsOf(s.id)));
  });

  r.get('/api/sessions/:id/trail.json', async (req, res) => {
    const s = own(req, res);
    attachment(res, 'application/json; charset=utf-8', `trail-${s.code}.json`);
    await streamTo(res, trailJson(s.id, eventsOf(s.id)));
  });

  r.get('/api/sessions/:id/transcript', (req, res) => {
    const s = own(req, res);
    if (s.class.transcript === false)
      throw new DomainError('forbidden', 'transcript_disabled', 'The transcript is turned off for this session.');
    const users = usersOf(s.id);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const posts = [
      ...store.posts
        .list(s.id)
        // The class's posts and the simulated cast's (the pack's seed posts are not the session's record).
        .filter((p) => (p.authorId !== null || p.simulated) && p.status === 'approved')
        .map((p) => ({
          at: p.createdAt,
          place: `board:${p.boardId}`,
          author: (p.authorId && names.get(p.authorId)) ?? p.authorName,
          text: p.title ? `${p.title}\n${p.body}` : p.body,
        })),
      ...store.social
        .posts(s.id)
        .filter((p) => p.text)
        .map((p) => ({
          at: p.createdAt,
          place: 'social',
          author: names.get(p.authorId) ?? p.authorName,
          text: p.text,
        })),
    ];
    // The simulated cast speaks in the rooms too, under its display names.
    const cast = ctx.pack.cast.members.map((m) => ({
      id: m.username,
      username: m.username,
      displayName: m.displayName,
    }));
    const lines = transcriptLines(eventsOf(s.id), [...users, ...cast], posts);
    attachment(res, 'text/csv; charset=utf-8; header=present', `transcript-${s.code}.csv`);
    res.send(csvTable([['at', 'place', 'author', 'text'], ...lines.map((l) => [l.at, l.place, l.author, l.text])]));
  });

  return r;
}
