/**
 * The kiosk's idle clock: after `idleSeconds` without input it warns (the countdown dialog), ticks
 * every second of `countdownSeconds`, and expires at zero; any input before then starts it again.
 * Pure timing, no DOM: the element feeds it input and shows what it says.
 */

/** What the clock tells its owner. */
export interface IdleHandlers {
  /** The countdown began, or went down a second: `left` seconds remain. */
  onCountdown: (left: number) => void;
  /** Input came during the countdown: the visitor stays. */
  onStay: () => void;
  /** The countdown ran out. */
  onExpire: () => void;
}

/** Counts idle time and the countdown after it. */
export class IdleClock {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private left = 0;
  private running = false;

  constructor(
    private readonly idleSeconds: number,
    private readonly countdownSeconds: number,
    private readonly handlers: IdleHandlers,
  ) {}

  /** Whether the countdown is showing. */
  get counting(): boolean {
    return this.tickTimer !== undefined;
  }

  /** Starts counting idle time. */
  start(): void {
    this.running = true;
    this.arm();
  }

  /** Input: the idle time starts again (and a countdown stops). */
  activity(): void {
    if (!this.running) return;
    const wasCounting = this.counting;
    this.arm();
    if (wasCounting) this.handlers.onStay();
  }

  /** Stops every timer. */
  stop(): void {
    this.running = false;
    this.clear();
  }

  private clear(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    this.idleTimer = undefined;
    this.tickTimer = undefined;
  }

  private arm(): void {
    this.clear();
    this.idleTimer = setTimeout(() => this.countDown(), this.idleSeconds * 1000);
  }

  private countDown(): void {
    this.idleTimer = undefined;
    this.left = this.countdownSeconds;
    this.handlers.onCountdown(this.left);
    this.tickTimer = setInterval(() => {
      this.left -= 1;
      if (this.left > 0) {
        this.handlers.onCountdown(this.left);
        return;
      }
      this.stop();
      this.handlers.onExpire();
    }, 1000);
  }
}
