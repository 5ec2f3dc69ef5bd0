/**
 * Reads a scenario pack folder and validates it; a broken pack names the file, the line and the
 * field (`cast.json:41 → rooms[0].patterns[1].replies[0].member: no cast member "kim"`).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { PACK_FILES, PackError, validatePack, type Pack } from '../domain/pack';
import { checkTranslation, PACK_LOCALES, UNTRANSLATED_FILES } from '../domain/pack-locale';

/** The line (from 1) of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The segments of a field path as PackError writes it (`rooms[0].patterns[1].match`). */
function segmentsOf(field: string): (string | number)[] {
  return (field.match(/\[\d+\]|[^.[\]]+/g) ?? []).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));
}

/**
 * The line of a field in a pack file's text: of the value at that path, or of the nearest part of
 * it that exists (a missing property is reported at the object that lacks it).
 */
export function lineOfField(text: string, field: string): number | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const path = segmentsOf(field);
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? root : findNodeAtLocation(root, path.slice(0, n));
    if (node) {
      // A property name's line is where a reader looks; its value may start on the next line.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return lineAt(text, at);
    }
  }
  return undefined;
}

/** Strict JSON, with the line of the first syntax error. */
function parseStrict(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first)
    throw new PackError(file, '', `not valid JSON (${printParseErrorCode(first.error)})`, lineAt(text, first.offset));
  // jsonc-parser is lenient where JSON is not in a few corners: JSON.parse has the last word.
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new PackError(file, '', `not valid JSON (${(err as Error).message})`);
  }
}

/** Reads and parses the pack files of `dir` (every one, or those `only` names). */
async function readFiles(
  dir: string,
  only: (name: string) => boolean = () => true,
): Promise<{ files: Record<string, unknown>; texts: Record<string, string> }> {
  const files: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  for (const name of Object.keys(PACK_FILES).filter(only)) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      throw new PackError(join(dir, name), '', 'file is missing or unreadable');
    }
    texts[name] = text;
    files[name] = parseStrict(join(dir, name), text);
  }
  return { files, texts };
}

/** Validates parsed files; a fault names the file in `dir` and its line. */
function validateIn(dir: string, files: Record<string, unknown>, texts: Record<string, string>): Pack {
  try {
    return validatePack(files);
  } catch (err) {
    if (err instanceof PackError) {
      const text = texts[err.file];
      const line = text !== undefined ? lineOfField(text, err.field) : undefined;
      throw new PackError(join(dir, err.file), err.field, err.problem, line);
    }
    throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Loads and validates the pack in `dir`, with its translations (`locales/<locale>/`, where the
 * folder exists): each translated file keeps the English one's structure and ids, and the
 * translated pack is validated as a whole. Throws PackError on any problem.
 */
export async function loadPack(dir: string): Promise<Pack> {
  const { files, texts } = await readFiles(dir);
  const pack = validateIn(dir, files, texts);
  for (const locale of PACK_LOCALES) {
    const localeDir = join(dir, 'locales', locale);
    if (!(await exists(localeDir))) continue;
    const translated = await readFiles(localeDir, (name) => !UNTRANSLATED_FILES.has(name));
    for (const [name, data] of Object.entries(translated.files)) {
      const fault = checkTranslation(name, files[name], data);
      if (fault)
        throw new PackError(
          join(localeDir, name),
          fault.field,
          fault.problem,
          lineOfField(translated.texts[name] ?? '', fault.field),
        );
    }
    const whole = validateIn(localeDir, { ...files, ...translated.files }, translated.texts);
    pack.locales = { ...pack.locales, [locale]: whole };
  }
  return pack;
}
