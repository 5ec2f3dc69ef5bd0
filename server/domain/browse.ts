/**
 * The walled browser: the directory a user sees and what opening an address does. An address in
 * the directory opens its page; any other hits the wall, or, where outside links are allowed (open
 * mode), opens the "you are leaving the sandbox" page that names it. Nothing here ever fetches or
 * resolves an address: the sandbox never goes outside.
 */
import type { BrowseResponse, Placard, Site, SitesResponse } from '../protocol/api';
import { resolveAddress } from './address';
import { subjectOf } from './auth';
import { forbidden } from './errors';
import { LEAVING_PLACARD_ID, type Pack, type PackSite } from './pack';
import { canOpenSite, existsIn, networkOf, rule, type Actor } from './policy';
import type { TrailRecorder } from './recorder';
import { takeRecorded, type Throttle } from './throttle';

/** What browsing needs: the pack's sites and placards, and the recorder. */
export interface BrowseDeps {
  pack: Pack;
  recorder: TrailRecorder;
  /** Page opens per user: each is an fsynced trail entry. */
  throttle: Throttle;
}

function present(site: PackSite): Site {
  const { roles: _roles, modes: _modes, ...visible } = site;
  return visible;
}

/**
 * The sites an actor may open, in pack order; 403 for someone with no network. A site the pack
 * lists for other modes only is not in it (the open network's site does not exist in closed mode).
 */
export function directoryOf(deps: Pick<BrowseDeps, 'pack'>, actor: Actor): PackSite[] {
  if (!networkOf(actor)) throw forbidden('This terminal is not authorised for the national network.');
  return deps.pack.sites.filter((s) => canOpenSite(actor, s));
}

/** `GET /api/sites`: the directory and its home page. */
export function listSites(deps: Pick<BrowseDeps, 'pack'>, actor: Actor): SitesResponse {
  const sites = directoryOf(deps, actor);
  const network = networkOf(actor) ?? 'domestic';
  const preferred = deps.pack.meta.homeSites[network];
  const home = sites.find((s) => s.id === preferred)?.id ?? sites[0]?.id ?? '';
  return { home, sites: sites.map(present) };
}

/**
 * Opens an address: a page view if it is in the directory; otherwise the wall (`blocked_address`),
 * or where outside links are allowed the leaving page (`link_out`). Each is recorded.
 */
export async function browse(deps: BrowseDeps, actor: Actor, address: string): Promise<BrowseResponse> {
  directoryOf(deps, actor);
  await takeRecorded(deps.throttle, deps.recorder, actor, 'browse', 'You are opening pages too fast. Wait a moment.');
  const result = resolveAddress(address, directoryOf(deps, actor));
  if (result.kind === 'site') {
    const detail: Record<string, string> = { site: result.site.id, address: result.site.address + result.path };
    await deps.recorder.record(subjectOf(actor), 'page_view', detail);
    return {
      reachable: true,
      address: result.site.address + result.path,
      path: result.path,
      site: present(result.site),
    };
  }
  const shown = address.trim().slice(0, 200);
  // Outside means outside the whole sandbox: a site of the pack the actor may not open is the wall.
  const inside =
    resolveAddress(
      address,
      deps.pack.sites.filter((s) => existsIn(actor, s)),
    ).kind === 'site';
  if (!inside && rule(actor, 'outsideLinksAllowed')) {
    await deps.recorder.record(subjectOf(actor), 'link_out', { address: shown });
    return { reachable: false, address: shown, leaving: true, placardId: LEAVING_PLACARD_ID };
  }
  await deps.recorder.record(subjectOf(actor), 'blocked_address', { address: shown });
  return { reachable: false, address: shown, placardId: deps.pack.meta.unreachablePlacardId };
}

/** Every placard of the pack: public explanations anyone logged in may read. */
export function listPlacards(deps: Pick<BrowseDeps, 'pack'>): Placard[] {
  return deps.pack.placards;
}
