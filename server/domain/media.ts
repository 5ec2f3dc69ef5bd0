/**
 * State media: who may read which article, the editor desk's life cycle
 * (draft → scheduled → published → unpublished), search, and the broadcast schedule.
 */
import { randomUUID } from 'node:crypto';
import type {
  Article,
  ArticleInput,
  ArticleStatus,
  ArticleSummary,
  ArticlesResponse,
  BroadcastResponse,
  SearchResponse,
  Section,
  SectionId,
} from '../protocol/api';
import { subjectOf } from './auth';
import type { Bus } from './bus';
import { DomainError, forbidden } from './errors';
import { compileFilter, findBanned, foldText, type FilterList } from './filter';
import { checkedMarkdown, MarkdownError, renderMarkdown } from './markdown';
import type { Pack, PackSite } from './pack';
import { localArticle } from './locale';
import { DESK_ROLE, can, canOpenSite, rule, sectionOpen, type Actor } from './policy';
import type { ArticleRecord, ArticlesRepo, SocialRepo } from './ports';
import type { TrailRecorder } from './recorder';
import { takeRecorded, type Throttle } from './throttle';
import { recordWouldBlock } from './would-block';

/** What the media functions need. */
export interface MediaDeps {
  pack: Pack;
  articles: ArticlesRepo;
  recorder: TrailRecorder;
  bus: Bus;
  filter: FilterList;
  /** Searches per user: each is an fsynced trail entry. */
  searchThrottle: Throttle;
  /** The open network's counts, shown on articles in open mode only. */
  social?: SocialRepo;
  now?: () => Date;
}

/** Builds the compiled filter once for a pack. */
export function filterOf(pack: Pack): FilterList {
  return compileFilter(pack.filter.terms);
}

const notFound = () => new DomainError('not_found', 'not_found', 'No such article.');

function mediaSite(pack: Pack, id: string): PackSite | undefined {
  return pack.sites.find((s) => s.id === id && s.app === 'media');
}

/** Sections an actor may read (the policy applies the pack's per-role limits). */
export function readableSections(pack: Pack, actor: Pick<Actor, 'role' | 'mode'>): Section[] {
  return pack.media.sections.filter((s) => sectionOpen(actor, pack.media.roleSections, s.id));
}

/** Whether an actor with only the one-way channel receives a site (the pack's bulletin site). */
function receives(pack: Pack, actor: Actor, siteId: string | undefined): boolean {
  return !!siteId && siteId === pack.media.bulletinSite && can(actor, 'media.receive');
}

/** Whether a reader may read a published article (site open to them, section allowed; or the bulletins they receive). */
export function mayRead(
  pack: Pack,
  actor: Actor,
  article: Pick<ArticleRecord, 'site' | 'section' | 'status'>,
): boolean {
  if (receives(pack, actor, article.site)) return article.status === 'published';
  const site = mediaSite(pack, article.site);
  if (!site || !can(actor, 'media.read') || !canOpenSite(actor, site)) return false;
  return (
    article.status === 'published' &&
    can(actor, 'media.read', { type: 'section', section: article.section, roleSections: pack.media.roleSections })
  );
}

/** The list view of an article (given the pack, an article it seeded reads in the request's language). */
export function summaryOf(record: ArticleRecord, pack?: Pack): ArticleSummary {
  const a = pack ? localArticle(pack, record) : record;
  return {
    id: a.id,
    site: a.site,
    section: a.section,
    title: a.title,
    summary: a.summary,
    date: a.date,
    lead: a.lead,
    status: a.status,
    publishedAt: a.publishedAt,
    publishAt: a.publishAt,
  };
}

/** A body's HTML for readers; a body stored before bodies were checked, that cannot render, shows as text. */
function bodyHtmlOf(body: string): string {
  try {
    return renderMarkdown(body);
  } catch {
    const escaped = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<p>${escaped}</p>`;
  }
}

function fullOf(record: ArticleRecord, pack?: Pack): Article {
  const a = pack ? localArticle(pack, record) : record;
  return { ...summaryOf(a), body: a.body, bodyHtml: bodyHtmlOf(a.body) };
}

/** Adds the open network's counts to an article view where the reader's mode has social actions (never in closed mode). */
function withSocial<T extends ArticleSummary>(deps: MediaDeps, actor: Actor, view: T): T {
  if (!deps.social || !rule(actor, 'socialActions')) return view;
  return { ...view, social: deps.social.counts(actor.sessionId, { kind: 'article', id: view.id }, actor.userId) };
}

/** Checks that a body renders before anything is stored: a 400 with a clear message otherwise. */
function renderable(body: string): string {
  try {
    return checkedMarkdown(body);
  } catch (err) {
    if (err instanceof MarkdownError) throw new DomainError('bad_input', `body_${err.code}`, `body: ${err.message}`);
    throw err;
  }
}

const newestFirst = (a: ArticleRecord, b: ArticleRecord) =>
  (b.publishedAt ?? b.updatedAt).localeCompare(a.publishedAt ?? a.updatedAt) || b.date.localeCompare(a.date);

/** Query of the article list. */
export interface ArticleQuery {
  site?: string | undefined;
  section?: SectionId | undefined;
  status?: ArticleStatus | 'all' | undefined;
  page: number;
  pageSize: number;
}

/** Lists articles: published ones a reader may read, or (editors, with `status`) the whole desk. */
export function listArticles(deps: MediaDeps, actor: Actor, q: ArticleQuery): ArticlesResponse {
  let items: ArticleRecord[];
  let sections: Section[];
  if (q.status) {
    if (!can(actor, 'media.publish')) throw forbidden('Only editors see unpublished articles.');
    items = deps.articles.list(actor.sessionId).filter((a) => q.status === 'all' || a.status === q.status);
    sections = deps.pack.media.sections;
  } else {
    if (!can(actor, 'media.read') && !receives(deps.pack, actor, q.site))
      throw forbidden('Your role may not read state media.');
    if (q.site && !receives(deps.pack, actor, q.site)) {
      // A site off the reader's network answers exactly as one that does not exist.
      const site = mediaSite(deps.pack, q.site);
      if (!site || !canOpenSite(actor, site)) throw new DomainError('not_found', 'not_found', 'No such media site.');
    }
    items = deps.articles.list(actor.sessionId).filter((a) => mayRead(deps.pack, actor, a));
    sections = readableSections(deps.pack, actor);
  }
  items = items
    .filter((a) => (!q.site || a.site === q.site) && (!q.section || a.section === q.section))
    .sort(newestFirst);
  const start = (q.page - 1) * q.pageSize;
  return {
    articles: items.slice(start, start + q.pageSize).map((a) => withSocial(deps, actor, summaryOf(a, deps.pack))),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
    sections,
  };
}

/**
 * One article: editors see any; readers only published ones they may read. An article the
 * reader may not see (other site, section or network, or not published) answers exactly as
 * a missing one, so ids cannot be probed; a role with no state media at all gets 403.
 */
export function getArticle(deps: MediaDeps, actor: Actor, id: string): Article {
  if (!can(actor, 'media.read') && !can(actor, 'media.publish') && !can(actor, 'media.receive'))
    throw forbidden('Your role may not read state media.');
  const a = deps.articles.get(id, actor.sessionId);
  if (!a || a.sessionId !== actor.sessionId) throw notFound();
  if (can(actor, 'media.publish')) return withSocial(deps, actor, fullOf(a, deps.pack));
  if (!mayRead(deps.pack, actor, a)) throw notFound();
  return withSocial(deps, actor, fullOf(a, deps.pack));
}

function requireEditor(actor: Actor): void {
  if (!can(actor, 'media.publish')) throw forbidden('Only editors may change state media.');
}

function requireMediaSite(pack: Pack, site: string): void {
  if (!mediaSite(pack, site))
    throw new DomainError('bad_input', 'invalid_input', `site: "${site}" is not a media site`);
}

/** Creates a draft at the editor desk. */
export async function createArticle(deps: MediaDeps, actor: Actor, input: ArticleInput): Promise<Article> {
  requireEditor(actor);
  requireMediaSite(deps.pack, input.site);
  renderable(input.body);
  const now = (deps.now ?? (() => new Date()))();
  const record: ArticleRecord = {
    id: randomUUID(),
    sessionId: actor.sessionId,
    site: input.site,
    section: input.section,
    title: input.title,
    summary: input.summary,
    body: input.body,
    date: now.toISOString().slice(0, 10),
    lead: input.lead ?? false,
    status: 'draft',
    publishAt: null,
    publishedAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    editor: actor.username,
  };
  await deps.articles.insert(record);
  await deps.recorder.record(subjectOf(actor), 'article_saved', {
    article: record.id,
    title: record.title.slice(0, 120),
  });
  return fullOf(record);
}

function editable(deps: MediaDeps, actor: Actor, id: string): ArticleRecord {
  requireEditor(actor);
  const a = deps.articles.get(id, actor.sessionId);
  if (!a || a.sessionId !== actor.sessionId) throw notFound();
  return a;
}

/** Changes an article's text or placement. */
export async function updateArticle(
  deps: MediaDeps,
  actor: Actor,
  id: string,
  change: Partial<ArticleInput>,
): Promise<Article> {
  const a = editable(deps, actor, id);
  if (change.site !== undefined) requireMediaSite(deps.pack, change.site);
  if (change.body !== undefined) renderable(change.body);
  const now = (deps.now ?? (() => new Date()))();
  const updated = await deps.articles.update(a.id, a.sessionId, {
    ...change,
    updatedAt: now.toISOString(),
    editor: actor.username,
  });
  await deps.recorder.record(subjectOf(actor), 'article_saved', { article: a.id, title: updated.title.slice(0, 120) });
  return fullOf(updated);
}

async function goLive(deps: MediaDeps, a: ArticleRecord, editor: string, now: Date): Promise<ArticleRecord> {
  const published = await deps.articles.update(a.id, a.sessionId, {
    status: 'published',
    publishedAt: now.toISOString(),
    publishAt: null,
    date: now.toISOString().slice(0, 10),
    updatedAt: now.toISOString(),
  });
  await deps.recorder.record({ username: editor, role: DESK_ROLE, sessionId: a.sessionId }, 'article_published', {
    article: a.id,
    title: a.title.slice(0, 120),
  });
  deps.bus.emit('media:published', published);
  return published;
}

/** Publishes now, or schedules when `at` is in the future. */
export async function publishArticle(deps: MediaDeps, actor: Actor, id: string, at?: string): Promise<Article> {
  const a = editable(deps, actor, id);
  const now = (deps.now ?? (() => new Date()))();
  if (at && Date.parse(at) > now.getTime()) {
    const scheduled = await deps.articles.update(a.id, a.sessionId, {
      status: 'scheduled',
      publishAt: new Date(at).toISOString(),
      updatedAt: now.toISOString(),
      editor: actor.username,
    });
    return fullOf(scheduled);
  }
  if (a.status === 'published')
    throw new DomainError('conflict', 'already_published', 'This article is already published.');
  await deps.articles.update(a.id, a.sessionId, { editor: actor.username });
  return fullOf(await goLive(deps, a, actor.username, now));
}

/** Withdraws an article from every reader. */
export async function unpublishArticle(deps: MediaDeps, actor: Actor, id: string): Promise<Article> {
  const a = editable(deps, actor, id);
  if (a.status !== 'published' && a.status !== 'scheduled')
    throw new DomainError('conflict', 'not_published', 'This article is not published.');
  const now = (deps.now ?? (() => new Date()))();
  const wasLive = a.status === 'published';
  const updated = await deps.articles.update(a.id, a.sessionId, {
    status: 'unpublished',
    publishAt: null,
    updatedAt: now.toISOString(),
    editor: actor.username,
  });
  await deps.recorder.record(subjectOf(actor), 'article_unpublished', { article: a.id, title: a.title.slice(0, 120) });
  if (wasLive) deps.bus.emit('media:unpublished', updated);
  return fullOf(updated);
}

/** Publishes every scheduled article whose time has come; returns how many. */
export async function publishDue(deps: MediaDeps, now: Date): Promise<number> {
  const due = deps.articles
    .all()
    .filter((a) => a.status === 'scheduled' && a.publishAt !== null && Date.parse(a.publishAt) <= now.getTime());
  for (const a of due) await goLive(deps, a, a.editor ?? DESK_ROLE, now);
  return due.length;
}

/** Renders a body for the editor's preview. */
export function previewBody(actor: Actor, body: string): string {
  requireEditor(actor);
  return renderable(body);
}

/** Searches published articles the actor may read. Recorded; a filtered query finds nothing and is flagged. */
export async function searchArticles(deps: MediaDeps, actor: Actor, query: string): Promise<SearchResponse> {
  if (!can(actor, 'media.read')) throw forbidden('Your role may not search the intranet.');
  await takeRecorded(deps.searchThrottle, deps.recorder, actor, 'search', 'You are searching too fast. Wait a moment.');
  const hit = rule(actor, 'keywordFilter') ? findBanned(deps.filter, query) : undefined;
  if (hit) {
    await deps.recorder.record(subjectOf(actor), 'search_flagged', { query: query.slice(0, 100), term: hit.term });
    return { query, results: [] };
  }
  await recordWouldBlock(deps, actor, 'search', query);
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const results = deps.articles
    .list(actor.sessionId)
    .filter((a) => mayRead(deps.pack, actor, a))
    .filter((a) => {
      // What the reader sees (a seeded article in their language) and what is stored, both searched.
      const local = localArticle(deps.pack, a);
      const shown = local === a ? '' : ` ${local.title} ${local.summary} ${local.body}`;
      const text = foldText(`${a.title} ${a.summary} ${a.body}${shown}`);
      return words.length > 0 && words.every((w) => text.includes(w));
    })
    .sort(newestFirst)
    .slice(0, 50);
  await deps.recorder.record(subjectOf(actor), 'search', {
    query: query.slice(0, 100),
    results: String(results.length),
  });
  return { query, results: results.map((a) => withSocial(deps, actor, summaryOf(a, deps.pack))) };
}

/** Today's broadcast schedule, for those who may open the broadcast site. */
export function broadcastSchedule(pack: Pack, actor: Actor): BroadcastResponse {
  const site = pack.sites.find((s) => s.app === 'broadcast');
  const reader = can(actor, 'media.read') && !!site && canOpenSite(actor, site);
  // Television and radio reach those with no network too: the one-way channel.
  if (!reader && !can(actor, 'media.receive')) throw forbidden('Your role may not open the broadcast schedule.');
  return pack.broadcast;
}
