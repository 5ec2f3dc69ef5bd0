/**
 * Message boards as role × mode × action tables over the in-memory store and the default pack.
 * Outcomes are what the API answers: 'ok', 403 (the role has no boards, or may not post), 404
 * (a board the role may not read answers as a missing one). Today's open mode: citizens and
 * foreigners get the reader capabilities and the boards' role lists no longer apply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, Role } from '../protocol/api';
import { outcome, testWorld, type Outcome, type World } from '../test/memory';
import {
  decide,
  getThread,
  listBoards,
  listThreads,
  mayPostOn,
  mayReadBoard,
  moderationHistory,
  moderationQueue,
  reply,
  startThread,
} from './boards';

let w: World;
beforeEach(async () => {
  w = await testWorld();
});

// Boards of the default pack (readRoles / postRoles):
const SCI = 'science-and-technology'; // censor elite scientist / elite scientist
const UNI = 'university-life'; // censor elite academic / elite academic
const FARM = 'agriculture-and-farming'; // censor elite scientist academic / elite scientist academic
const SCI_THREAD = 'spectrometer-booking-december';
const UNI_THREAD = 'winter-examination-timetable';
const ALL = [SCI, FARM, UNI, 'cooking-and-family', 'sports', 'hobbies-and-crafts'];
const NO_UNI = ALL.filter((b) => b !== UNI);
const NO_SCI = ALL.filter((b) => b !== SCI);

describe('which boards each role lists', () => {
  const table: [Role, Mode, string[] | 403][] = [
    ['citizen', 'closed', 403],
    ['elite', 'closed', ALL],
    ['scientist', 'closed', NO_UNI],
    ['academic', 'closed', NO_SCI],
    ['foreigner', 'closed', 403],
    ['editor', 'closed', 403],
    ['censor', 'closed', ALL],
    ['facilitator', 'closed', 403],
    ['citizen', 'open', ALL],
    ['elite', 'open', ALL],
    ['scientist', 'open', ALL],
    ['academic', 'open', ALL],
    ['foreigner', 'open', ALL],
    ['editor', 'open', 403],
    ['censor', 'open', ALL],
    ['facilitator', 'open', 403],
  ];
  it.each(table)('%s in %s mode: %j', async (role, mode, expected) => {
    const actor = w.actor(role, mode);
    if (expected === 403) {
      expect(await outcome(() => listBoards(w.boards, actor))).toBe(403);
      return;
    }
    const { boards } = listBoards(w.boards, actor);
    expect(boards.map((b) => b.id).sort()).toEqual([...expected].sort());
  });
});

type Action = 'read board' | 'read thread' | 'start thread' | 'reply';
const act: Record<Action, (w: World, role: Role, mode: Mode, board: string) => Promise<unknown> | unknown> = {
  'read board': (w, role, mode, board) => listThreads(w.boards, w.actor(role, mode), board),
  'read thread': (w, role, mode, board) =>
    getThread(w.boards, w.actor(role, mode), board === SCI ? SCI_THREAD : UNI_THREAD),
  'start thread': (w, role, mode, board) =>
    startThread(w.boards, w.actor(role, mode), board, { title: 'A question', body: 'Who has the key?' }),
  reply: (w, role, mode, board) =>
    reply(w.boards, w.actor(role, mode), board === SCI ? SCI_THREAD : UNI_THREAD, { body: 'Thank you.' }),
};

describe('reading and posting by role, mode and board', () => {
  // [role, mode, board, read board, read thread, start thread, reply]
  const table: [Role, Mode, string, Outcome, Outcome, Outcome, Outcome][] = [
    ['citizen', 'closed', SCI, 403, 403, 403, 403],
    ['citizen', 'closed', UNI, 403, 403, 403, 403],
    ['elite', 'closed', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['elite', 'closed', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['scientist', 'closed', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['scientist', 'closed', UNI, 404, 404, 404, 404],
    ['academic', 'closed', SCI, 404, 404, 404, 404],
    ['academic', 'closed', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['foreigner', 'closed', SCI, 403, 403, 403, 403],
    ['foreigner', 'closed', UNI, 403, 403, 403, 403],
    ['editor', 'closed', SCI, 403, 403, 403, 403],
    ['editor', 'closed', UNI, 403, 403, 403, 403],
    ['censor', 'closed', SCI, 'ok', 'ok', 403, 403],
    ['censor', 'closed', UNI, 'ok', 'ok', 403, 403],
    ['facilitator', 'closed', SCI, 403, 403, 403, 403],
    ['facilitator', 'closed', UNI, 403, 403, 403, 403],
    ['citizen', 'open', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['citizen', 'open', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['elite', 'open', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['elite', 'open', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['scientist', 'open', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['scientist', 'open', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['academic', 'open', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['academic', 'open', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['foreigner', 'open', SCI, 'ok', 'ok', 'ok', 'ok'],
    ['foreigner', 'open', UNI, 'ok', 'ok', 'ok', 'ok'],
    ['editor', 'open', SCI, 403, 403, 403, 403],
    ['editor', 'open', UNI, 403, 403, 403, 403],
    ['censor', 'open', SCI, 'ok', 'ok', 403, 403],
    ['censor', 'open', UNI, 'ok', 'ok', 403, 403],
    ['facilitator', 'open', SCI, 403, 403, 403, 403],
    ['facilitator', 'open', UNI, 403, 403, 403, 403],
  ];
  const rows = table.flatMap(([role, mode, board, ...outcomes]) =>
    (['read board', 'read thread', 'start thread', 'reply'] as const).map(
      (action, i) => [role, mode, action, board, outcomes[i]!] as const,
    ),
  );
  it.each(rows)('%s in %s mode: %s on %s → %s', async (role, mode, action, board, expected) => {
    expect(await outcome(() => act[action](w, role, mode, board))).toBe(expected);
  });

  it.each(table)(
    '%s in %s mode on %s: mayReadBoard / mayPostOn agree with the table',
    (role, mode, boardId, read, _thread, post) => {
      const board = w.pack.boards.find((b) => b.id === boardId)!;
      const actor = { role, mode };
      expect(mayReadBoard(actor, board)).toBe(read === 'ok');
      expect(mayPostOn(actor, board)).toBe(post === 'ok');
    },
  );
});

/**
 * What each mode does to a new post. Before issue 9 (HEAD 33f7c58) posts were pre-moderated and
 * filtered in both modes; the mode rules (`postsPreModerated`, `keywordFilter`) switch both off in
 * open mode. This one table is what to change if the mode rules change.
 */
const NEW_POST: Record<Mode, { status: 'pending' | 'approved'; banned: Outcome; queued: boolean }> = {
  closed: { status: 'pending', banned: 422, queued: true },
  open: { status: 'approved', banned: 'ok', queued: false },
};

describe('pre-moderation and the filter by mode', () => {
  it.each(['closed', 'open'] as const)(
    'in %s mode a new thread is pending (seen by its author only) or published',
    async (mode) => {
      const expected = NEW_POST[mode];
      const author = w.actor('elite', mode);
      const post = await startThread(w.boards, author, FARM, { title: 'Seed drills', body: 'Who has one to lend?' });
      expect(post.status).toBe(expected.status);
      const threadIds = (a = author) => listThreads(w.boards, a, FARM).threads.map((t) => t.id);
      expect(threadIds()).toContain(post.id);
      expect(threadIds(w.actor('scientist', mode)).includes(post.id)).toBe(!expected.queued);
      expect(moderationQueue(w.boards, w.actor('censor', mode)).some((p) => p.id === post.id)).toBe(expected.queued);
      expect(w.store.trail.of('post_submitted')).toHaveLength(1);
    },
  );

  it.each(['closed', 'open'] as const)(
    'in %s mode a post with a banned term is refused (422, recorded) or not',
    async (mode) => {
      const expected = NEW_POST[mode];
      const result = await outcome(() =>
        startThread(w.boards, w.actor('elite', mode), FARM, { title: 'Freedom', body: 'A word about freedom.' }),
      );
      expect(result).toBe(expected.banned);
      expect(w.store.trail.of('post_filtered')).toHaveLength(expected.banned === 422 ? 1 : 0);
    },
  );
});

describe('moderation by role and mode', () => {
  // [role, mode, queue + history + deciding]
  const table: [Role, Mode, Outcome][] = [
    ['citizen', 'closed', 403],
    ['elite', 'closed', 403],
    ['scientist', 'closed', 403],
    ['academic', 'closed', 403],
    ['foreigner', 'closed', 403],
    ['editor', 'closed', 403],
    ['censor', 'closed', 'ok'],
    ['facilitator', 'closed', 403],
    ['citizen', 'open', 403],
    ['elite', 'open', 403],
    ['scientist', 'open', 403],
    ['academic', 'open', 403],
    ['foreigner', 'open', 403],
    ['editor', 'open', 403],
    ['censor', 'open', 'ok'],
    ['facilitator', 'open', 403],
  ];
  it.each(table)('%s in %s mode: queue, history and decisions → %s', async (role, mode, expected) => {
    // Written while the session was closed, so it waits for a decision whatever the mode is now.
    const pending = await startThread(w.boards, w.actor('elite', 'closed'), FARM, {
      title: 'Tractors',
      body: 'Spare parts?',
    });
    const actor = w.actor(role, mode);
    expect(await outcome(() => moderationQueue(w.boards, actor))).toBe(expected);
    expect(await outcome(() => moderationHistory(w.boards, actor))).toBe(expected);
    expect(await outcome(() => decide(w.boards, actor, pending.id, { decision: 'approve' }))).toBe(expected);
  });

  it('an approved post reaches every reader of the board; a rejection needs a reason and reaches the author only', async () => {
    const censor = w.actor('censor');
    const a = await startThread(w.boards, w.actor('scientist'), FARM, { title: 'Rain', body: 'When?' });
    const b = await startThread(w.boards, w.actor('academic'), FARM, { title: 'Snow', body: 'When?' });
    expect(await outcome(() => decide(w.boards, censor, b.id, { decision: 'reject' }))).toBe(400);
    await decide(w.boards, censor, a.id, { decision: 'approve' });
    await decide(w.boards, censor, b.id, { decision: 'reject', reason: 'Off topic.' });
    expect(await outcome(() => decide(w.boards, censor, a.id, { decision: 'reject', reason: 'again' }))).toBe(409);
    const seenBy = (role: Role) => listThreads(w.boards, w.actor(role), FARM).threads.map((t) => t.id);
    expect(seenBy('elite')).toContain(a.id);
    expect(seenBy('elite')).not.toContain(b.id);
    const own = listThreads(w.boards, w.actor('academic'), FARM).threads.find((t) => t.id === b.id);
    expect(own).toMatchObject({ status: 'rejected', reason: 'Off topic.' });
    expect(moderationHistory(w.boards, censor).map((p) => p.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('a pending thread takes no replies (409)', async () => {
    const t = await startThread(w.boards, w.actor('elite'), FARM, { title: 'Wells', body: 'Depth?' });
    expect(await outcome(() => reply(w.boards, w.actor('elite'), t.id, { body: 'Ten metres.' }))).toBe(409);
  });
});
