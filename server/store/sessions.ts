/**
 * Simulation sessions, in the document's `sessions` array; the first is the default one.
 */
import type { SessionRecord, SessionsRepo } from '../domain/ports';
import type { Mode } from '../protocol/api';
import type { Db } from './document';

/** The sessions repository over the JSON document. */
export class LowSessions implements SessionsRepo {
  constructor(private readonly db: Db) {}

  get(id: string) {
    return this.db.data.sessions.find((s) => s.id === id);
  }

  defaultSession() {
    const s = this.db.data.sessions[0];
    if (!s) throw new Error('store has no session');
    return s;
  }

  async setMode(id: string, mode: Mode) {
    const s = this.get(id);
    if (!s || s.mode === mode) return;
    s.mode = mode;
    await this.db.write();
  }

  list() {
    return [...this.db.data.sessions];
  }

  async insert(session: SessionRecord) {
    this.db.data.sessions.push(session);
    await this.db.write();
    return session;
  }

  async update(id: string, change: Partial<Omit<SessionRecord, 'id'>>) {
    const s = this.get(id);
    if (!s) throw new Error(`no session ${id}`);
    Object.assign(s, change);
    await this.db.write();
    return s;
  }
}
