/**
 * Which chat rooms are closed, in each session's document.
 */
import type { RoomStatesRepo } from '../domain/ports';
import type { Db } from './document';

/** The room-states repository over the JSON documents. */
export class LowRoomStates implements RoomStatesRepo {
  constructor(private readonly db: Db) {}

  private states(sessionId: string) {
    return this.db.hasShard(sessionId) ? this.db.shard(sessionId).roomStates : [];
  }

  isClosed(sessionId: string, roomId: string) {
    return this.states(sessionId).some((r) => r.roomId === roomId && r.closed);
  }

  closed(sessionId: string) {
    return this.states(sessionId)
      .filter((r) => r.closed)
      .map((r) => r.roomId);
  }

  async setClosed(sessionId: string, roomId: string, closed: boolean) {
    const states = this.db.shard(sessionId).roomStates;
    const existing = states.find((r) => r.roomId === roomId);
    if (existing) existing.closed = closed;
    else states.push({ sessionId, roomId, closed });
    await this.db.writeSession(sessionId);
  }
}
