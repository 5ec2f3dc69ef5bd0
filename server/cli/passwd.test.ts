/**
 * `npm run passwd` and `npm run reset` refuse while the server holds the data directory
 * (it would write its in-memory copy back over their change), and work once it is gone.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/db';
import { LOCK_FILE } from '../store/lock';
import { loadPack } from '../store/pack-loader';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK = join(ROOT, 'fixtures', 'default');

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cis-cli-'));
  const store = await openStore(dataDir, await loadPack(PACK));
  await store.close();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function runCli(script: string, args: string[], input: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, QUIET: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const db = () => readFileSync(join(dataDir, 'sessions', 'demo.json'), 'utf8'); // the demo session's users

describe('the CLIs and a running server', () => {
  it('passwd refuses while a live server holds the lock, and changes nothing', async () => {
    // This test process stands in for the running server.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'server', port: 3000 }));
    const before = db();
    const run = await runCli('passwd', ['facilitator'], 'a-strong-password\n');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The server is running (pid ${process.pid}). Stop it first, then run npm run passwd again.`,
    );
    expect(db()).toBe(before);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('reset refuses too', async () => {
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'server' }));
    const before = db();
    const run = await runCli('reset', [], '');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The server is running (pid ${process.pid}). Stop it first, then run npm run reset again.`,
    );
    expect(db()).toBe(before);
  });

  it('passwd takes over a stale lock (the server was killed) and changes the password', async () => {
    // A pid above the largest Linux hands out (2^22): no such process can exist.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, holder: 'server' }));
    const before = db();
    const run = await runCli('passwd', ['facilitator'], 'a-strong-password\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Password for facilitator changed/);
    expect(db()).not.toBe(before);
    expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow(/ENOENT/);
  });
});
