import { describe, expect, it } from 'vitest';
import type { SessionPlayer } from '../../../../server/protocol/api';
import { roleCounts, sortRoster } from './roster';

describe('the roster', () => {
  const player = (id: string, name: string, role: SessionPlayer['role'] = null): SessionPlayer => ({
    id,
    name,
    role,
    online: true,
  });

  it('sorts by name, case and numbers read as people read them, then by id', () => {
    const sorted = sortRoster(
      [player('3', 'min-ji 10'), player('1', 'Min-ji 2'), player('2', 'anna'), player('0', 'Anna')],
      'en',
    );
    expect(sorted.map((p) => p.id)).toEqual(['0', '2', '1', '3']);
  });

  it('does not reorder the list it was given', () => {
    const players = [player('b', 'B'), player('a', 'A')];
    sortRoster(players);
    expect(players.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('counts the roles given, and the seats without one', () => {
    const counts = roleCounts([player('1', 'a', 'citizen'), player('2', 'b', 'citizen'), player('3', 'c')]);
    expect(counts.get('citizen')).toBe(2);
    expect(counts.get('none')).toBe(1);
  });
});
