import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleClock } from './idle';

describe('the idle clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function clock(idle = 90, countdown = 30) {
    const seen: string[] = [];
    const c = new IdleClock(idle, countdown, {
      onCountdown: (left) => seen.push(`count ${left}`),
      onStay: () => seen.push('stay'),
      onExpire: () => seen.push('expire'),
    });
    c.start();
    return { c, seen };
  }

  it('warns after the idle time, counts down each second and expires at zero', () => {
    const { seen } = clock(90, 30);
    vi.advanceTimersByTime(89_999);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['count 30']);
    vi.advanceTimersByTime(29_000);
    expect(seen.at(-1)).toBe('count 1');
    expect(seen).not.toContain('expire');
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toBe('expire');
    vi.advanceTimersByTime(600_000);
    expect(seen.filter((s) => s === 'expire')).toHaveLength(1);
  });

  it('starts again on input, and input during the countdown keeps the visitor', () => {
    const { c, seen } = clock(90, 30);
    vi.advanceTimersByTime(60_000);
    c.activity();
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(30_000);
    expect(seen).toEqual(['count 30']);
    vi.advanceTimersByTime(10_000);
    c.activity();
    expect(seen.at(-1)).toBe('stay');
    expect(c.counting).toBe(false);
    vi.advanceTimersByTime(89_000);
    expect(seen).not.toContain('expire');
  });

  it('does nothing once stopped', () => {
    const { c, seen } = clock(20, 20);
    c.stop();
    c.activity();
    vi.advanceTimersByTime(100_000);
    expect(seen).toEqual([]);
  });
});
