/**
 * A session-scoped collection of records with ids, kept in one array of each session's document
 * (the base of the posts and articles repositories).
 */
import type { Db, SessionShard } from './document';

/** Records of one array of the session documents; writes resolve once that document is on disk. */
export class LowCollection<T extends { id: string; sessionId: string }> {
  constructor(
    private readonly db: Db,
    private readonly key: 'articles' | 'posts',
  ) {}

  private items(sessionId: string): T[] {
    return this.db.shard(sessionId)[this.key] as unknown as T[];
  }

  /** Every record of a session, in stored order. */
  list(sessionId: string): T[] {
    return this.db.hasShard(sessionId) ? [...this.items(sessionId)] : [];
  }

  /** Every record of every session. */
  all(): T[] {
    const out: T[] = [];
    for (const [, shard] of this.db.eachShard()) out.push(...((shard as SessionShard)[this.key] as unknown as T[]));
    return out;
  }

  /** One record of a session by id, or undefined. */
  get(id: string, sessionId: string): T | undefined {
    if (!this.db.hasShard(sessionId)) return undefined;
    return this.items(sessionId).find((x) => x.id === id);
  }

  /** Stores a new record; resolves once it is on disk. */
  async insert(record: T): Promise<T> {
    this.items(record.sessionId).push(record);
    await this.db.writeSession(record.sessionId);
    return record;
  }

  /** Changes a record of a session; resolves once it is on disk. Throws for an unknown id. */
  async update(id: string, sessionId: string, change: Partial<Omit<T, 'id' | 'sessionId'>>): Promise<T> {
    const record = this.get(id, sessionId);
    if (!record) throw new Error(`no record ${id}`);
    Object.assign(record, change);
    await this.db.writeSession(sessionId);
    return record;
  }
}
