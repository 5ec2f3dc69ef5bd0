/**
 * The surveillance trail: an append-only log (see append-log.ts) with queries for the console.
 */
import type { TrailEvent } from '../protocol/api';
import type { TrailRepo } from '../domain/ports';
import { queryTrail, type TrailQuery } from '../domain/trail';
import { AppendLog } from './append-log';

/** The trail file with an in-memory index for queries. */
export class TrailLog implements TrailRepo {
  private constructor(private readonly log: AppendLog<TrailEvent>) {}

  /** Opens (creating if needed) the trail file and loads its events. */
  static async open(file: string): Promise<TrailLog> {
    return new TrailLog(await AppendLog.open<TrailEvent>(file));
  }

  /** Appends an event; resolves after its line is on disk. */
  append(event: TrailEvent): Promise<void> {
    return this.log.append(event);
  }

  /** Events matching a query, newest first. */
  query(q: TrailQuery): TrailEvent[] {
    return queryTrail(this.log.items, q);
  }

  /** Number of events stored. */
  get size(): number {
    return this.log.items.length;
  }

  /** Waits for pending appends and closes the file. */
  close(): Promise<void> {
    return this.log.close();
  }
}
