import { describe, expect, it } from 'vitest';
import type { Post } from '../../../server/protocol/api';
import { decisionAnnouncement, parsePath, showsCast, summaryOf } from './boards';

const post = (change: Partial<Post> = {}): Post => ({
  id: 'p1',
  boardId: 'sports',
  threadId: 'p1',
  title: 'A match',
  body: 'A fine match.',
  authorName: 'Ri Chol-jin',
  authorRole: 'elite',
  status: 'approved',
  reason: null,
  createdAt: '2026-12-01T10:00:00Z',
  decidedAt: '2026-12-01T10:00:05Z',
  ...change,
});
const bureau = { simulated: true as const, name: 'Publications Review Bureau' };

describe('boards paths', () => {
  it('reads the list of boards, a board and a thread', () => {
    expect(parsePath('')).toEqual({ kind: 'boards' });
    expect(parsePath('/board/science')).toEqual({ kind: 'board', id: 'science' });
    expect(parsePath('/thread/3f2a-11')).toEqual({ kind: 'thread', id: '3f2a-11' });
  });

  it('calls anything else unknown', () => {
    for (const path of ['/board', '/board/Science', '/board/a/b', '/post/a', '/thread/a_b']) {
      expect(parsePath(path), path).toEqual({ kind: 'unknown' });
    }
  });
});

describe('the simulated cast on the boards', () => {
  it('tells the author a censor decided, or names the simulated bureau', () => {
    expect(decisionAnnouncement(post({ decidedBy: bureau }))).toBe(
      'Publications Review Bureau (simulated) approved your post.',
    );
    expect(decisionAnnouncement(post({ status: 'rejected', decidedBy: bureau }))).toBe(
      'Publications Review Bureau (simulated) rejected your post.',
    );
    expect(decisionAnnouncement(post({ decidedBy: 'Choe Kwang-il' }))).toBe('A censor approved your post.');
    expect(decisionAnnouncement(post({ status: 'rejected' }))).toBe('A censor rejected your post.');
  });

  it('knows when a page shows the cast, and keeps the mark on a live thread', () => {
    expect(showsCast([post(), post({ decidedBy: 'Choe Kwang-il' })])).toBe(false);
    expect(showsCast([post(), post({ decidedBy: bureau })])).toBe(true);
    expect(showsCast([post({ simulated: true })])).toBe(true);
    expect(summaryOf(post({ simulated: true })).simulated).toBe(true);
    expect('simulated' in summaryOf(post())).toBe(false);
  });
});
