/**
 * The load generator of `npm run bench:classroom`, run as its own process (argument: the JSON
 * `LoadArgs`): a facilitator and S classes of N students driving the real server the way the
 * browsers of a school would —
 *
 * 1. the facilitator logs in, opens the console's socket (roster and trail pushes of every session)
 *    and creates S sessions;
 * 2. each class joins in a storm (`POST /api/sessions/join`, all N at once, every student its own
 *    cookie, each class from its own loopback address as a class behind one school NAT), then reads
 *    `/api/me` (the lobby) and opens its socket; class k starts `stagger` ms after class k-1;
 * 3. the facilitator gives roles (by hand, so most students may chat, or by a preset) and starts a
 *    closed round in every session; students enter the chat room their role may enter;
 * 4. students chat at a classroom rate (one message every `interval` seconds each, at random
 *    phases) for `duration` seconds;
 * 5. every session switches round at once (`POST /api/sessions/:id/rounds {mode: 'open'}` for all,
 *    concurrently, chat still going) and each student's socket notes when it saw the round change:
 *    `session:state` with the new round, and `session:changed` (`change: 'mode'`) — then re-reads
 *    `/api/me` as the app does.
 *
 * Phase names go to the parent over IPC (so it can sample the server's CPU per phase); the result
 * is one JSON line on stdout (`LoadResult`). Latencies are measured in this process only, on one
 * clock (`performance.now()`): a chat message carries its send time in its text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Agent } from 'node:http';
import type {
  CreateSessionResponse,
  JoinResponse,
  Me,
  SeatRole,
  SessionDetail,
  SessionState,
} from '../../server/protocol/api';
import type { ChatJoinAck, ChatSendAck, SessionChanged } from '../../server/protocol/events';
import { BenchClient } from './client';
import { Browser, expectOk, type Answer } from './classroom-http';
import { runOpenRound, type OpenResult } from './classroom-open';

/** What the parent passes. */
export interface LoadArgs {
  url: string;
  sessions: number;
  students: number;
  /** ms between the start of one class's join storm and the next. */
  stagger: number;
  /** `hand` (a classroom mix where most may chat), or a preset name: `active`, `realistic`. */
  roles: string;
  /** Seconds between two messages of one student. */
  interval: number;
  /** Seconds of chat before the switch. */
  duration: number;
  /** Every class from 127.0.0.1 (needs the server's join limit raised) instead of one address per class. */
  oneIp: boolean;
  /** Students re-read `/api/me` when the mode change arrives, as the app does. */
  reread: boolean;
  /** How long to wait for every socket to see the switch, in ms. */
  switchTimeout: number;
  /** Seconds of the open round after the switch (0: none). */
  openDuration: number;
  /** Seconds between two open-network actions (post, share, like) of one student. */
  openInterval: number;
}

/** Percentiles (ms) of one measured step. */
export interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What the load generator reports. */
export interface LoadResult {
  students: number;
  seated: number;
  joinFailures: Record<string, number>;
  create: Dist;
  join: Dist;
  lobbyMe: Dist;
  socketOpen: Dist;
  /** Join request start → socket connected. */
  seatedIn: Dist;
  joinStormSeconds: number;
  rolesPost: Dist;
  rolesSeen: Dist;
  roundPost: Dist;
  roundSeen: Dist;
  chatJoin: Dist;
  chatJoinFailures: Record<string, number>;
  chatters: number;
  sent: number;
  sendErrors: Record<string, number>;
  ack: Dist;
  /** Send → arrival at each member of the room, before the switch. */
  chat: Dist;
  /** The same, for messages sent while the switch went out. */
  chatDuringSwitch: Dist;
  delivered: number;
  expected: number;
  /** `rounds/end` then `rounds {mode: 'open'}`, one session, both requests. */
  switchPost: Dist;
  switchEnd: Dist;
  switchStart: Dist;
  /** Switch start → `session:state` with the open round, per student. */
  switchState: Dist;
  /** Switch start → `session:changed` (mode), per student. */
  switchChanged: Dist;
  /** Switch start → both seen, per student: the headline. */
  switchSeen: Dist;
  switchMissing: number;
  rereadMe: Dist;
  rereadWrong: number;
  unexpectedEnds: number;
  /** Pushes the facilitator's console socket received over the whole run. */
  consolePushes: { roster: number; trail: number };
  loadElu: number;
  loadLagP99: number;
  loadCpuSeconds: number;
  /** The open round (absent when `openDuration` is 0). */
  open?: OpenResult;
}

const args = JSON.parse(process.argv[2] ?? '{}') as LoadArgs;
const ROOT = join(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phase = (name: string) => process.send?.(name);

function dist(values: ArrayLike<number>): Dist {
  const s = Float64Array.from(values).sort();
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN);
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? s[s.length - 1]! : NaN };
}

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
const codeOf = (a: Answer) => (a.body as { error?: { code?: string } } | null)?.error?.code ?? `http_${a.status}`;

/** Roles that may chat in closed mode, and the room each enters: the most specific room that lists it. */
function roomsByRole(): Map<SeatRole, string> {
  const chat = JSON.parse(readFileSync(join(ROOT, 'fixtures/default/chat.json'), 'utf8')) as {
    rooms: { id: string; roles: SeatRole[] }[];
  };
  const map = new Map<SeatRole, { id: string; n: number }>();
  for (const room of chat.rooms)
    for (const role of room.roles) {
      const had = map.get(role);
      if (!had || room.roles.length < had.n) map.set(role, { id: room.id, n: room.roles.length });
    }
  return new Map([...map].map(([role, r]) => [role, r.id]));
}

/**
 * A classroom where most may chat: per 40 students one censor, one editor, four citizens, two
 * foreigners, and the rest elites, scientists and academics in turn. Small classes: all chatters.
 */
function handRoles(n: number): SeatRole[] {
  const talkers: SeatRole[] = ['elite', 'scientist', 'academic'];
  const fixed: SeatRole[] = [];
  if (n >= 6) {
    const per40 = (k: number, min: number) => Math.max(min, Math.round((k * n) / 40));
    fixed.push(...Array<SeatRole>(per40(1, 1)).fill('censor'), ...Array<SeatRole>(per40(1, 1)).fill('editor'));
    fixed.push(...Array<SeatRole>(per40(4, 0)).fill('citizen'), ...Array<SeatRole>(per40(2, 1)).fill('foreigner'));
  }
  const roles = [...fixed];
  for (let i = 0; roles.length < n; i++) roles.push(talkers[i % talkers.length]!);
  return roles.slice(0, n);
}

interface Student {
  s: number;
  i: number;
  browser: Browser;
  playerId: string;
  role: SeatRole | null;
  room: string | undefined;
  conn: BenchClient | undefined;
  rolesSeenAt: number;
  roundSeenAt: number;
  stateAt: number;
  changedAt: number;
}

interface Session {
  id: string;
  code: string;
  students: Student[];
}

async function main(): Promise<void> {
  const url = new URL(args.url);
  const facilitator = new Browser(url, Browser.agent('127.0.0.1'));
  expectOk(
    await facilitator.send('POST', '/api/auth/login', { username: 'facilitator', password: 'demo' }),
    'facilitator login',
  );
  // The facilitator's console is open throughout: it receives every session's roster and trail.
  const consolePushes = { roster: 0, trail: 0 };
  const consoleSocket = await BenchClient.connect(args.url, facilitator.cookie);
  consoleSocket.on('session:roster', () => consolePushes.roster++);
  consoleSocket.on('session:trail', () => consolePushes.trail++);

  // 1. Sessions.
  phase('create');
  const createMs: number[] = [];
  const sessions: Session[] = [];
  for (let s = 0; s < args.sessions; s++) {
    const a = expectOk(
      await facilitator.send<CreateSessionResponse>('POST', '/api/sessions', {
        name: `Class ${s + 1}`,
        capacity: Math.max(40, args.students),
        lateJoin: true,
      }),
      `create session ${s + 1}`,
      [201, 200],
    );
    createMs.push(a.ms);
    sessions.push({ id: a.body.id, code: a.body.code, students: [] });
  }

  // 2. Join storms. Class s comes from its own address (one more per 40 students), or all from 127.0.0.1.
  phase('join');
  const agents: Agent[] = [];
  const addressOf = (s: number, i: number) => {
    if (args.oneIp) return '127.0.0.1';
    const g = s * Math.ceil(args.students / 40) + Math.floor(i / 40);
    return `127.0.${1 + Math.floor(g / 250)}.${1 + (g % 250)}`;
  };
  // Each student is its own browser: its own keep-alive connection, from its class's address.
  const agentFor = (address: string) => {
    const agent = Browser.agent(address);
    agents.push(agent);
    return agent;
  };
  const joinMs: number[] = [];
  const meMs: number[] = [];
  const socketMs: number[] = [];
  const seatedMs: number[] = [];
  const joinFailures: Record<string, number> = {};
  let unexpectedEnds = 0;
  let switching = false;
  let switchAt = 0;
  const rereadMs: number[] = [];
  let rereadWrong = 0;
  const rereads: Promise<void>[] = [];
  // Chat deliveries, by phase: 'c' before the switch, 's' once it started.
  const chatLat: number[] = [];
  const switchChatLat: number[] = [];

  /** A student whose requests fail at the network level counts as a failed join (by error code). */
  const seat = (session: Session, s: number, i: number): Promise<void> =>
    seatOnce(session, s, i).catch((err: unknown) => {
      count(joinFailures, `network ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    });
  const seatOnce = async (session: Session, s: number, i: number): Promise<void> => {
    const browser = new Browser(url, agentFor(addressOf(s, i)));
    const t0 = performance.now();
    const joined = await browser.send<JoinResponse>('POST', '/api/sessions/join', {
      code: session.code,
      name: `Student ${i + 1}`,
    });
    if (joined.status !== 200 || !browser.cookie) {
      count(joinFailures, codeOf(joined));
      return;
    }
    joinMs.push(joined.ms); // refused joins are counted by code, not timed
    const me = await browser.send<Me>('GET', '/api/me');
    meMs.push(me.ms);
    if (me.status !== 200) {
      count(joinFailures, `me_${codeOf(me)}`);
      return;
    }
    const st: Student = {
      s,
      i,
      browser,
      playerId: joined.body.player.id,
      role: null,
      room: undefined,
      conn: undefined,
      rolesSeenAt: NaN,
      roundSeenAt: NaN,
      stateAt: NaN,
      changedAt: NaN,
    };
    const t1 = performance.now();
    let conn: BenchClient;
    try {
      conn = await BenchClient.connect(args.url, browser.cookie);
    } catch (err) {
      count(joinFailures, `socket: ${(err as Error).message}`);
      return;
    }
    const now = performance.now();
    socketMs.push(now - t1);
    seatedMs.push(now - t0);
    st.conn = conn;
    conn.on('chat:message', (data) => {
      const at = performance.now();
      // "bench <sent> <c|s>"
      const text = (data as { text: string }).text;
      if (!text.startsWith('bench ')) return;
      const sp = text.indexOf(' ', 6);
      const sent = Number(text.slice(6, sp));
      (text.endsWith(' s') ? switchChatLat : chatLat).push(at - sent);
    });
    conn.on('session:changed', (data) => {
      const c = data as SessionChanged;
      const at = performance.now();
      if (c.change === 'role' && Number.isNaN(st.rolesSeenAt)) st.rolesSeenAt = at;
      if (c.change === 'mode' && switching && Number.isNaN(st.changedAt)) {
        st.changedAt = at - switchAt;
        if (args.reread)
          rereads.push(
            st.browser.send<Me>('GET', '/api/me').then(
              (a) => {
                rereadMs.push(a.ms);
                if (a.status !== 200 || a.body.mode !== 'open') rereadWrong++;
              },
              () => void rereadWrong++, // a network failure: counted, never an unhandled rejection
            ),
          );
      }
    });
    conn.on('session:state', (data) => {
      const state = data as SessionState;
      const at = performance.now();
      if (state.round && Number.isNaN(st.roundSeenAt)) st.roundSeenAt = at;
      if (switching && state.round?.mode === 'open' && Number.isNaN(st.stateAt)) st.stateAt = at - switchAt;
    });
    conn.on('session:ended', () => unexpectedEnds++);
    session.students.push(st);
  };

  const stormStart = performance.now();
  await Promise.all(
    sessions.map(async (session, s) => {
      await sleep(s * args.stagger);
      await Promise.all(Array.from({ length: args.students }, (_, i) => seat(session, s, i)));
    }),
  );
  const joinStormSeconds = (performance.now() - stormStart) / 1000;
  const students = sessions.flatMap((x) => x.students);
  if (students.length === 0) throw new Error(`no student could join: ${JSON.stringify(joinFailures)}`);
  await sleep(500);

  // 3. Roles, then a closed round in every session.
  phase('roles');
  const rolesMs: number[] = [];
  const rolesSent = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      const body =
        args.roles === 'hand'
          ? {
              assignments: (() => {
                const mix = handRoles(session.students.length);
                return session.students
                  .sort((a, b) => a.i - b.i)
                  .map((st, k) => ({ playerId: st.playerId, role: mix[k]! }));
              })(),
            }
          : { preset: args.roles };
      const a = expectOk(await facilitator.send('POST', `/api/sessions/${session.id}/roles`, body), 'roles');
      rolesMs.push(a.ms);
    }),
  );
  await waitFor(() => students.every((st) => !Number.isNaN(st.rolesSeenAt)), 5000);
  const rolesSeen = dist(
    students.filter((st) => !Number.isNaN(st.rolesSeenAt)).map((st) => st.rolesSeenAt - rolesSent),
  );
  // The roles as the server holds them (a preset chose them there).
  const rooms = roomsByRole();
  await Promise.all(
    sessions.map(async (session) => {
      const detail = expectOk(
        await facilitator.send<SessionDetail>('GET', `/api/sessions/${session.id}`),
        'session detail',
      ).body;
      const byId = new Map(detail.players.map((p) => [p.id, p.role]));
      for (const st of session.students) {
        st.role = byId.get(st.playerId) ?? null;
        st.room = st.role ? rooms.get(st.role) : undefined;
      }
    }),
  );

  phase('round');
  const roundMs: number[] = [];
  const roundSent = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      const a = expectOk(
        await facilitator.send('POST', `/api/sessions/${session.id}/rounds`, { mode: 'closed' }),
        'start round',
      );
      roundMs.push(a.ms);
    }),
  );
  await waitFor(() => students.every((st) => !Number.isNaN(st.roundSeenAt)), 5000);
  const roundSeen = dist(
    students.filter((st) => !Number.isNaN(st.roundSeenAt)).map((st) => st.roundSeenAt - roundSent),
  );

  // Everyone who may chat enters their room.
  const chatJoinMs: number[] = [];
  const chatJoinFailures: Record<string, number> = {};
  const chatters: Student[] = [];
  await Promise.all(
    students.map(async (st) => {
      if (!st.room || !st.conn) return;
      const t0 = performance.now();
      const ack = (await st.conn.emitWithAck('chat:join', { roomId: st.room })) as ChatJoinAck;
      chatJoinMs.push(performance.now() - t0);
      if (ack.ok) chatters.push(st);
      else count(chatJoinFailures, ack.error.code);
    }),
  );
  // Members of each (session, room), for the number of deliveries to expect.
  const members = new Map<string, number>();
  for (const st of chatters) members.set(`${st.s}/${st.room}`, (members.get(`${st.s}/${st.room}`) ?? 0) + 1);
  await sleep(1000); // presence deltas settle

  // 4. Chat at a classroom rate, then 5. the switch, with chat still going.
  phase('chat');
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const elu0 = performance.eventLoopUtilization();
  let sent = 0;
  let expected = 0;
  const sendErrors: Record<string, number> = {};
  const ackMs: number[] = [];
  let chatting = true;
  const interval = args.interval * 1000;
  const senders = chatters.map(async (st, k) => {
    await sleep(Math.random() * interval);
    let n = 0;
    let next = performance.now();
    while (chatting) {
      const t = performance.now();
      const text = `bench ${t.toFixed(3)} ${switching ? 's' : 'c'}`;
      sent++;
      expected += members.get(`${st.s}/${st.room}`) ?? 0;
      st.conn!.emitWithAck('chat:send', { roomId: st.room, text, clientId: `c${k}-${n++}` }).then(
        (a) => {
          const ack = a as ChatSendAck;
          if (ack.ok) ackMs.push(performance.now() - t);
          else count(sendErrors, ack.error.code);
        },
        () => count(sendErrors, 'no_ack'),
      );
      next += interval;
      await sleep(Math.max(0, next - performance.now()));
    }
  });
  await sleep(args.duration * 1000);

  phase('switch');
  switchAt = performance.now();
  switching = true;
  const switchMs: number[] = [];
  const switchEndMs: number[] = [];
  const switchStartMs: number[] = [];
  // The next round: end the running one, then start it in open mode (a running round refuses a new one).
  await Promise.all(
    sessions.map(async (session) => {
      const t = performance.now();
      const end = expectOk(await facilitator.send('POST', `/api/sessions/${session.id}/rounds/end`, {}), 'end round');
      const start = expectOk(
        await facilitator.send('POST', `/api/sessions/${session.id}/rounds`, { mode: 'open' }),
        'switch round',
      );
      switchMs.push(performance.now() - t);
      switchEndMs.push(end.ms);
      switchStartMs.push(start.ms);
    }),
  );
  const seenBoth = (st: Student) => !Number.isNaN(st.stateAt) && !Number.isNaN(st.changedAt);
  await waitFor(() => students.every(seenBoth), args.switchTimeout);
  await Promise.all(rereads);
  await sleep(1000); // a second more of chat after the switch
  chatting = false;
  phase('done');
  await Promise.race([Promise.all(senders), sleep(interval + 1000)]);
  await sleep(1500); // the last deliveries
  delay.disable();
  const elu = performance.eventLoopUtilization(elu0);

  // 6. The open round: posts, shares and likes at a classroom rate; feed and trending reads.
  let open: OpenResult | undefined;
  if (args.openDuration > 0) {
    phase('open');
    const connected = students.filter((st): st is Student & { conn: BenchClient } => st.conn !== undefined);
    open = await runOpenRound(connected, {
      duration: args.openDuration,
      interval: args.openInterval,
      feedEvery: Math.max(5, args.openInterval),
    });
    phase('end');
  }
  for (const st of students) st.conn?.close();
  consoleSocket.close();
  for (const agent of agents) agent.destroy();

  const result: LoadResult = {
    students: args.sessions * args.students,
    seated: students.length,
    joinFailures,
    create: dist(createMs),
    join: dist(joinMs),
    lobbyMe: dist(meMs),
    socketOpen: dist(socketMs),
    seatedIn: dist(seatedMs),
    joinStormSeconds,
    rolesPost: dist(rolesMs),
    rolesSeen,
    roundPost: dist(roundMs),
    roundSeen,
    chatJoin: dist(chatJoinMs),
    chatJoinFailures,
    chatters: chatters.length,
    sent,
    sendErrors,
    ack: dist(ackMs),
    chat: dist(chatLat),
    chatDuringSwitch: dist(switchChatLat),
    delivered: chatLat.length + switchChatLat.length,
    expected,
    switchPost: dist(switchMs),
    switchEnd: dist(switchEndMs),
    switchStart: dist(switchStartMs),
    switchState: dist(students.filter((st) => !Number.isNaN(st.stateAt)).map((st) => st.stateAt)),
    switchChanged: dist(students.filter((st) => !Number.isNaN(st.changedAt)).map((st) => st.changedAt)),
    switchSeen: dist(students.filter(seenBoth).map((st) => Math.max(st.stateAt, st.changedAt))),
    switchMissing: students.filter((st) => !seenBoth(st)).length,
    rereadMe: dist(rereadMs),
    rereadWrong,
    unexpectedEnds,
    consolePushes,
    loadElu: elu.utilization,
    loadLagP99: delay.percentile(99) / 1e6,
    loadCpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    ...(open ? { open } : {}),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await sleep(10);
  }
  return true;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
