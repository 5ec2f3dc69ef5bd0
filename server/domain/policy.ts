/**
 * The one policy table: what each role may do in each mode, and what each mode changes.
 * Every HTTP route and socket event asks `can`; feature code asks `rule` for what a mode
 * switches on or off, and never reads `actor.mode` or compares role names itself. The client
 * receives the same answers through `capabilitiesOf` and never decides on its own.
 */
import type { Capability, Home, Mode, Network, Role, SectionId } from '../protocol/api';
import { CAPABILITY_IDS, ROLES as ROLE_LIST } from '../protocol/vocabulary';

/** Every role, in the order screens list them. */
export const ROLES: readonly Role[] = ROLE_LIST;

/** Every capability, in the order screens list them (the client names them by id, in its own language). */
export const CAPABILITIES: readonly Capability[] = CAPABILITY_IDS;

/** What a mode switches on or off, by name. */
export interface ModeRuleSet {
  /** Boards, rooms, sites and media sections admit only the roles the pack lists. */
  roleListsApply: boolean;
  /** A new post waits for a censor before anyone else sees it. */
  postsPreModerated: boolean;
  /** The pack's banned terms stop posts, chat messages and searches. */
  keywordFilter: boolean;
  /** The pack's substitutions rewrite chat messages. */
  substitutions: boolean;
  /**
   * The foreigners' network and the domestic one are one network: everyone who may browse sees the
   * sites of both, and foreigners and locals may chat with each other.
   */
  oneNetwork: boolean;
  /**
   * Addresses outside the sandbox lead to the "you are leaving the sandbox" page (never fetched),
   * and links inside posts are shown as links out; where off, an outside address hits the wall.
   */
  outsideLinksAllowed: boolean;
  /** Likes, shares and follows (the open network's social features). */
  socialActions: boolean;
}
export type ModeRule = keyof ModeRuleSet;

/** mode → rules. Closed is the walled national intranet; open is the same people on an open network. */
export const MODE_RULES: Readonly<Record<Mode, Readonly<ModeRuleSet>>> = {
  closed: {
    roleListsApply: true,
    postsPreModerated: true,
    keywordFilter: true,
    substitutions: true,
    oneNetwork: false,
    outsideLinksAllowed: false,
    socialActions: false,
  },
  open: {
    roleListsApply: false,
    postsPreModerated: false,
    keywordFilter: false,
    substitutions: false,
    oneNetwork: true,
    outsideLinksAllowed: true,
    socialActions: true,
  },
};

/** Whether a mode rule holds for an actor's session. */
export function rule(actor: Pick<Actor, 'mode'>, name: ModeRule): boolean {
  return MODE_RULES[actor.mode][name];
}

/** The role the trail names for a scheduled publication whose editor is not known. */
export const DESK_ROLE: Role = 'editor';
/** The role with the least access: what a record that lost its role is shown as. */
export const LEAST_ROLE: Role = 'citizen';

const READER: Capability[] = ['network.domestic', 'media.read', 'boards.read', 'boards.post', 'chat.use'];

/** role × closed mode → capabilities. Citizens hold nothing: most people have no access. */
const CLOSED: Record<Role, readonly Capability[]> = {
  // No network: only the one-way channel (state television, radio, the loudspeakers' bulletins).
  citizen: ['media.receive'],
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
  /**
   * A student's seat that has no role yet (it waits in the lobby): holds nothing in any mode.
   * `role` is then the least role, never shown as theirs.
   */
  pending?: boolean;
}

/** The capabilities an actor holds, in table order. */
export function capabilitiesOf(role: Role, mode: Mode): Capability[] {
  const held = new Set(TABLE[mode][role]);
  return CAPABILITY_IDS.filter((id) => held.has(id));
}

/** A site as far as policy cares: its network, the roles the pack lets in, the modes it exists in. */
export interface SiteAccess {
  network: Network;
  roles: readonly Role[];
  /** The modes in which the site exists at all (every mode when absent), e.g. the open network's own site. */
  modes?: readonly Mode[] | undefined;
}

/** Resources a check can be about. */
export type Resource =
  | { type: 'any' }
  /** A site of the directory. */
  | { type: 'site'; site: SiteAccess }
  /** Something the pack opens to listed roles: a board's readRoles or postRoles, a chat room's roles. */
  | { type: 'listed'; roles: readonly Role[] }
  /** A state-media section, with the pack's per-role section limits. */
  | { type: 'section'; section: SectionId; roleSections: Partial<Record<Role, readonly SectionId[]>> };

type Who = Pick<Actor, 'role' | 'mode'> & { pending?: boolean | undefined };

/** Whether `actor` may perform `action`, optionally on a specific resource. */
export function can(actor: Who, action: Capability, resource: Resource = { type: 'any' }): boolean {
  if (actor.pending) return false;
  if (!TABLE[actor.mode][actor.role].includes(action)) return false;
  switch (resource.type) {
    case 'any':
      return true;
    case 'site':
      return canOpenSite(actor, resource.site);
    case 'listed':
      return listed(actor, resource.roles);
    case 'section':
      return sectionOpen(actor, resource.roleSections, resource.section);
  }
}

/** Whether a pack role list admits an actor (every role, where role lists do not apply). */
function listed(actor: Who, roles: readonly Role[]): boolean {
  return !rule(actor, 'roleListsApply') || roles.includes(actor.role);
}

/** Whether a media section is open to an actor: roles the pack does not limit read every section. */
export function sectionOpen(
  actor: Who,
  roleSections: Partial<Record<Role, readonly SectionId[]>>,
  section: SectionId,
): boolean {
  if (!rule(actor, 'roleListsApply')) return true;
  const limit = roleSections[actor.role];
  return !limit || limit.includes(section);
}

/**
 * Whether an actor may open a site: one that exists in the actor's mode, on a network it may use
 * (its own network's sites, or any where the networks are one), and a role the site admits (any,
 * where role lists do not apply).
 */
export function canOpenSite(actor: Who, site: SiteAccess): boolean {
  if (actor.pending) return false;
  if (!existsIn(actor, site)) return false;
  const caps = TABLE[actor.mode][actor.role];
  const network = rule(actor, 'oneNetwork')
    ? caps.includes('network.domestic') || caps.includes('network.foreign')
    : caps.includes(site.network === 'domestic' ? 'network.domestic' : 'network.foreign');
  return network && listed(actor, site.roles);
}

/**
 * Which wall stops an actor at a site of the pack, or null when it opens: 'outside' for a site that
 * does not exist in the actor's mode (as any unknown address), 'network' for a site of the other
 * network (where the networks are not one), 'clearance' for a site of the actor's own network whose
 * role list leaves the actor out (the inner wall: listed as locked in the directory).
 */
export function wallAt(actor: Who, site: SiteAccess): 'outside' | 'network' | 'clearance' | null {
  if (canOpenSite(actor, site)) return null;
  if (!existsIn(actor, site)) return 'outside';
  if (!rule(actor, 'oneNetwork') && site.network !== networkOf(actor)) return 'network';
  return 'clearance';
}

/** Whether a site exists in the actor's mode (a site the pack lists for some modes only is absent in the others). */
export function existsIn(actor: Pick<Actor, 'mode'>, site: Pick<SiteAccess, 'modes'>): boolean {
  return !site.modes || site.modes.includes(actor.mode);
}

/** Someone another actor may meet: a chat peer or a user a censor acts on. */
export interface OtherUser {
  id: string;
  username: string;
  role: Role;
  revoked?: boolean | undefined;
  /** A student's seat: without a role yet (`assigned` false) it may meet no one. */
  seat?: { assigned: boolean } | undefined;
}

/**
 * Whether an actor may chat with another user: both with chat, someone else, not revoked, on the
 * same network (any, where the networks are one).
 */
export function mayChatWith(actor: Pick<Actor, 'username' | 'role' | 'mode' | 'pending'>, other: OtherUser): boolean {
  const them = { role: other.role, mode: actor.mode, pending: other.seat ? !other.seat.assigned : false };
  return (
    can(actor, 'chat.use') &&
    other.username !== actor.username &&
    !other.revoked &&
    can(them, 'chat.use') &&
    (rule(actor, 'oneNetwork') || networkOf(them) === networkOf(actor))
  );
}

/** Whether a user may be muted or revoked: someone else inside the simulated world, below the censors and the facilitator. */
export function disciplinable(actor: Pick<Actor, 'userId' | 'mode'>, user: OtherUser): boolean {
  const them = { role: user.role, mode: actor.mode };
  return user.id !== actor.userId && !can(them, 'users.discipline') && !can(them, 'sessions.manage');
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
  if (can(actor, 'sessions.manage')) return 'console';
  if (can(actor, 'policy.overview')) return 'overview';
  if (can(actor, 'trail.read')) return 'trail';
  const network = networkOf(actor);
  if (network === 'domestic') return 'portal';
  if (network === 'foreign') return 'foreign';
  return 'denied';
}
