/**
 * Same-origin checks shared by both transports: a browser names the page that
 * sent a request in `Origin` (or, failing that, says `Sec-Fetch-Site: same-origin`).
 */
import type { IncomingMessage } from 'node:http';

/** This server's own origin as the browser sees it (`proto://host`). */
export function ownOrigin(req: IncomingMessage, trustProxy: unknown): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const proto = forwarded || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  return `${proto}://${req.headers.host ?? ''}`;
}

/** Whether `origin` is this server's or one of the configured `allowed` ones. */
export function originMatches(req: IncomingMessage, origin: string, allowed: readonly string[], trustProxy: unknown) {
  return origin === ownOrigin(req, trustProxy) || allowed.includes(origin);
}

/**
 * Whether a request that changes or records something comes from this site's own pages:
 * an `Origin` that matches, or (a browser that sent none) `Sec-Fetch-Site: same-origin`.
 * A request with neither is refused: it cannot be told apart from a forged one.
 */
export function writeFromOwnPage(req: IncomingMessage, allowed: readonly string[], trustProxy: unknown): boolean {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '' && origin !== 'null')
    return originMatches(req, origin, allowed, trustProxy);
  if (origin === 'null') return false; // sandboxed frames, file: pages, some redirects
  return req.headers['sec-fetch-site'] === 'same-origin';
}
