import { describe, expect, it } from 'vitest';
import type { Mode, TrailEvent, TrailKind } from '../protocol/api';
import { debriefRounds, figureRows, median, transcriptLines, type DebriefUser } from './debrief';

const users: DebriefUser[] = [
  { id: 'u-fac', username: 'teacher', displayName: 'Teacher' },
  { id: 'u-min', username: 'minji', displayName: 'Min-ji' },
  { id: 'u-jae', username: 'jaeho', displayName: 'Jae-ho' },
  { id: 'u-soo', username: 'sooah', displayName: 'Soo-ah' },
  { id: 'u-cen', username: 'censor1', displayName: 'Censor' },
];

let seq = 0;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
/** An event `s` seconds after T0, in round `round` of mode `mode`. */
function ev(
  s: number,
  kind: TrailKind,
  username: string | null,
  detail: Record<string, string> = {},
  round?: number,
  mode?: Mode,
): TrailEvent {
  return {
    id: `e${++seq}`,
    sessionId: 'c-1',
    at: new Date(T0 + s * 1000).toISOString(),
    kind,
    username,
    role: null,
    detail,
    ...(mode ? { mode } : {}),
    ...(round !== undefined ? { round } : {}),
  };
}
const c1 = (s: number, kind: TrailKind, u: string | null, d: Record<string, string> = {}) =>
  ev(s, kind, u, d, 1, 'closed');
const o2 = (s: number, kind: TrailKind, u: string | null, d: Record<string, string> = {}) =>
  ev(s, kind, u, d, 2, 'open');

const trail: TrailEvent[] = [
  ev(0, 'session_created', 'teacher', {}, undefined, 'closed'),
  ev(1, 'chat_message', 'minji', { room: 'lobby', text: 'before any round' }, undefined, 'closed'),
  c1(10, 'round_started', 'teacher', { round: '1', mode: 'closed' }),
  // messages: 3 delivered (1 rewritten), 2 blocked
  c1(20, 'chat_message', 'minji', { room: 'square', text: 'hello, "all"' }),
  c1(21, 'chat_message', 'jaeho', { room: 'square', text: 'bad word', substitutions: 'x → y' }),
  c1(22, 'chat_message', 'sooah', { room: 'dm:jaeho:sooah', text: 'secret' }),
  c1(23, 'chat_blocked', 'minji', { room: 'square', text: 'banned', term: 'banned' }),
  c1(24, 'chat_blocked', 'jaeho', { room: 'square', text: 'banned', term: 'banned' }),
  // posts: p1 approved after 60 s, p2 after 180 s, p3 after 300 s (approved in round 2), p4 rejected, one filtered
  c1(30, 'post_submitted', 'minji', { board: 'b', post: 'p1', title: 'One' }),
  c1(40, 'post_submitted', 'jaeho', { board: 'b', post: 'p2' }),
  c1(50, 'post_submitted', 'sooah', { board: 'b', post: 'p3' }),
  c1(55, 'post_submitted', 'sooah', { board: 'b', post: 'p4' }),
  c1(56, 'post_filtered', 'sooah', { board: 'b', term: 't' }),
  c1(90, 'post_approved', 'censor1', { board: 'b', post: 'p1' }),
  c1(220, 'post_approved', 'censor1', { board: 'b', post: 'p2' }),
  c1(230, 'post_rejected', 'censor1', { board: 'b', post: 'p4', reason: 'no' }),
  // searches: 2 media (1 flagged) + 2 library (1 flagged)
  c1(60, 'search', 'minji', { query: 'rice' }),
  c1(61, 'search_flagged', 'minji', { query: 'protest', term: 'protest' }),
  c1(62, 'library_search', 'jaeho', { query: 'x', results: '2' }),
  c1(63, 'library_search', 'jaeho', { query: 'y', results: '0', flagged: 'true', term: 'y' }),
  // walls: an outside address, a foreign site (network wall), a locked site
  c1(70, 'blocked_address', 'minji', { address: 'google.com' }),
  c1(71, 'blocked_address', 'minji', { address: 'bbc.example', wall: 'network' }),
  c1(72, 'site_locked', 'jaeho', { site: 's', address: 's.kp' }),
  // discipline
  c1(80, 'user_muted', 'censor1', { target: 'minji' }),
  c1(81, 'user_muted', 'censor1', { target: 'minji' }),
  c1(82, 'user_revoked', 'censor1', { target: 'jaeho' }),
  c1(83, 'device_inspected', 'censor1', { target: 'sooah', name: 'Soo-ah' }),
  // a file: dropped to Min-ji at 100, handed to Jae-ho at 130, Jae-ho to Soo-ah at 160, Soo-ah back to Min-ji at 170
  c1(100, 'file_dropped', 'minji', { copy: 'k1', file: 'harbour-film', title: 'Harbour film', by: 'teacher' }),
  c1(130, 'file_handed_over', 'minji', { copy: 'k1', file: 'harbour-film', title: 'Harbour film', toUser: 'jaeho' }),
  c1(160, 'file_handed_over', 'jaeho', { copy: 'k1', file: 'harbour-film', title: 'Harbour film', toUser: 'sooah' }),
  c1(170, 'file_handed_over', 'sooah', { copy: 'k1', file: 'harbour-film', title: 'Harbour film', toUser: 'minji' }),
  c1(240, 'round_ended', 'teacher', { round: '1' }),
  o2(300, 'round_started', 'teacher', { round: '2', mode: 'open' }),
  o2(301, 'post_approved', 'censor1', { board: 'b', post: 'p3' }),
  o2(310, 'post_submitted', 'minji', { board: 'b', post: 'p5' }),
  o2(311, 'chat_message', 'minji', { room: 'square', text: 'free now' }),
  o2(312, 'would_block', 'minji', { where: 'chat', term: 'x' }),
  o2(313, 'would_block', 'jaeho', { where: 'post', term: 'y' }),
  o2(314, 'link_out', 'jaeho', { address: 'google.com' }),
  // a story: Min-ji posts s1 at 320; Jae-ho shares it at 330 (j1), Soo-ah shares Jae-ho's share at 350,
  // Min-ji shares her own story again at 360 (no new person)
  o2(320, 'social_posted', 'minji', { post: 's1' }),
  o2(330, 'social_shared', 'jaeho', { post: 'j1', parent: 's1', root: 's1' }),
  o2(350, 'social_shared', 'sooah', { post: 'q1', parent: 'j1', root: 's1' }),
  o2(360, 'social_shared', 'minji', { post: 'm2', parent: 'q1', root: 's1' }),
  o2(365, 'social_posted', 'jaeho', { post: 's2' }),
];

const rounds = debriefRounds(trail, {
  users,
  socialTitle: (id) => (id === 's1' ? 'The harbour story' : undefined),
});
const [r1, r2] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];

describe('debrief figures', () => {
  it('has one entry per round, with mode and times, and leaves events outside rounds out', () => {
    expect(rounds.map((r) => [r.number, r.mode])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    expect(r1.startedAt).toBe(new Date(T0 + 10_000).toISOString());
    expect(r1.endedAt).toBe(new Date(T0 + 240_000).toISOString());
    expect(r2.endedAt).toBeNull();
  });

  it('counts messages sent, delivered, blocked and rewritten', () => {
    expect(r1.messages).toEqual({ sent: 5, delivered: 3, blocked: 2, rewritten: 1 });
    expect(r2.messages).toEqual({ sent: 1, delivered: 1, blocked: 0, rewritten: 0 });
  });

  it('counts posts and takes the median time to visibility', () => {
    // closed: 60, 180, 251 s (p3 approved in round 2 still belongs to the round it was written in); p4 never visible
    expect(r1.posts).toEqual({ submitted: 5, approved: 2, rejected: 1, filtered: 1, medianSecondsToVisible: 180 });
    // open: the board post and the two social posts are visible at once
    expect(r2.posts).toEqual({ submitted: 1, approved: 1, rejected: 0, filtered: 0, medianSecondsToVisible: 0 });
    expect(median([])).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts searches, the filter-emptied ones, walls, outside addresses and would-block', () => {
    expect(r1.searches).toEqual({ total: 4, emptyByFilter: 2 });
    expect(r1.blockedAddresses).toBe(3);
    expect(r1.outsideTried).toBe(1);
    expect(r2.outsideTried).toBe(1);
    expect(r1.wouldBlock).toBe(0);
    expect(r2.wouldBlock).toBe(2);
  });

  it('names the disciplined by player id, once each', () => {
    expect(r1.discipline).toEqual({ muted: ['u-min'], revoked: ['u-jae'], inspected: ['u-soo'] });
    expect(r2.discipline).toEqual({ muted: [], revoked: [], inspected: [] });
  });

  it('follows the hand-over chain of a file in the closed round', () => {
    expect(r1.spread).toEqual([
      {
        itemId: 'harbour-film',
        title: 'Harbour film',
        kind: 'file',
        reached: 3,
        edges: [
          { from: 'u-min', to: 'u-jae', at: new Date(T0 + 130_000).toISOString() },
          { from: 'u-jae', to: 'u-soo', at: new Date(T0 + 160_000).toISOString() },
          { from: 'u-soo', to: 'u-min', at: new Date(T0 + 170_000).toISOString() },
        ],
        secondsToLast: 60,
      },
    ]);
  });

  it('builds the share tree of a story in the open round (unshared posts left out)', () => {
    expect(r2.spread).toEqual([
      {
        itemId: 's1',
        title: 'The harbour story',
        kind: 'post',
        reached: 3,
        edges: [
          { from: 'u-min', to: 'u-jae', at: new Date(T0 + 330_000).toISOString() },
          { from: 'u-jae', to: 'u-soo', at: new Date(T0 + 350_000).toISOString() },
          { from: 'u-soo', to: 'u-min', at: new Date(T0 + 360_000).toISOString() },
        ],
        secondsToLast: 30,
      },
    ]);
  });

  it('lists figures for the CSV in a fixed order', () => {
    const rows = Object.fromEntries(figureRows(r1));
    expect(rows['messages.sent']).toBe(5);
    expect(rows['posts.medianSecondsToVisible']).toBe(180);
    expect(rows['discipline.muted']).toBe(1);
    expect(rows['spread.maxReached']).toBe(3);
  });
});

describe('transcript', () => {
  it('keeps chat rooms, drops direct messages, merges posts by time and names authors', () => {
    const lines = transcriptLines(trail, users, [
      { at: new Date(T0 + 25_000).toISOString(), place: 'board:b', author: 'Min-ji', text: 'A post' },
    ]);
    expect(lines.map((l) => [l.place, l.author, l.text])).toEqual([
      ['chat:lobby', 'Min-ji', 'before any round'],
      ['chat:square', 'Min-ji', 'hello, "all"'],
      ['chat:square', 'Jae-ho', 'bad word'],
      ['board:b', 'Min-ji', 'A post'],
      ['chat:square', 'Min-ji', 'free now'],
    ]);
  });
});

describe('the simulated cast in the debrief', () => {
  it('leaves the cast’s own lines and posts out, and counts the bureau’s decisions on the class’s posts', () => {
    const extra: TrailEvent[] = [
      c1(11, 'round_started', 'teacher', { round: '1', mode: 'closed' }),
      c1(20, 'chat_message', 'minji', { room: 'square', text: 'hello' }),
      c1(21, 'chat_message', 'cast_kim', { room: 'square', text: 'Good day', simulated: 'true' }),
      c1(30, 'post_submitted', 'minji', { board: 'b', post: 'x1' }),
      c1(31, 'post_submitted', 'cast_kim', { board: 'b', post: 'x2', simulated: 'true' }),
      c1(40, 'post_approved', 'cast_bureau', { board: 'b', post: 'x1', simulated: 'true' }),
      c1(41, 'post_approved', 'cast_bureau', { board: 'b', post: 'x2', simulated: 'true', authorSimulated: 'true' }),
      c1(42, 'cast_warned', 'cast_bureau', { target: 'minji', simulated: 'true' }),
    ];
    const [round] = debriefRounds(extra, { users, socialTitle: () => undefined });
    expect(round?.messages).toEqual({ sent: 1, delivered: 1, blocked: 0, rewritten: 0 });
    expect(round?.posts).toMatchObject({ submitted: 1, approved: 1, rejected: 0, medianSecondsToVisible: 10 });
  });
});
