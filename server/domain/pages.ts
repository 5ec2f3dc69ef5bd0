/**
 * The content sites: the pages of a plain intranet site (papers, timetables, menus) and the
 * walls in front of them, which are the browser's own: no network is 403, a site the actor may
 * not open answers exactly as one that does not exist (404). Reading records nothing: opening a
 * page goes through `POST /api/browse`, which records the page view.
 */
import type { SitePagesResponse } from '../protocol/api';
import { DomainError, forbidden } from './errors';
import type { Pack, PackSite } from './pack';
import { canOpenSite, networkOf, type Actor } from './policy';

/** What the pages need: the pack. */
export interface PagesDeps {
  pack: Pack;
}

const noSuchSite = () => new DomainError('not_found', 'not_found', 'No such site.');

/**
 * The site an actor may open, by `find`; 403 for an actor with no network at all, 404 (the same
 * as a missing site) for one the actor may not open: a locked domestic site, the other network's.
 */
export function openableSite(pack: Pack, actor: Actor, find: (site: PackSite) => boolean): PackSite {
  if (!networkOf(actor)) throw forbidden('This terminal is not authorised for the national network.');
  const site = pack.sites.find((s) => find(s) && canOpenSite(actor, s));
  if (!site) throw noSuchSite();
  return site;
}

/** `GET /api/sites/:id/pages`: the pages of a site the actor may open (none for a site without content). */
export function sitePages(deps: PagesDeps, actor: Actor, siteId: string): SitePagesResponse {
  const site = openableSite(deps.pack, actor, (s) => s.id === siteId);
  return { site: site.id, pages: deps.pack.pages.find((p) => p.site === site.id)?.pages ?? [] };
}
