/**
 * "What your device recorded": the record holds exactly the reader's own events (and the fate of
 * the reader's posts), each summarised as data; the device's snapshots follow logins at once and
 * page views at most every few minutes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../protocol/api';
import { testWorld, type World } from '../test/memory';
import { login } from './auth';
import { decide, startThread } from './boards';
import { browse } from './browse';
import { sendMessage } from './chat';
import { searchArticles } from './media';
import { RECORD_LIMIT, SUMMARY_MAX, entryOf, recordOf, snapshotOf, summaryOf } from './record';
import { SNAPSHOT_EVERY_MS, SnapshotTaker } from './snapshots';

let w: World;
let clock: number;
beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z');
  w = await testWorld({ now: () => new Date(clock) });
  w.recorder.follow(new SnapshotTaker(w.store.trail, w.pack.sites).followUp);
});

const minutes = (n: number) => {
  clock += n * 60 * 1000;
};
const readerOf = (role: string) => ({ username: w.user(role).username, sessionId: w.session.id });
const recordFor = (role: string) => recordOf(readerOf(role), w.store.trail.of());

describe('the record holds exactly the reader’s own events', () => {
  it('keeps each user’s own page views, walls, searches, posts and messages, and nobody else’s', async () => {
    await browse(w.browse, w.actor('elite'), 'news.intra');
    await browse(w.browse, w.actor('scientist'), 'scitech.intra/papers');
    await browse(w.browse, w.actor('scientist'), 'www.google.com');
    await searchArticles(w.media, w.actor('elite'), 'harvest');
    await sendMessage(w.chat, w.actor('scientist'), {
      roomId: 'lab',
      text: 'The spectrometer is free at ten.',
      clientId: 'c1',
    });
    await startThread(w.boards, w.actor('elite'), 'science-and-technology', {
      title: 'Lamp rota',
      body: 'Who has it?',
    });

    const all = w.store.trail.of();
    for (const role of ['elite', 'scientist', 'academic', 'censor']) {
      const record = recordFor(role);
      const own = all.filter((e) => e.username === w.user(role).username);
      // Every entry and snapshot is one of the reader's own events, and every own event is in it.
      expect(record.entries.length + record.snapshots.length, role).toBe(own.length);
      expect(record.total, role).toBe(own.length);
      expect(record.entries.map((e) => e.kind).sort(), role).toEqual(
        own
          .filter((e) => e.kind !== 'screen_snapshot')
          .map((e) => e.kind)
          .sort(),
      );
    }
    const scientist = recordFor('scientist');
    expect(scientist.entries.map((e) => [e.kind, e.summary])).toEqual([
      ['chat_message', 'lab · The spectrometer is free at ten.'],
      ['blocked_address', 'www.google.com'],
      ['page_view', 'scitech.intra/papers'],
    ]);
    expect(JSON.stringify(scientist)).not.toContain('harvest');
    expect(JSON.stringify(scientist)).not.toContain('Lamp rota');
    expect(recordFor('academic')).toEqual({ entries: [], snapshots: [], total: 0 });
  });

  it('adds the fate of the reader’s posts, titled, without naming the censor, and not to anyone else', async () => {
    const post = await startThread(w.boards, w.actor('elite'), 'science-and-technology', {
      title: 'Lamp rota',
      body: 'Who has the lamp?',
    });
    await decide(w.boards, w.actor('censor'), post.id, { decision: 'reject', reason: 'Off topic.' });
    const elite = recordFor('elite');
    expect(elite.entries.map((e) => [e.kind, e.summary])).toEqual([
      ['post_rejected', 'Lamp rota · science-and-technology · Off topic.'],
      ['post_submitted', 'Lamp rota · science-and-technology'],
    ]);
    expect(JSON.stringify(elite)).not.toContain('censor');
    // The censor's own record has the decision as its own act; the scientist's has nothing.
    expect(recordFor('censor').entries.map((e) => e.kind)).toEqual(['post_rejected']);
    expect(recordFor('scientist').entries).toEqual([]);
  });

  it('keeps a file handed to the reader and an inspection of their device, never naming the censor', async () => {
    const elite = w.user('elite');
    const sci = w.user('scientist');
    const subject = (u: typeof elite) => ({ username: u.username, role: u.role, sessionId: w.session.id });
    await w.recorder.record(subject(sci), 'file_handed_over', {
      copy: 'c1',
      file: 'film',
      title: 'The Long Crossing',
      to: elite.displayName,
      toUser: elite.username,
      marks: '2',
    });
    await w.recorder.record(subject(w.user('censor')), 'device_inspected', {
      target: elite.username,
      name: elite.displayName,
      copies: '1',
      notel: 'no',
    });
    await w.recorder.record(subject(sci), 'notel_handed_over', { to: 'Someone', toUser: 'academic' });
    const got = recordFor('elite').entries.map((e) => [e.kind, e.summary]);
    expect(got).toEqual([
      ['device_inspected', '1 · no'],
      ['file_handed_over', `The Long Crossing · ${elite.displayName} · 2`],
    ]);
    expect(JSON.stringify(recordFor('elite'))).not.toContain('censor');
    expect(recordFor('scientist').entries.map((e) => e.kind)).toEqual(['notel_handed_over', 'file_handed_over']);
    expect(recordFor('academic').entries.map((e) => e.kind)).toEqual(['notel_handed_over']);
  });

  it('never takes another session’s events, even under the same user name', async () => {
    const theirs: TrailEvent = {
      ...(await w.recorder.record({ username: 'elite', role: 'elite', sessionId: 'other' }, 'page_view', {
        address: 'news.intra',
      })),
    };
    expect(recordFor('elite').entries).toEqual([]);
    expect(recordOf({ username: 'elite', sessionId: 'other' }, [theirs]).entries).toHaveLength(1);
  });

  it('answers newest first, at most the limit of each, while counting them all', () => {
    const events: TrailEvent[] = Array.from({ length: RECORD_LIMIT + 20 }, (_, i) => ({
      id: `e${i}`,
      sessionId: 's',
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      kind: 'page_view',
      username: 'u',
      role: 'elite',
      detail: { address: `a${i}.intra` },
    }));
    const record = recordOf({ username: 'u', sessionId: 's' }, events);
    expect(record.entries).toHaveLength(RECORD_LIMIT);
    expect(record.total).toBe(RECORD_LIMIT + 20);
    expect(record.entries[0]!.summary).toBe(`a${RECORD_LIMIT + 19}.intra`);
  });
});

describe('summaries are data, cut short', () => {
  const event = (kind: TrailEvent['kind'], detail: Record<string, string>): TrailEvent => ({
    id: 'x',
    sessionId: 's',
    at: '2026-01-01T00:00:00.000Z',
    kind,
    username: 'u',
    role: 'elite',
    detail,
  });
  it('takes the fields of each kind', () => {
    expect(summaryOf(event('search', { query: 'rice', results: '3' }))).toBe('rice · 3');
    expect(summaryOf(event('login', {}))).toBe('');
    expect(summaryOf(event('site_locked', { site: 'university', address: 'university.intra' }))).toBe(
      'university.intra',
    );
    // A filtered post or search does not tell the reader the filter's word.
    expect(summaryOf(event('post_filtered', { board: 'b', term: 'freedom', matched: 'Freedom' }))).toBe('b');
    expect(summaryOf(event('search_flagged', { query: 'free press', term: 'press' }))).toBe('free press');
    // The files' events show the title and why (never the file's id); a kind without its own fields
    // shows its title or file.
    expect(summaryOf(event('file_refused', { file: 'f1', title: 'Evening bulletin', reason: 'unsigned' }))).toBe(
      'Evening bulletin · unsigned',
    );
    expect(summaryOf(event('room_closed', { file: 'f1', title: 'Evening bulletin' }))).toBe('Evening bulletin · f1');
  });
  it('cuts a long message to about 120 characters', () => {
    const long = 'word '.repeat(100);
    const entry = entryOf(event('chat_message', { room: 'general', text: long }));
    expect(entry.summary.length).toBe(SUMMARY_MAX);
    expect(entry.summary.endsWith('…')).toBe(true);
    expect(entry).toMatchObject({ at: '2026-01-01T00:00:00.000Z', kind: 'chat_message' });
  });
  it('shows a snapshot as the site and its address, or the screen', () => {
    expect(snapshotOf(event('screen_snapshot', { title: 'News', address: 'news.intra' })).text).toBe(
      'News — news.intra',
    );
    expect(snapshotOf(event('screen_snapshot', { screen: '/denied' })).text).toBe('/denied');
  });
});

describe('snapshot cadence', () => {
  const snapshots = (role: string) => recordFor(role).snapshots;

  it('snapshots every login at once, with the screen it lands on', async () => {
    await login(w.auth, { username: 'citizen', password: 'demo' });
    minutes(0.5);
    await login(w.auth, { username: 'citizen', password: 'demo' });
    await login(w.auth, { username: 'censor', password: 'demo' });
    expect(snapshots('citizen').map((s) => s.text)).toEqual(['/denied', '/denied']);
    expect(snapshots('censor').map((s) => s.text)).toEqual(['/trail']);
  });

  it('snapshots page views at most once per interval, showing the site', async () => {
    expect(SNAPSHOT_EVERY_MS).toBe(3 * 60 * 1000);
    const elite = w.actor('elite');
    await browse(w.browse, elite, 'news.intra');
    minutes(1);
    await browse(w.browse, elite, 'daily.intra');
    minutes(1);
    await browse(w.browse, elite, 'www.google.com'); // a wall: no page on screen to snapshot
    minutes(1.5);
    await browse(w.browse, elite, 'boards.intra');
    minutes(1);
    await browse(w.browse, elite, 'chat.intra');
    const news = w.pack.sites.find((s) => s.id === 'news-agency')!.title;
    const boards = w.pack.sites.find((s) => s.id === 'boards')!.title;
    // 09:00 news (the first), 09:01 daily (too soon), 09:03.5 boards (3.5 min on), 09:04.5 chat (too soon).
    expect(snapshots('elite').map((s) => s.text)).toEqual([`${boards} — boards.intra`, `${news} — news.intra`]);
    expect(recordFor('elite').entries.filter((e) => e.kind === 'page_view')).toHaveLength(4);
    // The snapshot is recorded right after its page view, for the same user and session.
    const kinds = w.store.trail.of().map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['page_view', 'screen_snapshot']);
  });

  it('two page views at once make one snapshot', async () => {
    const elite = w.actor('elite');
    await Promise.all([browse(w.browse, elite, 'news.intra'), browse(w.browse, elite, 'daily.intra')]);
    expect(snapshots('elite')).toHaveLength(1);
  });

  it('after a restart, the last snapshot is read back from the trail', async () => {
    await browse(w.browse, w.actor('elite'), 'news.intra');
    const fresh = new SnapshotTaker(w.store.trail, w.pack.sites);
    minutes(1);
    const view = await w.recorder.record({ username: 'elite', role: 'elite', sessionId: w.session.id }, 'page_view', {
      site: 'daily',
      address: 'daily.intra',
    });
    expect(fresh.due(view)).toBeUndefined();
    minutes(3);
    expect(fresh.due({ ...view, at: new Date(clock).toISOString() })).toMatchObject({ site: 'daily' });
  });

  it('takes none for other kinds or for unknown users', async () => {
    const taker = new SnapshotTaker(w.store.trail, w.pack.sites);
    const base = { id: 'x', sessionId: w.session.id, at: new Date(clock).toISOString(), role: null, detail: {} };
    expect(taker.due({ ...base, kind: 'login_failed', username: null })).toBeUndefined();
    expect(taker.due({ ...base, kind: 'search', username: 'elite' })).toBeUndefined();
    expect(taker.due({ ...base, kind: 'seat_joined', username: 'sabc' })).toEqual({ screen: '/lobby' });
  });
});
