/**
 * `npm run size`: the bytes the login page's first-load scripts (the entry chunk and its
 * static imports, from Vite's manifest) take on the wire, against the 20 KB budget.
 *
 * It serves dist/client through the server's own static middleware (compression and
 * cache headers, server/http/static.ts) on a free port and requests each script as a
 * browser would: with `Accept-Encoding: br, gzip` (what Chromium sends over HTTPS) and
 * with `gzip, deflate` (what it sends over plain HTTP, as on a school LAN), counting the
 * bytes actually sent. Both must fit the budget. Pages loaded later with import() are
 * listed apart.
 */
import { readFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { compression, serveClient } from '../server/http/static';

const BUDGET = 20_000;
const dist = join(import.meta.dirname, '..', 'dist', 'client');
type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

const firstLoad = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.add(chunk.file);
  chunk.imports?.forEach(visit);
};
Object.entries(manifest)
  .filter(([, c]) => c.isEntry)
  .forEach(([k]) => visit(k));

/** GETs `path` with `acceptEncoding`: the bytes sent (not decoded) and the encoding used. */
function transferred(base: string, path: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode}`));
        else resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Row {
  file: string;
  raw: number;
  br: number;
  gzip: number;
}

async function measure(base: string, file: string): Promise<Row> {
  const raw = await transferred(base, `/${file}`, 'identity');
  const br = await transferred(base, `/${file}`, 'br, gzip');
  const gzip = await transferred(base, `/${file}`, 'gzip, deflate');
  return { file, raw: raw.bytes, br: br.bytes, gzip: gzip.bytes };
}

const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;
const line = (r: Row) =>
  `  ${r.file.padEnd(46)} ${kb(r.raw)} raw ${kb(r.br)} br ${kb(r.gzip)} gzip  (${((100 * r.br) / r.raw).toFixed(0)}%)`;

const app = express();
app.use(compression());
serveClient(app, dist);
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  const rows = await Promise.all([...firstLoad].map((file) => measure(base, file)));
  const total: Row = { file: 'total', raw: 0, br: 0, gzip: 0 };
  for (const r of rows) {
    total.raw += r.raw;
    total.br += r.br;
    total.gzip += r.gzip;
  }
  console.log('First load (login page), bytes on the wire:');
  rows.forEach((r) => console.log(line(r)));
  console.log(line(total));

  console.log('Loaded later, on the page that needs it:');
  const later = Object.values(manifest).filter((c) => !firstLoad.has(c.file) && c.file.endsWith('.js'));
  for (const c of later) console.log(line(await measure(base, c.file)));

  const worst = Math.max(total.br, total.gzip);
  const verdict = worst <= BUDGET ? 'within' : 'OVER';
  console.log(
    `first-load JavaScript transferred: ${(total.br / 1024).toFixed(1)} KB with brotli, ` +
      `${(total.gzip / 1024).toFixed(1)} KB with gzip, of ${(total.raw / 1024).toFixed(1)} KB raw ` +
      `(${((100 * total.br) / total.raw).toFixed(0)}% / ${((100 * total.gzip) / total.raw).toFixed(0)}%; ` +
      `${verdict} the ${BUDGET / 1000} KB (${BUDGET} bytes) budget)`,
  );
  if (worst > BUDGET) process.exitCode = 1;
} finally {
  server.close();
}
