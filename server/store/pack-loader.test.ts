/**
 * A broken pack stops start-up naming the file, the line and the field: the simulated cast's
 * scripts as much as any other file (a schema fault, a cross-file fault, broken JSON).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { PackError } from '../domain/pack';
import { DEFAULT_PACK_DIR } from '../test/memory';
import { lineOfField, loadPack } from './pack-loader';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cis-pack-'));
  await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Replaces the first `from` in a pack file, as someone editing it by hand would. */
async function edit(file: string, from: string | RegExp, to: string): Promise<string> {
  const text = await readFile(join(dir, file), 'utf8');
  expect(text).toMatch(from);
  const changed = text.replace(from, to);
  await writeFile(join(dir, file), changed);
  return changed;
}

/** The line (from 1) of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

async function failure(): Promise<PackError> {
  const err = await loadPack(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PackError);
  return err as PackError;
}

describe('a broken cast script', () => {
  it('names the file, the line and the field of a reply by a cast member that does not exist', async () => {
    const text = await edit(
      'cast.json',
      /"member": "so-hye-gyong",(\s*)"text": "Reminder/,
      '"member": "nobody",$1"text": "Reminder',
    );
    const err = await failure();
    expect(err.line).toBe(lineOf(text, '"member": "nobody"'));
    expect(err.field).toBe('rooms[0].ambient.lines[1].member');
    expect(err.message).toBe(
      `${join(dir, 'cast.json')}:${err.line} → rooms[0].ambient.lines[1].member: no cast member "nobody"`,
    );
  });

  it('names the line of a schema fault (a cast user name a person could have)', async () => {
    const text = await edit('cast.json', '"username": "cast_kim_yong_su"', '"username": "kim"');
    const err = await failure();
    expect(err.field).toBe('members[1].username');
    expect(err.line).toBe(lineOf(text, '"username": "kim"'));
    expect(err.message).toContain('cast.json:');
    expect(err.message).toContain('must start with cast_');
  });

  it('names a line the filter would block, and a delay range upside down', async () => {
    await edit('cast.json', 'Very instructive.', 'Very instructive, unlike freedom.');
    expect((await failure()).problem).toMatch(/filter would block/);
    await edit('cast.json', 'Very instructive, unlike freedom.', 'Very instructive.');
    const text = await edit('cast.json', '"replyDelaySeconds": [2, 5]', '"replyDelaySeconds": [9, 5]');
    const err = await failure();
    expect(err.field).toBe('replyDelaySeconds');
    expect(err.line).toBe(lineOf(text, '"replyDelaySeconds"'));
  });

  it('names the line of broken JSON', async () => {
    const text = await edit('cast.json', '"kind": "bureau"', '"kind": "bureau",,');
    const err = await failure();
    expect(err.line).toBe(lineOf(text, ',,'));
    expect(err.message).toMatch(/cast\.json:\d+: not valid JSON/);
  });

  it('stops the app from starting', async () => {
    await edit('cast.json', '"placardId": "simulated-cast"', '"placardId": "no-such-placard"');
    const err = await buildApp({
      ...loadConfig({ QUIET: 'true' }),
      dataDir: join(dir, 'data'),
      scenarioDir: dir,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).message).toMatch(/cast\.json:2 → placardId: no placard "no-such-placard"/);
  });
});

describe('a broken translation', () => {
  it('names the Korean file, the line and the field of a changed address', async () => {
    const text = await edit(join('locales', 'ko', 'sites.json'), '"address": "news.intra"', '"address": "news.kp"');
    const err = await failure();
    expect(err.file).toBe(join(dir, 'locales', 'ko', 'sites.json'));
    expect(err.line).toBe(lineOf(text, '"address": "news.kp"'));
    expect(err.problem).toBe('must stay "news.intra" (it is not translated)');
  });

  it('validates the translated pack as a whole: a Korean cast line the filter would block', async () => {
    const file = join('locales', 'ko', 'cast.json');
    const ko = JSON.parse(await readFile(join(dir, file), 'utf8'));
    ko.rooms[0].ambient.lines[0].text = '자유를 위하여';
    await writeFile(join(dir, file), JSON.stringify(ko, null, 2));
    const err = await failure();
    expect(err.file).toBe(join(dir, file));
    expect(err.field).toBe('rooms[0].ambient.lines[0].text');
    expect(err.problem).toMatch(/filter would block/);
    expect(err.line).toBeGreaterThan(1);
  });
});

describe('the line of a field', () => {
  it('finds nested fields and falls back to the nearest part that exists', () => {
    const text = '{\n  "a": [\n    { "b": 1 },\n    {\n      "c": 2\n    }\n  ]\n}\n';
    expect(lineOfField(text, 'a[1].c')).toBe(5);
    expect(lineOfField(text, 'a[0].b')).toBe(3);
    expect(lineOfField(text, 'a[1].missing')).toBe(4);
    expect(lineOfField(text, '')).toBe(1);
  });
});
