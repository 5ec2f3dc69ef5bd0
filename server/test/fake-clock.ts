/**
 * A fake clock for tests: time moves only when `advance` is called, timers fire in order of their
 * due time, and `pending()` counts the timers still set (zero once everything is cleaned up).
 */
import type { Clock, TimerHandle } from '../domain/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock whose time and timers tests drive. */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  /** `start` is the initial time; `settle` is awaited after each timer fires (the work it started). */
  constructor(
    start = Date.parse('2026-12-01T09:00:00Z'),
    public settle: () => Promise<void> = async () => {},
  ) {
    this.time = start;
  }

  now(): Date {
    return new Date(this.time);
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** How many timers are set and not yet fired or cleared. */
  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way (and those they set), in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await this.settle();
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers.values()) if (t.at <= end && (!next || t.at < next.at)) next = t;
      if (!next) break;
      this.timers.delete(next.id);
      this.time = Math.max(this.time, next.at);
      next.fn();
      await this.settle();
    }
    this.time = end;
  }
}
