/**
 * `npm run bench:classroom`: many classes on one server. Starts the real server (a child process,
 * fresh temporary DATA_DIR) and a separate load generator (scripts/bench/classroom-load.ts): the
 * facilitator creates S sessions, each class of N students joins in a storm, gets roles and a
 * closed round, enters its chat rooms and chats at a classroom rate, then every session switches
 * round at once (to open). Flags (all optional):
 *   --sessions 20 --students 40      (classes × students; up to 50 × 40 = 2,000)
 *   --interval 20 --duration 60      (seconds between a student's messages; seconds of chat before the switch)
 *   --stagger 250                    (ms between the start of one class's join storm and the next; 0: all at once)
 *   --roles hand|active|realistic    (hand: a mix where most students may chat; or a pack preset)
 *   --one-ip                         (every class from 127.0.0.1 instead of its own loopback address;
 *                                     needs the per-IP join limit raised through the environment)
 *   --no-reread                      (students do not re-read /api/me after the mode change)
 *   --quick                          (2 × 20, 15 s of chat, a message every 5 s: about half a minute)
 *   --profile <dir>                  (a CPU profile of the server into dir)
 *   --switch-timeout 10000           (ms to wait for every socket to see the switch)
 *   --open-duration 30 --open-interval 20
 *                                    (seconds of the open round after the switch, 0 for none; seconds
 *                                     between two posts/shares/likes of one student)
 * Students of one class come from one address (127.0.x.y, one more per 40 students), as a class
 * behind one school NAT: the server's per-IP join limit applies as it does in a school. Any
 * environment variable given to this script reaches the server too (e.g. a raised limit).
 * Prints join, chat and switch latencies, server RSS and CPU per phase, how busy the load
 * generator and the rest of the machine were, and ends with one line:
 * `classroom: 2000 students, join p99 … ms, chat p99 … ms, switch p99 … ms, like seen p99 … ms, feed p99 … ms`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, machineCpu, procStatus, stop } from './bench/proc';
import type { Dist, LoadArgs, LoadResult } from './bench/classroom-load';

const ROOT = join(import.meta.dirname, '..');

/** `--name value` pairs and bare `--name` switches. */
function parseFlags(argv: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (flags are --name value)`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i++;
    } else flags.set(arg.slice(2), true);
  }
  return flags;
}

const flags = parseFlags(process.argv.slice(2));
const quick = flags.has('quick');
function num(name: string, fallback: number, quickValue = fallback): number {
  const v = flags.get(name);
  if (v === undefined) return quick ? quickValue : fallback;
  const n = Number(v);
  if (v === true || !Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number, got ${String(v)}`);
  return n;
}
const KNOWN = [
  'sessions',
  'students',
  'interval',
  'duration',
  'stagger',
  'roles',
  'one-ip',
  'no-reread',
  'quick',
  'switch-timeout',
  'profile',
  'open-duration',
  'open-interval',
];
for (const name of flags.keys()) if (!KNOWN.includes(name)) throw new Error(`unknown flag --${name}`);

const opts = {
  sessions: Math.max(1, Math.round(num('sessions', 20, 2))),
  students: Math.max(1, Math.round(num('students', 40, 20))),
  interval: num('interval', 20, 5),
  duration: num('duration', 60, 15),
  stagger: num('stagger', 250),
  roles: String(flags.get('roles') ?? 'hand'),
  oneIp: flags.has('one-ip'),
  reread: !flags.has('no-reread'),
  switchTimeout: num('switch-timeout', 10_000),
  openDuration: num('open-duration', 30, 10),
  openInterval: num('open-interval', 20, 5),
};
if (!['hand', 'active', 'realistic'].includes(opts.roles)) throw new Error('--roles is hand, active or realistic');
if (opts.interval <= 0) throw new Error('--interval must be more than 0 seconds');

/** Bytes under a folder, and of its biggest files. */
async function diskUse(dir: string): Promise<{ total: number; files: { name: string; bytes: number }[] }> {
  const files: { name: string; bytes: number }[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const bytes = (await stat(path).catch(() => ({ size: 0 }))).size;
    files.push({ name: path.slice(dir.length + 1), bytes });
  }
  files.sort((a, b) => b.bytes - a.bytes);
  return { total: files.reduce((n, f) => n + f.bytes, 0), files };
}

// The simulated cast stays off, as when the figures in the README were first measured.
const COMMON_ENV = { NODE_ENV: 'development', CAST: 'off' };

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const profile = flags.get('profile');
  const profileArgs = typeof profile === 'string' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...profileArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...COMMON_ENV, QUIET: 'true', ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  // Ready when it answers HTTP.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the server exited early (${exited})`);
    if (Date.now() > deadline) throw new Error('the server did not answer within 60 s');
    const ok = await fetch(`http://127.0.0.1:${port}/api/session`).then(
      () => true,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function runLoad(load: LoadArgs, onPhase: (phase: string) => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/bench/classroom-load.ts'), JSON.stringify(load)],
      { cwd: ROOT, env: { ...process.env, ...COMMON_ENV }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
    );
    let out = '';
    child.on('message', (p) => onPhase(String(p)));
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult)
        : reject(new Error(`the load generator exited ${code}`)),
    );
  });
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const line = (d: Dist) => `p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  p99 ${ms(d.p99)}  max ${ms(d.max)} ms  (n ${d.n})`;
const codes = (r: Record<string, number>) =>
  Object.keys(r).length
    ? ` — ${Object.entries(r)
        .map(([k, v]) => `${v}× ${k}`)
        .join(', ')}`
    : '';

async function main(): Promise<void> {
  const total = opts.sessions * opts.students;
  console.log(
    `bench:classroom — ${opts.sessions} sessions × ${opts.students} students = ${total}; storms ${opts.stagger} ms apart` +
      `${opts.oneIp ? ' (all from 127.0.0.1)' : ' (one address per class)'}; roles ${opts.roles}; ` +
      `a message every ${opts.interval} s per student for ${opts.duration} s, then every session switches to open`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'cis-bench-classroom-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir);
  const pid = server.pid!;
  try {
    let peak = 0;
    const sampler = setInterval(() => {
      void procStatus(pid).then((s) => (peak = Math.max(peak, s.rssMb)));
    }, 200);
    const idle = await procStatus(pid);
    /** The server's CPU seconds and the time at the start of each phase. */
    const marks: { name: string; at: number; cpu: number; rss: number }[] = [];
    const mark = async (name: string) => {
      const m = { name, at: performance.now(), cpu: NaN, rss: NaN };
      marks.push(m);
      const s = await procStatus(pid);
      m.cpu = s.cpuSeconds;
      m.rss = s.rssMb;
    };
    const machine0 = await machineCpu();
    const self0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await runLoad({ url, ...opts }, (p) => void mark(p));
    await mark('end');
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const machine1 = await machineCpu();
    const self = process.cpuUsage(self0);
    const serverSeconds = marks.at(-1)!.cpu - idle.cpuSeconds;
    const others = Math.max(
      0,
      (machine1.busy - machine0.busy - serverSeconds - result.loadCpuSeconds - (self.user + self.system) / 1e6) /
        seconds,
    );
    const steal = (machine1.steal - machine0.steal) / seconds;
    peak = Math.max(peak, marks.at(-1)!.rss);
    const cpuIn = (name: string) => {
      const i = marks.findIndex((m) => m.name === name);
      const a = marks[i];
      const b = marks[i + 1];
      return a && b ? `${(((b.cpu - a.cpu) / ((b.at - a.at) / 1000)) * 100).toFixed(0)}%` : '—';
    };
    const rssAt = (name: string) => marks.find((m) => m.name === name)?.rss.toFixed(0) ?? '—';

    const r = result;
    console.log(`seated ${r.seated}/${r.students} in ${r.joinStormSeconds.toFixed(1)} s${codes(r.joinFailures)}`);
    console.log(`  create session      ${line(r.create)}`);
    console.log(`  join                ${line(r.join)}`);
    console.log(`  lobby /api/me       ${line(r.lobbyMe)}`);
    console.log(`  socket open         ${line(r.socketOpen)}`);
    console.log(`  join → socket       ${line(r.seatedIn)}`);
    console.log(`  roles POST          ${line(r.rolesPost)}`);
    console.log(`  role push seen      ${line(r.rolesSeen)}`);
    console.log(`  round POST          ${line(r.roundPost)}`);
    console.log(`  round push seen     ${line(r.roundSeen)}`);
    console.log(`  chat:join ack       ${line(r.chatJoin)}${codes(r.chatJoinFailures)}`);
    console.log(
      `chat: ${r.chatters} students in rooms sent ${r.sent} messages${codes(r.sendErrors)}; ` +
        `${r.delivered}/${r.expected} deliveries`,
    );
    console.log(`  send ack            ${line(r.ack)}`);
    console.log(`  delivery            ${line(r.chat)}`);
    console.log(`  during the switch   ${line(r.chatDuringSwitch)}`);
    console.log(
      `switch: ${opts.sessions} rounds ended and the next (open) started at once; ${r.seated - r.switchMissing}/${r.seated} sockets saw it`,
    );
    console.log(`  end + start POSTs   ${line(r.switchPost)}`);
    console.log(`    rounds/end        ${line(r.switchEnd)}`);
    console.log(`    rounds (open)     ${line(r.switchStart)}`);
    console.log(`  session:state       ${line(r.switchState)}`);
    console.log(`  session:changed     ${line(r.switchChanged)}`);
    console.log(`  both seen           ${line(r.switchSeen)}`);
    if (opts.reread)
      console.log(
        `  /api/me re-read     ${line(r.rereadMe)}${r.rereadWrong ? ` — ${r.rereadWrong} not open or failed` : ''}`,
      );
    const o = r.open;
    if (o) {
      console.log(
        `open round: ${opts.openDuration} s, an action every ${opts.openInterval} s per student: ${o.posts} posts, ` +
          `${o.shares} shares, ${o.likes} likes${codes(o.errors)}`,
      );
      console.log(`  post                ${line(o.postAck)}`);
      console.log(`  share               ${line(o.shareAck)}`);
      console.log(`  like                ${line(o.likeAck)}`);
      console.log(
        `  like → count seen   ${line(o.likeSeen)}${o.likeUnseen ? ` — ${o.likeUnseen} likes not seen by every socket` : ''}`,
      );
      console.log(`  feed                ${line(o.feed)}`);
      console.log(
        `  trending            ${line(o.trending)}${o.trendingEmpty ? ` — ${o.trendingEmpty} empty lists` : ''}`,
      );
    }
    console.log(
      `console socket: ${r.consolePushes.roster} session:roster and ${r.consolePushes.trail} session:trail pushes`,
    );
    if (r.unexpectedEnds) console.log(`  warning: ${r.unexpectedEnds} sockets were sent session:ended`);
    console.log(
      `server: RSS idle ${idle.rssMb.toFixed(0)} MB, after joins ${rssAt('roles')} MB, peak ${peak.toFixed(0)} MB; ` +
        `CPU joins ${cpuIn('join')}, chat ${cpuIn('chat')}, switch ${cpuIn('switch')}` +
        `${o ? `, open round ${cpuIn('open')}` : ''}, ` +
        `whole run ${((serverSeconds / seconds) * 100).toFixed(0)}% of a core`,
    );
    console.log(
      `load generator busy ${(r.loadElu * 100).toFixed(0)}% (lag p99 ${r.loadLagP99.toFixed(1)} ms) over chat and switch; ` +
        `other processes ${(others * 100).toFixed(0)}% of a core, steal ${(steal * 100).toFixed(0)}%`,
    );
    const disk = await diskUse(dataDir);
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(
      `DATA_DIR: ${mb(disk.total)} in ${disk.files.length} files; biggest ` +
        disk.files
          .slice(0, 3)
          .map((f) => `${f.name} ${mb(f.bytes)}`)
          .join(', '),
    );
    if (r.loadElu > 0.7 || r.loadLagP99 > 20)
      console.log('warning: the load generator itself was busy; its figures include its own queueing');
    if (others > 0.15 || steal > 0.05) console.log('warning: the machine was not quiet; rerun for figures to compare');
    console.log(
      `classroom: ${r.seated} students, join p99 ${ms(r.join.p99)} ms, chat p99 ${ms(r.chat.p99)} ms, ` +
        `switch p99 ${ms(r.switchSeen.p99)} ms` +
        (o ? `, like seen p99 ${ms(o.likeSeen.p99)} ms, feed p99 ${ms(o.feed.p99)} ms` : ''),
    );
  } finally {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
