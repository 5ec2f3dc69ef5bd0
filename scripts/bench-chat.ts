/**
 * `npm run bench:chat`: chat fan-out latency of the real server against a bare socket.io
 * broadcast server on the same machine, under the same conditions: both are started the same
 * way (`node --import tsx`, same environment, children of this process), each in its own
 * process, driven by the same load generator in a third process (scripts/bench/load.ts), one
 * server at a time. Flags (all optional):
 *   --clients 200 --senders 10 --rate 5 --duration 20 --warmup 2 --rounds 1 --room general
 *   --client raw|socketio   (the load generator's client; see scripts/bench/client.ts)
 *   --only ours|bare        (one server only)   --profile <dir>   (CPU profiles of the servers)
 *   --timeline <prefix>     (per-message arrival times, one file per run)
 * With several rounds the order alternates (ours first, then bare first, …) and the summary
 * takes the median of the rounds. Prints, per run, p50/p95/p99/max delivery latency, the
 * latency to the first member and the fan-out spread, messages and deliveries per second,
 * server CPU and memory, and how busy the load generator was; then a one-line summary:
 * `p99 ours X ms, bare Y ms, ratio Z`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, machineCpu, procStatus, stop } from './bench/proc';

const ROOT = join(import.meta.dirname, '..');
const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((f) => f.trim().split(/\s+/) as [string, string]),
);
const opts = {
  clients: Number(flags.clients ?? 200),
  senders: Number(flags.senders ?? 10),
  rate: Number(flags.rate ?? 5),
  duration: Number(flags.duration ?? 20),
  warmup: Number(flags.warmup ?? 2),
  room: flags.room ?? 'general',
  client: flags.client ?? 'raw',
};
/** `--timeline <prefix>`: per-message arrival times of each run into <prefix>-ours-1.txt, <prefix>-bare-1.txt, … */
const timeline = flags.timeline;
let runNo = 0;
const rounds = Number(flags.rounds ?? 1);
/** `--only ours` or `--only bare` runs just one server (no ratio). */
const only = flags.only;

interface LoadResult {
  sent: number;
  errors: number;
  received: number;
  expected: number;
  deliveriesPerSecond: number;
  messagesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  firstP50: number;
  firstP99: number;
  spreadP50: number;
  spreadP99: number;
  ackP99: number;
  joinSeconds: number;
  loadElu: number;
  loadCpu: number;
  loadLagP99: number;
  /** CPU the load generator used over its whole life, ramp-up included. */
  loadCpuSeconds: number;
}
type Measured = LoadResult & { rss: number; serverCpu: number; others: number };

/** Sectors written and flushes issued by the machine's disks so far (whole disks, not partitions). */
async function diskCounters(): Promise<{ writtenMb: number; flushes: number }> {
  const text = await readFile('/proc/diskstats', 'utf8').catch(() => '');
  let sectors = 0;
  let flushes = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!f[2] || /^(loop|ram|dm-)/.test(f[2]) || /^(sd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+p)\d+$/.test(f[2])) continue;
    sectors += Number(f[9] ?? 0);
    flushes += Number(f[18] ?? 0);
  }
  return { writtenMb: (sectors * 512) / 1e6, flushes };
}

/** The environment both servers get, so neither runs under different settings. */
// The simulated cast stays off: its lines would land in the measured rooms.
const COMMON_ENV = { NODE_ENV: 'development', CAST: 'off' };

/** `--profile <dir>` writes a CPU profile of each server (not the load generator) into dir. */
const profileArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${flags.profile}`] : [];

function start(script: string, env: NodeJS.ProcessEnv, readyPattern: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profileArgs, '--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, ...COMMON_ENV, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (readyPattern.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
  });
}

function runLoad(args: Record<string, unknown>, onPhase: (phase: string) => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/bench/load.ts'), JSON.stringify(args)],
      { cwd: ROOT, env: { ...process.env, ...COMMON_ENV }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
    );
    let out = '';
    child.on('message', (phase) => onPhase(String(phase)));
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult)
        : reject(new Error(`load exited ${code}`)),
    );
  });
}

async function measure(name: string, server: ChildProcess, url: string, cookie: string): Promise<Measured> {
  let peak = 0;
  const sampler = setInterval(() => {
    void procStatus(server.pid!).then((s) => (peak = Math.max(peak, s.rssMb)));
  }, 250);
  const before = await procStatus(server.pid!);
  const machineBefore = await machineCpu();
  const diskBefore = await diskCounters();
  const selfBefore = process.cpuUsage();
  const t0 = performance.now();
  runNo++;
  // The server's CPU over the measured sends only (no connecting, joining or warm-up).
  const steady: { at: number; cpu: number }[] = [];
  const sample = () => {
    const at = performance.now();
    void procStatus(server.pid!).then((s) => steady.push({ at, cpu: s.cpuSeconds }));
  };
  const result = await runLoad(
    { url, cookie, ...opts, ...(timeline ? { timeline: `${timeline}-${name}-${Math.ceil(runNo / 2)}.txt` } : {}) },
    sample,
  );
  const [s0, s1] = steady;
  const steadyCpu = s0 && s1 ? (s1.cpu - s0.cpu) / ((s1.at - s0.at) / 1000) : NaN;
  const cpuPerMessage = s0 && s1 ? ((s1.cpu - s0.cpu) * 1000) / result.sent : NaN;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const after = await procStatus(server.pid!);
  const machineAfter = await machineCpu();
  const machine = machineAfter.busy - machineBefore.busy;
  const steal = (machineAfter.steal - machineBefore.steal) / seconds;
  const diskAfter = await diskCounters();
  const self = process.cpuUsage(selfBefore);
  peak = Math.max(peak, after.rssMb);
  const serverCpu = (after.cpuSeconds - before.cpuSeconds) / seconds;
  // What the rest of the machine used meanwhile.
  const ours = after.cpuSeconds - before.cpuSeconds + result.loadCpuSeconds + (self.user + self.system) / 1e6;
  const others = Math.max(0, (machine - ours) / seconds);
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${name.padEnd(5)} p50 ${f(result.p50)} ms  p95 ${f(result.p95)} ms  p99 ${f(result.p99)} ms  max ${f(result.max)} ms` +
      `  | first member p50 ${f(result.firstP50)} p99 ${f(result.firstP99)}, spread p50 ${f(result.spreadP50)} p99 ${f(result.spreadP99)}, ack p99 ${f(result.ackP99)} ms\n` +
      `      ${result.messagesPerSecond.toFixed(1)} msg/s sent, ${result.deliveriesPerSecond.toFixed(0)} deliveries/s, ` +
      `${result.received}/${result.expected} delivered, ${result.errors} errors; server CPU ${(steadyCpu * 100).toFixed(0)}% ` +
      `while sending (${cpuPerMessage.toFixed(1)} ms a message), ${(serverCpu * 100).toFixed(0)}% whole run; RSS peak ${peak.toFixed(0)} MB; joins ${result.joinSeconds.toFixed(1)} s; load generator ` +
      `busy ${(result.loadElu * 100).toFixed(0)}%, CPU ${(result.loadCpu * 100).toFixed(0)}%, lag p99 ${result.loadLagP99.toFixed(1)} ms`,
  );
  console.log(
    `      other processes on the machine: ${(others * 100).toFixed(0)}% of a core, steal ${(steal * 100).toFixed(0)}%; the disk wrote ` +
      `${(diskAfter.writtenMb - diskBefore.writtenMb).toFixed(1)} MB with ${diskAfter.flushes - diskBefore.flushes} flushes (everyone's)`,
  );
  if (result.loadElu > 0.7 || result.loadLagP99 > 20)
    console.log('      warning: the load generator itself was busy; its figures include its own queueing');
  if (others > 0.15 || steal > 0.05)
    console.log('      warning: the machine was not quiet; rerun for figures to compare');
  return { ...result, rss: peak, serverCpu, others: others + steal };
}

async function runOurs(): Promise<Measured> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cis-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await start(
    'server/main.ts',
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: 'true',
      CHAT_PER_10S: '1000000',
      CHAT_JOINS_PER_10S: '1000000',
      LOGIN_MAX_PER_IP: '1000',
    },
    /open http/,
  );
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ username: 'elite', password: 'demo' }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    return await measure('ours', server, url, cookie);
  } finally {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runBare(): Promise<Measured> {
  const port = await freePort();
  const server = await start('scripts/bench/bare-server.ts', { PORT: String(port) }, /ready/);
  try {
    return await measure('bare', server, `http://127.0.0.1:${port}`, '');
  } finally {
    await stop(server);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  console.log(
    `bench:chat — ${opts.clients} clients in one room, ${opts.senders} senders × ${opts.rate} msg/s for ` +
      `${opts.duration} s after ${opts.warmup} s warm-up, ${opts.client} client, ${rounds} round(s)`,
  );
  const ours: Measured[] = [];
  const bare: Measured[] = [];
  for (let r = 0; r < rounds; r++) {
    if (rounds > 1) console.log(`round ${r + 1}`);
    if (only) {
      (only === 'bare' ? bare : ours).push(await (only === 'bare' ? runBare() : runOurs()));
      continue;
    }
    if (r % 2 === 0) {
      ours.push(await runOurs());
      bare.push(await runBare());
    } else {
      bare.push(await runBare());
      ours.push(await runOurs());
    }
    if (rounds > 1) console.log(`      ratio ${(ours[r]!.p99 / bare[r]!.p99).toFixed(2)}`);
  }
  if (only) return;
  const a = median(ours.map((m) => m.p99));
  const b = median(bare.map((m) => m.p99));
  const ratio = rounds > 1 ? median(ours.map((m, i) => m.p99 / bare[i]!.p99)) : a / b;
  console.log(`p99 ours ${a.toFixed(1)} ms, bare ${b.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
