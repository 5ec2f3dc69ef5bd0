/**
 * The two modes side by side, over the default pack: every mode rule in both modes, each role's
 * capabilities in open mode, the foreigners' wall falling (one network, chat across it), the open
 * network's own site existing only in open mode, outside addresses leading to the leaving page
 * (recorded as a link out) instead of the wall, and trail events tagged with their round and mode.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Capability, Mode, Role } from '../protocol/api';
import { CAPABILITY_IDS, MODES, ROLES } from '../protocol/vocabulary';
import { outcome, testWorld, type World } from '../test/memory';
import { browse, directoryOf, listSites } from './browse';
import { Bus } from './bus';
import { LEAVING_PLACARD_ID } from './pack';
import {
  MODE_RULES,
  canOpenSite,
  capabilitiesOf,
  existsIn,
  mayChatWith,
  networkOf,
  rule,
  type ModeRule,
  type ModeRuleSet,
} from './policy';
import { sessionContext, TrailRecorder } from './recorder';
import { makeEvent } from './trail';

let w: World;
beforeEach(async () => {
  w = await testWorld();
});

const Y = true;
const _ = false;

// Every rule a mode declares, written out by hand: a change to MODE_RULES must change this table.
//                         closed open
const RULES: Record<ModeRule, [boolean, boolean]> = {
  roleListsApply: [Y, _],
  postsPreModerated: [Y, _],
  keywordFilter: [Y, _],
  substitutions: [Y, _],
  oneNetwork: [_, Y],
  outsideLinksAllowed: [_, Y],
  socialActions: [_, Y],
};

describe('the mode rules: every rule in both modes', () => {
  it('declares exactly these rules, in both modes', () => {
    for (const mode of MODES) expect(Object.keys(MODE_RULES[mode]).sort()).toEqual(Object.keys(RULES).sort());
  });
  const rows = (Object.keys(RULES) as ModeRule[]).flatMap((name) =>
    MODES.map((mode, i) => [name, mode, RULES[name][i]!] as const),
  );
  it.each(rows)('%s in %s mode is %s', (name, mode, expected) => {
    expect(MODE_RULES[mode][name]).toBe(expected);
    expect(rule({ mode }, name)).toBe(expected);
  });
  it('no rule holds the same in both modes (each is something a mode changes)', () => {
    for (const name of Object.keys(RULES) as (keyof ModeRuleSet)[])
      expect(MODE_RULES.closed[name], name).not.toBe(MODE_RULES.open[name]);
  });
});

describe('open-mode capabilities, role by role', () => {
  // Written out by hand: everyone has access; the censor, editor and facilitator keep their jobs.
  const READER: Capability[] = ['network.domestic', 'media.read', 'boards.read', 'boards.post', 'chat.use'];
  const OPEN: Record<Role, Capability[]> = {
    citizen: READER,
    elite: READER,
    scientist: READER,
    academic: READER,
    foreigner: READER,
    editor: ['network.domestic', 'media.read', 'media.publish'],
    censor: ['network.domestic', 'media.read', 'boards.read', 'moderation.review', 'trail.read', 'users.discipline'],
    facilitator: ['trail.read', 'policy.overview', 'sessions.manage'],
  };
  it.each(ROLES.map((r) => [r] as const))('%s in open mode holds exactly its open capabilities', (role) => {
    expect(capabilitiesOf(role, 'open')).toEqual(CAPABILITY_IDS.filter((c) => OPEN[role].includes(c)));
  });
  it('citizens and foreigners gain access only in open mode', () => {
    expect(capabilitiesOf('citizen', 'closed')).toEqual(['media.receive']);
    expect(capabilitiesOf('foreigner', 'closed')).not.toContain('network.domestic');
    expect(networkOf({ role: 'citizen', mode: 'open' })).toBe('domestic');
    expect(networkOf({ role: 'foreigner', mode: 'open' })).toBe('domestic');
  });
});

const DOMESTIC = ['portal', 'news-agency', 'daily', 'broadcast', 'scitech', 'library', 'university', 'boards', 'chat'];
const FOREIGN = ['visitor', 'visitor-news', 'hotel', 'guest-chat'];
const BROWSERS = ROLES.filter((r) => r !== 'facilitator');

describe('one network in open mode', () => {
  it.each(BROWSERS.map((r) => [r] as const))('%s sees the domestic and the foreign sites together', (role) => {
    const ids = directoryOf(w.browse, w.actor(role, 'open')).map((s) => s.id);
    for (const id of [...DOMESTIC, ...FOREIGN, 'commons']) expect(ids, id).toContain(id);
  });
  it('every role that may browse sees the same directory in open mode, and not in closed mode', () => {
    const dirs = (mode: Mode) =>
      BROWSERS.filter((r) => networkOf({ role: r, mode })).map((r) =>
        directoryOf(w.browse, w.actor(r, mode))
          .map((s) => s.id)
          .join(),
      );
    expect(new Set(dirs('open')).size).toBe(1);
    expect(new Set(dirs('closed')).size).toBeGreaterThan(1);
  });
  it('a foreigner and a citizen open each other’s sites in open mode and are walled apart in closed mode', async () => {
    expect((await browse(w.browse, w.actor('foreigner', 'open'), 'news.intra')).reachable).toBe(true);
    expect((await browse(w.browse, w.actor('citizen', 'open'), 'hotel.guest')).reachable).toBe(true);
    const walled = await browse(w.browse, w.actor('foreigner', 'closed'), 'news.intra');
    // The foreigner is told about the foreigners' network, not the domestic one.
    expect(walled).toEqual({
      reachable: false,
      address: 'news.intra',
      placardId: 'foreigners-network',
      wall: 'network',
    });
    expect(await outcome(() => browse(w.browse, w.actor('citizen', 'closed'), 'hotel.guest'))).toBe(403);
  });

  const person = (role: Role, username: string = role) => ({ id: `u-${username}`, username, role });
  // role → [closed, open]: whom a foreigner may chat with.
  const FOREIGNER_CHATS: Record<Role, [boolean, boolean]> = {
    citizen: [_, Y],
    elite: [_, Y],
    scientist: [_, Y],
    academic: [_, Y],
    foreigner: [Y, Y],
    editor: [_, _],
    censor: [_, _],
    facilitator: [_, _],
  };
  it.each(ROLES.map((r) => [r, ...FOREIGNER_CHATS[r]] as const))(
    'a foreigner and a %s: chat closed %s, open %s',
    (role, closed, open) => {
      const foreigner = { username: 'guest', role: 'foreigner' as Role };
      expect(mayChatWith({ ...foreigner, mode: 'closed' }, person(role))).toBe(closed);
      expect(mayChatWith({ ...foreigner, mode: 'open' }, person(role))).toBe(open);
      // and the other way round
      const them = { username: role, role, mode: 'open' as Mode };
      expect(mayChatWith(them, person('foreigner', 'guest'))).toBe(open);
    },
  );
});

describe('the open network’s site exists only in open mode', () => {
  const commons = () => w.pack.sites.find((s) => s.id === 'commons')!;
  it('is in the pack as a social site listed for open mode only', () => {
    expect(commons()).toMatchObject({ address: 'commons.open', app: 'social', placardId: 'open-trending' });
    expect(commons().modes).toEqual(['open']);
    expect(existsIn({ mode: 'open' }, commons())).toBe(true);
    expect(existsIn({ mode: 'closed' }, commons())).toBe(false);
    for (const role of ROLES) expect(canOpenSite({ role, mode: 'closed' }, commons()), role).toBe(false);
  });
  it.each(BROWSERS.map((r) => [r] as const))('%s: GET /api/sites lists it in open mode only', (role) => {
    expect(listSites(w.browse, w.actor(role, 'open')).sites.map((s) => s.id)).toContain('commons');
    if (networkOf({ role, mode: 'closed' }))
      expect(listSites(w.browse, w.actor(role, 'closed')).sites.map((s) => s.id)).not.toContain('commons');
  });
  it('opens in open mode, without the pack-only fields', async () => {
    const res = await browse(w.browse, w.actor('citizen', 'open'), 'https://commons.open/');
    expect(res.reachable).toBe(true);
    if (!res.reachable) return;
    expect(res.site).toMatchObject({ id: 'commons', app: 'social', title: 'Commons (simulated)' });
    expect(res.site).not.toHaveProperty('modes');
    expect(res.site).not.toHaveProperty('roles');
    expect(w.store.trail.of().map((e) => [e.kind, e.detail.site])).toEqual([['page_view', 'commons']]);
  });
  it.each(['elite', 'foreigner', 'censor'] as Role[])(
    '%s in closed mode typing commons.open gets the normal wall, as for any unknown address',
    async (role) => {
      const actor = w.actor(role, 'closed');
      const res = await browse(w.browse, actor, 'commons.open');
      const unknown = await browse(w.browse, actor, 'nowhere.open');
      expect(res).toEqual({
        reachable: false,
        address: 'commons.open',
        placardId: w.pack.meta.unreachablePlacardId,
        wall: 'outside',
      });
      expect(unknown).toEqual({ ...res, address: 'nowhere.open' });
      expect(w.store.trail.of().map((e) => e.kind)).toEqual(['blocked_address', 'blocked_address']);
    },
  );
});

describe('outside addresses: the wall in closed mode, the leaving page in open mode', () => {
  const outside = ['https://example.com/news', 'google.com', 'http://10.0.0.1:8080/admin', 'portal.intra.example.org'];
  it.each(outside)('open mode: %s answers the leaving page naming it, recorded as a link out', async (address) => {
    const res = await browse(w.browse, w.actor('citizen', 'open'), address);
    expect(res).toEqual({ reachable: false, address, leaving: true, placardId: LEAVING_PLACARD_ID });
    expect(w.pack.placards.some((p) => p.id === LEAVING_PLACARD_ID)).toBe(true);
    const events = w.store.trail.of();
    expect(events.map((e) => [e.kind, e.detail])).toEqual([['link_out', { address }]]);
    expect(events[0]).toMatchObject({ username: 'citizen', role: 'citizen' });
  });
  it.each(outside)('closed mode: %s hits the wall, recorded as a blocked address', async (address) => {
    const res = await browse(w.browse, w.actor('elite', 'closed'), address);
    expect(res).toEqual({ reachable: false, address, placardId: w.pack.meta.unreachablePlacardId, wall: 'outside' });
    expect(w.store.trail.of().map((e) => [e.kind, e.detail])).toEqual([['blocked_address', { address }]]);
  });
  it('a site of the pack is never "outside", in either mode', async () => {
    const res = await browse(w.browse, w.actor('foreigner', 'closed'), 'news.intra');
    expect('leaving' in res).toBe(false);
    expect((await browse(w.browse, w.actor('foreigner', 'open'), 'news.intra')).reachable).toBe(true);
  });
  it('names a long address cut to 200 characters', async () => {
    const address = `https://example.com/${'a'.repeat(400)}`;
    const res = await browse(w.browse, w.actor('elite', 'open'), address);
    expect(res).toMatchObject({ leaving: true, address: address.slice(0, 200) });
  });
});

describe('trail events carry their round and mode', () => {
  const subject = { username: 'elite', role: 'elite' as Role, sessionId: 'demo' };
  it('makeEvent tags the mode, and the round only inside one', () => {
    const at = new Date('2026-01-01T10:00:00Z');
    expect(makeEvent(subject, 'page_view', {}, 'e1', at, { mode: 'open', round: 2 })).toMatchObject({
      mode: 'open',
      round: 2,
    });
    const outside = makeEvent(subject, 'page_view', {}, 'e2', at, { mode: 'closed' });
    expect(outside.mode).toBe('closed');
    expect(outside).not.toHaveProperty('round');
    expect(makeEvent(subject, 'page_view', {}, 'e3', at)).not.toHaveProperty('mode');
  });
  it('the recorder reads the session’s mode and running round at record time', async () => {
    const recorder = new TrailRecorder(w.store.trail, new Bus(), undefined, sessionContext(w.store.sessions));
    const sid = w.session.id;
    const first = await recorder.record({ ...subject, sessionId: sid }, 'page_view');
    expect(first.mode).toBe(w.session.mode);
    expect(first).not.toHaveProperty('round');
    await w.store.sessions.insert({
      id: 'c-one',
      name: 'Class',
      code: '123456',
      mode: 'open',
      createdAt: new Date().toISOString(),
      class: {
        ownerId: 'x',
        packId: 'default',
        capacity: 10,
        lateJoin: true,
        locked: false,
        paused: false,
        ended: false,
        round: { number: 3, mode: 'open', startedAt: new Date().toISOString() },
        rounds: 3,
        preset: null,
        removedNames: [],
      },
    });
    const inRound = await recorder.record({ ...subject, sessionId: 'c-one' }, 'link_out', { address: 'x.com' });
    expect(inRound).toMatchObject({ mode: 'open', round: 3 });
    await w.setMode('open');
    expect((await recorder.record({ ...subject, sessionId: sid }, 'page_view')).mode).toBe('open');
    const unknown = await recorder.record({ ...subject, sessionId: 'gone' }, 'page_view');
    expect(unknown).not.toHaveProperty('mode');
    expect(w.store.trail.of().map((e) => [e.mode, e.round])).toEqual([
      [first.mode, undefined],
      ['open', 3],
      ['open', undefined],
      [undefined, undefined],
    ]);
  });
});
