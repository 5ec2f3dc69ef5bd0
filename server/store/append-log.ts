/**
 * An append-only JSON-lines file. Appends are grouped: every record waiting while a
 * flush runs goes out in the next single write + fdatasync, so the cost of an append
 * does not grow with the file, and many concurrent appends share one disk flush.
 * A torn last line (a crash mid-write) is cut off at load. `append` resolves only
 * once the record is on disk.
 */
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Pending<T> {
  item: T;
  line: string;
  done: () => void;
  fail: (err: unknown) => void;
}

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
    await log.load();
    log.fh = await open(file, 'a', 0o600);
    return log;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
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
  }

  /** Appends a record; resolves after its line is on disk (and it is readable in `items`). */
  append(item: T): Promise<void> {
    return new Promise((done, fail) => {
      this.queue.push({ item, line: JSON.stringify(item) + '\n', done, fail });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0 && this.fh) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.fh.write(batch.map((p) => p.line).join(''));
          await this.fh.datasync();
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

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.fh?.close();
    this.fh = undefined;
  }
}
