import { describe, expect, it } from 'vitest';
import type { CastSettings } from '../../../server/protocol/api';
import { bureauFromValue, bureauValue, castFormOf, decider, readCastForm, type CastForm } from './cast';

const settings: CastSettings = { bureau: 'auto', colleagues: true, guide: false, delaySeconds: [8, 40] };
const form = (change: Partial<CastForm> = {}): CastForm => ({ ...castFormOf(settings), ...change });

describe('who decided a post', () => {
  it('names a censor, marks the simulated bureau, and gives nothing while undecided', () => {
    expect(decider('Choe Kwang-il')).toEqual({ name: 'Choe Kwang-il', simulated: false });
    expect(decider({ simulated: true, name: 'Publications Review Bureau' })).toEqual({
      name: 'Publications Review Bureau',
      simulated: true,
    });
    expect(decider(null)).toBeNull();
    expect(decider(undefined)).toBeNull();
    expect(decider('')).toBeNull();
  });
});

describe('the bureau setting', () => {
  it('goes to a radio value and back', () => {
    for (const setting of ['auto', true, false] as const) expect(bureauFromValue(bureauValue(setting))).toBe(setting);
    expect(bureauFromValue('anything else')).toBe('auto');
  });
});

describe('the cast form', () => {
  it('reads back the settings it was filled from', () => {
    expect(readCastForm(form())).toEqual({ ok: true, settings });
    expect(readCastForm(form({ minSeconds: ' 0 ', maxSeconds: '600' }))).toEqual({
      ok: true,
      settings: { ...settings, delaySeconds: [0, 600] },
    });
    expect(readCastForm(form({ minSeconds: '5', maxSeconds: '5' }))).toMatchObject({ ok: true });
  });

  it('refuses delays that are not whole seconds from 0 to 600, naming the field', () => {
    for (const bad of ['', 'abc', '-1', '1.5', '601', '1e2']) {
      const read = readCastForm(form({ minSeconds: bad }));
      expect(read.ok, bad).toBe(false);
      if (!read.ok) {
        expect(read.errors.min, bad).toMatch(/whole number of seconds from 0 to 600/);
        expect(read.errors.max, bad).toBe('');
      }
    }
  });

  it('refuses a longest delay shorter than the shortest, on the longest field', () => {
    const read = readCastForm(form({ minSeconds: '30', maxSeconds: '10' }));
    expect(read).toEqual({
      ok: false,
      errors: { min: '', max: 'The longest delay cannot be shorter than the shortest.' },
    });
  });
});
