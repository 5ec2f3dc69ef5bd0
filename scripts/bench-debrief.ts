/**
 * `npm run bench:debrief`: builds a class session's trail of 200,000 events in memory (40 students,
 * two rounds — closed then open — with a realistic mix of chat, browsing, searches, posts and their
 * decisions, walls, discipline, file hand-overs and shares), then times the debrief's figures
 * (target ≤ 500 ms) and the `trail.csv` export streamed to a null sink, and prints the figures and
 * the peak RSS growth during the export (it streams: the whole file is never held). Not part of `npm test`.
 * Flags: --events 200000 --students 40 --runs 5
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { debriefRounds, figureRows, type DebriefUser } from '../server/domain/debrief';
import { streamTo, trailCsv } from '../server/http/routes/debrief';
import type { Mode, TrailEvent, TrailKind } from '../server/protocol/api';

const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((f) => f.trim().split(/\s+/) as [string, string]),
);
const TOTAL = Number(flags.events ?? 200_000);
const STUDENTS = Number(flags.students ?? 40);
const RUNS = Number(flags.runs ?? 5);

/** A small deterministic generator, so every run builds the same trail. */
let seed = 13;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const users: DebriefUser[] = Array.from({ length: STUDENTS }, (_, i) => ({
  id: randomUUID(),
  username: `s${String(i).padStart(3, '0')}`,
  displayName: `학생 ${i + 1}, "Student"`,
}));
const names = users.map((u) => u.username);

/** What each round's events are made of, by weight. */
const MIX: Record<Mode, [TrailKind, number][]> = {
  closed: [
    ['chat_message', 30],
    ['chat_blocked', 4],
    ['page_view', 25],
    ['search', 8],
    ['search_flagged', 2],
    ['library_search', 2],
    ['post_submitted', 5],
    ['post_filtered', 1],
    ['blocked_address', 4],
    ['site_locked', 1],
    ['screen_snapshot', 8],
    ['file_handed_over', 2],
    ['device_inspected', 0.5],
    ['user_muted', 0.2],
  ],
  open: [
    ['chat_message', 30],
    ['page_view', 25],
    ['search', 8],
    ['library_search', 2],
    ['post_submitted', 4],
    ['social_posted', 3],
    ['social_shared', 6],
    ['social_liked', 5],
    ['would_block', 3],
    ['link_out', 2],
    ['screen_snapshot', 8],
  ],
};

function buildTrail(): TrailEvent[] {
  const events: TrailEvent[] = [];
  const start = Date.parse('2026-03-02T09:00:00Z');
  let t = start;
  const push = (
    kind: TrailKind,
    username: string | null,
    detail: Record<string, string>,
    round: number,
    mode: Mode,
  ) => {
    t += Math.floor(rand() * 40);
    events.push({
      id: randomUUID(),
      sessionId: 'c-bench',
      at: new Date(t).toISOString(),
      kind,
      username,
      role: null,
      detail,
      mode,
      round,
    });
  };
  let postN = 0;
  for (const [round, mode] of [
    [1, 'closed'],
    [2, 'open'],
  ] as const) {
    push('round_started', 'facilitator', { round: String(round), mode }, round, mode);
    const pending: string[] = [];
    const social: { id: string; root: string }[] = [];
    const weights = MIX[mode];
    const sum = weights.reduce((s, [, w]) => s + w, 0);
    const until = round * Math.floor(TOTAL / 2) - 1;
    while (events.length < until) {
      let r = rand() * sum;
      let kind = weights[0]![0];
      for (const [k, w] of weights)
        if ((r -= w) <= 0) {
          kind = k;
          break;
        }
      const who = pick(names);
      switch (kind) {
        case 'chat_message':
          push(
            kind,
            who,
            {
              room: rand() < 0.8 ? 'square' : `dm:${who}:${pick(names)}`,
              text: 'A message, "quoted", 안녕',
              ...(mode === 'closed' && rand() < 0.1 ? { substitutions: 'a → b' } : {}),
            },
            round,
            mode,
          );
          break;
        case 'post_submitted': {
          const post = `p${++postN}`;
          push(kind, who, { board: 'b', post, title: 'A title' }, round, mode);
          if (mode === 'closed') pending.push(post);
          break;
        }
        case 'social_posted': {
          const id = `s${++postN}`;
          social.push({ id, root: id });
          push(kind, who, { post: id }, round, mode);
          break;
        }
        case 'social_shared': {
          if (!social.length) break;
          const parent = pick(social);
          const id = `s${++postN}`;
          social.push({ id, root: parent.root });
          push(kind, who, { post: id, parent: parent.id, root: parent.root }, round, mode);
          break;
        }
        case 'file_handed_over':
          push(
            kind,
            who,
            { copy: 'k', file: pick(['harbour-film', 'drama-ep1', 'song']), title: 'A file', toUser: pick(names) },
            round,
            mode,
          );
          break;
        case 'user_muted':
        case 'device_inspected':
          push(kind, 'censor', { target: who }, round, mode);
          break;
        default:
          push(kind, who, { address: 'somewhere.kp', query: 'q' }, round, mode);
      }
      // A censor decides on the queue now and then.
      if (pending.length && rand() < 0.05 && events.length < until) {
        const post = pending.shift()!;
        push(rand() < 0.8 ? 'post_approved' : 'post_rejected', 'censor', { board: 'b', post }, round, mode);
      }
    }
    push('round_ended', 'facilitator', { round: String(round) }, round, mode);
  }
  return events;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const t0 = performance.now();
  const events = buildTrail();
  console.log(
    `trail: ${events.length} events, ${STUDENTS} students, two rounds (built in ${(performance.now() - t0).toFixed(0)} ms)`,
  );

  const times: number[] = [];
  let rounds = debriefRounds(events, { users });
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    rounds = debriefRounds(events, { users });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const med = times[times.length >> 1]!;
  console.log(
    `debrief figures: median ${med.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms over ${RUNS} runs (target ≤ 500 ms) ${med <= 500 ? 'OK' : 'SLOW'}`,
  );
  for (const r of rounds) {
    console.log(`  round ${r.number} (${r.mode}):`);
    for (const [figure, value] of figureRows(r)) console.log(`    ${figure.padEnd(30)} ${value ?? '—'}`);
  }

  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  let bytes = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
      setImmediate(done);
    },
  });
  const s = performance.now();
  await streamTo(sink, trailCsv(events));
  const ms = performance.now() - s;
  console.log(
    `trail.csv streamed to a null sink: ${mb(bytes)} in ${ms.toFixed(0)} ms; peak RSS growth ${mb(peak - base)} (file is ${mb(bytes)})`,
  );
}

await main();
