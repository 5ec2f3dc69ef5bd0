/**
 * Per-user rate limits for posting and sending, on rate-limiter-flexible.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './errors';
import type { Actor } from './policy';
import type { TrailRecorder } from './recorder';

/** A refused action: `first` is true for the first refusal of a window (record that one only). */
export class ThrottledError extends DomainError {
  constructor(
    message: string,
    readonly first: boolean,
    readonly retryAfterMs: number,
  ) {
    super('rate_limited', 'rate_limited', message);
  }
}

/** A limit of `points` actions per `seconds`, per key. */
export class Throttle {
  private readonly limiter: RateLimiterMemory;

  /** `points` actions allowed per `seconds` window for each key. */
  constructor(
    private readonly points: number,
    seconds: number,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: seconds });
  }

  /** Takes one action for `key`; throws a `ThrottledError` when the key is over its limit. */
  async take(key: string, message = 'You are doing that too often. Wait a moment and try again.'): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes)
        throw new ThrottledError(message, err.consumedPoints === this.points + 1, err.msBeforeNext);
      throw err;
    }
  }
}

/**
 * Takes one `action` for the actor; over the limit, records `throttled` in the trail on the
 * first refusal of the window only (so a loop cannot bury other events), then refuses with 429.
 */
export async function takeRecorded(
  throttle: Throttle,
  recorder: TrailRecorder,
  actor: Pick<Actor, 'userId' | 'username' | 'role' | 'sessionId'>,
  action: string,
  message?: string,
): Promise<void> {
  try {
    await throttle.take(actor.userId, message);
  } catch (err) {
    if (err instanceof ThrottledError && err.first)
      await recorder.record({ username: actor.username, role: actor.role, sessionId: actor.sessionId }, 'throttled', {
        action,
      });
    throw err;
  }
}
