/**
 * The surveillance trail: an append-only log (see append-log.ts) with queries for the console,
 * and a per-session count of each kind (the facilitator console's live counts).
 */
import type { TrailEvent, TrailKind } from '../protocol/api';
import type { TrailRepo } from '../domain/ports';
import { queryTrail, type TrailQuery } from '../domain/trail';
import { AppendLog } from './append-log';

/** The trail file with an in-memory index for queries. */
export class TrailLog implements TrailRepo {
  private readonly counts = new Map<string, Map<TrailKind, number>>();

  private constructor(private readonly log: AppendLog<TrailEvent>) {
    this.recount();
  }

  /** Opens (creating if needed) the trail file and loads its events. */
  static async open(file: string): Promise<TrailLog> {
    return new TrailLog(await AppendLog.open<TrailEvent>(file));
  }

  private recount(): void {
    this.counts.clear();
    for (const e of this.log.items) this.bump(e);
  }

  private bump(e: TrailEvent): void {
    let byKind = this.counts.get(e.sessionId);
    if (!byKind) this.counts.set(e.sessionId, (byKind = new Map()));
    byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  }

  /** Appends an event; resolves after its line is on disk. */
  async append(event: TrailEvent): Promise<void> {
    await this.log.append(event);
    this.bump(event);
  }

  /** Events matching a query, newest first. */
  query(q: TrailQuery): TrailEvent[] {
    return queryTrail(this.log.items, q);
  }

  /** How many events of `kind` a session has. */
  count(sessionId: string, kind: TrailKind): number {
    return this.counts.get(sessionId)?.get(kind) ?? 0;
  }

  /** Rewrites the file without a session's events (durably); resolves with how many were dropped. */
  async dropSession(sessionId: string): Promise<number> {
    const dropped = await this.log.retain((e) => e.sessionId !== sessionId);
    this.recount();
    return dropped;
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
