/**
 * Who is in which chat room now: in memory, per socket, shown per person. Counting is O(1)
 * and the sorted member list is built only when someone came or went since it was last asked for.
 */
import type { ChatPeer } from '../protocol/api';

interface RoomPresence {
  /** Socket id → the person on it. */
  sockets: Map<string, ChatPeer>;
  /** User name → how many of their sockets are in the room. */
  people: Map<string, { peer: ChatPeer; sockets: number }>;
  /** The sorted member list, until someone comes or goes. */
  sorted: ChatPeer[] | undefined;
}

/** Room presence across sockets (one person may have several tabs open). */
export class Presence {
  private readonly rooms = new Map<string, RoomPresence>();

  private key(sessionId: string, roomId: string): string {
    return `${sessionId}\u0000${roomId}`;
  }

  /** Records a socket in a room; true when its person was not in the room before (the member list changed). */
  add(sessionId: string, roomId: string, socketId: string, peer: ChatPeer): boolean {
    const k = this.key(sessionId, roomId);
    let room = this.rooms.get(k);
    if (!room) this.rooms.set(k, (room = { sockets: new Map(), people: new Map(), sorted: undefined }));
    if (room.sockets.has(socketId)) return false;
    room.sockets.set(socketId, peer);
    const person = room.people.get(peer.username);
    if (person) {
      person.sockets++;
      return false;
    }
    room.people.set(peer.username, { peer, sockets: 1 });
    room.sorted = undefined;
    return true;
  }

  /**
   * Removes a socket from a room. Answers the person who left the room with it (their last
   * socket there), or undefined when the member list did not change.
   */
  remove(sessionId: string, roomId: string, socketId: string): ChatPeer | undefined {
    const k = this.key(sessionId, roomId);
    const room = this.rooms.get(k);
    const peer = room?.sockets.get(socketId);
    if (!room || !peer) return undefined;
    room.sockets.delete(socketId);
    if (room.sockets.size === 0) this.rooms.delete(k);
    const person = room.people.get(peer.username)!;
    if (--person.sockets > 0) return undefined;
    room.people.delete(peer.username);
    room.sorted = undefined;
    return peer;
  }

  /** The distinct people in a room, by display name (the same array until someone comes or goes: do not mutate). */
  members(sessionId: string, roomId: string): readonly ChatPeer[] {
    const room = this.rooms.get(this.key(sessionId, roomId));
    if (!room) return [];
    room.sorted ??= [...room.people.values()]
      .map((p) => p.peer)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return room.sorted;
  }

  /** How many people are in a room. */
  count(sessionId: string, roomId: string): number {
    return this.rooms.get(this.key(sessionId, roomId))?.people.size ?? 0;
  }
}
