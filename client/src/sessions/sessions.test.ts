import { describe, expect, it } from 'vitest';
import { codeDigits, joinErrorText, nameProblem, parseJoinCode, roleCardKey } from './sessions';

describe('join codes', () => {
  it('reads six digits, with spaces or a dash between them', () => {
    expect(parseJoinCode('123456')).toBe('123456');
    expect(parseJoinCode(' 123 456 ')).toBe('123456');
    expect(parseJoinCode('123-456')).toBe('123456');
  });

  it('refuses anything else', () => {
    for (const typed of ['', '12345', '1234567', '12a456', 'abcdef', '１２３４５６']) {
      expect(parseJoinCode(typed), typed).toBeUndefined();
    }
  });

  it('keeps only the digits of what is typed, at most six', () => {
    expect(codeDigits('12 34-5a6789')).toBe('123456');
    expect(codeDigits('ab')).toBe('');
  });
});

describe('display names', () => {
  it('asks for 2 to 24 characters, counting letters not bytes', () => {
    expect(nameProblem('A')).not.toBe('');
    expect(nameProblem('  A  ')).not.toBe('');
    expect(nameProblem('Min')).toBe('');
    expect(nameProblem('민지')).toBe('');
    expect(nameProblem('x'.repeat(24))).toBe('');
    expect(nameProblem('x'.repeat(25))).not.toBe('');
  });
});

describe('join failures', () => {
  it('gives every refusal code its own words', () => {
    const codes = [
      'bad_code',
      'locked',
      'full',
      'late_join_closed',
      'name_length',
      'name_blocked',
      'removed',
      'rate_limited',
    ];
    const texts = codes.map((code) => joinErrorText(code));
    expect(new Set(texts).size).toBe(codes.length);
    for (const text of texts) expect(text.trim()).not.toBe('');
  });

  it('says the same for both kinds of refused name', () => {
    expect(joinErrorText('name_filtered')).toBe(joinErrorText('name_blocked'));
  });

  it('falls back on the status for an unknown code', () => {
    expect(joinErrorText('whatever', 429)).toBe(joinErrorText('rate_limited'));
    expect(joinErrorText('whatever', 500)).toMatch(/could not join/);
  });
});

describe('the role card', () => {
  it('is remembered per seat, role and round', () => {
    const base = { username: 's1', sessionId: 'x', role: 'citizen' as const, seat: undefined };
    const round = (number: number) => ({
      sessionName: 'Class',
      paused: false,
      ended: false,
      card: null,
      round: { number, mode: 'closed' as const, startedAt: '' },
    });
    expect(roleCardKey(base)).not.toBe(roleCardKey({ ...base, role: 'elite' }));
    expect(roleCardKey({ ...base, seat: round(1) })).not.toBe(roleCardKey({ ...base, seat: round(2) }));
  });
});
