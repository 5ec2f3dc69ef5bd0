/**
 * Domain failures with the HTTP-independent code a transport maps to a status.
 */

/** Codes every transport understands; the HTTP layer maps them to statuses. */
export type FailureKind =
  | 'bad_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'filtered'
  | 'rate_limited'
  /** A class session is paused (or ended): writes wait (HTTP 423). */
  | 'paused';

/** An expected failure: shown to the client with its code and message. */
export class DomainError extends Error {
  /** Creates a failure of `kind` with a stable `code` and a human message. */
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for the common forbidden case. */
export function forbidden(message = 'Your role may not do this.'): DomainError {
  return new DomainError('forbidden', 'forbidden', message);
}
