/**
 * Time for things that act by themselves (the simulated cast): injectable, so tests run a
 * simulated hour in milliseconds with a fake clock and count the timers still pending.
 */

/** A timer handle, opaque to callers. */
export type TimerHandle = unknown;

/** Reading the time and setting one-shot timers. */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock; its timers never keep the process alive. */
export const realClock: Clock = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
