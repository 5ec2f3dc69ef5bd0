/**
 * A pack's translations: `locales/<locale>/<file>.json` beside the pack's own files, each a full
 * copy of the English file with its visitor-facing text translated. A translation must keep the
 * structure and every id, name of a thing, enum, date and address exactly (the checks here), and
 * is then validated like the pack itself. Pure: the loader reads the files.
 */

/** The locales a pack may be translated into, besides its own English. */
export const PACK_LOCALES = ['ko'] as const;
/** A locale of a pack translation. */
export type PackLocale = (typeof PACK_LOCALES)[number];

/** Files that are never translated: the filter's word list already holds every language. */
export const UNTRANSLATED_FILES = new Set(['filter.json']);

/** Keys whose values are ids, names of things, enums, dates or citations: a translation keeps them. */
const KEEP = new Set([
  'id',
  'site',
  'section',
  'date',
  'username',
  'role',
  'kind',
  'network',
  'app',
  'address',
  'roles',
  'readRoles',
  'postRoles',
  'board',
  'member',
  'room',
  'placardId',
  'fileId',
  'persona',
  'createdAt',
  'copiedIn',
  'callNumber',
  'nameBlocklist',
  'time',
  'code',
  'mode',
  'modes',
  'to',
  'threadId',
  'domestic',
  'foreign',
  'unreachablePlacardId',
  'deniedPlacardId',
  'articlePlacardId',
  'searchPlacardId',
  'monitorPlacardId',
  'bulletinSite',
  'source',
  'password',
  'rooms',
  'personas',
  'persona',
  'action',
  'rule',
  'path',
  'doneWhen',
  'kinds',
  'stickFileId',
  'endingPlacardId',
]);
/** Arrays a translation may lengthen: trigger phrases keep the English and add the translation's. */
const VARIABLE = new Set(['match', 'slogans']);

function kept(file: string, key: string): boolean {
  if (file === 'boards.json' && key === 'author') return true; // a persona's user name there
  if (file === 'media.json') return key !== 'label';
  return KEEP.has(key);
}

/** A fault of a translation: the field (dotted path) and what is wrong. */
export interface LocaleFault {
  field: string;
  problem: string;
}

/** Compares a translated file with the English one; the first fault, or undefined. */
export function checkTranslation(file: string, en: unknown, tr: unknown): LocaleFault | undefined {
  const walk = (a: unknown, b: unknown, path: string, key: string): LocaleFault | undefined => {
    const at = (p: string) => ({ field: path, problem: p });
    if (Array.isArray(a)) {
      if (!Array.isArray(b)) return at('must be a list, as in the English file');
      if (VARIABLE.has(key)) return undefined;
      if (a.length !== b.length) return at(`has ${b.length} items, the English file ${a.length}`);
      for (let i = 0; i < a.length; i++) {
        const fault = walk(a[i], b[i], `${path}[${i}]`, key);
        if (fault) return fault;
      }
      return undefined;
    }
    if (a !== null && typeof a === 'object') {
      if (b === null || typeof b !== 'object' || Array.isArray(b))
        return at('must be an object, as in the English file');
      const ka = Object.keys(a).sort();
      const kb = Object.keys(b).sort();
      const missing = ka.find((k) => !kb.includes(k));
      if (missing !== undefined) return at(`lacks "${missing}"`);
      const extra = kb.find((k) => !ka.includes(k));
      if (extra !== undefined) return at(`has "${extra}", which the English file does not`);
      for (const k of ka) {
        const fault = walk(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
          path ? `${path}.${k}` : k,
          k,
        );
        if (fault) return fault;
      }
      return undefined;
    }
    if (typeof a !== typeof b) return at(`must be a ${typeof a}, as in the English file`);
    // Numbers and switches (a quiz item's truth, a file's signature, limits, delays) are never translated.
    if ((typeof a !== 'string' || kept(file, key)) && a !== b)
      return at(`must stay ${JSON.stringify(a)} (it is not translated)`);
    return undefined;
  };
  return walk(en, tr, '', '');
}

const HANGUL = /[\uac00-\ud7af]/u;
const LETTERS = /[A-Za-z]{3,}/u;

/**
 * Text a visitor would meet that was left in English: every translatable string of the English
 * file with a word in it, whose translation is the same or has no Korean letter. Answers the paths.
 */
export function untranslated(file: string, en: unknown, tr: unknown): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string, key: string) => {
    if (Array.isArray(a)) {
      if (!Array.isArray(b)) return;
      if (VARIABLE.has(key)) {
        // Trigger phrases and slogans: the translation must add some Korean.
        if (a.length > 0 && !b.some((x) => typeof x === 'string' && HANGUL.test(x))) out.push(path);
        return;
      }
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, key));
      return;
    }
    if (a !== null && typeof a === 'object') {
      if (b === null || typeof b !== 'object') return;
      for (const k of Object.keys(a))
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, k);
      return;
    }
    if (typeof a !== 'string' || typeof b !== 'string' || kept(file, key)) return;
    if (LETTERS.test(a) && !HANGUL.test(b)) out.push(path);
  };
  walk(en, tr, '', '');
  return out;
}
