/**
 * The walled browser: the directory a user sees and what opening an address does. An address in
 * the directory opens its page; any other hits a wall that says which it is — no route outside,
 * not cleared for this site (a site of the user's own network that the role may not open, listed
 * in the directory as locked), or the other network (the foreigners' network is apart) — or, where
 * outside links are allowed (open mode), an outside address opens the "you are leaving the
 * sandbox" page that names it. Nothing here ever fetches or resolves an address: the sandbox never
 * goes outside.
 */
import type { BrowseResponse, BrowseWall, Placard, Site, SitesResponse } from '../protocol/api';
import { resolveAddress } from './address';
import { subjectOf } from './auth';
import { forbidden } from './errors';
import { LEAVING_PLACARD_ID, type Pack, type PackSite } from './pack';
import { canOpenSite, existsIn, networkOf, rule, wallAt, type Actor } from './policy';
import type { TrailRecorder } from './recorder';
import { takeRecorded, type Throttle } from './throttle';

/** What browsing needs: the pack's sites and placards, and the recorder. */
export interface BrowseDeps {
  pack: Pack;
  recorder: TrailRecorder;
  /** Page opens per user: each is an fsynced trail entry. */
  throttle: Throttle;
}

/** The placard of the inner wall: a site the role is not cleared for. */
export const INNER_WALL_PLACARD_ID = 'inner-wall';
/** The placard of the wall between the foreigners' network and the domestic one. */
export const NETWORK_WALL_PLACARD_ID = 'foreigners-network';

function present(site: PackSite): Site {
  const { roles: _roles, modes: _modes, ...visible } = site;
  return visible;
}

/** A locked site as the directory lists it: its name and address, nothing from inside it. */
function presentLocked(site: PackSite): Site {
  const { id, address, title, description, network } = site;
  return { id, address, title, description, network, intro: [], placardId: INNER_WALL_PLACARD_ID, locked: true };
}

/** The sites of an actor's own network that its role is not cleared for (none where role lists do not apply). */
export function lockedOf(deps: Pick<BrowseDeps, 'pack'>, actor: Actor): PackSite[] {
  return deps.pack.sites.filter((s) => wallAt(actor, s) === 'clearance');
}

/**
 * The sites an actor may open, in pack order; 403 for someone with no network. A site the pack
 * lists for other modes only is not in it (the open network's site does not exist in closed mode).
 */
export function directoryOf(deps: Pick<BrowseDeps, 'pack'>, actor: Actor): PackSite[] {
  if (!networkOf(actor)) throw forbidden('This terminal is not authorised for the national network.');
  return deps.pack.sites.filter((s) => canOpenSite(actor, s));
}

/**
 * `GET /api/sites`: the directory and its home page. Sites of the actor's network that its role is
 * not cleared for are listed too, in pack order, as locked (`locked: true`, nothing from inside).
 */
export function listSites(deps: Pick<BrowseDeps, 'pack'>, actor: Actor): SitesResponse {
  const sites = directoryOf(deps, actor);
  const open = new Set(sites.map((s) => s.id));
  const locked = new Set(lockedOf(deps, actor).map((s) => s.id));
  const network = networkOf(actor) ?? 'domestic';
  const preferred = deps.pack.meta.homeSites[network];
  const home = sites.find((s) => s.id === preferred)?.id ?? sites[0]?.id ?? '';
  const listed = deps.pack.sites.filter((s) => open.has(s.id) || locked.has(s.id));
  return { home, sites: listed.map((s) => (open.has(s.id) ? present(s) : presentLocked(s))) };
}

/**
 * Opens an address: a page view if it is in the directory; otherwise the wall it hits — a site the
 * role is not cleared for (`site_locked`), a site of the other network (`blocked_address`, wall
 * 'network'), anything else (`blocked_address`, wall 'outside') — or, where outside links are
 * allowed, the leaving page for an address outside the sandbox (`link_out`). Each is recorded.
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
  // Outside means outside the whole sandbox: a site of the pack the actor may not open is a wall inside.
  const inside = resolveAddress(
    address,
    deps.pack.sites.filter((s) => existsIn(actor, s)),
  );
  const wall: BrowseWall = inside.kind === 'site' ? (wallAt(actor, inside.site) ?? 'outside') : 'outside';
  if (inside.kind !== 'site' && rule(actor, 'outsideLinksAllowed')) {
    await deps.recorder.record(subjectOf(actor), 'link_out', { address: shown });
    return { reachable: false, address: shown, leaving: true, placardId: LEAVING_PLACARD_ID };
  }
  if (wall === 'clearance' && inside.kind === 'site') {
    await deps.recorder.record(subjectOf(actor), 'site_locked', { site: inside.site.id, address: shown });
    return { reachable: false, address: shown, placardId: INNER_WALL_PLACARD_ID, wall };
  }
  if (wall === 'network') {
    await deps.recorder.record(subjectOf(actor), 'blocked_address', { address: shown, wall });
    return { reachable: false, address: shown, placardId: NETWORK_WALL_PLACARD_ID, wall };
  }
  await deps.recorder.record(subjectOf(actor), 'blocked_address', { address: shown });
  return { reachable: false, address: shown, placardId: deps.pack.meta.unreachablePlacardId, wall };
}

/** Every placard of the pack: public explanations anyone logged in may read. */
export function listPlacards(deps: Pick<BrowseDeps, 'pack'>): Placard[] {
  return deps.pack.placards;
}
