/**
 * The data directory's lock: `DATA_DIR/server.pid`, held by the one process that may
 * write the store. The server keeps the whole document in memory and writes it back
 * on every change, so a second server, `npm run passwd` or `npm run reset` working on
 * the same files meanwhile would be silently overwritten.
 *
 * The file says who holds it (`{"pid":…,"port":…,"holder":"server"}`) and is created
 * atomically (written to a temporary file, then hard-linked into place, which fails if
 * it exists). A file whose process is gone (killed with -9, machine restarted) is stale
 * and taken over.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'server.pid';

/** What holds the lock: the server, or one of the CLIs. */
export type LockHolder = 'server' | 'passwd' | 'reset';

/** The contents of the lock file. */
export interface LockInfo {
  pid: number;
  holder: LockHolder;
  /** The server's port (servers only). */
  port?: number;
}

/** The lock is held by another live process. */
export class LockedError extends Error {
  constructor(
    readonly info: LockInfo,
    readonly file: string,
  ) {
    super(`${file} is held by ${info.holder} (pid ${info.pid})`);
    this.name = 'LockedError';
  }
}

/** The held lock; `release` removes the file (only if it is still ours). */
export interface Lock {
  readonly file: string;
  readonly info: LockInfo;
  release(): void;
}

/** Whether the process `pid` exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(text: string): LockInfo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value === 'number') value = { pid: value }; // a bare pid, as other tools write pid files
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, holder, port } = value as Partial<LockInfo>;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return {
    pid,
    holder: holder === 'passwd' || holder === 'reset' ? holder : 'server',
    ...(typeof port === 'number' ? { port } : {}),
  };
}

function readInfo(file: string): LockInfo | undefined {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Whether `info` names a live process other than this one. Our own pid in the file was
 * left by an earlier process: a container's server is pid 1 after every restart.
 */
function live(info: LockInfo): boolean {
  return info.pid !== process.pid && processAlive(info.pid);
}

/** The live holder of `dataDir`'s lock, or undefined when it is free (absent or stale). */
export function lockHolder(dataDir: string): LockInfo | undefined {
  const info = readInfo(join(dataDir, LOCK_FILE));
  return info && live(info) ? info : undefined;
}

/**
 * Takes `dataDir`'s lock for this process, creating the directory if needed.
 * Throws LockedError when another live process holds it.
 */
export function acquireLock(dataDir: string, holder: LockHolder, port?: number): Lock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, holder, ...(port === undefined ? {} : { port }) };
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(info) + '\n', { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw err;
        const existing = readInfo(file);
        if (existing && live(existing)) throw new LockedError(existing, file);
        rmSync(file, { force: true }); // stale (or unreadable): take it over
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  let released = false;
  return {
    file,
    info,
    release() {
      if (released) return;
      released = true;
      if (readInfo(file)?.pid !== process.pid) return; // someone removed it and took over
      try {
        unlinkSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    },
  };
}

/** The one line a CLI prints when `info` holds the lock; `command` is e.g. "npm run passwd". */
export function busyMessage(info: LockInfo, command: string): string {
  return info.holder === 'server'
    ? `The server is running (pid ${info.pid}). Stop it first, then run ${command} again.`
    : `npm run ${info.holder} is running (pid ${info.pid}). Wait for it to finish, then run ${command} again.`;
}
