/**
 * Reads a scenario pack folder and validates it; a broken pack names the file and field.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_FILES, PackError, validatePack, type Pack } from '../domain/pack';

/** Loads and validates the pack in `dir`. Throws PackError on any problem. */
export async function loadPack(dir: string): Promise<Pack> {
  const files: Record<string, unknown> = {};
  for (const name of Object.keys(PACK_FILES)) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      throw new PackError(join(dir, name), '', 'file is missing or unreadable');
    }
    try {
      files[name] = JSON.parse(text) as unknown;
    } catch (err) {
      throw new PackError(join(dir, name), '', `not valid JSON (${(err as Error).message})`);
    }
  }
  try {
    return validatePack(files);
  } catch (err) {
    if (err instanceof PackError)
      throw new PackError(join(dir, err.file), err.field, err.message.split(': ').slice(1).join(': '));
    throw err;
  }
}
