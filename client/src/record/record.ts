/**
 * Pure helpers of "What your device recorded": how many records the device kept, the latest few
 * for the end-of-visit summary, and the placard to show.
 */
import type { RecordEntry, RecordResponse, RecordSnapshot } from '../../../server/protocol/api';

/** The placard shown when the server names none. */
export const RECORD_PLACARD = 'device-record';

/** How many records the device kept in all: the server's total, else what it sent. */
export function recordCount(record: RecordResponse): number {
  const sent = record.entries.length + record.snapshots.length;
  return typeof record.total === 'number' && record.total >= sent ? record.total : sent;
}

/** One line of the record: an entry or a snapshot, with its time. */
export type RecordLine = { type: 'entry'; entry: RecordEntry } | { type: 'snapshot'; snapshot: RecordSnapshot };

/** The latest `n` lines, entries and snapshots together, newest first (ties: the entry first). */
export function latestLines(record: RecordResponse, n: number): RecordLine[] {
  const lines: { at: string; line: RecordLine; order: number }[] = [
    ...record.entries.map((entry, i) => ({ at: entry.at, line: { type: 'entry', entry } as RecordLine, order: i })),
    ...record.snapshots.map((snapshot, i) => ({
      at: snapshot.at,
      line: { type: 'snapshot', snapshot } as RecordLine,
      order: record.entries.length + i,
    })),
  ];
  lines.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? 1 : -1));
  return lines.slice(0, Math.max(0, n)).map((l) => l.line);
}

/** The placard of a record (the server's choice, else the default). */
export function placardOf(record: RecordResponse | undefined): string {
  return record?.placardId || RECORD_PLACARD;
}
