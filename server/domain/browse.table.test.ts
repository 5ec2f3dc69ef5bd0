/**
 * The walled browser as role × mode × site tables over the default pack. Opening an address
 * answers a page ('site'), the wall ('wall': not in the caller's directory, recorded as a blocked
 * address), the leaving page ('leaving': open mode, an address outside the sandbox, recorded as a
 * link out) or 403 for someone with no network at all. In open mode citizens and foreigners get the
 * reader capabilities, sites admit every role, both networks are one, and the open network's own
 * site (commons.open) exists; in closed mode it does not, and its address hits the wall.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, Role } from '../protocol/api';
import { outcome, testWorld, type World } from '../test/memory';
import { browse, directoryOf, listSites } from './browse';

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
type Answer = 'site' | 'wall' | 'leaving' | 403;
const S = 'site' as const;
const W = 'wall' as const;
const L = 'leaving' as const;
const F = 403 as const;

//                                 portal news daily bcast scitech library univ boards chat search commons visitor gnews hotel gchat
const TABLE: [Role, Mode, ...Answer[]][] = [
  ['citizen', 'closed', F, F, F, F, F, F, F, F, F, F, F, F, F, F, F],
  ['elite', 'closed', S, S, S, S, S, S, S, S, S, S, W, W, W, W, W],
  ['scientist', 'closed', S, S, S, S, S, S, W, S, S, S, W, W, W, W, W],
  ['academic', 'closed', S, S, S, S, W, S, S, S, S, S, W, W, W, W, W],
  ['foreigner', 'closed', W, W, W, W, W, W, W, W, W, W, W, S, S, S, S],
  ['editor', 'closed', S, S, S, S, W, W, W, W, W, S, W, W, W, W, W],
  ['censor', 'closed', S, S, S, S, S, S, S, S, W, S, W, W, W, W, W],
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

async function open(role: Role, mode: Mode, address: string): Promise<Answer> {
  let answer: Answer = W;
  const result = await outcome(async () => {
    const res = await browse(w.browse, w.actor(role, mode), address);
    answer = res.reachable ? S : 'leaving' in res ? L : W;
  });
  if (result !== 'ok') return result as Answer;
  return answer;
}

describe('opening each site by role and mode', () => {
  const rows = TABLE.flatMap(([role, mode, ...answers]) =>
    ADDRESSES.map((address, i) => [role, mode, address, answers[i]!] as const),
  );

  it.each(rows)('%s in %s mode: %s → %s', async (role, mode, address, expected) => {
    expect(await open(role, mode, address)).toBe(expected);
    const kinds = w.store.trail.of().map((e) => e.kind);
    const kind = { site: 'page_view', wall: 'blocked_address', leaving: 'link_out', 403: null }[expected];
    expect(kinds).toEqual(kind ? [kind] : []);
  });

  it.each(TABLE)('%s in %s mode: the directory lists exactly the reachable sites', (role, mode, ...answers) => {
    const actor = w.actor(role, mode);
    if (answers[0] === F) {
      expect(() => directoryOf(w.browse, actor)).toThrow();
      return;
    }
    const expected = ADDRESSES.filter((_, i) => answers[i] === S).map((a) => SITES[a]);
    expect(directoryOf(w.browse, actor).map((s) => s.id)).toEqual(expected);
    expect(listSites(w.browse, actor).sites.map((s) => s.id)).toEqual(expected);
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
          [role, mode, address, mode === 'open' ? L : role === 'citizen' ? F : W] as [Role, Mode, string, Answer],
      ),
    ),
  );
  it.each(rows)('%s in %s mode: %s → %s', async (role, mode, address, expected) => {
    expect(await open(role, mode, address)).toBe(expected);
  });

  it('the address is normalised: scheme, www, case, port and path do not matter; the path is kept', async () => {
    const res = await browse(w.browse, w.actor('elite'), 'HTTP://www.News.Intra:80/world/today?x=1');
    expect(res).toMatchObject({ reachable: true, address: 'news.intra/world/today', path: '/world/today' });
  });
});
