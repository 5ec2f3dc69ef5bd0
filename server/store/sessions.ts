/**
 * Simulation sessions, in the document's `sessions` array; the first is the default one.
 */
import type { SessionsRepo } from '../domain/ports';
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
}
