/**
 * Announcing live arrivals in batches: a busy feed (the trail, the chat monitor) would
 * otherwise flood a screen reader with one announcement per row.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Counts arrivals and reports how many came once they pause for `quietMs`. */
export class ArrivalBatcher implements ReactiveController {
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly report: (count: number) => void,
    private readonly quietMs = 1500,
  ) {
    host.addController(this);
  }

  /** One more arrival; the report waits until none has come for `quietMs`. */
  add(): void {
    this.count += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const count = this.count;
      this.count = 0;
      this.report(count);
    }, this.quietMs);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
