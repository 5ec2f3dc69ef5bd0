/**
 * Live logins, each in its session's document and indexed by id; a session's expired ones are
 * dropped whenever one starts there, and every session's on `prune`.
 */
import type { LoginRecord, LoginsRepo } from '../domain/ports';
import type { Db } from './document';

/** The logins repository over the JSON documents. */
export class LowLogins implements LoginsRepo {
  private readonly byId = new Map<string, LoginRecord>();

  constructor(private readonly db: Db) {
    for (const [, shard] of db.eachShard()) for (const l of shard.logins) this.byId.set(l.id, l);
  }

  get(id: string) {
    return this.byId.get(id);
  }

  count() {
    return this.byId.size;
  }

  localeFor(sessionId: string) {
    if (!this.db.hasShard(sessionId)) return undefined;
    const login = this.db.shard(sessionId).logins.at(-1);
    return login ? (login.locale ?? 'en') : undefined;
  }

  anyFor(sessionId: string, now: Date) {
    if (!this.db.hasShard(sessionId)) return false;
    return this.db.shard(sessionId).logins.some(this.live(now));
  }

  /** Keeps a session's logins that `keep` accepts (the caller writes); returns those dropped. */
  private retain(sessionId: string, keep: (l: LoginRecord) => boolean): LoginRecord[] {
    if (!this.db.hasShard(sessionId)) return [];
    const shard = this.db.shard(sessionId);
    const dropped = shard.logins.filter((l) => !keep(l));
    if (dropped.length === 0) return [];
    shard.logins = shard.logins.filter(keep);
    for (const l of dropped) this.byId.delete(l.id);
    return dropped;
  }

  private live(now: Date) {
    const t = now.getTime();
    return (l: LoginRecord) => Date.parse(l.expiresAt) > t;
  }

  async start(login: LoginRecord, now: Date) {
    this.retain(login.sessionId, this.live(now));
    this.db.shard(login.sessionId).logins.push(login);
    this.byId.set(login.id, login);
    await this.db.writeSession(login.sessionId);
  }

  async setLocale(id: string, locale: NonNullable<LoginRecord['locale']>) {
    const login = this.byId.get(id);
    if (!login || login.locale === locale) return;
    login.locale = locale;
    await this.db.writeSession(login.sessionId);
  }

  async end(id: string) {
    const login = this.byId.get(id);
    if (!login) return;
    this.retain(login.sessionId, (l) => l.id !== id);
    await this.db.writeSession(login.sessionId);
  }

  async endWhere(match: (login: LoginRecord) => boolean) {
    const ended: LoginRecord[] = [];
    const sessions = new Set([...this.byId.values()].filter(match).map((l) => l.sessionId));
    for (const sid of sessions) ended.push(...this.retain(sid, (l) => !match(l)));
    await Promise.all([...sessions].map((sid) => this.db.writeSession(sid)));
    return ended;
  }

  async prune(now: Date) {
    let dropped = 0;
    const writes: Promise<void>[] = [];
    for (const [sid] of [...this.db.eachShard()]) {
      const n = this.retain(sid, this.live(now)).length;
      if (n > 0) writes.push(this.db.writeSession(sid));
      dropped += n;
    }
    await Promise.all(writes);
    return dropped;
  }
}
