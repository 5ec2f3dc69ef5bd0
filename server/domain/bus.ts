/**
 * A small in-process event bus: the domain announces what happened, the realtime
 * layer pushes it. Routes never call socket handlers.
 */
import { EventEmitter } from 'node:events';
import type {
  CastWarningPush,
  ChatMessage,
  ChatMonitorEntry,
  ChatPeer,
  ChatRoom,
  Mode,
  SessionEventPush,
  TrailEvent,
} from '../protocol/api';
import type { StandingChange } from '../protocol/events';
import type { Locale } from '../protocol/vocabulary';

export type { StandingChange };
import type { ArticleRecord, PostRecord } from './ports';

/** Everything the domain announces, by name. */
export interface BusEvents {
  'trail:appended': [TrailEvent];
  /**
   * A user's standing changed (role, mode, session or revocation): their live sockets re-resolve
   * the actor, re-join the right channels, and are told (or, when no longer valid, cut).
   */
  'user:standing': [{ userId: string; sessionId: string; change: StandingChange }];
  /** A session switched mode: every socket of it re-resolves its actor as for `user:standing`. */
  'session:mode': [{ sessionId: string; mode: Mode }];
  /** A login switched language: its sockets' pushes come in the new one from now. */
  'login:locale': [{ lid: string; locale: Locale }];
  /** A login ended (logout): its sockets close. */
  'login:ended': [{ loginId: string; userId: string }];
  'media:published': [ArticleRecord];
  'media:unpublished': [ArticleRecord];
  'boards:queued': [PostRecord];
  'boards:decided': [PostRecord];
  /** A post that published at once (the mode does not pre-moderate): to its board's readers. */
  'boards:published': [PostRecord];
  /** A delivered message: to its room, or (for a DM) to both users. */
  'chat:delivered': [{ sessionId: string; message: ChatMessage; dmUserIds: string[] | null }];
  'chat:monitor': [{ sessionId: string; entry: ChatMonitorEntry }];
  'chat:room': [{ sessionId: string; room: ChatRoom }];
  'chat:muted': [{ userId: string; muted: boolean }];
  /** A class session's pause, lock, round or end changed: its sockets get `session:state`. */
  'class:state': [{ sessionId: string }];
  /** A class session's roster changed (join, role, removal, rename): the owner's console is told. */
  'class:roster': [{ sessionId: string }];
  /** A scripted event was fired: every socket of the session is told. */
  'class:event': [SessionEventPush];
  /** A class session was deleted: its sockets are cut. */
  'class:deleted': [{ sessionId: string }];
  /** A user's first socket connected (`online`) or their last one went (any user, seat or persona). */
  'user:online': [{ sessionId: string; userId: string; online: boolean }];
  /** Someone came into or left a chat room (the realtime layer's presence changed). */
  'chat:presence': [{ sessionId: string; roomId: string }];
  /** The simulated bureau warned a user (pushed to their sockets as `cast:warning`). */
  'cast:warning': [{ userId: string; warning: CastWarningPush }];
  /** Simulated cast members came into or left a room (their part was switched on or off). */
  'cast:presence': [{ sessionId: string; roomId: string; joined: ChatPeer[]; left: string[] }];
  /** A session's cast settings changed. */
  'cast:settings': [{ sessionId: string }];
}

/** A typed wrapper over EventEmitter. */
export class Bus {
  private readonly emitter = new EventEmitter();

  /** Announces an event to every subscriber. */
  emit<K extends keyof BusEvents>(name: K, ...args: BusEvents[K]): void {
    this.emitter.emit(name, ...args);
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof BusEvents>(name: K, fn: (...args: BusEvents[K]) => void): () => void {
    const listener = fn as (...a: unknown[]) => void;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
