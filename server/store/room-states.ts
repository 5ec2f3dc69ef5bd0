/**
 * Which chat rooms are closed, per session, in the document's `roomStates` array.
 */
import type { RoomStatesRepo } from '../domain/ports';
import type { Db } from './document';

/** The room-states repository over the JSON document. */
export class LowRoomStates implements RoomStatesRepo {
  constructor(private readonly db: Db) {}

  isClosed(sessionId: string, roomId: string) {
    return this.db.data.roomStates.some((r) => r.sessionId === sessionId && r.roomId === roomId && r.closed);
  }

  closed(sessionId: string) {
    return this.db.data.roomStates.filter((r) => r.sessionId === sessionId && r.closed).map((r) => r.roomId);
  }

  async setClosed(sessionId: string, roomId: string, closed: boolean) {
    const existing = this.db.data.roomStates.find((r) => r.sessionId === sessionId && r.roomId === roomId);
    if (existing) existing.closed = closed;
    else this.db.data.roomStates.push({ sessionId, roomId, closed });
    await this.db.write();
  }
}
