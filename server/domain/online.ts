/**
 * Who is connected now: a count of live sockets per user, kept by the realtime layer and read by
 * the facilitator's roster (the online dots) and the simulated cast (is anyone here? is a censor?).
 * In memory only.
 */
export class OnlineUsers {
  private readonly sockets = new Map<string, { sessionId: string; n: number }>();
  private readonly perSession = new Map<string, number>();

  /** Counts one more socket of a user of `sessionId`; true when it is their first. */
  add(userId: string, sessionId = ''): boolean {
    const entry = this.sockets.get(userId);
    if (entry) {
      entry.n++;
      return false;
    }
    this.sockets.set(userId, { sessionId, n: 1 });
    this.perSession.set(sessionId, (this.perSession.get(sessionId) ?? 0) + 1);
    return true;
  }

  /** Counts one socket less; true when it was their last. */
  remove(userId: string): boolean {
    const entry = this.sockets.get(userId);
    if (!entry) return false;
    if (--entry.n > 0) return false;
    this.sockets.delete(userId);
    const left = (this.perSession.get(entry.sessionId) ?? 1) - 1;
    if (left > 0) this.perSession.set(entry.sessionId, left);
    else this.perSession.delete(entry.sessionId);
    return true;
  }

  /** Whether a user has a connected socket. */
  has(userId: string): boolean {
    return this.sockets.has(userId);
  }

  /** How many users of a session have a connected socket. */
  inSession(sessionId: string): number {
    return this.perSession.get(sessionId) ?? 0;
  }
}
