/**
 * The surveillance trail as an append-only JSON-lines file. Appends are grouped:
 * every event waiting while a flush runs goes out in the next single write + fsync,
 * so cost per event does not grow with the trail. A torn last line (crash mid-write)
 * is cut off at load.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { TrailEvent } from '../protocol/api';
import type { TrailRepo } from '../domain/ports';
import { queryTrail, type TrailQuery } from '../domain/trail';

interface Pending {
  line: string;
  done: () => void;
  fail: (err: unknown) => void;
}

/** Append-only trail file with an in-memory index for queries. */
export class TrailLog implements TrailRepo {
  private readonly events: TrailEvent[] = [];
  private queue: Pending[] = [];
  private flushing = false;
  private fh: FileHandle | undefined;

  private constructor(private readonly file: string) {}

  /** Opens (creating if needed) the trail file and loads its events. */
  static async open(file: string): Promise<TrailLog> {
    const log = new TrailLog(file);
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
        this.events.push(JSON.parse(line) as TrailEvent);
        goodBytes += Buffer.byteLength(line, 'utf8') + 1;
      } catch {
        break; // a torn final line: everything after it is dropped
      }
    }
    if (goodBytes < Buffer.byteLength(text, 'utf8')) await truncate(this.file, goodBytes);
  }

  /** Appends an event; resolves after its line is fsynced. */
  append(event: TrailEvent): Promise<void> {
    return new Promise((done, fail) => {
      this.queue.push({
        line: JSON.stringify(event) + '\n',
        done: () => {
          this.events.push(event);
          done();
        },
        fail,
      });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.fh) return;
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.fh.write(batch.map((p) => p.line).join(''));
        await this.fh.datasync();
        batch.forEach((p) => p.done());
      } catch (err) {
        batch.forEach((p) => p.fail(err));
      }
    }
    this.flushing = false;
  }

  /** Events matching a query, newest first. */
  query(q: TrailQuery): TrailEvent[] {
    return queryTrail(this.events, q);
  }

  /** Number of events stored. */
  get size(): number {
    return this.events.length;
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.queue.length) await new Promise((r) => setTimeout(r, 5));
    await this.fh?.close();
    this.fh = undefined;
  }
}
