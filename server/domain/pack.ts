/**
 * Scenario packs: the schemas every pack file must meet, and cross-file checks.
 * Pure: the store reads the files and hands their parsed JSON here.
 */
import { z } from 'zod';
import type { Mode, Network, Placard, Role, SiteApp } from '../protocol/api';
import { LIMITS, MODES, NETWORKS, PATTERNS, ROLES, SECTION_IDS, SITE_APPS } from '../protocol/vocabulary';
import {
  checkLibrary,
  checkPages,
  libraryFileSchema,
  pagesFileSchema,
  type PackLibrary,
  type PackPages,
} from './pack-pages';
import { checkFiles, filesFileSchema, type PackFiles } from './pack-files';
import { checkQuiz, quizFileSchema, type PackQuiz } from './pack-quiz';
import { castFileSchema, checkCast, type PackCast } from './pack-cast';
import { checkKiosk, kioskFileSchema, type PackKiosk } from './pack-kiosk';
import type { PackLocale } from './pack-locale';
import { compileFilter } from './filter';

const id = z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)');
const role = z.enum(ROLES);
const text = (max: number) => z.string().trim().min(1).max(max);

const packSchema = z.strictObject({
  id,
  title: text(120),
  description: text(1000),
  session: z.strictObject({
    id,
    name: text(120),
    code: z.string().regex(PATTERNS.sessionCode, 'must be 4–8 capital letters or digits'),
    mode: z.enum(MODES),
  }),
  homeSites: z.strictObject({ domestic: id, foreign: id }),
  unreachablePlacardId: id,
  deniedPlacardId: id,
});

const personaSchema = z.strictObject({
  username: z.string().regex(PATTERNS.username, 'must be 2–32 lower-case letters, digits or _'),
  displayName: text(80),
  role,
  description: text(300),
  password: z.string().min(4).max(LIMITS.password).optional(),
});

const sectionId = z.enum(SECTION_IDS);

const mastheadSchema = z.strictObject({
  tagline: text(200),
  slogans: z.array(text(200)).max(6),
  stats: z.array(z.strictObject({ label: text(80), value: text(40) })).max(6),
});

const siteSchema = z.strictObject({
  id,
  address: z.string().regex(PATTERNS.host, 'must be a host name like news.kp'),
  title: text(120),
  description: text(300),
  network: z.enum(NETWORKS),
  roles: z.array(role).min(1),
  intro: z.array(text(2000)).min(1).max(20),
  placardId: id.optional(),
  app: z.enum(SITE_APPS).optional(),
  masthead: mastheadSchema.optional(),
  /** The modes the site exists in (every mode when absent): e.g. `["open"]` for the open network's own site. */
  modes: z
    .array(z.enum(MODES))
    .min(1)
    .refine((m) => new Set(m).size === m.length, 'lists a mode twice')
    .optional(),
});

const articleSchema = z.strictObject({
  id,
  site: id,
  section: sectionId,
  title: text(200),
  date: z.iso.date(),
  lead: z.boolean(),
  summary: text(300),
  body: text(20_000),
});

const mediaSchema = z.strictObject({
  sections: z.array(z.strictObject({ id: sectionId, label: text(80) })).min(1),
  roleSections: z.partialRecord(role, z.array(sectionId)),
  /** The media site whose bulletins reach those with only the one-way channel (loudspeakers). */
  bulletinSite: id.optional(),
  articlePlacardId: id,
  searchPlacardId: id,
});

const broadcastSchema = z.strictObject({
  date: z.iso.date(),
  channels: z
    .array(
      z.strictObject({
        id,
        name: text(120),
        kind: z.enum(['tv', 'radio']),
        items: z
          .array(
            z.strictObject({
              time: z.string().regex(PATTERNS.clock, 'must be HH:MM'),
              title: text(160),
              description: text(400),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

const filterSchema = z.strictObject({
  terms: z.array(z.string().trim().min(1).max(80)).min(1),
  substitutions: z.array(
    z.strictObject({ from: z.string().trim().min(1).max(80), to: z.string().trim().min(1).max(80) }),
  ),
  substitutionWarning: text(300),
});

const isoTime = z.iso.datetime();
const boardSchema = z.strictObject({
  id,
  title: text(120),
  description: text(300),
  readRoles: z.array(role).min(1),
  postRoles: z.array(role),
  threads: z.array(
    z.strictObject({
      id,
      author: z.string().min(1),
      title: text(200),
      body: text(5000),
      createdAt: isoTime,
      replies: z.array(z.strictObject({ author: z.string().min(1), body: text(5000), createdAt: isoTime })),
    }),
  ),
});

const chatSchema = z.strictObject({
  placardId: id,
  monitorPlacardId: id,
  rooms: z.array(z.strictObject({ id, title: text(120), description: text(300), roles: z.array(role).min(1) })).min(1),
});

const placardSchema = z.strictObject({
  id,
  title: text(120),
  text: text(1200),
  source: text(600),
  reported: z.boolean().optional(),
});

const seatRole = z.enum(ROLES).refine((r) => r !== 'facilitator', 'a student seat cannot be the facilitator');
const presetSchema = z
  .array(
    z.strictObject({
      role: seatRole,
      /** One of this role per `every` students (rounded down), */
      every: z.number().int().min(1).max(500),
      /** but never fewer than `min` */
      min: z.number().int().min(0).max(50),
      /** nor more than `max`. */
      max: z.number().int().min(1).max(500).optional(),
    }),
  )
  .min(1);

const classroomSchema = z.strictObject({
  /** Display names (and words in them) a student may not take; compared case- and accent-folded. */
  nameBlocklist: z.array(z.string().trim().min(2).max(40)),
  /** Distribution presets: roles in the order seats are filled; everyone else is a citizen. */
  presets: z.strictObject({ realistic: presetSchema, active: presetSchema }),
  /** The private brief on each role's card. */
  briefs: z.strictObject({
    citizen: text(600),
    elite: text(600),
    scientist: text(600),
    academic: text(600),
    foreigner: text(600),
    editor: text(600),
    censor: text(600),
  }),
  /** Scripted events the facilitator fires. */
  events: z.array(
    z.strictObject({
      id,
      kind: z.enum(['news', 'chat_shutdown', 'inspection', 'files_drop']),
      title: text(120),
      text: text(600),
      placardId: id.optional(),
      /** A `files_drop` event: the file of files.json it drops, and the role whose every seat gets a copy. */
      fileId: id.optional(),
      to: seatRole.optional(),
      /** The prepared article a `news` event publishes. */
      article: z
        .strictObject({
          site: id,
          section: sectionId,
          title: text(LIMITS.articleTitle),
          summary: text(LIMITS.articleSummary),
          body: text(LIMITS.articleBody),
        })
        .optional(),
    }),
  ),
});

/** The classroom settings: name blocklist, distribution presets, role briefs, scripted events. */
export type PackClassroom = z.infer<typeof classroomSchema>;
/** One distribution preset. */
export type PackPreset = z.infer<typeof presetSchema>;
/** One scripted event. */
export type PackEvent = PackClassroom['events'][number];

/** A state-media article as the pack declares it. */
export type PackArticle = z.infer<typeof articleSchema>;
/** The pack's media settings: sections, which sections some roles may read, placards. */
export type PackMedia = z.infer<typeof mediaSchema>;
/** The broadcast schedule. */
export type PackBroadcast = z.infer<typeof broadcastSchema>;
/** The keyword filter's word list. */
export type PackFilter = z.infer<typeof filterSchema>;
/** A message board with its seed threads. */
export type PackBoard = z.infer<typeof boardSchema>;
/** Chat rooms and their placards. */
export type PackChat = z.infer<typeof chatSchema>;
/** A persona as the pack declares it. */
export type PackPersona = z.infer<typeof personaSchema>;
/** A site as the pack declares it. */
export interface PackSite {
  id: string;
  address: string;
  title: string;
  description: string;
  network: Network;
  roles: Role[];
  intro: string[];
  placardId?: string;
  app?: SiteApp;
  masthead?: z.infer<typeof mastheadSchema>;
  /** The modes it exists in (every mode when absent); never sent to clients. */
  modes?: Mode[];
}
/** The pack's own metadata. */
export type PackMeta = z.infer<typeof packSchema>;

/** A whole validated scenario pack. */
export interface Pack {
  meta: PackMeta;
  personas: PackPersona[];
  sites: PackSite[];
  placards: Placard[];
  articles: PackArticle[];
  media: PackMedia;
  broadcast: PackBroadcast;
  filter: PackFilter;
  boards: PackBoard[];
  chat: PackChat;
  classroom: PackClassroom;
  /** The pages of the plain content sites (`pack-pages.ts`). */
  pages: PackPages;
  /** The e-library's catalogue (`pack-pages.ts`). */
  library: PackLibrary;
  /** The smuggled files, the Notels and the found stick (`pack-files.ts`). */
  files: PackFiles;
  /** The before/after quiz (`pack-quiz.ts`). */
  quiz: PackQuiz;
  /** The simulated cast (`pack-cast.ts`). */
  cast: PackCast;
  /** The museum kiosk: its personas, tour and ending (`pack-kiosk.ts`). */
  kiosk: PackKiosk;
  /** The pack in each language it is translated into (`pack-locale.ts`), validated like the pack. */
  locales?: Partial<Record<PackLocale, Pack>>;
}

/** The files a pack consists of, and the schema each must meet. */
export const PACK_FILES = {
  'pack.json': packSchema,
  'personas.json': z.array(personaSchema).min(1),
  'sites.json': z.array(siteSchema).min(1),
  'placards.json': z.array(placardSchema).min(1),
  'articles.json': z.array(articleSchema),
  'media.json': mediaSchema,
  'broadcast.json': broadcastSchema,
  'filter.json': filterSchema,
  'boards.json': z.array(boardSchema),
  'chat.json': chatSchema,
  'classroom.json': classroomSchema,
  'pages.json': pagesFileSchema,
  'library.json': libraryFileSchema,
  'files.json': filesFileSchema,
  'quiz.json': quizFileSchema,
  'cast.json': castFileSchema,
  'kiosk.json': kioskFileSchema,
} as const;

/** The placard of the "you are leaving the sandbox" page (open mode, an outside address): every pack has it. */
export const LEAVING_PLACARD_ID = 'leaving-sandbox';

/** Names the pack file, the line (when the loader knows the file's text) and the field at fault. */
export class PackError extends Error {
  /** `file` is the pack file, `field` a dotted path inside it (empty for the whole file), `line` counts from 1. */
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}${field ? ` → ${field}` : ''}: ${problem}`);
    this.name = 'PackError';
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function parseFile<K extends keyof typeof PACK_FILES>(name: K, data: unknown): z.infer<(typeof PACK_FILES)[K]> {
  const result = PACK_FILES[name].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? issue.keys : [];
    const field = pathOf([...(issue?.path ?? []), ...keys]);
    throw new PackError(name, field, issue?.message ?? 'invalid');
  }
  return result.data as z.infer<(typeof PACK_FILES)[K]>;
}

function requireUnique<T>(file: string, items: T[], key: (t: T) => string, field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new PackError(file, `[${i}].${field}`, `duplicate ${field} "${k}"`);
    seen.add(k);
  });
}

/** Validates the parsed files of a pack; throws a PackError naming file and field. */
export function validatePack(files: Record<string, unknown>): Pack {
  const meta = parseFile('pack.json', files['pack.json']);
  const personas = parseFile('personas.json', files['personas.json']);
  const sites = parseFile('sites.json', files['sites.json']);
  const placards = parseFile('placards.json', files['placards.json']);
  const articles = parseFile('articles.json', files['articles.json']);
  const media = parseFile('media.json', files['media.json']);
  const broadcast = parseFile('broadcast.json', files['broadcast.json']);
  const filter = parseFile('filter.json', files['filter.json']);
  const boards = parseFile('boards.json', files['boards.json']);
  const chat = parseFile('chat.json', files['chat.json']);
  const classroom = parseFile('classroom.json', files['classroom.json']);
  const pages = parseFile('pages.json', files['pages.json']);
  const library = parseFile('library.json', files['library.json']);
  const packFiles = parseFile('files.json', files['files.json']);
  const quiz = parseFile('quiz.json', files['quiz.json']);
  const cast = parseFile('cast.json', files['cast.json']);
  const kiosk = parseFile('kiosk.json', files['kiosk.json']);

  requireUnique('personas.json', personas, (p) => p.username, 'username');
  requireUnique('sites.json', sites, (s) => s.id, 'id');
  requireUnique('sites.json', sites, (s) => s.address, 'address');
  requireUnique('placards.json', placards, (p) => p.id, 'id');
  requireUnique('articles.json', articles, (a) => a.id, 'id');

  const placardIds = new Set(placards.map((p) => p.id));
  const requirePlacard = (file: string, field: string, placardId: string | undefined) => {
    if (placardId !== undefined && !placardIds.has(placardId))
      throw new PackError(file, field, `no placard "${placardId}"`);
  };
  sites.forEach((s, i) => requirePlacard('sites.json', `[${i}].placardId`, s.placardId));
  requirePlacard('pack.json', 'unreachablePlacardId', meta.unreachablePlacardId);
  requirePlacard('pack.json', 'deniedPlacardId', meta.deniedPlacardId);
  requirePlacard('media.json', 'articlePlacardId', media.articlePlacardId);
  requirePlacard('media.json', 'searchPlacardId', media.searchPlacardId);
  requirePlacard('chat.json', 'placardId', chat.placardId);
  requirePlacard('chat.json', 'monitorPlacardId', chat.monitorPlacardId);
  if (!placardIds.has(LEAVING_PLACARD_ID))
    throw new PackError('placards.json', '', `no placard "${LEAVING_PLACARD_ID}" (the leaving-the-sandbox page)`);

  for (const network of ['domestic', 'foreign'] as const) {
    const home = sites.find((s) => s.id === meta.homeSites[network]);
    if (!home || home.network !== network)
      throw new PackError('pack.json', `homeSites.${network}`, `no ${network} site "${meta.homeSites[network]}"`);
    if (home.modes)
      throw new PackError('pack.json', `homeSites.${network}`, `the home site "${home.id}" must exist in every mode`);
  }
  const mediaSites = new Set(sites.filter((s) => s.app === 'media').map((s) => s.id));
  articles.forEach((a, i) => {
    if (!mediaSites.has(a.site)) throw new PackError('articles.json', `[${i}].site`, `no media site "${a.site}"`);
  });
  checkBoards(boards, personas);
  requireUnique('chat.json', chat.rooms, (r) => r.id, 'id');
  checkClassroom(classroom, mediaSites, placardIds);
  const contentProblem = checkPages(pages, sites) ?? checkLibrary(library, sites);
  if (contentProblem) throw new PackError(...contentProblem);
  const filesProblem = checkFiles(packFiles, { personas, sites, events: classroom.events });
  if (filesProblem) throw new PackError(...filesProblem);
  const quizProblem = checkQuiz(quiz, placardIds);
  if (quizProblem) throw new PackError(...quizProblem);
  const castProblem = checkCast(cast, {
    personas,
    rooms: chat.rooms,
    boards,
    placardIds,
    filter: compileFilter(filter.terms),
  });
  if (castProblem) throw new PackError(...castProblem);
  const kioskProblem = checkKiosk(kiosk, {
    personas,
    placardIds,
    fileIds: new Set(packFiles.files.map((f) => f.id)),
  });
  if (kioskProblem) throw new PackError(...kioskProblem);
  return {
    meta,
    personas,
    sites,
    placards,
    articles,
    media,
    broadcast,
    filter,
    boards,
    chat,
    classroom,
    pages,
    library,
    files: packFiles,
    quiz,
    cast,
    kiosk,
  };
}

function checkBoards(boards: PackBoard[], personas: PackPersona[]): void {
  requireUnique('boards.json', boards, (b) => b.id, 'id');
  const threadIds = new Set<string>();
  const roleOf = new Map(personas.map((p) => [p.username, p.role]));
  boards.forEach((b, i) => {
    const mayPost = (author: string, field: string) => {
      const r = roleOf.get(author);
      if (!r) throw new PackError('boards.json', field, `no persona "${author}"`);
      if (!b.postRoles.includes(r)) throw new PackError('boards.json', field, `"${author}" may not post on "${b.id}"`);
    };
    b.threads.forEach((t, j) => {
      if (threadIds.has(t.id))
        throw new PackError('boards.json', `[${i}].threads[${j}].id`, `duplicate thread id "${t.id}"`);
      threadIds.add(t.id);
      mayPost(t.author, `[${i}].threads[${j}].author`);
      t.replies.forEach((r, k) => mayPost(r.author, `[${i}].threads[${j}].replies[${k}].author`));
    });
  });
}

function checkClassroom(c: PackClassroom, mediaSites: Set<string>, placardIds: Set<string>): void {
  const file = 'classroom.json';
  for (const name of ['realistic', 'active'] as const) {
    requireUnique(file, c.presets[name], (e) => e.role, `presets.${name}.role`);
    c.presets[name].forEach((e, i) => {
      if (e.role === 'citizen')
        throw new PackError(file, `presets.${name}[${i}].role`, 'citizens fill the remaining seats; do not list them');
      if (e.max !== undefined && e.max < e.min)
        throw new PackError(file, `presets.${name}[${i}].max`, 'max must be at least min');
    });
  }
  requireUnique(file, c.events, (e) => e.id, 'events.id');
  c.events.forEach((e, i) => {
    if (e.placardId !== undefined && !placardIds.has(e.placardId))
      throw new PackError(file, `events[${i}].placardId`, `no placard "${e.placardId}"`);
    if (e.kind === 'news' && !e.article)
      throw new PackError(file, `events[${i}].article`, 'a news event needs an article');
    if (e.article && !mediaSites.has(e.article.site))
      throw new PackError(file, `events[${i}].article.site`, `no media site "${e.article.site}"`);
  });
}
