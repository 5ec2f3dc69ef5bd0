/**
 * The process entry, as someone starting it sees it: what they can fix ends with one
 * clear line on stderr and exit 1, not a stack trace; the data directory's lock is
 * taken while it runs and removed on a clean stop.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './store/lock';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cis-main-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, QUIET: 'true', ...extra };
}

/**
 * Runs the server until it exits. With `ready`, called on each output with the pid so far:
 * once it returns true the server is sent SIGTERM.
 */
function runMain(extra: Record<string, string>, ready?: (stdout: string, pid: number) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: env(extra) });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (ready && !signalled && ready(stdout, child.pid!)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneClearLine(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
}

async function heldPort(): Promise<Server> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  return holder;
}

describe('npm start', () => {
  it('says in one line that the port is taken and how to choose another', async () => {
    const holder = await heldPort();
    const port = (holder.address() as AddressInfo).port;
    try {
      const run = await runMain({ PORT: String(port), HOST: '127.0.0.1' });
      expectOneClearLine(
        run,
        new RegExp(
          `^Port ${port} is already in use\\. Stop the other server or choose another port with PORT=${port + 1} npm start\\.$`,
        ),
      );
      expect(existsSync(join(dataDir, LOCK_FILE)), 'lock released on exit').toBe(false);
    } finally {
      holder.close();
    }
  });

  it('refuses a setting that would weaken it, in one line', async () => {
    const run = await runMain({ PORT: '0', TRUST_PROXY: 'true' });
    expectOneClearLine(run, /^TRUST_PROXY=true is refused: .*number of reverse proxies/);
    const short = await runMain({ PORT: '0', JWT_SECRET: 'too-short' });
    expectOneClearLine(short, /^JWT_SECRET must be at least 32 bytes/);
  });

  it('refuses to start a second server on the same DATA_DIR', async () => {
    // This test process stands in for a running server.
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'server', port: 3000 }));
    const run = await runMain({ PORT: '0', HOST: '127.0.0.1' });
    expectOneClearLine(
      run,
      new RegExp(
        `^Another server is already running on .* \\(pid ${process.pid}, port 3000\\); two servers on one DATA_DIR`,
      ),
    );
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('holds the lock while it runs and removes it on a clean stop', async () => {
    let lockWhileRunning: unknown;
    let childPid = 0;
    const run = await runMain({ PORT: '0', HOST: '127.0.0.1' }, (out, pid) => {
      if (!out.includes('open http://')) return false;
      childPid = pid;
      lockWhileRunning = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
      return true;
    });
    expect(run.code, run.stderr).toBe(0);
    expect(lockWhileRunning).toEqual({ pid: childPid, holder: 'server', port: 0 });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
