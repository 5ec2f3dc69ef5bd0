import { describe, expect, it } from 'vitest';
import type { Capability, Home, Mode, Role } from '../protocol/api';
import { CAPABILITY_IDS, MODES, ROLES as ROLE_IDS } from '../protocol/vocabulary';
import {
  CAPABILITIES,
  MODE_RULES,
  ROLES,
  can,
  canOpenSite,
  capabilitiesOf,
  disciplinable,
  homeOf,
  mayChatWith,
  networkOf,
  rule,
  type ModeRuleSet,
} from './policy';

// The whole role × mode × capability table, written out by hand: a change to the policy must change this test.
const Y = true;
const _ = false;
const TABLE: Record<Mode, Record<Role, Record<Capability, boolean>>> = {
  closed: {
    //          domestic foreign mediaR mediaP boardsR boardsP chat  modQ  trail discip overview sessions receive
    citizen: row(_, _, _, _, _, _, _, _, _, _, _, _, Y),
    elite: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    scientist: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    academic: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    foreigner: row(_, Y, Y, _, _, _, Y, _, _, _, _, _, _),
    editor: row(Y, _, Y, Y, _, _, _, _, _, _, _, _, _),
    censor: row(Y, _, Y, _, Y, _, _, Y, Y, Y, _, _, _),
    facilitator: row(_, _, _, _, _, _, _, _, Y, _, Y, Y, _),
  },
  open: {
    //          domestic foreign mediaR mediaP boardsR boardsP chat  modQ  trail discip overview sessions receive
    citizen: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    elite: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    scientist: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    academic: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    foreigner: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _, _),
    editor: row(Y, _, Y, Y, _, _, _, _, _, _, _, _, _),
    censor: row(Y, _, Y, _, Y, _, _, Y, Y, Y, _, _, _),
    facilitator: row(_, _, _, _, _, _, _, _, Y, _, Y, Y, _),
  },
};

function row(...flags: boolean[]): Record<Capability, boolean> {
  if (flags.length !== CAPABILITY_IDS.length) throw new Error(`a row needs ${CAPABILITY_IDS.length} flags`);
  return Object.fromEntries(CAPABILITY_IDS.map((id, i) => [id, flags[i]!])) as Record<Capability, boolean>;
}

describe('vocabulary', () => {
  it('the policy lists the vocabulary’s roles and capabilities, in order', () => {
    expect(ROLES).toEqual(ROLE_IDS);
    expect(CAPABILITIES).toEqual(CAPABILITY_IDS);
  });
});

describe('policy table: role × mode × capability', () => {
  for (const mode of MODES) {
    for (const role of ROLES) {
      for (const id of CAPABILITY_IDS) {
        const expected = TABLE[mode][role][id];
        it(`${mode}: ${role} ${expected ? 'may' : 'may not'} ${id}`, () => {
          expect(can({ role, mode }, id)).toBe(expected);
        });
      }
      it(`${mode}: ${role} holds its capabilities in table order`, () => {
        expect(capabilitiesOf(role, mode)).toEqual(CAPABILITY_IDS.filter((id) => TABLE[mode][role][id]));
      });
    }
  }

  it('gives everyone but the facilitator a network in open mode', () => {
    for (const role of ROLES.filter((r) => r !== 'facilitator')) {
      expect(networkOf({ role, mode: 'open' }), role).not.toBeNull();
    }
  });
});

describe('mode rules', () => {
  // Written out by hand: closed is the walled intranet, open the comparison network.
  const EXPECTED: Record<Mode, ModeRuleSet> = {
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
  it('is the declared table', () => expect(MODE_RULES).toEqual(EXPECTED));
  for (const mode of MODES) {
    for (const name of Object.keys(EXPECTED[mode]) as (keyof ModeRuleSet)[]) {
      it(`${mode}: ${name} is ${EXPECTED[mode][name]}`, () => {
        expect(rule({ mode }, name)).toBe(EXPECTED[mode][name]);
      });
    }
  }
});

describe('landing screens', () => {
  const expected: Record<Mode, Record<Role, Home>> = {
    closed: {
      citizen: 'denied',
      elite: 'portal',
      scientist: 'portal',
      academic: 'portal',
      foreigner: 'foreign',
      editor: 'portal',
      censor: 'trail',
      facilitator: 'console',
    },
    open: {
      citizen: 'portal',
      elite: 'portal',
      scientist: 'portal',
      academic: 'portal',
      foreigner: 'portal',
      editor: 'portal',
      censor: 'trail',
      facilitator: 'console',
    },
  };
  for (const mode of MODES) {
    for (const role of ROLES) {
      it(`${mode}: ${role} lands on ${expected[mode][role]}`, () =>
        expect(homeOf(role, mode)).toBe(expected[mode][role]));
    }
  }
});

describe('site access', () => {
  const science = { network: 'domestic' as const, roles: ['elite', 'scientist'] as Role[] };
  const hotel = { network: 'foreign' as const, roles: ['foreigner'] as Role[] };

  it('admits only the roles a domestic site lists, and only with domestic access', () => {
    expect(canOpenSite({ role: 'scientist', mode: 'closed' }, science)).toBe(true);
    expect(canOpenSite({ role: 'academic', mode: 'closed' }, science)).toBe(false);
    expect(canOpenSite({ role: 'citizen', mode: 'closed' }, { ...science, roles: ['citizen'] })).toBe(false);
  });
  it('keeps foreigners and locals on separate networks', () => {
    expect(canOpenSite({ role: 'foreigner', mode: 'closed' }, hotel)).toBe(true);
    expect(canOpenSite({ role: 'elite', mode: 'closed' }, hotel)).toBe(false);
    expect(canOpenSite({ role: 'foreigner', mode: 'closed' }, { ...science, roles: ['foreigner'] })).toBe(false);
  });
  it('opens every site to everyone with a network in open mode (no role lists, one network)', () => {
    for (const role of ROLES) {
      const expected = networkOf({ role, mode: 'open' }) !== null;
      expect(canOpenSite({ role, mode: 'open' }, science), role).toBe(expected);
      expect(canOpenSite({ role, mode: 'open' }, hotel), role).toBe(expected);
    }
  });
  it('checks site resources through can()', () => {
    expect(can({ role: 'scientist', mode: 'closed' }, 'network.domestic', { type: 'site', site: science })).toBe(true);
    expect(can({ role: 'academic', mode: 'closed' }, 'network.domestic', { type: 'site', site: science })).toBe(false);
  });
});

describe('listed resources (board read/post roles, chat room roles)', () => {
  const lab: Role[] = ['elite', 'scientist'];
  // role → [closed, open] for `can(actor, 'chat.use', {type: 'listed', roles: lab})`.
  const CHAT: Record<Role, [boolean, boolean]> = {
    citizen: [_, Y],
    elite: [Y, Y],
    scientist: [Y, Y],
    academic: [_, Y],
    foreigner: [_, Y],
    editor: [_, _],
    censor: [_, _],
    facilitator: [_, _],
  };
  for (const role of ROLES) {
    it(`${role} may${CHAT[role][0] ? '' : ' not'} enter a listed room closed, may${CHAT[role][1] ? '' : ' not'} open`, () => {
      expect(can({ role, mode: 'closed' }, 'chat.use', { type: 'listed', roles: lab })).toBe(CHAT[role][0]);
      expect(can({ role, mode: 'open' }, 'chat.use', { type: 'listed', roles: lab })).toBe(CHAT[role][1]);
    });
  }
  it('never grants a capability the role lacks, whatever the list says', () => {
    expect(can({ role: 'censor', mode: 'closed' }, 'boards.post', { type: 'listed', roles: ['censor'] })).toBe(false);
    expect(can({ role: 'censor', mode: 'closed' }, 'boards.read', { type: 'listed', roles: ['censor'] })).toBe(true);
  });
});

describe('media sections', () => {
  const roleSections = { scientist: ['science' as const], elite: [] };
  it('limits the roles the pack limits, in closed mode only', () => {
    const section = (role: Role, mode: Mode, s: 'science' | 'leadership') =>
      can({ role, mode }, 'media.read', { type: 'section', section: s, roleSections });
    expect(section('scientist', 'closed', 'science')).toBe(true);
    expect(section('scientist', 'closed', 'leadership')).toBe(false);
    expect(section('elite', 'closed', 'science')).toBe(false);
    expect(section('academic', 'closed', 'leadership')).toBe(true);
    expect(section('scientist', 'open', 'leadership')).toBe(true);
    expect(section('elite', 'open', 'science')).toBe(true);
    expect(section('citizen', 'closed', 'science')).toBe(false);
    expect(section('citizen', 'open', 'science')).toBe(true);
  });
});

describe('who may chat with whom', () => {
  const me = { username: 'me', role: 'elite' as Role, mode: 'closed' as Mode };
  const other = (role: Role, extra: { revoked?: boolean; username?: string } = {}) => ({
    id: 'u2',
    username: extra.username ?? 'other',
    role,
    revoked: extra.revoked,
  });
  // Whom an elite may message: same (domestic) network, with chat.
  const CLOSED: Record<Role, boolean> = {
    citizen: _,
    elite: Y,
    scientist: Y,
    academic: Y,
    foreigner: _,
    editor: _,
    censor: _,
    facilitator: _,
  };
  const OPEN: Record<Role, boolean> = { ...CLOSED, citizen: Y, foreigner: Y };
  for (const role of ROLES) {
    it(`an elite may${CLOSED[role] ? '' : ' not'} chat with a ${role} closed, may${OPEN[role] ? '' : ' not'} open`, () => {
      expect(mayChatWith(me, other(role))).toBe(CLOSED[role]);
      expect(mayChatWith({ ...me, mode: 'open' }, other(role))).toBe(OPEN[role]);
    });
  }
  it('keeps foreigners among themselves on the closed network', () => {
    const foreigner = { username: 'f', role: 'foreigner' as Role, mode: 'closed' as Mode };
    expect(mayChatWith(foreigner, other('foreigner'))).toBe(true);
    expect(mayChatWith(foreigner, other('elite'))).toBe(false);
  });
  it('never with oneself, a revoked user, or without chat', () => {
    expect(mayChatWith(me, other('elite', { username: 'me' }))).toBe(false);
    expect(mayChatWith(me, other('elite', { revoked: true }))).toBe(false);
    expect(mayChatWith({ ...me, role: 'censor' }, other('elite'))).toBe(false);
  });
});

describe('who may be disciplined', () => {
  const censor = { userId: 'u1', mode: 'closed' as Mode };
  const EXPECTED: Record<Role, boolean> = {
    citizen: Y,
    elite: Y,
    scientist: Y,
    academic: Y,
    foreigner: Y,
    editor: Y,
    censor: _,
    facilitator: _,
  };
  for (const mode of MODES) {
    for (const role of ROLES) {
      it(`${mode}: a ${role} ${EXPECTED[role] ? 'may' : 'may not'} be disciplined`, () => {
        expect(disciplinable({ ...censor, mode }, { id: 'u2', username: 'x', role })).toBe(EXPECTED[role]);
      });
    }
  }
  it('never oneself', () => {
    expect(disciplinable(censor, { id: 'u1', username: 'me', role: 'elite' })).toBe(false);
  });
});
