/**
 * Records trail events: builds them, waits for the append to reach disk,
 * then announces them on the bus so live consoles see them.
 */
import { randomUUID } from 'node:crypto';
import type { TrailEvent, TrailKind } from '../protocol/api';
import type { Bus } from './bus';
import type { TrailRepo } from './ports';
import { makeEvent, type TrailSubject } from './trail';

/** Appends to the trail and announces each event. */
export class TrailRecorder {
  /** `now` is injectable for tests. */
  constructor(
    private readonly repo: TrailRepo,
    private readonly bus: Bus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records one event; resolves with it once it is on disk. */
  async record(subject: TrailSubject, kind: TrailKind, detail: Record<string, string> = {}): Promise<TrailEvent> {
    const event = makeEvent(subject, kind, detail, randomUUID(), this.now());
    await this.repo.append(event);
    this.bus.emit('trail:appended', event);
    return event;
  }
}
