/**
 * The one policy table: what each role may do in each mode.
 * Every HTTP route and socket event asks `can`; the client receives the same
 * answers through `capabilitiesOf` and never decides on its own.
 */
import type { Capability, Home, Mode, Network, Role } from '../protocol/api';

/** Every role, in the order screens list them. */
export const ROLES: readonly Role[] = [
  'citizen',
  'elite',
  'scientist',
  'academic',
  'foreigner',
  'editor',
  'censor',
  'facilitator',
];

/** Every capability with the label the facilitator's matrix shows. */
export const CAPABILITIES: readonly { id: Capability; label: string }[] = [
  { id: 'network.domestic', label: 'Use the national intranet' },
  { id: 'network.foreign', label: "Use the foreigners' network" },
  { id: 'media.read', label: 'Read state media' },
  { id: 'media.publish', label: 'Publish state media' },
  { id: 'boards.read', label: 'Read message boards' },
  { id: 'boards.post', label: 'Post on message boards' },
  { id: 'chat.use', label: 'Use chat' },
  { id: 'moderation.review', label: 'Review the moderation queue' },
  { id: 'trail.read', label: 'Read the surveillance trail' },
  { id: 'users.discipline', label: 'Mute or revoke users' },
  { id: 'policy.overview', label: 'See who may see what' },
  { id: 'sessions.manage', label: 'Run sessions, roles and modes' },
];

const READER: Capability[] = ['network.domestic', 'media.read', 'boards.read', 'boards.post', 'chat.use'];

/** role × closed mode → capabilities. Citizens hold nothing: most people have no access. */
const CLOSED: Record<Role, readonly Capability[]> = {
  citizen: [],
  elite: READER,
  scientist: READER,
  academic: READER,
  foreigner: ['network.foreign', 'media.read', 'chat.use'],
  editor: ['network.domestic', 'media.read', 'media.publish'],
  censor: ['network.domestic', 'media.read', 'boards.read', 'moderation.review', 'trail.read', 'users.discipline'],
  facilitator: ['trail.read', 'policy.overview', 'sessions.manage'],
};

/** role × open mode: the same people on an open network, where everyone has access. */
const OPEN: Record<Role, readonly Capability[]> = {
  ...CLOSED,
  citizen: READER,
  foreigner: READER,
};

const TABLE: Record<Mode, Record<Role, readonly Capability[]>> = { closed: CLOSED, open: OPEN };

/** Someone acting in the simulation. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  sessionId: string;
  mode: Mode;
}

/** The capabilities an actor holds, in table order. */
export function capabilitiesOf(role: Role, mode: Mode): Capability[] {
  const held = new Set(TABLE[mode][role]);
  return CAPABILITIES.map((c) => c.id).filter((id) => held.has(id));
}

/** A site as far as policy cares: its network and the roles the pack lets in. */
export interface SiteAccess {
  network: Network;
  roles: readonly Role[];
}

/** Resources a check can be about. */
export type Resource = { type: 'site'; site: SiteAccess } | { type: 'any' };

/** Whether `actor` may perform `action`, optionally on a specific resource. */
export function can(
  actor: Pick<Actor, 'role' | 'mode'>,
  action: Capability,
  resource: Resource = { type: 'any' },
): boolean {
  if (!TABLE[actor.mode][actor.role].includes(action)) return false;
  if (resource.type === 'site') return canOpenSite(actor, resource.site);
  return true;
}

/** Whether an actor may open a site: right network, and a role the site admits (open mode admits all). */
export function canOpenSite(actor: Pick<Actor, 'role' | 'mode'>, site: SiteAccess): boolean {
  const caps = TABLE[actor.mode][actor.role];
  if (actor.mode === 'open') return caps.includes('network.domestic') || caps.includes('network.foreign');
  const networkCap: Capability = site.network === 'domestic' ? 'network.domestic' : 'network.foreign';
  return caps.includes(networkCap) && site.roles.includes(actor.role);
}

/** The network whose directory an actor browses, or null when it has none. */
export function networkOf(actor: Pick<Actor, 'role' | 'mode'>): Network | null {
  if (can(actor, 'network.domestic')) return 'domestic';
  if (can(actor, 'network.foreign')) return 'foreign';
  return null;
}

/** Where a user lands after login: the most specific screen its capabilities open. */
export function homeOf(role: Role, mode: Mode): Home {
  const actor = { role, mode };
  if (can(actor, 'policy.overview')) return 'overview';
  if (can(actor, 'trail.read')) return 'trail';
  const network = networkOf(actor);
  if (network === 'domestic') return 'portal';
  if (network === 'foreign') return 'foreign';
  return 'denied';
}
