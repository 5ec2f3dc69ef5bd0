/**
 * Per-user rate limits for posting and sending, on rate-limiter-flexible.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './errors';

/** A limit of `points` actions per `seconds`, per key. */
export class Throttle {
  private readonly limiter: RateLimiterMemory;

  /** `points` actions allowed per `seconds` window for each key. */
  constructor(points: number, seconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: seconds });
  }

  /** Takes one action for `key`; throws a rate_limited DomainError when the key is over its limit. */
  async take(key: string, message = 'You are doing that too often. Wait a moment and try again.'): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new DomainError('rate_limited', 'rate_limited', message);
      throw err;
    }
  }
}
