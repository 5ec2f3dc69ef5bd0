/**
 * Who is connected now: a count of live sockets per user, kept by the realtime layer and read by
 * the facilitator's roster (the online dots). In memory only.
 */
export class OnlineUsers {
  private readonly sockets = new Map<string, number>();

  /** Counts one more socket of a user; true when it is their first. */
  add(userId: string): boolean {
    const n = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, n);
    return n === 1;
  }

  /** Counts one socket less; true when it was their last. */
  remove(userId: string): boolean {
    const n = (this.sockets.get(userId) ?? 0) - 1;
    if (n > 0) {
      this.sockets.set(userId, n);
      return false;
    }
    this.sockets.delete(userId);
    return n === 0;
  }

  /** Whether a user has a connected socket. */
  has(userId: string): boolean {
    return this.sockets.has(userId);
  }
}
