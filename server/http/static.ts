/**
 * Serving the built client over the wire: response compression, cache headers and
 * the single-page-app fallback.
 *
 * - `/assets/<name>-<hash>.<ext>` (Vite's content-hashed output) is cached for a year, immutable;
 * - `index.html`, directly or as the fallback for an app route, is `no-cache` (always revalidated);
 * - other files (favicon, robots.txt) are cached for an hour;
 * - an unknown path that looks like a file (`/foo.png`) is a 404, not the app's HTML;
 *   an app route (`/portal`, no extension) gets index.html.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { constants } from 'node:zlib';
import compressionMiddleware from 'compression';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';

/** Cache-Control of content-hashed assets: the name changes whenever the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of index.html: revalidate every time, so a new build is picked up at once. */
export const NO_CACHE = 'no-cache';
/** Cache-Control of the other public files. */
export const SHORT = 'public, max-age=3600';

/** Vite's hashed output under assets/: `index-BxYz12_a.js`, `cis-portal-C0ffee12.css`. */
const HASHED_ASSET = /^\/assets\/(?:[^/]+\/)*[^/]+-[A-Za-z0-9_-]{6,}\.[a-z0-9]+$/i;

/** Whether `urlPath` (no query) names one of Vite's content-hashed assets. */
export function isHashedAsset(urlPath: string): boolean {
  return HASHED_ASSET.test(urlPath);
}

/** Whether the last segment of `urlPath` has a file extension (`/robots.txt`, `/a/b.png`; not `/portal`). */
export function looksLikeFile(urlPath: string): boolean {
  return /\.[^/.]+$/.test(basename(urlPath));
}

/**
 * Compresses responses (brotli when the browser offers it, else gzip) over 1 KB.
 * Brotli quality 5 comes out about 4% smaller than gzip on the client's scripts, in a few
 * milliseconds each (the package's default, 4, is larger than gzip; 11 costs ~50 ms a script).
 * socket.io never passes through Express (it answers its own requests on the HTTP
 * server), and `text/event-stream` is left alone: a compressed stream would sit in the
 * compressor's buffer instead of reaching the browser event by event.
 */
export function compression(): RequestHandler {
  return compressionMiddleware({
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (req: Request, res: Response) => {
      if (req.path.startsWith('/socket.io/')) return false;
      if (/^text\/event-stream/i.test(String(res.getHeader('Content-Type') ?? ''))) return false;
      return compressionMiddleware.filter(req, res);
    },
  });
}

function setCacheHeaders(res: Response, file: string): void {
  const urlPath = res.req.path;
  if (file.endsWith('.html')) res.setHeader('Cache-Control', NO_CACHE);
  else if (isHashedAsset(urlPath)) res.setHeader('Cache-Control', IMMUTABLE);
  else res.setHeader('Cache-Control', SHORT);
}

/** Serves the built client in `dir`: its files with cache headers, index.html for app routes. */
export function serveClient(app: Express, dir: string): void {
  const index = join(dir, 'index.html');
  app.use(express.static(dir, { index: false, cacheControl: false, setHeaders: setCacheHeaders }));
  app.get(/^\/(?!api\/|api$|socket\.io\/).*/, (req, res) => {
    if (looksLikeFile(req.path)) {
      res.status(404).type('text/plain').send('Not found.');
      return;
    }
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', NO_CACHE);
    res.sendFile(index);
  });
}
