/**
 * The debrief's pure helpers: which rounds sit side by side, the bar charts' scale, the spread
 * tree's input built from its hops, and the names the projector may show ("Student 1, 2, …").
 * No DOM, no fetching: the elements beside this file draw what these compute.
 */
import type { DebriefRound, SpreadEdge } from '../../../server/protocol/debrief';

/** A row of the debrief: one round alone, or a closed round beside an open one (closed first). */
export type RoundRow = readonly [DebriefRound] | readonly [DebriefRound, DebriefRound];

/**
 * The rounds in rows, in their order: a round and the next one sit side by side when their modes
 * differ (the closed one on the left, whichever came first); rounds of the same mode stand alone.
 */
export function pairRounds(rounds: readonly DebriefRound[]): RoundRow[] {
  const sorted = [...rounds].sort((a, b) => a.number - b.number);
  const rows: RoundRow[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const round = sorted[i]!;
    const next = sorted[i + 1];
    if (next && next.mode !== round.mode) {
      rows.push(round.mode === 'closed' ? [round, next] : [next, round]);
      i++;
    } else {
      rows.push([round]);
    }
  }
  return rows;
}

/** The top of a bar chart's axis: the smallest 1, 2 or 5 × 10ⁿ at or above `max` (1 for an empty chart). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** One bar of a grouped chart, in the chart's own units (the SVG's viewBox). */
export interface Bar {
  group: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The geometry of a grouped bar chart. */
export interface BarLayout {
  bars: Bar[];
  /** The value the top of the plot stands for. */
  max: number;
  /** Each group's centre on the x axis, for its label. */
  groupCentres: number[];
}

/**
 * Bars for `values[group][series]` in a plot `width` × `height` (y grows downwards, the
 * baseline at `height`): groups share the width equally, with a gap between groups; a
 * value's bar is proportional to it on a 0…niceMax scale (at least `atLeast`, so charts set side
 * by side can share one scale); negative or missing values are 0.
 */
export function layoutBars(
  values: readonly (readonly number[])[],
  width: number,
  height: number,
  atLeast = 0,
): BarLayout {
  const clean = values.map((row) => row.map((v) => (Number.isFinite(v) && v > 0 ? v : 0)));
  const max = niceMax(Math.max(0, atLeast, ...clean.flat()));
  const groups = clean.length;
  const series = Math.max(1, ...clean.map((row) => row.length));
  const groupWidth = groups ? width / groups : width;
  const gap = groupWidth * 0.2;
  const barWidth = (groupWidth - gap) / series;
  const bars: Bar[] = [];
  const groupCentres: number[] = [];
  clean.forEach((row, g) => {
    const left = g * groupWidth + gap / 2;
    groupCentres.push(g * groupWidth + groupWidth / 2);
    row.forEach((value, s) => {
      const h = (value / max) * height;
      bars.push({ group: g, series: s, value, x: left + s * barWidth, y: height - h, width: barWidth, height: h });
    });
  });
  return { bars, max, groupCentres };
}

/** A node of the spread tree, as d3-hierarchy's `hierarchy()` reads it. */
export interface SpreadNode {
  /** A player id; '' for the invisible root that holds several first holders. */
  id: string;
  /** When this person got it (ISO), absent for a first holder. */
  at?: string;
  children: SpreadNode[];
}

/**
 * The spread tree of an item from its hops: taken in time order, a hop to someone who already
 * had it changes nothing (they got it first from someone else); a hop from someone not yet seen
 * makes them a first holder. One first holder is the root; several hang under an invisible root
 * (id ''). Undefined when there is no hop at all.
 */
export function spreadTree(edges: readonly SpreadEdge[]): SpreadNode | undefined {
  const ordered = [...edges].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const nodes = new Map<string, SpreadNode>();
  const roots: SpreadNode[] = [];
  for (const edge of ordered) {
    if (edge.from === edge.to) continue;
    let from = nodes.get(edge.from);
    if (!from) {
      from = { id: edge.from, children: [] };
      nodes.set(edge.from, from);
      roots.push(from);
    }
    if (nodes.has(edge.to)) continue;
    const to: SpreadNode = { id: edge.to, at: edge.at, children: [] };
    nodes.set(edge.to, to);
    from.children.push(to);
  }
  if (roots.length === 0) return undefined;
  return roots.length === 1 ? roots[0] : { id: '', children: roots };
}

/** The points of a spread's timeline: for each hop that reached someone new, the count reached so far. */
export function reachSteps(edges: readonly SpreadEdge[]): { at: string; from: string; to: string; reached: number }[] {
  const ordered = [...edges].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const seen = new Set<string>();
  const steps: { at: string; from: string; to: string; reached: number }[] = [];
  for (const edge of ordered) {
    if (edge.from === edge.to) continue;
    seen.add(edge.from);
    if (seen.has(edge.to)) continue;
    seen.add(edge.to);
    steps.push({ ...edge, reached: seen.size });
  }
  return steps;
}

/**
 * A function naming players: their names when `showNames`, else "Student N", numbered in the
 * order of `players` (the server's roster order), ids it does not know numbered after them.
 * `label(n)` makes the anonymous name (localized by the caller).
 */
export function playerNamer(
  players: Record<string, string> | undefined,
  showNames: boolean,
  label: (n: number) => string,
): (id: string) => string {
  const numbers = new Map<string, number>();
  for (const id of Object.keys(players ?? {})) numbers.set(id, numbers.size + 1);
  return (id: string) => {
    if (showNames && players && Object.hasOwn(players, id)) return players[id]!;
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(id, n);
    }
    return label(n);
  };
}

/** A share (0–1) as a whole percentage, or undefined when there is none. */
export function percent(share: number | null | undefined): number | undefined {
  return share === null || share === undefined || !Number.isFinite(share) ? undefined : Math.round(share * 100);
}

/** The median time to visibility in the unit its mode reads best in: minutes closed, seconds open. */
export function medianInUnit(
  seconds: number | null,
  mode: DebriefRound['mode'],
): { value: number; unit: 'min' | 's' } | undefined {
  if (seconds === null || !Number.isFinite(seconds)) return undefined;
  return mode === 'closed'
    ? { value: Math.round((seconds / 60) * 10) / 10, unit: 'min' }
    : { value: Math.round(seconds), unit: 's' };
}
