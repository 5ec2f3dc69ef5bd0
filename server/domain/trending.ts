/**
 * Trending on the open network: a story's score is the sum, over the likes and shares it got in
 * the last `TRENDING_WINDOW_MINUTES`, of 0.5^(age / half-life), so a burst counts for a while and
 * fades visibly. The scoring is pure; `TrendingWindow` keeps one session's recent events in memory
 * (oldest first, pruned as they leave the window) so its cost is bounded by the window, never by
 * every post ever stored. `TrendingBook` holds one window per session, rebuilt from the stored
 * records the first time a session is asked about after a start.
 */

/** How far back likes and shares count, in minutes. */
export const TRENDING_WINDOW_MINUTES = 30;
/** After how many minutes an event counts half as much. */
export const TRENDING_HALF_LIFE_MINUTES = 10;
/** How many stories the trending list shows. */
export const TRENDING_LIMIT = 20;

const MINUTE = 60_000;

/** One like or share, credited to the story (the root post) it spreads. */
export interface TrendEvent {
  /** When it happened (epoch ms). */
  at: number;
  /** The story it counts for: the root of the post liked or shared. */
  storyId: string;
  /** Who did it. */
  userId: string;
  kind: 'like' | 'share';
  /** The post liked, or the share's own id. */
  subjectId: string;
}

/** The window and half-life, in minutes. */
export interface TrendingOptions {
  windowMinutes: number;
  halfLifeMinutes: number;
}

/** The shipped window and half-life. */
export const TRENDING: TrendingOptions = {
  windowMinutes: TRENDING_WINDOW_MINUTES,
  halfLifeMinutes: TRENDING_HALF_LIFE_MINUTES,
};

/** How much an event `ageMs` old counts: 1 now, 0.5 after one half-life; 0 outside the window or in the future. */
export function weightOf(ageMs: number, opts: TrendingOptions = TRENDING): number {
  if (ageMs < 0 || ageMs > opts.windowMinutes * MINUTE) return 0;
  return 0.5 ** (ageMs / (opts.halfLifeMinutes * MINUTE));
}

/** A story and its score. */
export interface TrendScore {
  storyId: string;
  score: number;
  /** Its most recent event (ties in score go to the fresher story). */
  lastAt: number;
}

/** Scores the events at `now`: highest first, at most `limit`, only stories with a positive score. */
export function rankStories(
  events: Iterable<TrendEvent>,
  now: number,
  limit = TRENDING_LIMIT,
  opts: TrendingOptions = TRENDING,
): TrendScore[] {
  const byStory = new Map<string, TrendScore>();
  for (const e of events) {
    const w = weightOf(now - e.at, opts);
    if (w === 0) continue;
    const s = byStory.get(e.storyId);
    if (s) {
      s.score += w;
      s.lastAt = Math.max(s.lastAt, e.at);
    } else byStory.set(e.storyId, { storyId: e.storyId, score: w, lastAt: e.at });
  }
  return [...byStory.values()]
    .sort((a, b) => b.score - a.score || b.lastAt - a.lastAt || a.storyId.localeCompare(b.storyId))
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
}

/** One session's likes and shares of the last window, oldest first. */
export class TrendingWindow {
  private events: TrendEvent[] = [];
  /** Events before this index have left the window (dropped in batches). */
  private head = 0;

  constructor(private readonly opts: TrendingOptions = TRENDING) {}

  /** How many events are held (after the last prune). */
  get size(): number {
    return this.events.length - this.head;
  }

  /** Adds an event, keeping time order (events nearly always arrive last). */
  add(e: TrendEvent): void {
    let i = this.events.length;
    while (i > this.head && this.events[i - 1]!.at > e.at) i--;
    this.events.splice(i, 0, e);
  }

  /** Drops the like `userId` gave `subjectId` (an unlike): it no longer counts. */
  removeLike(userId: string, subjectId: string): void {
    for (let i = this.events.length - 1; i >= this.head; i--) {
      const e = this.events[i]!;
      if (e.kind === 'like' && e.userId === userId && e.subjectId === subjectId) {
        this.events.splice(i, 1);
        return;
      }
    }
  }

  /** Forgets every event older than the window at `now`. */
  prune(now: number): void {
    const oldest = now - this.opts.windowMinutes * MINUTE;
    while (this.head < this.events.length && this.events[this.head]!.at < oldest) this.head++;
    if (this.head > 64 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** The ranking at `now` (pruning first). */
  rank(now: number, limit = TRENDING_LIMIT): TrendScore[] {
    this.prune(now);
    return rankStories(this.events.slice(this.head), now, limit, this.opts);
  }
}

/** One trending window per session, each rebuilt from stored records on first use. */
export class TrendingBook {
  private readonly windows = new Map<string, TrendingWindow>();

  constructor(private readonly opts: TrendingOptions = TRENDING) {}

  /** The window of a session; `rebuild` gives its stored events the first time (only those in the window are kept). */
  window(sessionId: string, now: number, rebuild: (since: number) => Iterable<TrendEvent>): TrendingWindow {
    let w = this.windows.get(sessionId);
    if (!w) {
      w = new TrendingWindow(this.opts);
      const since = now - this.opts.windowMinutes * MINUTE;
      for (const e of rebuild(since)) if (e.at >= since) w.add(e);
      this.windows.set(sessionId, w);
    }
    w.prune(now);
    return w;
  }

  /** Forgets a session's window (its records were reset or deleted): the next use rebuilds it. */
  forget(sessionId: string): void {
    this.windows.delete(sessionId);
  }
}
