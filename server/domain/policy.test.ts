import { describe, expect, it } from 'vitest';
import type { Capability, Role } from '../protocol/api';
import { CAPABILITIES, ROLES, can, canOpenSite, capabilitiesOf, homeOf, networkOf } from './policy';

// The whole closed-mode table, written out by hand: a change to the policy must change this test.
const Y = true;
const _ = false;
const CLOSED: Record<Role, Record<Capability, boolean>> = {
  //          domestic foreign mediaR mediaP boardsR boardsP chat  modQ  trail discip overview sessions
  citizen: row(_, _, _, _, _, _, _, _, _, _, _, _),
  elite: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _),
  scientist: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _),
  academic: row(Y, _, Y, _, Y, Y, Y, _, _, _, _, _),
  foreigner: row(_, Y, Y, _, _, _, Y, _, _, _, _, _),
  editor: row(Y, _, Y, Y, _, _, _, _, _, _, _, _),
  censor: row(Y, _, Y, _, Y, _, _, Y, Y, Y, _, _),
  facilitator: row(_, _, _, _, _, _, _, _, Y, _, Y, Y),
};

function row(...flags: boolean[]): Record<Capability, boolean> {
  return Object.fromEntries(CAPABILITIES.map((c, i) => [c.id, flags[i]!])) as Record<Capability, boolean>;
}

describe('policy table, closed mode', () => {
  for (const role of ROLES) {
    for (const { id } of CAPABILITIES) {
      it(`${role} ${CLOSED[role][id] ? 'may' : 'may not'} ${id}`, () => {
        expect(can({ role, mode: 'closed' }, id)).toBe(CLOSED[role][id]);
      });
    }
  }

  it('lists capabilities in table order', () => {
    expect(capabilitiesOf('censor', 'closed')).toEqual([
      'network.domestic',
      'media.read',
      'boards.read',
      'moderation.review',
      'trail.read',
      'users.discipline',
    ]);
  });
});

describe('policy table, open mode', () => {
  it('gives everyone access to the network', () => {
    for (const role of ROLES.filter((r) => r !== 'facilitator')) {
      expect(networkOf({ role, mode: 'open' }), role).not.toBeNull();
    }
  });
  it('gives the citizen the reader capabilities', () => {
    expect(capabilitiesOf('citizen', 'open')).toEqual([
      'network.domestic',
      'media.read',
      'boards.read',
      'boards.post',
      'chat.use',
    ]);
  });
});

describe('landing screens', () => {
  const expected: Record<Role, string> = {
    citizen: 'denied',
    elite: 'portal',
    scientist: 'portal',
    academic: 'portal',
    foreigner: 'foreign',
    editor: 'portal',
    censor: 'trail',
    facilitator: 'overview',
  };
  for (const role of ROLES) {
    it(`${role} lands on ${expected[role]}`, () => expect(homeOf(role, 'closed')).toBe(expected[role]));
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
  it('checks site resources through can()', () => {
    expect(can({ role: 'scientist', mode: 'closed' }, 'network.domestic', { type: 'site', site: science })).toBe(true);
    expect(can({ role: 'academic', mode: 'closed' }, 'network.domestic', { type: 'site', site: science })).toBe(false);
  });
});
