/**
 * Simulation sessions, in the list of `db.json`; the first is the default one.
 */
import type { SessionRecord, SessionsRepo } from '../domain/ports';
import type { Mode } from '../protocol/api';
import type { Db } from './document';

/** The sessions repository over the JSON documents. */
export class LowSessions implements SessionsRepo {
  constructor(private readonly db: Db) {}

  get(id: string) {
    return this.db.sessions.find((s) => s.id === id);
  }

  defaultSession() {
    const s = this.db.sessions[0];
    if (!s) throw new Error('store has no session');
    return s;
  }

  async setMode(id: string, mode: Mode) {
    const s = this.get(id);
    if (!s || s.mode === mode) return;
    s.mode = mode;
    await this.db.writeMain();
  }

  list() {
    return [...this.db.sessions];
  }

  /** Lists a new session, after its own document is on disk (so a crash leaves no half of it listed). */
  async insert(session: SessionRecord) {
    await this.db.writeSession(session.id);
    this.db.sessions.push(session);
    await this.db.writeMain();
    return session;
  }

  async update(id: string, change: Partial<Omit<SessionRecord, 'id'>>) {
    const s = this.get(id);
    if (!s) throw new Error(`no session ${id}`);
    Object.assign(s, change);
    await this.db.writeMain();
    return s;
  }
}
