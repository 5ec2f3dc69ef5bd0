/**
 * The typed HTTP client for the server's JSON API (same origin, cookie auth): `request`
 * and its `ApiFailure`. Each area declares its own calls beside its elements (`auth/api.ts`,
 * `boards/api.ts`, …), so a screen loads only the calls it makes.
 * Every call throws an `ApiFailure` on a non-2xx answer, so callers can branch on
 * `status` and `code` instead of parsing bodies themselves.
 */
import type { ApiError } from '../../../server/protocol/api';
import { getLocale } from './localization';

/** A failed API call: the HTTP status and the server's error code and message. */
export class ApiFailure extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  /** Machine-readable code from `{error:{code}}`, or a client-made one. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
  }
}

/** Called whenever a logged-in call answers 401: the session is gone. */
export type UnauthorizedListener = (failure: ApiFailure) => void;

const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Subscribe to "the server no longer knows this user" (any 401 outside the login call).
 * Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Called after every write the server answered (the kiosk's tour reads its progress again). */
const writeListeners = new Set<() => void>();

/** Subscribe to "a write went through"; returns the unsubscribe function. */
export function onWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** One JSON call to `/api<path>`; throws an `ApiFailure` on any non-2xx answer. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    // Every write is JSON (the server refuses any other type, so a cross-site form cannot forge one).
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      // Content comes back in the language shown (the server reads Accept-Language first).
      headers:
        method === 'GET'
          ? { accept: 'application/json', 'accept-language': getLocale() }
          : { accept: 'application/json', 'accept-language': getLocale(), 'content-type': 'application/json' },
      body: method === 'GET' ? null : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiFailure(0, 'network_error', 'The server could not be reached.');
  }
  // A write the server answered, accepted or refused (a filtered post is recorded too).
  if (method !== 'GET') for (const listener of writeListeners) listener();
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = isApiError(parsed)
      ? new ApiFailure(response.status, parsed.error.code, parsed.error.message)
      : new ApiFailure(response.status, 'http_error', response.statusText || 'Request failed.');
    // /me answering 401 is the ordinary "not logged in"; login's 401 is a wrong password.
    if (response.status === 401 && path !== '/auth/login' && path !== '/me') {
      for (const listener of unauthorizedListeners) listener(failure);
    }
    throw failure;
  }
  return parsed as T;
}

/** `encodeURIComponent`, short, for ids in paths. */
export const enc = encodeURIComponent;

/** `?a=1&b=2` from the defined, non-empty entries of `query`, or '' when there are none. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
