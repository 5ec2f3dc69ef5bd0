/**
 * Serving the built client over the wire: response compression, cache headers and
 * the single-page-app fallback.
 *
 * - `/assets/<name>-<hash>.<ext>` (Vite's content-hashed output) is cached for a year, immutable;
 * - `index.html`, directly or as the fallback for an app route, is `no-cache` (always revalidated);
 * - other files (favicon, robots.txt) are cached for an hour;
 * - an unknown path that looks like a file (`/foo.png`) is a 404, not the app's HTML;
 *   an app route (`/portal`, no extension) gets index.html;
 * - a hashed script, stylesheet or SVG is compressed once at the strongest setting and kept
 *   (`precompressedAssets`), since it never changes: 10–30% fewer bytes than on the fly.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

/** The encodings kept for hashed assets, best first. */
export type Encoding = 'br' | 'gzip';

/** The best of brotli and gzip that an `Accept-Encoding` header accepts (q > 0), or undefined. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (name) accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/** Types worth compressing among the hashed assets (fonts and images are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.svg', '.json']);
/** Below this, compression saves too little to matter (the same threshold as `compression()`). */
const THRESHOLD = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** `bytes` compressed as strongly as `encoding` goes: slow (brotli 11), but done once a file. */
function compressHard(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipped(bytes, { level: constants.Z_BEST_COMPRESSION });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** One kept copy: the compressed bytes and what identifies the file they came from. */
interface Kept {
  body: Buffer;
  etag: string;
}

/**
 * Serves Vite's hashed scripts, stylesheets and SVGs in `dir` compressed at the strongest
 * setting (brotli 11, gzip 9), each made once and kept in memory. A file's first request
 * passes on to the usual on-the-fly compression while its strong copy is made in zlib's
 * thread pool, so no visitor ever waits for the slow setting; later requests get the copy.
 * A name changes with its content, so a copy never goes stale (a rebuild brings new names).
 */
export function precompressedAssets(dir: string): RequestHandler {
  const root = resolve(dir);
  const kept = new Map<string, Kept>();
  const making = new Set<string>();
  const make = async (file: string, encoding: Encoding, key: string) => {
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size < THRESHOLD) return;
      const body = await compressHard(await readFile(file), encoding);
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}-${encoding}"`;
      kept.set(key, { body, etag });
    } catch {
      // A missing or unreadable file: the usual path answers it (a 404).
    } finally {
      making.delete(key);
    }
  };
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isHashedAsset(req.path)) return next();
    const extension = extname(req.path).toLowerCase();
    const encoding = preferredEncoding(req.get('accept-encoding'));
    if (!COMPRESSIBLE.has(extension) || !encoding) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = resolve(root, `.${relative}`);
    if (!file.startsWith(root + sep) || relative.split('/').includes('..')) return next();
    const key = `${encoding}:${file}`;
    const copy = kept.get(key);
    if (!copy) {
      if (!making.has(key)) {
        making.add(key);
        void make(file, encoding, key);
      }
      return next();
    }
    res.type(extension);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('ETag', copy.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', copy.body.length);
    if (req.method === 'HEAD') res.end();
    else res.end(copy.body);
  };
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
  app.use(precompressedAssets(dir));
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
