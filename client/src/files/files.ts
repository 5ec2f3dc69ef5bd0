/**
 * Pure helpers of smuggled files: a file's kind and size in words, and a copy's chain of custody
 * as the censor's trace shows it (first holder first, one line per hand-over).
 */
import { msg } from '@lit/localize';
import type { CustodyMark, FileKind } from '../../../server/protocol/api';
import { getLocale } from '../core/localization';

/** Every file kind (the protocol's union as a list, so a new kind fails the build until it is named). */
export const FILE_KINDS = [
  'news',
  'film',
  'music',
  'ebook',
  'encyclopedia',
  'document',
] as const satisfies readonly FileKind[];

/** A file's kind as the device lists it. */
export function kindLabel(kind: FileKind): string {
  switch (kind) {
    case 'news':
      return msg('News bulletin');
    case 'film':
      return msg('Film');
    case 'music':
      return msg('Music album');
    case 'ebook':
      return msg('E-book');
    case 'encyclopedia':
      return msg('Encyclopedia extract');
    case 'document':
      return msg('Document');
  }
}

/** A size in megabytes, e.g. "700 MB" or "1.2 GB", in the reader's language. */
export function sizeLabel(sizeMb: number, locale = getLocale()): string {
  if (!Number.isFinite(sizeMb) || sizeMb < 0) return '';
  const gigabytes = sizeMb >= 1000;
  const value = gigabytes ? sizeMb / 1000 : sizeMb;
  let number: string;
  try {
    number = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  } catch {
    number = String(Math.round(value * 10) / 10);
  }
  return `${number} ${gigabytes ? 'GB' : 'MB'}`;
}

/** One step of a chain of custody: the device it came from (null for the first holder), the one it reached, and when. */
export interface CustodyStep {
  from: string | null;
  to: string;
  playerId: string;
  at: string;
}

/**
 * A chain of marks as hand-overs, first holder first: each step names the device the copy came
 * from and the one it reached. A device that marked the copy again (storing it, then trying to
 * open it) is one holder, not a hand-over to itself: only its first mark counts.
 */
export function custodySteps(chain: readonly CustodyMark[]): CustodyStep[] {
  const steps: CustodyStep[] = [];
  for (const mark of chain) {
    const previous = steps.at(-1);
    if (previous?.playerId === mark.deviceOf.playerId) continue;
    steps.push({ from: previous?.to ?? null, to: mark.deviceOf.name, playerId: mark.deviceOf.playerId, at: mark.at });
  }
  return steps;
}

/** Whether the device holds anything at all (copies or a Notel). */
export function deviceIsEmpty(device: { copies: readonly unknown[]; notel: boolean }): boolean {
  return device.copies.length === 0 && !device.notel;
}
