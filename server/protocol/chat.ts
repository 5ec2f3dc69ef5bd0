/**
 * API shapes of chat and the censor's chat monitor (type-only).
 */
import type { Role } from './api';

/** Someone a user may chat with, by real name. */
export interface ChatPeer {
  username: string;
  displayName: string;
  role: Role;
  /** A member of the simulated cast (never a person). */
  simulated?: true;
}

/** A chat room, or a direct-message conversation between two users. */
export interface ChatRoom {
  /** Room id from the pack, or `dm:<userA>:<userB>` (user names sorted) for direct messages. */
  id: string;
  kind: 'room' | 'dm';
  title: string;
  description: string;
  /** A closed room can be read but takes no messages until reopened. */
  closed: boolean;
  /** How many people are in it now. */
  online: number;
  /** For a direct-message conversation: the other person. */
  peer?: ChatPeer;
}

/** `GET /api/chat/rooms`: the rooms this user may join, and who they may message directly. */
export interface ChatRoomsResponse {
  rooms: ChatRoom[];
  contacts: ChatPeer[];
}

/** A delivered chat message. */
export interface ChatMessage {
  id: string;
  /** Position in its room, counting from 1: the cursor for history and catching up. */
  seq: number;
  roomId: string;
  from: string;
  fromName: string;
  fromRole: Role;
  text: string;
  at: string;
  clientId: string;
  /** True when the network rewrote a word before delivery. */
  substituted: boolean;
  /** Said by a member of the simulated cast (never a person). */
  simulated?: true;
}

/** `GET /api/chat/rooms/:id/messages?before=<seq>&limit=`: newest first. */
export interface ChatHistoryResponse {
  messages: ChatMessage[];
  /** Pass as `before` for the next (older) page, or null when there is none. */
  nextBefore: number | null;
}

/** One entry of the censor's chat monitor: every message, delivered or not. */
export interface ChatMonitorEntry {
  id: string;
  at: string;
  roomId: string;
  from: string;
  fromRole: Role;
  /** The text as typed. */
  text: string;
  delivered: boolean;
  /** The filtered term that stopped it, if it was not delivered. */
  term?: string;
  /** Words the network rewrote before delivery. */
  substitutions?: { from: string; to: string }[];
  /** Said by a member of the simulated cast, under this display name. */
  simulated?: true;
  fromName?: string;
}

/** `GET /api/chat/monitor`: recent monitor entries across all rooms and DMs, newest first. */
export interface ChatMonitorResponse {
  entries: ChatMonitorEntry[];
  /** Users currently muted. */
  muted: string[];
  /** Rooms currently closed. */
  closedRooms: string[];
  /** The users a censor may discipline, with their state. */
  users: { username: string; displayName: string; role: Role; muted: boolean; revoked: boolean }[];
  /** Every chat room of the pack. */
  rooms: { id: string; title: string; closed: boolean }[];
}
