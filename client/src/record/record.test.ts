import { describe, expect, it } from 'vitest';
import type { RecordResponse } from '../../../server/protocol/api';
import { TRAIL_KINDS } from '../../../server/protocol/vocabulary';
import { trailKindLabel } from './kind-labels';
import { RECORD_PLACARD, latestLines, placardOf, recordCount } from './record';

const record = (over: Partial<RecordResponse> = {}): RecordResponse => ({
  entries: [
    { at: '2026-03-01T09:05:00.000Z', kind: 'page_view', summary: 'news.intra' },
    { at: '2026-03-01T09:00:00.000Z', kind: 'login', summary: '' },
  ],
  snapshots: [
    { at: '2026-03-01T09:06:00.000Z', text: 'News — news.intra' },
    { at: '2026-03-01T09:00:00.000Z', text: '/portal' },
  ],
  ...over,
});

describe('the record’s helpers', () => {
  it('counts the server’s total, or what was sent when it names none or too few', () => {
    expect(recordCount(record())).toBe(4);
    expect(recordCount(record({ total: 37 }))).toBe(37);
    expect(recordCount(record({ total: 1 }))).toBe(4);
    expect(recordCount({ entries: [], snapshots: [] })).toBe(0);
  });

  it('gives the latest lines, entries and snapshots together, newest first', () => {
    const lines = latestLines(record(), 3);
    expect(lines.map((l) => (l.type === 'entry' ? l.entry.kind : l.snapshot.text))).toEqual([
      'News — news.intra',
      'page_view',
      'login',
    ]);
    expect(latestLines(record(), 10)).toHaveLength(4);
    expect(latestLines(record(), 0)).toEqual([]);
  });

  it('shows the server’s placard, else the record’s own', () => {
    expect(placardOf(record({ placardId: 'other' }))).toBe('other');
    expect(placardOf(record())).toBe(RECORD_PLACARD);
    expect(placardOf(undefined)).toBe(RECORD_PLACARD);
  });

  it('names every trail kind in words, none twice', () => {
    const labels = TRAIL_KINDS.map((kind) => trailKindLabel(kind));
    for (const [i, label] of labels.entries()) expect(label.trim(), TRAIL_KINDS[i]).not.toBe('');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).not.toContain('page_view');
  });
});
