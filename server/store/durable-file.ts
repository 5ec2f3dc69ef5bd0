/**
 * Crash-safe file writes: write a temporary file, fsync it, rename it over the
 * target, fsync the folder. A reader sees the old file or the new one, never half.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Replaces `file` with `data` atomically and durably. */
export async function writeFileAtomic(file: string, data: string, mode = 0o600): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  const fh = await open(tmp, 'w', mode);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } catch (err) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fh.close();
  await rename(tmp, file);
  await syncDir(dirname(file));
}

/** Flushes a folder's entries (the rename) to disk. */
export async function syncDir(dir: string): Promise<void> {
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
