/**
 * End-to-end tests in real Chromium against the real server (built client in dist/client).
 * Run with `npm run test:e2e` (builds first) or `npx playwright test` after `npm run build`.
 *
 * Environment:
 * - CHROMIUM_PATH: the Chromium binary (default /usr/bin/chromium; browsers are not downloaded).
 * - E2E_PORT: the port the test server listens on (default 3123); the isolated server uses E2E_PORT + 1,
 *   the cast's server E2E_PORT + 2, the kiosk's E2E_PORT + 3.
 * - CI: retry a failed test once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/**
 * Specs that change state every other spec shares (revoking and muting users, closing rooms)
 * run in the 'isolated' project, against a second server with its own port and data.
 */
const ISOLATED_SPECS = ['**/e2e/chat.spec.ts'];
const ISOLATED_PORT = PORT + 1;
const ISOLATED_URL = `http://127.0.0.1:${ISOLATED_PORT}`;
/**
 * The simulated cast acts on its own (it decides posts, talks in rooms): only the 'cast' project's
 * server lets it play, with a quick bureau; the cast is off on the other two, so it never disturbs them.
 */
const CAST_SPECS = ['**/e2e/cast.spec.ts'];
const CAST_PORT = PORT + 2;
const CAST_URL = `http://127.0.0.1:${CAST_PORT}`;
/** The museum kiosk (KIOSK=1) on a server of its own: its attract screen replaces the login at `/`. */
const KIOSK_SPECS = ['**/e2e/kiosk.spec.ts'];
const KIOSK_PORT = PORT + 3;
const KIOSK_URL = `http://127.0.0.1:${KIOSK_PORT}`;
/** The kiosk test server's operator PIN (e2e/kiosk.spec.ts types it). */
const KIOSK_TEST_PIN = '2468';

/**
 * A fresh data directory for each run, so every run starts from the shipped scenario.
 * The config is also loaded by the worker processes: they inherit E2E_DATA_DIR from
 * the runner and so reuse its directory instead of making their own. Only the process
 * that made the directory removes it when it exits (after the server was stopped).
 */
function dataDir(variable = 'E2E_DATA_DIR'): string {
  const inherited = process.env[variable];
  if (inherited) return inherited;
  const dir = mkdtempSync(join(tmpdir(), 'cis-e2e-'));
  process.env[variable] = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The browser every project runs: the system Chromium. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  },
};

/** A test server on `port` with its data in `dir`; `env` adds to (or overrides) its environment. */
function testServer(port: number, dir: string, env: Record<string, string> = {}) {
  return {
    command: 'node --import tsx server/main.ts',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      QUIET: 'true',
      LOGIN_MAX_PER_IP: '1000',
      LOGIN_MAX_PER_USER: '1000',
      // Every spec shares the demo personas: per-user throttles would trip across specs.
      BROWSE_PER_MINUTE: '10000',
      SEARCHES_PER_MINUTE: '10000',
      CHAT_JOINS_PER_10S: '10000',
      SCENARIO: 'default',
      COOKIE_SECURE: 'false',
      NODE_ENV: 'test',
      CAST: 'off',
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    // No arrival animations or transitions: axe's colour checks see settled colours.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: [...ISOLATED_SPECS, ...CAST_SPECS, ...KIOSK_SPECS], use: chromium },
    { name: 'isolated', testMatch: ISOLATED_SPECS, use: { ...chromium, baseURL: ISOLATED_URL } },
    { name: 'cast', testMatch: CAST_SPECS, use: { ...chromium, baseURL: CAST_URL } },
    { name: 'kiosk', testMatch: KIOSK_SPECS, use: { ...chromium, baseURL: KIOSK_URL, hasTouch: true } },
  ],
  webServer: [
    testServer(PORT, dataDir()),
    testServer(ISOLATED_PORT, dataDir('E2E_ISOLATED_DATA_DIR')),
    testServer(CAST_PORT, dataDir('E2E_CAST_DATA_DIR'), { CAST: 'on', CAST_DELAY_SECONDS: '1,2' }),
    testServer(KIOSK_PORT, dataDir('E2E_KIOSK_DATA_DIR'), { KIOSK: '1', KIOSK_PIN: KIOSK_TEST_PIN }),
  ],
});
