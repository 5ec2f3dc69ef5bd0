/**
 * Korean throughout: every `msg()` string of the client has a Korean translation in
 * `client/xliff/ko.xlf` (extracted afresh from the code, so a new string without one fails here),
 * each translation keeps its placeholders and is Korean, and the generated locale module the
 * client loads holds every one of them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const XLIFF = join(ROOT, 'client/xliff/ko.xlf');
const GENERATED = join(ROOT, 'client/src/generated/locales/ko.ts');
const PLACEHOLDER = /<x id="[^"]*" equiv-text="[^"]*"\/>/g;
const HANGUL = /[\uac00-\ud7af]/u;

interface Unit {
  id: string;
  source: string;
  target: string | undefined;
}

function unitsOf(xliff: string): Unit[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">((?:(?!<\/trans-unit>)[\s\S])*)<\/trans-unit>/g)].map(
    ([, id = '', body = '']) => ({
      id,
      source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
      target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
    }),
  );
}

let committed: Unit[];
let extracted: Unit[];
let tmp: string;

beforeAll(async () => {
  committed = unitsOf(await readFile(XLIFF, 'utf8'));
  // Extract the code's strings as they are now, into a scratch folder (the committed file is not touched).
  tmp = await mkdtemp(join(tmpdir(), 'cis-xliff-'));
  const config = join(tmp, 'lit-localize.json');
  await writeFile(
    config,
    JSON.stringify({
      sourceLocale: 'en',
      targetLocales: ['ko'],
      tsConfig: join(ROOT, 'tsconfig.json'),
      inputFiles: [join(ROOT, 'client/src/**/*.ts')],
      output: { mode: 'runtime', outputDir: join(tmp, 'out') },
      interchange: { format: 'xliff', xliffDir: join(tmp, 'xliff') },
    }),
  );
  const cli = join(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
  await promisify(execFile)(process.execPath, [cli, 'extract', '--config', config], { cwd: ROOT });
  extracted = unitsOf(await readFile(join(tmp, 'xliff/ko.xlf'), 'utf8'));
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the Korean translation of the client', () => {
  it('has an entry for every msg() string in the code, and none left over', () => {
    expect(extracted.length).toBeGreaterThan(900);
    const have = new Set(committed.map((u) => u.id));
    const missing = extracted.filter((u) => !have.has(u.id)).map((u) => u.source);
    expect(missing, 'run `npx lit-localize extract --config client/lit-localize.json` and translate').toEqual([]);
    const wanted = new Set(extracted.map((u) => u.id));
    expect(committed.filter((u) => !wanted.has(u.id)).map((u) => u.source)).toEqual([]);
  });

  it('translates every one, keeping its placeholders, into Korean', () => {
    const faults = committed.flatMap((u) => {
      if (!u.target?.trim()) return [`${u.id} has no translation: ${u.source}`];
      const same =
        [...u.source.matchAll(PLACEHOLDER)].map(String).sort().join('') ===
        [...u.target.matchAll(PLACEHOLDER)].map(String).sort().join('');
      if (!same) return [`${u.id} changes its placeholders: ${u.target}`];
      const words = u.source.replace(PLACEHOLDER, '');
      if (/[A-Za-z]{3,}/.test(words) && !HANGUL.test(u.target.replace(PLACEHOLDER, '')))
        return [`${u.id} is not Korean: ${u.target}`];
      return [];
    });
    expect(faults).toEqual([]);
  });

  it('is in the locale module the client loads (regenerated from the XLIFF)', async () => {
    const generated = await readFile(GENERATED, 'utf8');
    const missing = committed.filter((u) => !generated.includes(`'${u.id}'`)).map((u) => u.id);
    expect(missing, 'run `npx lit-localize build --config client/lit-localize.json`').toEqual([]);
  });
});
