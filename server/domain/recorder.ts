/**
 * Records trail events: builds them, waits for the append to reach disk,
 * then announces them on the bus so live consoles see them.
 */
import { randomUUID } from 'node:crypto';
import type { TrailEvent, TrailKind } from '../protocol/api';
import type { Bus } from './bus';
import type { SessionsRepo, TrailRepo } from './ports';
import { makeEvent, type TrailContext, type TrailSubject } from './trail';

/** The mode and running round of a session at record time (undefined for an unknown session). */
export type TrailContextOf = (sessionId: string) => TrailContext | undefined;

/** Reads a session's mode and running round from the sessions repository. */
export function sessionContext(sessions: Pick<SessionsRepo, 'get'>): TrailContextOf {
  return (sessionId) => {
    const s = sessions.get(sessionId);
    if (!s) return undefined;
    const round = s.class?.round;
    return round ? { mode: s.mode, round: round.number } : { mode: s.mode };
  };
}

/** A person's display name in a session, by user name (undefined when unknown). */
export type NameOf = (sessionId: string, username: string) => string | undefined;

/**
 * What to record right after an event, if anything (e.g. the device's screen snapshot after a page
 * view): recorded for the same subject, and awaited before the first event's write resolves.
 */
export type FollowUp = (event: TrailEvent) => { kind: TrailKind; detail: Record<string, string> } | undefined;

/** Appends to the trail and announces each event. */
export class TrailRecorder {
  private readonly followUps: FollowUp[] = [];

  /**
   * `now` is injectable for tests; `contextOf` tags each event with its session's mode and
   * running round at record time (untagged without it), `nameOf` with the person's display name.
   */
  constructor(
    private readonly repo: TrailRepo,
    private readonly bus: Bus,
    private readonly now: () => Date = () => new Date(),
    private readonly contextOf?: TrailContextOf,
    private readonly nameOf?: NameOf,
  ) {}

  /** Records one event; resolves with it once it is on disk. */
  async record(subject: TrailSubject, kind: TrailKind, detail: Record<string, string> = {}): Promise<TrailEvent> {
    const name = subject.username ? this.nameOf?.(subject.sessionId, subject.username) : undefined;
    const event = makeEvent(subject, kind, detail, randomUUID(), this.now(), this.contextOf?.(subject.sessionId), name);
    await this.repo.append(event);
    this.bus.emit('trail:appended', event);
    for (const followUp of this.followUps) {
      const next = followUp(event);
      if (next) await this.record(subject, next.kind, next.detail);
    }
    return event;
  }

  /** Records what `followUp` asks for after each event (see `FollowUp`). */
  follow(followUp: FollowUp): void {
    this.followUps.push(followUp);
  }
}
