/**
 * `npm run size`: gzipped size of every script the login page loads before any
 * interaction (the entry chunk and its static imports, from Vite's manifest),
 * against the 50 KB budget. Pages loaded later with import() are listed apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 50 * 1024;
const dist = join(import.meta.dirname, '..', 'dist', 'client');
type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
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

let total = 0;
console.log('First load (login page):');
for (const file of firstLoad) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${(size / 1024).toFixed(1).padStart(7)} KB gz`);
}
console.log('Loaded later, on the page that needs it:');
for (const c of Object.values(manifest)) {
  if (!firstLoad.has(c.file) && c.file.endsWith('.js'))
    console.log(`  ${c.file.padEnd(48)} ${(gz(c.file) / 1024).toFixed(1).padStart(7)} KB gz`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${verdict} the 50 KB budget)`);
if (total > BUDGET) process.exit(1);
