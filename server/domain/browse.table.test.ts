/**
 * The walled browser as role × mode × site tables over the default pack. Opening an address
 * answers a page ('site'), one of three walls — 'outside' (not a site of the sandbox in this mode:
 * recorded as a blocked address), 'clearance' (a site of the caller's own network its role is not
 * cleared for: recorded as `site_locked`, listed in the directory as locked), 'network' (a site of
 * the other network: the foreigners' network is apart; a blocked address) — the leaving page
 * ('leaving': open mode, an address outside the sandbox, recorded as a link out) or 403 for someone
 * with no network at all. In open mode citizens and foreigners get the reader capabilities, sites
 * admit every role, both networks are one, and the open network's own site (commons.open) exists;
 * in closed mode it does not, and its address is outside.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowseResponse, Mode, Role } from '../protocol/api';
import { outcome, testWorld, type World } from '../test/memory';
import { INNER_WALL_PLACARD_ID, NETWORK_WALL_PLACARD_ID, browse, directoryOf, listSites } from './browse';

let w: World;
beforeEach(async () => {
  w = await testWorld();
});

// Every site of the default pack, with the roles it admits in closed mode.
const SITES = {
  'portal.intra': 'portal', // elite scientist academic editor censor
  'news.intra': 'news-agency', // elite scientist academic editor censor
  'daily.intra': 'daily', // elite scientist academic editor censor
  'broadcast.intra': 'broadcast', // elite scientist academic editor censor
  'scitech.intra': 'scitech', // elite scientist censor
  'library.intra': 'library', // elite scientist academic censor
  'university.intra': 'university', // elite academic censor
  'boards.intra': 'boards', // elite scientist academic censor
  'chat.intra': 'chat', // elite scientist academic
  'search.intra': 'search', // elite scientist academic editor censor
  'commons.open': 'commons', // open mode only
  'visitor.guest': 'visitor', // foreigner (foreign network)
  'news.guest': 'visitor-news', // foreigner
  'hotel.guest': 'hotel', // foreigner
  'chat.guest': 'guest-chat', // foreigner
} as const;
const ADDRESSES = Object.keys(SITES) as (keyof typeof SITES)[];
type Answer = 'site' | 'outside' | 'clearance' | 'network' | 'leaving' | 403;
const S = 'site' as const;
const O = 'outside' as const;
const C = 'clearance' as const;
const N = 'network' as const;
const L = 'leaving' as const;
const F = 403 as const;

//                                 portal news daily bcast scitech library univ boards chat search commons visitor gnews hotel gchat
const TABLE: [Role, Mode, ...Answer[]][] = [
  ['citizen', 'closed', F, F, F, F, F, F, F, F, F, F, F, F, F, F, F],
  ['elite', 'closed', S, S, S, S, S, S, S, S, S, S, O, N, N, N, N],
  ['scientist', 'closed', S, S, S, S, S, S, C, S, S, S, O, N, N, N, N],
  ['academic', 'closed', S, S, S, S, C, S, S, S, S, S, O, N, N, N, N],
  ['foreigner', 'closed', N, N, N, N, N, N, N, N, N, N, O, S, S, S, S],
  ['editor', 'closed', S, S, S, S, C, C, C, C, C, S, O, N, N, N, N],
  ['censor', 'closed', S, S, S, S, S, S, S, S, C, S, O, N, N, N, N],
  ['facilitator', 'closed', F, F, F, F, F, F, F, F, F, F, F, F, F, F, F],
  ['citizen', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['elite', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['scientist', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['academic', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['foreigner', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['editor', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['censor', 'open', S, S, S, S, S, S, S, S, S, S, S, S, S, S, S],
  ['facilitator', 'open', F, F, F, F, F, F, F, F, F, F, F, F, F, F, F],
];

/** The answer's kind, and the response itself (undefined for a refusal). */
async function open(role: Role, mode: Mode, address: string): Promise<[Answer, BrowseResponse | undefined]> {
  let res: BrowseResponse | undefined;
  const result = await outcome(async () => {
    res = await browse(w.browse, w.actor(role, mode), address);
  });
  if (result !== 'ok') return [result as Answer, undefined];
  if (!res) throw new Error('no answer');
  if (res.reachable) return [S, res];
  if ('leaving' in res) return [L, res];
  return [res.wall ?? O, res];
}

/** What each answer records, and the placard the wall shows. */
const RECORDED: Record<Answer, string | null> = {
  site: 'page_view',
  outside: 'blocked_address',
  clearance: 'site_locked',
  network: 'blocked_address',
  leaving: 'link_out',
  403: null,
};

describe('opening each site by role and mode', () => {
  const rows = TABLE.flatMap(([role, mode, ...answers]) =>
    ADDRESSES.map((address, i) => [role, mode, address, answers[i]!] as const),
  );

  it.each(rows)('%s in %s mode: %s → %s', async (role, mode, address, expected) => {
    const [answer, res] = await open(role, mode, address);
    expect(answer).toBe(expected);
    const kind = RECORDED[expected];
    const events = w.store.trail.of();
    expect(events.map((e) => e.kind)).toEqual(kind ? [kind] : []);
    if (expected === C) {
      expect(res).toEqual({ reachable: false, address, placardId: INNER_WALL_PLACARD_ID, wall: C });
      expect(events[0]!.detail).toEqual({ site: SITES[address], address });
    }
    if (expected === N) {
      expect(res).toEqual({ reachable: false, address, placardId: NETWORK_WALL_PLACARD_ID, wall: N });
      expect(events[0]!.detail).toEqual({ address, wall: N });
    }
    if (expected === O) {
      expect(res).toEqual({ reachable: false, address, placardId: w.pack.meta.unreachablePlacardId, wall: O });
      expect(events[0]!.detail).toEqual({ address });
    }
  });

  it.each(rows.filter((r) => r[3] === C))(
    '%s in %s mode: nothing inside %s opens either (%s)',
    async (role, mode, address) => {
      const [answer] = await open(role, mode, `${address}/article/anything`);
      expect(answer).toBe(C);
    },
  );

  it.each(TABLE)(
    '%s in %s mode: the directory lists the reachable sites, and the locked ones as locked',
    (role, mode, ...answers) => {
      const actor = w.actor(role, mode);
      if (answers[0] === F) {
        expect(() => directoryOf(w.browse, actor)).toThrow();
        expect(() => listSites(w.browse, actor)).toThrow();
        return;
      }
      const reachable = ADDRESSES.filter((_, i) => answers[i] === S).map((a) => SITES[a]);
      const locked = ADDRESSES.filter((_, i) => answers[i] === C).map((a) => SITES[a]);
      expect(directoryOf(w.browse, actor).map((s) => s.id)).toEqual(reachable);
      const listed = listSites(w.browse, actor).sites;
      expect(listed.filter((s) => !s.locked).map((s) => s.id)).toEqual(reachable);
      expect(listed.filter((s) => s.locked).map((s) => s.id)).toEqual(locked);
      // In pack order, with nothing from inside a locked site.
      const order = w.pack.sites.map((s) => s.id);
      expect(listed.map((s) => s.id)).toEqual(
        order.filter((id) => reachable.includes(id as never) || locked.includes(id as never)),
      );
      for (const site of listed.filter((s) => s.locked)) {
        expect(site).toEqual({
          id: site.id,
          address: expect.any(String),
          title: expect.any(String),
          description: expect.any(String),
          network: 'domestic',
          intro: [],
          placardId: INNER_WALL_PLACARD_ID,
          locked: true,
        });
      }
      for (const site of listed) expect(site).not.toHaveProperty('roles');
    },
  );

  it('the walls’ placards are in the pack', () => {
    const ids = w.pack.placards.map((p) => p.id);
    expect(ids).toContain(INNER_WALL_PLACARD_ID);
    expect(ids).toContain(NETWORK_WALL_PLACARD_ID);
  });
});

describe('home site and outside addresses by role and mode', () => {
  const homes: [Role, Mode, string | 403][] = [
    ['citizen', 'closed', 403],
    ['elite', 'closed', 'portal'],
    ['scientist', 'closed', 'portal'],
    ['academic', 'closed', 'portal'],
    ['foreigner', 'closed', 'visitor'],
    ['editor', 'closed', 'portal'],
    ['censor', 'closed', 'portal'],
    ['facilitator', 'closed', 403],
    ['citizen', 'open', 'portal'],
    ['elite', 'open', 'portal'],
    ['foreigner', 'open', 'portal'], // in open mode foreigners browse the domestic network's directory
    ['censor', 'open', 'portal'],
    ['facilitator', 'open', 403],
  ];
  it.each(homes)('%s in %s mode starts at %s', async (role, mode, expected) => {
    const actor = w.actor(role, mode);
    if (expected === 403) expect(await outcome(() => listSites(w.browse, actor))).toBe(403);
    else expect(listSites(w.browse, actor).home).toBe(expected);
  });

  // Addresses outside the pack hit the wall in closed mode and open the leaving page in open mode;
  // neither ever reaches the real outside (see http/mode.test.ts).
  const outside = ['google.com', 'https://www.bbc.co.uk/news', 'portal.intra.evil.com', 'localhost:3000'];
  const rows = (['closed', 'open'] as const).flatMap((mode) =>
    (['elite', 'foreigner', 'citizen'] as Role[]).flatMap((role) =>
      outside.map(
        (address) =>
          [role, mode, address, mode === 'open' ? L : role === 'citizen' ? F : O] as [Role, Mode, string, Answer],
      ),
    ),
  );
  it.each(rows)('%s in %s mode: %s → %s', async (role, mode, address, expected) => {
    expect((await open(role, mode, address))[0]).toBe(expected);
  });

  it('the address is normalised: scheme, www, case, port and path do not matter; the path is kept', async () => {
    const res = await browse(w.browse, w.actor('elite'), 'HTTP://www.News.Intra:80/world/today?x=1');
    expect(res).toMatchObject({ reachable: true, address: 'news.intra/world/today', path: '/world/today' });
  });
});
