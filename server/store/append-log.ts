/**
 * An append-only JSON-lines file. Appends are grouped: every record appended in the same run of
 * callbacks, or while a write is on its way to disk, goes out in the next single write, so the
 * cost of an append does not grow with the file and many concurrent appends share one disk flush.
 * The file is opened with O_DSYNC: each write returns only once its data is on disk (as write +
 * fdatasync would), in one call on the thread pool — so a busy event loop cannot hold a record
 * back between its write and its flush. A torn last line (a crash mid-write) is cut off at load.
 * `append` resolves only once the record is on disk.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir, writeFileAtomic } from './durable-file';

interface Pending<T> {
  item: T;
  line: string;
  done: () => void;
  fail: (err: unknown) => void;
}

/** O_DSYNC where the platform has it (Linux, macOS); elsewhere every write is followed by fdatasync. */
const DSYNC = constants.O_DSYNC as number | undefined;
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (DSYNC ?? 0);

/** A durable append-only log of JSON records, all kept in memory for reading. */
export class AppendLog<T> {
  /** Every record, oldest first. */
  readonly items: T[] = [];
  private queue: Pending<T>[] = [];
  private flushing: Promise<void> | undefined;
  private fh: FileHandle | undefined;

  private constructor(readonly file: string) {}

  /** Opens (creating if needed) the log and loads its records. */
  static async open<T>(file: string): Promise<AppendLog<T>> {
    const log = new AppendLog<T>(file);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const existed = await log.load();
    log.fh = await open(file, APPEND_FLAGS, 0o600);
    if (!existed) await syncDir(dirname(file)); // the new file's name is on disk too, before any append is acknowledged
    return log;
  }

  /** Loads the records; false when there was no file. */
  private async load(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    let goodBytes = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        this.items.push(JSON.parse(line) as T);
        goodBytes += Buffer.byteLength(line, 'utf8') + 1;
      } catch {
        break; // a torn final line: everything from it on is dropped
      }
    }
    if (goodBytes < Buffer.byteLength(text, 'utf8')) await truncate(this.file, goodBytes);
    return true;
  }

  /** Appends a record; resolves after its line is on disk (and it is readable in `items`). */
  append(item: T): Promise<void> {
    return new Promise((done, fail) => {
      this.queue.push({ item, line: JSON.stringify(item) + '\n', done, fail });
      // Start once the appends made in this same run of callbacks have joined the batch (a
      // microtask, not setImmediate: that would queue the write behind other pending I/O work).
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.write(Buffer.from(batch.length === 1 ? batch[0]!.line : batch.map((p) => p.line).join('')));
          for (const p of batch) this.items.push(p.item);
          batch.forEach((p) => p.done());
        } catch (err) {
          batch.forEach((p) => p.fail(err));
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /** Writes all of `data` (a short write is continued; O_APPEND puts the rest after it). */
  private async write(data: Buffer): Promise<void> {
    const fh = this.fh; // close() waits for the flush, so it stays open meanwhile
    if (!fh) throw new Error(`append log ${this.file} is closed`);
    let at = 0;
    while (at < data.length) {
      const { bytesWritten } = await fh.write(data, at, data.length - at);
      at += bytesWritten;
    }
    if (DSYNC === undefined) await fh.datasync();
  }

  /**
   * Rewrites the log keeping only the records `keep` accepts (e.g. without a deleted session's):
   * waits for pending appends, replaces the file atomically and durably, and reopens it for appending.
   * Appends made meanwhile wait for the rewrite and then go to the new file.
   */
  async retain(keep: (item: T) => boolean): Promise<number> {
    while (this.flushing) await this.flushing;
    let release!: () => void;
    this.flushing = new Promise<void>((r) => (release = r)); // holds new appends back until reopened
    try {
      const kept = this.items.filter(keep);
      const dropped = this.items.length - kept.length;
      if (dropped === 0) return 0;
      await this.fh?.close();
      this.fh = undefined;
      await writeFileAtomic(this.file, kept.map((item) => JSON.stringify(item) + '\n').join(''));
      this.items.length = 0;
      for (const item of kept) this.items.push(item);
      this.fh = await open(this.file, APPEND_FLAGS, 0o600);
      return dropped;
    } finally {
      this.flushing = undefined;
      release();
      if (this.queue.length > 0) this.flushing = Promise.resolve().then(() => this.flush());
    }
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.fh?.close();
    this.fh = undefined;
  }
}
