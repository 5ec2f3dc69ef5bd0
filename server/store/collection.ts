/**
 * A session-scoped collection of records with ids, kept in one array of the document
 * (the base of the posts and articles repositories).
 */
import type { Db } from './document';

/** Records of one array of the document; writes resolve once the document is on disk. */
export class LowCollection<T extends { id: string; sessionId: string }> {
  /** `items` reads the array from the current document (read each time: migration may replace it). */
  constructor(
    private readonly db: Db,
    private readonly items: () => T[],
  ) {}

  /** Every record of a session, in stored order. */
  list(sessionId: string): T[] {
    return this.items().filter((x) => x.sessionId === sessionId);
  }

  /** Every record of every session. */
  all(): T[] {
    return this.items();
  }

  /** One record of a session by id, or undefined. */
  get(id: string, sessionId: string): T | undefined {
    return this.items().find((x) => x.id === id && x.sessionId === sessionId);
  }

  /** Stores a new record; resolves once it is on disk. */
  async insert(record: T): Promise<T> {
    this.items().push(record);
    await this.db.write();
    return record;
  }

  /** Changes a record of a session; resolves once it is on disk. Throws for an unknown id. */
  async update(id: string, sessionId: string, change: Partial<Omit<T, 'id' | 'sessionId'>>): Promise<T> {
    const record = this.get(id, sessionId);
    if (!record) throw new Error(`no record ${id}`);
    Object.assign(record, change);
    await this.db.write();
    return record;
  }
}
