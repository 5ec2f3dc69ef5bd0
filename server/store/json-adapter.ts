/**
 * A lowdb adapter that writes through `writeFileAtomic` and serialises writes,
 * so `await db.write()` resolves only once that state is on disk.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './durable-file';

/** JSON file adapter with atomic, durable, ordered writes. */
export class DurableJSONFile<T> implements Adapter<T> {
  private chain: Promise<void> = Promise.resolve();

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

  /** Writes after every earlier write has finished. */
  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 1);
    const next = this.chain.then(() => writeFileAtomic(this.file, text));
    this.chain = next.catch(() => undefined);
    return next;
  }
}
