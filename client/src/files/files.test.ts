import { describe, expect, it } from 'vitest';
import type { CustodyMark } from '../../../server/protocol/api';
import { FILE_KINDS, custodySteps, deviceIsEmpty, kindLabel, sizeLabel } from './files';

const mark = (playerId: string, name: string, at: string): CustodyMark => ({ deviceOf: { playerId, name }, at });

describe('a chain of custody', () => {
  it('starts with the first holder and names each hand-over from one device to the next', () => {
    const chain = [
      mark('p1', 'Min-ji', '2026-01-01T10:30:00Z'),
      mark('p2', 'Jae-ho', '2026-01-01T10:42:00Z'),
      mark('p3', 'Su-bin', '2026-01-01T10:50:00Z'),
    ];
    expect(custodySteps(chain)).toEqual([
      { from: null, to: 'Min-ji', playerId: 'p1', at: '2026-01-01T10:30:00Z' },
      { from: 'Min-ji', to: 'Jae-ho', playerId: 'p2', at: '2026-01-01T10:42:00Z' },
      { from: 'Jae-ho', to: 'Su-bin', playerId: 'p3', at: '2026-01-01T10:50:00Z' },
    ]);
  });

  it('counts a device that marked the copy twice in a row as one holder, but a copy coming back as a new step', () => {
    const chain = [
      mark('p1', 'Min-ji', '2026-01-01T10:30:00Z'),
      mark('p1', 'Min-ji', '2026-01-01T10:31:00Z'),
      mark('p2', 'Jae-ho', '2026-01-01T10:42:00Z'),
      mark('p1', 'Min-ji', '2026-01-01T10:55:00Z'),
    ];
    const steps = custodySteps(chain);
    expect(steps.map((s) => [s.from, s.to, s.at])).toEqual([
      [null, 'Min-ji', '2026-01-01T10:30:00Z'],
      ['Min-ji', 'Jae-ho', '2026-01-01T10:42:00Z'],
      ['Jae-ho', 'Min-ji', '2026-01-01T10:55:00Z'],
    ]);
  });

  it('is empty for an empty chain', () => {
    expect(custodySteps([])).toEqual([]);
  });
});

describe('files in words', () => {
  it('names every kind, each differently', () => {
    const labels = FILE_KINDS.map(kindLabel);
    expect(labels.every((label) => label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(FILE_KINDS.length);
  });

  it('gives sizes in MB, and in GB from a thousand MB', () => {
    expect(sizeLabel(4.7, 'en')).toBe('4.7 MB');
    expect(sizeLabel(700, 'en')).toBe('700 MB');
    expect(sizeLabel(1200, 'en')).toBe('1.2 GB');
    expect(sizeLabel(-1, 'en')).toBe('');
    expect(sizeLabel(Number.NaN, 'en')).toBe('');
  });

  it('says a device is empty only with no copies and no Notel', () => {
    expect(deviceIsEmpty({ copies: [], notel: false })).toBe(true);
    expect(deviceIsEmpty({ copies: [], notel: true })).toBe(false);
    expect(deviceIsEmpty({ copies: [{}], notel: false })).toBe(false);
  });
});
