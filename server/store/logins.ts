/**
 * Live logins in the document's `logins` array, indexed by id; expired ones are dropped
 * whenever one starts and on `prune`.
 */
import type { LoginRecord, LoginsRepo } from '../domain/ports';
import type { Db } from './document';

/** The logins repository over the JSON document. */
export class LowLogins implements LoginsRepo {
  private readonly byId = new Map<string, LoginRecord>();

  constructor(private readonly db: Db) {
    for (const l of db.data.logins) this.byId.set(l.id, l);
  }

  get(id: string) {
    return this.byId.get(id);
  }

  count() {
    return this.byId.size;
  }

  /** Drops the logins expired at `now` from memory (the caller writes); returns how many. */
  private dropExpired(now: Date): number {
    const t = now.getTime();
    const before = this.db.data.logins.length;
    this.db.data.logins = this.db.data.logins.filter((l) => Date.parse(l.expiresAt) > t);
    if (this.db.data.logins.length === before) return 0;
    this.byId.clear();
    for (const l of this.db.data.logins) this.byId.set(l.id, l);
    return before - this.db.data.logins.length;
  }

  async start(login: LoginRecord, now: Date) {
    this.dropExpired(now);
    this.db.data.logins.push(login);
    this.byId.set(login.id, login);
    await this.db.write();
  }

  async end(id: string) {
    if (!this.byId.delete(id)) return;
    this.db.data.logins = this.db.data.logins.filter((l) => l.id !== id);
    await this.db.write();
  }

  async endWhere(match: (login: LoginRecord) => boolean) {
    const ended = this.db.data.logins.filter(match);
    if (ended.length === 0) return [];
    for (const l of ended) this.byId.delete(l.id);
    this.db.data.logins = this.db.data.logins.filter((l) => !match(l));
    await this.db.write();
    return ended;
  }

  async prune(now: Date) {
    const dropped = this.dropExpired(now);
    if (dropped > 0) await this.db.write();
    return dropped;
  }
}
