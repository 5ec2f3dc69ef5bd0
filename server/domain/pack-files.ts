/**
 * The pack's smuggled files (`files.json`): the files a USB stick may hold (fictional content, real
 * kinds), who starts with a Notel, and the stick the demo session's explorer may find. Pure schema
 * and cross-file checks; `pack.ts` registers them.
 */
import { z } from 'zod';
import { PATTERNS, ROLES } from '../protocol/vocabulary';

const id = z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The words that make a paragraph a fiction label (every file's last paragraph carries one), in each language. */
const FICTION_LABEL = /fictional|simulation|허구|시뮬레이션|가상/i;

const fileSchema = z.strictObject({
  id,
  title: text(160),
  kind: z.enum(['news', 'film', 'music', 'ebook', 'encyclopedia', 'document']),
  sizeMb: z.number().positive().max(100_000),
  /** Whether it carries a state signature (foreign files never do). */
  signed: z.boolean(),
  /** What opening it shows: 2–6 short paragraphs, the last one a fiction label. */
  body: z.array(text(1500)).min(2).max(7),
});

/** `files.json`. */
export const filesFileSchema = z.strictObject({
  files: z.array(fileSchema).min(1),
  notels: z.strictObject({
    /** Demo personas (by user name) who start with a Notel in the pack's own session. */
    personas: z.array(z.string().regex(PATTERNS.username)),
    /**
     * In a class session, the first `count` seats of `role` (in join order) get one the first time
     * roles are given (or, failing that, when a round starts).
     */
    seats: z.strictObject({ role: z.enum(ROLES), count: z.number().int().min(0).max(50) }),
  }),
  /** Sticks the demo session's personas may find, once each: on a page of a site they may open. */
  found: z.array(z.strictObject({ persona: z.string().regex(PATTERNS.username), site: id, fileId: id })),
});

/** The whole `files.json`. */
export type PackFiles = z.infer<typeof filesFileSchema>;
/** One file of the pack. */
export type PackFile = PackFiles['files'][number];

/** What the files are checked against in the other pack files. */
interface Others {
  personas: readonly { username: string }[];
  sites: readonly { id: string }[];
  events: readonly { kind: string; fileId?: string | undefined; to?: string | undefined }[];
}

/** Cross-file checks: `[file, field, problem]` of the first fault, or undefined. */
export function checkFiles(f: PackFiles, o: Others): [string, string, string] | undefined {
  const file = 'files.json';
  const ids = new Set<string>();
  for (const [i, x] of f.files.entries()) {
    if (ids.has(x.id)) return [file, `files[${i}].id`, `duplicate id "${x.id}"`];
    ids.add(x.id);
    if (!FICTION_LABEL.test(x.body.at(-1) ?? ''))
      return [file, `files[${i}].body`, 'the last paragraph must label the content as fiction'];
  }
  const personas = new Set(o.personas.map((p) => p.username));
  const sites = new Set(o.sites.map((s) => s.id));
  for (const [i, p] of f.notels.personas.entries())
    if (!personas.has(p)) return [file, `notels.personas[${i}]`, `no persona "${p}"`];
  for (const [i, x] of f.found.entries()) {
    if (!personas.has(x.persona)) return [file, `found[${i}].persona`, `no persona "${x.persona}"`];
    if (!sites.has(x.site)) return [file, `found[${i}].site`, `no site "${x.site}"`];
    if (!ids.has(x.fileId)) return [file, `found[${i}].fileId`, `no file "${x.fileId}"`];
  }
  for (const [i, e] of o.events.entries()) {
    if (e.kind !== 'files_drop') continue;
    if (!e.fileId || !ids.has(e.fileId))
      return ['classroom.json', `events[${i}].fileId`, `a files_drop event needs a file of files.json`];
    if (!e.to) return ['classroom.json', `events[${i}].to`, 'a files_drop event needs the role it drops to'];
  }
  return undefined;
}
