/**
 * `npm run bench:chat`: chat fan-out latency of the real server against a bare socket.io
 * broadcast server on the same machine. Each server runs in its own process, and so does
 * the load generator. Flags (all optional):
 *   --clients 200 --senders 10 --rate 5 --duration 20 --room general
 * Prints p50/p95/p99 delivery latency, messages per second and server memory for both,
 * then a one-line summary: `p99 ours X ms, bare Y ms, ratio Z`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  room: flags.room ?? 'general',
};

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
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function start(script: string, env: NodeJS.ProcessEnv, readyPattern: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
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

function runLoad(args: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/bench/load.ts'), JSON.stringify(args)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult)
        : reject(new Error(`load exited ${code}`)),
    );
  });
}

async function measure(
  name: string,
  server: ChildProcess,
  url: string,
  cookie: string,
): Promise<LoadResult & { rss: number }> {
  let peak = 0;
  const sampler = setInterval(() => {
    void rssMb(server.pid!).then((mb) => (peak = Math.max(peak, mb)));
  }, 250);
  const result = await runLoad({ url, cookie, ...opts });
  clearInterval(sampler);
  peak = Math.max(peak, await rssMb(server.pid!));
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(5)} p50 ${f(result.p50)} ms  p95 ${f(result.p95)} ms  p99 ${f(result.p99)} ms  ` +
      `${result.messagesPerSecond.toFixed(1)} msg/s sent, ${result.deliveriesPerSecond.toFixed(0)} deliveries/s, ` +
      `${result.received}/${result.expected} delivered, ${result.errors} errors, server RSS peak ${peak.toFixed(0)} MB`,
  );
  return { ...result, rss: peak };
}

async function main(): Promise<void> {
  console.log(
    `bench:chat — ${opts.clients} clients in one room, ${opts.senders} senders × ${opts.rate} msg/s for ${opts.duration} s`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'cis-bench-'));
  const oursPort = await freePort();
  const ours = await start(
    'server/main.ts',
    {
      PORT: String(oursPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: 'true',
      NODE_ENV: 'development',
      CHAT_PER_10S: '1000000',
      LOGIN_MAX_PER_IP: '1000',
    },
    /open http/,
  );
  const oursUrl = `http://127.0.0.1:${oursPort}`;
  const login = await fetch(`${oursUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'elite', password: 'demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  let a: LoadResult & { rss: number };
  try {
    a = await measure('ours', ours, oursUrl, cookie);
  } finally {
    ours.kill('SIGTERM');
  }
  const barePort = await freePort();
  const bare = await start('scripts/bench/bare-server.ts', { PORT: String(barePort) }, /ready/);
  let b: LoadResult & { rss: number };
  try {
    b = await measure('bare', bare, `http://127.0.0.1:${barePort}`, '');
  } finally {
    bare.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`p99 ours ${a.p99.toFixed(1)} ms, bare ${b.p99.toFixed(1)} ms, ratio ${(a.p99 / b.p99).toFixed(2)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
