/**
 * The default pack in Korean: every file a visitor can meet is translated (a text left in English
 * fails here), keeps the English file's structure and ids, and the Korean pack is valid as a whole
 * (its cast lines pass its filter, its files carry fiction labels).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../test/memory';
import { loadPack } from '../store/pack-loader';
import { PACK_FILES } from './pack';
import { checkTranslation, UNTRANSLATED_FILES, untranslated } from './pack-locale';

const read = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;
const translated = Object.keys(PACK_FILES).filter((f) => !UNTRANSLATED_FILES.has(f));

describe('the default pack in Korean', () => {
  it('loads, validated as a whole', async () => {
    const pack = await loadPack(DEFAULT_PACK_DIR);
    const ko = pack.locales?.ko;
    expect(ko).toBeDefined();
    expect(ko?.personas.map((p) => p.username)).toEqual(pack.personas.map((p) => p.username));
    expect(ko?.sites.map((s) => s.address)).toEqual(pack.sites.map((s) => s.address));
    expect(ko?.cast.members.find((m) => m.kind === 'bureau')?.displayName).toMatch(/[\uac00-\ud7af]/u);
  });

  it.each(translated)('%s has every text a visitor meets in Korean', async (file) => {
    const en = await read(join(DEFAULT_PACK_DIR, file));
    const ko = await read(join(DEFAULT_PACK_DIR, 'locales', 'ko', file));
    expect(checkTranslation(file, en, ko)).toBeUndefined();
    expect(untranslated(file, en, ko)).toEqual([]);
  });
});

describe('checking a translation', () => {
  it('refuses a changed id, a missing key or a shorter list, naming the field', () => {
    const en = {
      items: [
        { id: 'a', title: 'One' },
        { id: 'b', title: 'Two' },
      ],
    };
    expect(
      checkTranslation('x.json', en, {
        items: [
          { id: 'a', title: '하나' },
          { id: 'c', title: '둘' },
        ],
      }),
    ).toEqual({
      field: 'items[1].id',
      problem: 'must stay "b" (it is not translated)',
    });
    expect(checkTranslation('x.json', en, { items: [{ id: 'a' }, { id: 'b', title: '둘' }] })?.problem).toBe(
      'lacks "title"',
    );
    expect(checkTranslation('x.json', en, { items: [{ id: 'a', title: '하나' }] })?.field).toBe('items');
    // A number or a switch stays: a quiz item's truth, a file's signature.
    expect(checkTranslation('quiz.json', { truth: true, text: 'Yes' }, { truth: false, text: '네' })).toEqual({
      field: 'truth',
      problem: 'must stay true (it is not translated)',
    });
    expect(
      untranslated('x.json', en, {
        items: [
          { id: 'a', title: '하나' },
          { id: 'b', title: 'Two' },
        ],
      }),
    ).toEqual(['items[1].title']);
  });
});
