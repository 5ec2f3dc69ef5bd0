import { describe, expect, it } from 'vitest';
import type { DebriefRound } from '../../../server/protocol/debrief';
import { routeAt, routeParam } from '../app/routes';
import { layoutBars, medianInUnit, niceMax, pairRounds, percent, playerNamer, reachSteps, spreadTree } from './debrief';

const round = (number: number, mode: DebriefRound['mode']): DebriefRound => ({
  number,
  mode,
  messages: { sent: 0, delivered: 0, blocked: 0, rewritten: 0 },
  posts: { submitted: 0, approved: 0, rejected: 0, filtered: 0, medianSecondsToVisible: null },
  searches: { total: 0, emptyByFilter: 0 },
  blockedAddresses: 0,
  spread: [],
});

const numbers = (rows: ReturnType<typeof pairRounds>) => rows.map((row) => row.map((r) => `${r.number}${r.mode[0]}`));

describe('pairing rounds side by side', () => {
  it('puts a closed round beside the open round after it', () => {
    expect(numbers(pairRounds([round(1, 'closed'), round(2, 'open')]))).toEqual([['1c', '2o']]);
  });

  it('puts the closed round on the left even when the open one came first', () => {
    expect(numbers(pairRounds([round(1, 'open'), round(2, 'closed')]))).toEqual([['2c', '1o']]);
  });

  it('leaves rounds of the same mode alone, and pairs in round order whatever order they came in', () => {
    expect(numbers(pairRounds([round(3, 'open'), round(1, 'closed'), round(2, 'closed')]))).toEqual([
      ['1c'],
      ['2c', '3o'],
    ]);
    expect(numbers(pairRounds([round(1, 'closed'), round(2, 'closed')]))).toEqual([['1c'], ['2c']]);
    expect(pairRounds([])).toEqual([]);
  });
});

describe('bar scaling', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(200)).toBe(200);
    expect(niceMax(201)).toBe(500);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
  });

  it('makes bars proportional to their values on the baseline, groups side by side', () => {
    const { bars, max, groupCentres } = layoutBars(
      [
        [10, 5],
        [0, 20],
      ],
      200,
      100,
    );
    expect(max).toBe(20);
    expect(bars).toHaveLength(4);
    const [a, b, c, d] = bars;
    expect(a!.height).toBe(50);
    expect(b!.height).toBe(25);
    expect(c!.height).toBe(0);
    expect(d!.height).toBe(100);
    for (const bar of bars) expect(bar.y + bar.height).toBe(100);
    // Within a group the series stand left to right, and the second group is right of the first.
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(c!.x).toBeGreaterThanOrEqual(b!.x + b!.width);
    expect(d!.x + d!.width).toBeLessThanOrEqual(200);
    expect(groupCentres).toEqual([50, 150]);
  });

  it('shares one scale between charts set side by side', () => {
    const { bars, max } = layoutBars([[5]], 10, 100, 40);
    expect(max).toBe(50);
    expect(bars[0]!.height).toBe(10);
  });

  it('draws negative or missing values as empty bars', () => {
    const { bars } = layoutBars([[-3, Number.NaN, 4]], 90, 40);
    expect(bars.map((bar) => bar.height)).toEqual([0, 0, 40 * (4 / 5)]);
  });
});

describe('the spread tree built from hops', () => {
  it('hangs each person under whoever reached them first, in time order', () => {
    const tree = spreadTree([
      { from: 'b', to: 'c', at: '2026-01-01T10:05:00Z' },
      { from: 'a', to: 'b', at: '2026-01-01T10:00:00Z' },
      { from: 'a', to: 'd', at: '2026-01-01T10:06:00Z' },
      { from: 'd', to: 'c', at: '2026-01-01T10:07:00Z' }, // c already had it
      { from: 'c', to: 'a', at: '2026-01-01T10:08:00Z' }, // back to the first holder: no cycle
    ]);
    expect(tree).toEqual({
      id: 'a',
      children: [
        { id: 'b', at: '2026-01-01T10:00:00Z', children: [{ id: 'c', at: '2026-01-01T10:05:00Z', children: [] }] },
        { id: 'd', at: '2026-01-01T10:06:00Z', children: [] },
      ],
    });
  });

  it('puts several first holders under an invisible root, and has no tree without hops', () => {
    const tree = spreadTree([
      { from: 'a', to: 'b', at: '2026-01-01T10:00:00Z' },
      { from: 'x', to: 'y', at: '2026-01-01T10:01:00Z' },
    ]);
    expect(tree?.id).toBe('');
    expect(tree?.children.map((n) => n.id)).toEqual(['a', 'x']);
    expect(spreadTree([])).toBeUndefined();
  });

  it('counts the people reached after each hop that reached someone new', () => {
    const steps = reachSteps([
      { from: 'a', to: 'b', at: '2026-01-01T10:00:00Z' },
      { from: 'b', to: 'a', at: '2026-01-01T10:01:00Z' },
      { from: 'b', to: 'c', at: '2026-01-01T10:02:00Z' },
    ]);
    expect(steps.map((s) => [s.to, s.reached])).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
  });
});

describe('anonymous naming', () => {
  const players = { p7: 'Min-ji', p2: 'Jae-ho', p9: 'Anna' };
  const label = (n: number) => `Student ${n}`;

  it('numbers students in roster order and never shows a name by default', () => {
    const nameOf = playerNamer(players, false, label);
    expect(['p9', 'p7', 'p2'].map(nameOf)).toEqual(['Student 3', 'Student 1', 'Student 2']);
    expect(nameOf('p7')).toBe('Student 1');
  });

  it('shows names when asked, and numbers an unknown id after the roster either way', () => {
    const nameOf = playerNamer(players, true, label);
    expect(nameOf('p2')).toBe('Jae-ho');
    expect(nameOf('gone')).toBe('Student 4');
    expect(nameOf('gone')).toBe('Student 4');
    expect(playerNamer(undefined, true, label)('x')).toBe('Student 1');
  });
});

describe('figures in their units', () => {
  it('gives the median in minutes closed and in seconds open', () => {
    expect(medianInUnit(150, 'closed')).toEqual({ value: 2.5, unit: 'min' });
    expect(medianInUnit(4.4, 'open')).toEqual({ value: 4, unit: 's' });
    expect(medianInUnit(null, 'open')).toBeUndefined();
  });

  it('gives shares as whole percentages', () => {
    expect(percent(0.666)).toBe(67);
    expect(percent(null)).toBeUndefined();
  });

  it('opens the debrief screen at /console/debrief/<id>, not the console', () => {
    expect(routeAt('/console/debrief/s1')?.name).toBe('debrief');
    expect(routeParam('/console/debrief/s1')).toBe('s1');
    expect(routeAt('/console')?.name).toBe('console');
  });
});
