/**
 * The data directory's lock: one process at a time, a dead holder's file is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, LockedError, acquireLock, busyMessage, lockHolder, processAlive } from './lock';

let dir: string;
let children: ChildProcess[] = [];

/** A live process that is not this one (a sleeping node). */
async function otherProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cis-lock-'));
});

afterEach(async () => {
  for (const c of children) c.kill();
  children = [];
  await rm(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('writes pid and port, and removes the file on release', () => {
    const lock = acquireLock(dir, 'server', 3000);
    const file = join(dir, LOCK_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, holder: 'server', port: 3000 });
    lock.release();
    expect(existsSync(file)).toBe(false);
    lock.release(); // twice is fine
  });

  it('creates the data directory when it does not exist yet', () => {
    const lock = acquireLock(join(dir, 'new', 'data'), 'server', 3000);
    expect(existsSync(join(dir, 'new', 'data', LOCK_FILE))).toBe(true);
    lock.release();
  });

  it('refuses while another live process holds it', async () => {
    const pid = await otherProcess();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, holder: 'server', port: 3000 }));
    expect(lockHolder(dir)).toEqual({ pid, holder: 'server', port: 3000 });
    let err: unknown;
    try {
      acquireLock(dir, 'passwd');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LockedError);
    expect((err as LockedError).info.pid).toBe(pid);
    expect(busyMessage((err as LockedError).info, 'npm run passwd')).toBe(
      `The server is running (pid ${pid}). Stop it first, then run npm run passwd again.`,
    );
    // The holder's file is left alone.
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(pid);
  });

  it('takes over the file of a process that is gone (kill -9)', async () => {
    const pid = await deadPid();
    expect(processAlive(pid)).toBe(false);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, holder: 'server', port: 3000 }));
    expect(lockHolder(dir)).toBeUndefined();
    const lock = acquireLock(dir, 'reset');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, holder: 'reset' });
    lock.release();
  });

  it('takes over a file naming its own pid (a container restarted as pid 1) or holding garbage', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'server' }));
    acquireLock(dir, 'server', 1).release();
    writeFileSync(join(dir, LOCK_FILE), 'not a pid file');
    acquireLock(dir, 'server', 1).release();
  });

  it('reads a bare pid as other tools write it', async () => {
    const pid = await otherProcess();
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
    expect(lockHolder(dir)).toEqual({ pid, holder: 'server' });
  });

  it('does not remove a lock someone else took over after release', async () => {
    const lock = acquireLock(dir, 'server', 3000);
    const pid = await otherProcess();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, holder: 'server' }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it('names a CLI holder for the other CLI', () => {
    expect(busyMessage({ pid: 42, holder: 'reset' }, 'npm run passwd')).toBe(
      'npm run reset is running (pid 42). Wait for it to finish, then run npm run passwd again.',
    );
  });
});
