/**
 * Serving the client over the wire: compression, cache headers, favicon and robots.txt,
 * and 404 (not the app's HTML) for unknown files. Uses a tiny client dir of its own,
 * so it does not depend on `npm run build`.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, NO_CACHE, SHORT, isHashedAsset, looksLikeFile, preferredEncoding } from './static';
import { loginAs, startServer, type TestServer } from '../test/harness';

const INDEX = '<!doctype html><title>test client</title><cis-app></cis-app>';
/** Big and repetitive enough to be compressed (the threshold is 1 KB). */
const SCRIPT = `export const greeting = ${JSON.stringify('hello, comrade. '.repeat(400))};\n`;
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"/></svg>';
const ICO = Buffer.from([0, 0, 1, 0, 0, 0]); // an empty icon directory is enough to check the type
const ROBOTS = 'User-agent: *\nDisallow: /\n';

/** A stylesheet of its own, so the kept-copy test sees its very first request. */
const STYLES = Array.from(
  { length: 400 },
  (_, i) => `.c${i} { color: #${((i * 7919) % 4096).toString(16).padStart(3, '0')}; margin: ${i % 17}px; }`,
).join('\n');

/** A raw GET (or `method`): the bytes as sent (not decompressed) and the headers. */
function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let server: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'cis-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), INDEX);
  await writeFile(join(clientDir, 'assets', 'app-abc123.js'), SCRIPT);
  await writeFile(join(clientDir, 'assets', 'styles-def456.css'), STYLES);
  await writeFile(join(clientDir, 'favicon.svg'), ICON);
  await writeFile(join(clientDir, 'favicon.ico'), ICO);
  await writeFile(join(clientDir, 'robots.txt'), ROBOTS);
  server = await startServer({ clientDir });
});

afterAll(async () => {
  await server?.stop();
  await rm(clientDir, { recursive: true, force: true });
});

describe('the built client over the wire', () => {
  it('serves a hashed asset as immutable for a year, brotli- or gzip-compressed as asked', async () => {
    const br = await get(server.url, '/assets/app-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get(server.url, '/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get(server.url, '/assets/app-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('keeps a strongest-compressed copy of a hashed asset after its first request, and revalidates it', async () => {
    const path = '/assets/styles-def456.css';
    const strongest = brotliCompressSync(Buffer.from(STYLES), {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    });
    // The first request is compressed on the fly (nobody waits for brotli 11), and has the copy made.
    const first = await get(server.url, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(first.body).toString()).toBe(STYLES);
    let later = first;
    for (let i = 0; i < 100 && !String(later.headers.etag).endsWith('-br"'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await get(server.url, path, { 'accept-encoding': 'gzip, deflate, br' });
    }
    expect(later.body.length).toBe(strongest.length);
    expect(later.body.length).toBeLessThan(first.body.length);
    expect(brotliDecompressSync(later.body).toString()).toBe(STYLES);
    expect(later.headers['content-type']).toMatch(/^text\/css/);
    expect(later.headers['cache-control']).toBe(IMMUTABLE);
    expect(later.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(later.headers['content-length'])).toBe(strongest.length);

    const etag = String(later.headers.etag);
    const again = await get(server.url, path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(server.url, path, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(strongest.length));

    // gzip has its own copy (and its own ETag); identity is the file as it is.
    let gz = await get(server.url, path, { 'accept-encoding': 'gzip' });
    for (let i = 0; i < 100 && !String(gz.headers.etag).endsWith('-gzip"'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      gz = await get(server.url, path, { 'accept-encoding': 'gzip' });
    }
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).not.toBe(etag);
    expect(gunzipSync(gz.body).toString()).toBe(STYLES);
    const plain = await get(server.url, path, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(STYLES);
  });

  it('never serves a kept copy from outside the client directory', async () => {
    const res = await get(server.url, '/assets/../../../etc/passwd-abcdef.css', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
  });

  it('serves index.html with no-cache, for an app route and asked for by name', async () => {
    for (const path of ['/', '/login', '/portal', '/index.html']) {
      const res = await get(server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], path).toBe(NO_CACHE);
      expect(res.body.toString(), path).toBe(INDEX);
    }
  });

  it('answers favicon.ico, favicon.svg and robots.txt with their own types, cached briefly', async () => {
    const ico = await get(server.url, '/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(ico.headers['cache-control']).toBe(SHORT);

    const svg = await get(server.url, '/favicon.svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);

    const robots = await get(server.url, '/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body.toString()).toBe(ROBOTS);
  });

  it('answers an unknown file with 404, not the app', async () => {
    for (const path of ['/foo.png', '/assets/gone-abc123.js', '/deep/path/x.css', '/.vite/manifest.json']) {
      const res = await get(server.url, path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).not.toMatch(/html/);
    }
  });

  it('still compresses JSON API answers and keeps them readable', async () => {
    const elite = await loginAs(server.url, 'elite');
    const res = await get(server.url, '/api/sites', { cookie: elite.cookie, 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(JSON.parse(body.toString())).toHaveProperty('sites');
    const api404 = await get(server.url, '/api/nothing-here.json');
    expect(api404.status).toBe(404);
    expect(api404.headers['content-type']).toMatch(/json/);
  });
});

describe('choosing an encoding', () => {
  it('takes brotli over gzip when both are accepted, and honours q=0', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('BR;q=0.5')).toBe('br');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*, br;q=0')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeUndefined();
    expect(preferredEncoding('gzip;q=0')).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
    expect(preferredEncoding('')).toBeUndefined();
  });
});

describe('path rules', () => {
  it('knows a hashed asset and a file-looking path', () => {
    expect(isHashedAsset('/assets/index-BFfCyAz-.js')).toBe(true);
    expect(isHashedAsset('/assets/cis-overview-page-BZ-6oFLK.js')).toBe(true);
    expect(isHashedAsset('/assets/app-abc123.css')).toBe(true);
    expect(isHashedAsset('/favicon.ico')).toBe(false);
    expect(isHashedAsset('/assets/logo.png')).toBe(false);
    expect(looksLikeFile('/robots.txt')).toBe(true);
    expect(looksLikeFile('/a/b.tar.gz')).toBe(true);
    expect(looksLikeFile('/portal')).toBe(false);
    expect(looksLikeFile('/')).toBe(false);
  });
});
