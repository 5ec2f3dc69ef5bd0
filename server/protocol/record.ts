/**
 * "What your device recorded" (issue 12): the user's own trail and the periodic screen snapshots,
 * viewable and never deletable. Type-only.
 */
import type { TrailKind } from './vocabulary';

/** One entry of the record: a trail event of the user's own, summarised. */
export interface RecordEntry {
  at: string;
  kind: TrailKind;
  /** A short summary built from the event's details (an address, a title, a message, a term): data, not prose. */
  summary: string;
}

/** A snapshot: a short text record of what the screen showed. */
export interface RecordSnapshot {
  at: string;
  text: string;
}

/** `GET /api/record`: one's own only, newest first. */
export interface RecordResponse {
  entries: RecordEntry[];
  snapshots: RecordSnapshot[];
  /** How many records (entries and snapshots) the device kept in all, beyond the newest answered. */
  total?: number;
  /** The placard that explains the record (the Woolim tablet's trace viewer, the 2024 phone's screenshots). */
  placardId?: string;
}
