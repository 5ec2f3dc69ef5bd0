/**
 * End-to-end tests in real Chromium against the real server (built client in dist/client).
 * Run with `npm run test:e2e` (builds first) or `npx playwright test` after `npm run build`.
 *
 * Environment:
 * - CHROMIUM_PATH: the Chromium binary (default /usr/bin/chromium; browsers are not downloaded).
 * - E2E_PORT: the port the test server listens on (default 3123).
 * - CI: retry a failed test once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3123);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * A fresh data directory for each run, so every run starts from the shipped scenario.
 * The config is also loaded by the worker processes: they inherit E2E_DATA_DIR from
 * the runner and so reuse its directory instead of making their own. Only the process
 * that made the directory removes it when it exits (after the server was stopped).
 */
function dataDir(): string {
  const inherited = process.env.E2E_DATA_DIR;
  if (inherited) return inherited;
  const dir = mkdtempSync(join(tmpdir(), 'cis-e2e-'));
  process.env.E2E_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
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
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir(),
      QUIET: 'true',
      LOGIN_MAX_PER_IP: '1000',
      LOGIN_MAX_PER_USER: '1000',
      SCENARIO: 'default',
      COOKIE_SECURE: 'false',
      NODE_ENV: 'test',
    },
  },
});
