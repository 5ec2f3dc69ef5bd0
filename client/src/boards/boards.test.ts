import { describe, expect, it } from 'vitest';
import { parsePath } from './boards';

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
