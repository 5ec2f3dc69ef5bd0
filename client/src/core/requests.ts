/**
 * What screens do around their API calls: keep only the newest of overlapping fetches,
 * and say in words why a fetch or an action failed.
 */
import { msg } from '@lit/localize';
import { ApiFailure } from './api';
import { codeText } from './error-text';

/** Handlers of one `Latest.run`: each runs only if no newer run started meanwhile. */
export interface LatestHandlers<T> {
  use: (value: T) => void;
  fail: (error: unknown) => void;
  /** After `use` or `fail`. */
  settle?: () => void;
}

/** Overlapping fetches of the same thing (a filter changed, a push asked again): only the newest one's answer counts. */
export class Latest {
  private seq = 0;

  /** Start a fetch; the function says whether it is still the newest. */
  start(): () => boolean {
    const seq = ++this.seq;
    return () => seq === this.seq;
  }

  /** Run `fetch`, handing its answer or failure on unless a newer run has started since. */
  async run<T>(fetch: () => Promise<T>, handlers: LatestHandlers<T>): Promise<void> {
    const current = this.start();
    try {
      const value = await fetch();
      if (current()) handlers.use(value);
    } catch (error) {
      if (current()) handlers.fail(error);
    } finally {
      if (current()) handlers.settle?.();
    }
  }
}

/** Why a screen's data did not load: `forbidden` for a 403, else `otherwise`. */
export function loadFailureText(error: unknown, forbidden: string, otherwise: string): string {
  return error instanceof ApiFailure && error.status === 403 ? forbidden : otherwise;
}

/** Why an action failed: the words for the server's refusal, else that it could not be reached. */
export function actionFailureText(error: unknown): string {
  return error instanceof ApiFailure && error.status !== 0 && error.status < 500
    ? (codeText(error.code) ?? msg('The server refused this. Check what you entered and try again.'))
    : msg('The server could not be reached. Try again in a moment.');
}
