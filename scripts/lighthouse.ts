/**
 * `npm run lighthouse`: Lighthouse (mobile preset, its default) over the login page, the portal, an
 * article, a board, a chat room and the kiosk attract screen, one line per page:
 *
 *   login: perf 99, a11y 100, bp 100, seo 100
 *
 * Targets: 100 in accessibility and best practices, at least 95 in performance and SEO; the
 * script exits 1 when a page misses one (or cannot be measured) and says which.
 *
 * It starts its own servers on free ports (a fresh temporary DATA_DIR each, the cast off), one as
 * usual and one with KIOSK=1 for the attract screen at `/`, and stops them at the end, failure or
 * not. It logs the demo elite in through the API and puts the session cookie into the browser
 * (through puppeteer-core, which Lighthouse drives), so every request carries it as a visitor's
 * would, the live connection's WebSocket included; the article, board and chat room are the first
 * the APIs list. Pages run one at a time, each in a fresh headless Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium; no browser is downloaded).
 *
 * SEO leaves out `is-crawlable`: the simulation tells search engines not to index it (robots.txt
 * and `<meta name="robots">`), on purpose, so its fictional state news never turns up in a search
 * as if it were real. Every other SEO audit counts.
 *
 * Environment: CLIENT_DIR (the built client, default dist/client, as for the server),
 * LIGHTHOUSE_REPORTS (where the HTML and JSON reports go; default a new temporary directory),
 * LIGHTHOUSE_PAGES (a comma-separated subset of the page names, e.g. `portal,chat room`; default all),
 * LIGHTHOUSE_RUNS (runs per page, default 3: the run with the median performance score is reported,
 * as Lighthouse's own guidance on variability advises; the other categories hardly vary),
 * LIGHTHOUSE_TRACE_DIR (an existing directory: each run's performance trace is written there, to
 * open in Chromium's Performance panel).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

/** The lowest score accepted in each category, out of 100. */
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 } as const;
type Category = keyof typeof TARGETS;
const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};
/** Audits left out of the scores, and why (printed with the results). */
const SKIPPED: Record<string, string> = {
  'is-crawlable': 'the simulation asks search engines not to index it (robots.txt, meta robots)',
};
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
];
const ROOT = join(import.meta.dirname, '..');

/** One running server: its origin, its process and its data directory. */
interface TestServer {
  origin: string;
  child: ChildProcess;
  dataDir: string;
}

const servers: TestServer[] = [];

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `node --import tsx server/main.ts` with `env` added, and waits until /healthz answers. */
async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cis-lighthouse-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: 'true',
      SCENARIO: 'default',
      CAST: 'off',
      COOKIE_SECURE: 'false',
      // Not 'production': the server refuses to start there while the demo passwords it logs in with are active.
      NODE_ENV: 'test',
      ...env,
    },
  });
  const server: TestServer = { origin: `http://127.0.0.1:${port}`, child, dataDir };
  servers.push(server);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      if ((await fetch(`${server.origin}/healthz`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${server.origin} did not answer /healthz within 60 s: ${stderr.trim()}`);
}

/** Stops every server started (SIGTERM, then SIGKILL after 5 s) and removes its data. */
async function stopServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(async ({ child, dataDir }) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    }),
  );
}

// Ctrl-C or a kill still stops the servers; a crash in this process ends them too.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void stopServers().finally(() => process.exit(130)));
process.on('exit', () => servers.forEach(({ child }) => child.kill('SIGKILL')));

/** Logs `username` (a demo persona) in through the API; the `name=value` of its session cookie. */
async function login(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`logging in as ${username}: HTTP ${response.status}`);
  return cookie;
}

/** GETs `path` of the API as the holder of `cookie`. */
async function api<T>(origin: string, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** One page to measure: its name, URL and the cookie to send (none for a page before login). */
interface Target {
  name: string;
  url: string;
  cookie?: string;
}

/** The six pages: the article, board and chat room the APIs list first. */
async function targets(main: TestServer, kiosk: TestServer): Promise<Target[]> {
  const cookie = await login(main.origin, 'elite');
  type Sites = { sites: { id: string; address: string; app?: string }[] };
  const { sites } = await api<Sites>(main.origin, cookie, '/api/sites');
  const address = (test: (site: Sites['sites'][number]) => boolean, what: string) => {
    const site = sites.find(test);
    if (!site) throw new Error(`no ${what} site in /api/sites`);
    return site.address;
  };
  const { articles } = await api<{ articles: { id: string; site: string }[] }>(
    main.origin,
    cookie,
    '/api/media/articles',
  );
  const { boards } = await api<{ boards: { id: string }[] }>(main.origin, cookie, '/api/boards');
  const { rooms } = await api<{ rooms: { id: string; kind: string; closed: boolean }[] }>(
    main.origin,
    cookie,
    '/api/chat/rooms',
  );
  const article = articles.find((a) => sites.some((s) => s.id === a.site));
  const board = boards[0];
  const room = rooms.find((r) => r.kind === 'room' && !r.closed);
  if (!article || !board || !room) throw new Error('the APIs list no article, board or open chat room');
  const portal = (at: string) => `${main.origin}/portal?address=${at}`;
  return [
    { name: 'login', url: `${main.origin}/login` },
    { name: 'portal', url: `${main.origin}/portal`, cookie },
    {
      name: 'article',
      url: portal(`${address((s) => s.id === article.site, 'article')}/article/${article.id}`),
      cookie,
    },
    { name: 'board', url: portal(`${address((s) => s.app === 'boards', 'boards')}/board/${board.id}`), cookie },
    { name: 'chat room', url: portal(`${address((s) => s.app === 'chat', 'chat')}/room/${room.id}`), cookie },
    { name: 'kiosk attract', url: `${kiosk.origin}/` },
  ];
}

/** What one page scored (0–100 per category), or why it could not be measured. */
interface Measured {
  name: string;
  /** Lighthouse's measure of this machine's speed (higher is faster), when measured. */
  benchmarkIndex?: number;
  /** The performance score of every run of the page, lowest first ('-' for a run not measured). */
  runs?: (number | string)[];
  /** Why the runs not measured were not. */
  runErrors?: string[];
  /** The HTML and JSON reports, to save. */
  reports?: [string, string];
  scores?: Record<Category, number>;
  /** The failing audits of categories below target: `id (score)`. */
  failing: string[];
  /** The path the page ended on, when not the one asked for (a redirect). */
  landed?: string;
  error?: string;
}

/** Runs Lighthouse on `target` in a fresh Chromium. */
async function measureOnce(target: Target): Promise<Measured> {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    // The session cookie goes into the browser itself (not an extra request header), so that every
    // request carries it as a visitor's would, the live connection's WebSocket handshake included.
    const page = await browser.newPage();
    if (target.cookie) {
      const [name = '', value = ''] = target.cookie.split(/=(.*)/s);
      await browser.setCookie({
        name,
        value,
        domain: new URL(target.url).hostname,
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
      });
    }
    const result = await lighthouse(
      target.url,
      {
        logLevel: 'error',
        output: ['html', 'json'],
        onlyCategories: Object.keys(TARGETS),
        skipAudits: Object.keys(SKIPPED),
      },
      undefined,
      page,
    );
    if (!result) return { name: target.name, failing: [], error: 'Lighthouse returned no result' };
    const { lhr } = result;
    const [htmlReport = '', jsonReport = ''] = result.report as string[];
    const reports: [string, string] = [htmlReport, jsonReport];
    const trace = process.env.LIGHTHOUSE_TRACE_DIR;
    if (trace)
      writeFileSync(
        join(trace, `${target.name.replace(/\W+/g, '-')}.trace.json`),
        JSON.stringify(result.artifacts.Trace),
      );
    if (lhr.runtimeError) return { name: target.name, failing: [], reports, error: lhr.runtimeError.message };
    const scores = {} as Record<Category, number>;
    const failing: string[] = [];
    for (const category of Object.keys(TARGETS) as Category[]) {
      const entry = lhr.categories[category];
      scores[category] = Math.round((entry?.score ?? 0) * 100);
      if (scores[category] >= TARGETS[category]) continue;
      for (const ref of entry?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
          failing.push(`${SHORT[category]}: ${ref.id} (${Math.round(audit.score * 100)})`);
      }
    }
    const asked = new URL(target.url);
    const shown = new URL(lhr.finalDisplayedUrl);
    const landed = shown.pathname === asked.pathname ? undefined : shown.pathname;
    const { benchmarkIndex } = lhr.environment;
    return { name: target.name, scores, failing, reports, benchmarkIndex, ...(landed ? { landed } : {}) };
  } catch (err) {
    return { name: target.name, failing: [], error: err instanceof Error ? err.message : String(err) };
  } finally {
    await browser.disconnect().catch(() => undefined);
    chrome.kill();
  }
}

/**
 * Measures `target` `runs` times and keeps the run with the median performance score (a run that
 * could not be measured counts as the lowest); its reports are saved in `dir`.
 */
async function measure(target: Target, runs: number, dir: string): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    let run = await measureOnce(target);
    // Now and then Chromium's trace of a load comes back without its start (NO_NAVSTART): run it again, once.
    if (!run.scores) {
      const again = await measureOnce(target);
      if (again.scores) again.runErrors = [`retried after: ${run.error ?? 'no scores'}`];
      run = again;
    }
    all.push(run);
  }
  all.sort((a, b) => (a.scores?.performance ?? -1) - (b.scores?.performance ?? -1));
  const median = all[Math.floor((all.length - 1) / 2)] ?? all[0]!;
  const file = target.name.replace(/\W+/g, '-');
  if (median.reports) {
    writeFileSync(join(dir, `${file}.html`), median.reports[0]);
    writeFileSync(join(dir, `${file}.json`), median.reports[1]);
  }
  median.runs = all.map((m) => m.scores?.performance ?? '-');
  median.runErrors = all.flatMap((m) => (m.scores ? (m.runErrors ?? []) : [m.error ?? 'no scores']));
  return median;
}

/** `<page>: perf N, a11y N, bp N, seo N`, with what fell short under it. */
function report(m: Measured): string {
  if (!m.scores) return `${m.name}: not measured (${m.error})`;
  const scores = m.scores;
  const line = (Object.keys(TARGETS) as Category[]).map((c) => `${SHORT[c]} ${scores[c]}`).join(', ');
  const notes = [
    ...(m.runs && m.runs.length > 1 ? [`  (performance of the ${m.runs.length} runs: ${m.runs.join(', ')})`] : []),
    ...(m.landed ? [`  (ended on ${m.landed})`] : []),
    ...(m.scores ? (m.runErrors ?? []).map((error) => `  (a run: ${error})`) : []),
    ...m.failing.map((f) => `  below target, ${f}`),
  ];
  return [`${m.name}: ${line}`, ...notes].join('\n');
}

/** The categories where `m` misses its target, or ['not measured']. */
function misses(m: Measured): string[] {
  if (!m.scores) return ['not measured'];
  const scores = m.scores;
  return (Object.keys(TARGETS) as Category[])
    .filter((c) => scores[c] < TARGETS[c])
    .map((c) => `${SHORT[c]} ${scores[c]} < ${TARGETS[c]}`);
}

async function main(): Promise<number> {
  const reports = process.env.LIGHTHOUSE_REPORTS ?? mkdtempSync(join(tmpdir(), 'cis-lighthouse-'));
  mkdirSync(reports, { recursive: true });
  const [main, kiosk] = await Promise.all([startServer(), startServer({ KIOSK: '1', KIOSK_PIN: '2468' })]);
  const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((name) => name.trim());
  const pages = (await targets(main, kiosk)).filter((page) => !only || only.includes(page.name));
  if (pages.length === 0) throw new Error(`LIGHTHOUSE_PAGES names none of the pages: ${only?.join(', ')}`);
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3);
  const results: Measured[] = [];
  for (const page of pages) {
    const measured = await measure(page, runs, reports);
    console.log(report(measured));
    results.push(measured);
  }
  const indices = results.flatMap((m) => (m.benchmarkIndex ? [Math.round(m.benchmarkIndex)] : []));
  console.log(`(machine: Lighthouse benchmarkIndex ${indices.join(', ')}; load average ${loadavg()[0]?.toFixed(1)})`);
  console.log(`(left out: ${Object.entries(SKIPPED).map(([id, why]) => `${id}, as ${why}`)}; reports in ${reports})`);
  const short = results.filter((m) => misses(m).length > 0);
  for (const m of short) console.error(`MISSED ${m.name}: ${misses(m).join(', ')}`);
  return short.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await stopServers();
}
