/**
 * A lowdb adapter that writes through `writeFileAtomic` and serialises writes, so
 * `await db.write()` resolves only once that state (or a later one) is on disk. Writes asked for
 * while one is on its way share the next one: the document is serialised when that write starts,
 * so a storm of changes costs one file replacement per disk round trip, not one per change.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './durable-file';

/** JSON file adapter with atomic, durable, ordered, coalesced writes. */
export class DurableJSONFile<T> implements Adapter<T> {
  private chain: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;
  private latest: T | undefined;

  /** `file` is the JSON file's path. */
  constructor(private readonly file: string) {}

  /** Reads the file, or null when it does not exist yet. */
  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Writes after every earlier write has finished; joins a write not yet started. */
  write(data: T): Promise<void> {
    this.latest = data;
    if (this.next) return this.next;
    const next = this.chain.then(() => {
      this.next = undefined; // later calls start a new write: this one serialises now
      return writeFileAtomic(this.file, JSON.stringify(this.latest, null, 1));
    });
    this.next = next;
    this.chain = next.catch(() => undefined);
    return next;
  }
}
