/**
 * The Research E-Library: its catalogue of approved titles, a search over it and requests for
 * titles it does not hold. Only those who may open the library's site use it (the same walls as
 * the browser: `pages.ts` `openableSite`). A search and a request are recorded in the trail; a
 * query with a filtered word finds nothing and is recorded flagged. A request is never fulfilled:
 * the trail is the only place it goes, and a request that names a filtered word is accepted all
 * the same, and flagged for the censors.
 */
import type { CatalogueEntry, LibraryRequestResponse, LibrarySearchResponse } from '../protocol/api';
import { subjectOf } from './auth';
import { DomainError } from './errors';
import { findBanned, foldText, type FilterList } from './filter';
import type { Pack, PackSite } from './pack';
import { openableSite } from './pages';
import { rule, type Actor } from './policy';
import type { TrailRecorder } from './recorder';
import { takeRecorded, type Throttle } from './throttle';
import { recordWouldBlock } from './would-block';

/** What the library needs. */
export interface LibraryDeps {
  pack: Pack;
  recorder: TrailRecorder;
  filter: FilterList;
  /** Searches per user: each is an fsynced trail entry. */
  searchThrottle: Throttle;
  /** Requests per user, at the posting rate. */
  requestThrottle: Throttle;
  now?: () => Date;
}

/** The most results one search returns. */
const MAX_RESULTS = 50;

function librarySite(pack: Pack, actor: Actor): PackSite {
  return openableSite(pack, actor, (s) => s.app === 'library');
}

/** `GET /api/library/catalogue`: every approved title, for those who may open the library. */
export function catalogue(deps: Pick<LibraryDeps, 'pack'>, actor: Actor): CatalogueEntry[] {
  librarySite(deps.pack, actor);
  return deps.pack.library.catalogue;
}

function searchable(e: CatalogueEntry): string {
  return foldText(`${e.title} ${e.author} ${e.subject} ${e.callNumber} ${e.year}`);
}

/** Searches the catalogue (every word of the query must match). Recorded; a filtered query finds nothing, flagged. */
export async function searchLibrary(deps: LibraryDeps, actor: Actor, query: string): Promise<LibrarySearchResponse> {
  librarySite(deps.pack, actor);
  await takeRecorded(
    deps.searchThrottle,
    deps.recorder,
    actor,
    'library_search',
    'You are searching too fast. Wait a moment.',
  );
  const shown = query.slice(0, 100);
  const hit = rule(actor, 'keywordFilter') ? findBanned(deps.filter, query) : null;
  if (hit) {
    await deps.recorder.record(subjectOf(actor), 'library_search', {
      query: shown,
      results: '0',
      flagged: 'true',
      term: hit.term,
    });
    return { query, results: [] };
  }
  await recordWouldBlock(deps, actor, 'search', query);
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const results = deps.pack.library.catalogue
    .filter((e) => words.length > 0 && words.every((w) => searchable(e).includes(w)))
    .slice(0, MAX_RESULTS);
  await deps.recorder.record(subjectOf(actor), 'library_search', { query: shown, results: String(results.length) });
  return { query, results };
}

/**
 * Requests a title the catalogue does not hold: recorded (`library_request`), never fulfilled.
 * A title the catalogue holds is a 409 that names its call number, and records nothing.
 */
export async function requestTitle(deps: LibraryDeps, actor: Actor, title: string): Promise<LibraryRequestResponse> {
  librarySite(deps.pack, actor);
  const folded = foldText(title);
  const held = deps.pack.library.catalogue.find((e) => foldText(e.title) === folded);
  if (held)
    throw new DomainError(
      'conflict',
      'in_catalogue',
      `The catalogue already holds this title: call number ${held.callNumber}.`,
    );
  await takeRecorded(
    deps.requestThrottle,
    deps.recorder,
    actor,
    'library_request',
    'You are sending requests too fast. Wait a moment.',
  );
  const hit = rule(actor, 'keywordFilter') ? findBanned(deps.filter, title) : null;
  const detail: Record<string, string> = { title };
  if (hit) Object.assign(detail, { flagged: 'true', term: hit.term });
  const at = (deps.now ?? (() => new Date()))().toISOString();
  await deps.recorder.record(subjectOf(actor), 'library_request', detail);
  return { title, at };
}
