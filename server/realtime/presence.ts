/**
 * Who is in which chat room now: in memory, per socket, shown per person.
 */
import type { ChatPeer } from '../protocol/api';

/** Room presence across sockets (one person may have several tabs open). */
export class Presence {
  private readonly rooms = new Map<string, Map<string, ChatPeer>>();

  private key(sessionId: string, roomId: string): string {
    return `${sessionId}\u0000${roomId}`;
  }

  /** Records a socket in a room. */
  add(sessionId: string, roomId: string, socketId: string, peer: ChatPeer): void {
    const k = this.key(sessionId, roomId);
    let room = this.rooms.get(k);
    if (!room) this.rooms.set(k, (room = new Map()));
    room.set(socketId, peer);
  }

  /** Removes a socket from a room; true if it was there. */
  remove(sessionId: string, roomId: string, socketId: string): boolean {
    const k = this.key(sessionId, roomId);
    const room = this.rooms.get(k);
    const had = room?.delete(socketId) ?? false;
    if (room?.size === 0) this.rooms.delete(k);
    return had;
  }

  /** The distinct people in a room, by user name. */
  members(sessionId: string, roomId: string): ChatPeer[] {
    const seen = new Map<string, ChatPeer>();
    for (const p of this.rooms.get(this.key(sessionId, roomId))?.values() ?? []) seen.set(p.username, p);
    return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** How many people are in a room. */
  count(sessionId: string, roomId: string): number {
    // Asked on every send (through roomFor): count distinct people without building the sorted list.
    const people = new Set<string>();
    for (const p of this.rooms.get(this.key(sessionId, roomId))?.values() ?? []) people.add(p.username);
    return people.size;
  }
}
