/**
 * A small in-process event bus: the domain announces what happened, the realtime
 * layer pushes it. Routes never call socket handlers.
 */
import { EventEmitter } from 'node:events';
import type { ChatMessage, ChatMonitorEntry, ChatRoom, TrailEvent } from '../protocol/api';
import type { ArticleRecord, PostRecord } from './ports';

/** Everything the domain announces, by name. */
export interface BusEvents {
  'trail:appended': [TrailEvent];
  'user:revoked': [{ userId: string; sessionId: string }];
  /** A login ended (logout): its sockets close. */
  'login:ended': [{ loginId: string; userId: string }];
  'media:published': [ArticleRecord];
  'media:unpublished': [ArticleRecord];
  'boards:queued': [PostRecord];
  'boards:decided': [PostRecord];
  /** A delivered message: to its room, or (for a DM) to both users. */
  'chat:delivered': [{ sessionId: string; message: ChatMessage; dmUserIds: string[] | null }];
  'chat:monitor': [{ sessionId: string; entry: ChatMonitorEntry }];
  'chat:room': [{ sessionId: string; room: ChatRoom }];
  'chat:muted': [{ userId: string; muted: boolean }];
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
