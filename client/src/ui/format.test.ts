import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateline,
  formatInstant,
  formatJucheDate,
  formatList,
  formatToday,
  jucheYear,
  toDatetimeLocal,
} from './format';

// An explicit locale keeps the expectations independent of the machine running the tests.
const en = 'en-GB';

describe('the formatting module', () => {
  it('prints a dateline as the day itself, whatever the time zone', () => {
    expect(formatDateline('2026-11-26', en)).toBe('26 November 2026');
    expect(formatDateline('2026-01-01', 'en-US')).toBe('January 1, 2026');
  });

  it('prints an instant as a date and a time', () => {
    const text = formatInstant('2026-11-26T14:30:00Z', en);
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{2}:\d{2}/);
  });

  it('prints a time of day, with seconds when asked', () => {
    expect(formatClock('2026-11-26T14:30:05Z', { locale: en })).toMatch(/^\d{2}:\d{2}$/);
    expect(formatClock('2026-11-26T14:30:05Z', { seconds: true, locale: en })).toMatch(/^\d{2}:\d{2}:05$/);
  });

  it('prints today in full', () => {
    expect(formatToday(new Date('2026-11-26T12:00:00Z'), en)).toMatch(/Thursday.*26 November 2026/);
  });

  it('counts the state calendar from 1912, Juche 1', () => {
    expect(jucheYear(2026)).toBe(115);
    expect(jucheYear(1912)).toBe(1);
    expect(jucheYear(1997)).toBe(86);
    expect(jucheYear(1911)).toBeUndefined();
    expect(jucheYear(2026.5)).toBeUndefined();
  });

  it('prints today with the Juche year beside the common one, as the Korean mastheads do', () => {
    // Noon, local time: the same day in every time zone the tests may run in.
    expect(formatJucheDate(new Date(2026, 10, 26, 12))).toBe('주체115(2026)년 11월 26일 목요일');
    expect(formatJucheDate(new Date(2027, 0, 1, 12))).toBe('주체116(2027)년 1월 1일 금요일');
    expect(formatJucheDate(new Date(1900, 0, 1, 12))).toBe('1900년 1월 1일 월요일');
  });

  it('gives back what it cannot read, unchanged', () => {
    expect(formatDateline('soon', en)).toBe('soon');
    expect(formatDateline('2026-13-45', en)).toBe('2026-13-45');
    expect(formatInstant('not a date', en)).toBe('not a date');
    expect(formatClock('', { locale: en })).toBe('');
    expect(toDatetimeLocal('nope')).toBe('');
  });

  it('joins names as the language does', () => {
    expect(formatList(['Al', 'Bea', 'Cy'], 'en')).toBe('Al, Bea, and Cy');
    expect(formatList(['Al'], 'en')).toBe('Al');
    expect(formatList([], 'en')).toBe('');
  });

  it('turns an instant into a datetime-local value in the local time zone', () => {
    const local = new Date(2026, 10, 26, 9, 5);
    expect(toDatetimeLocal(local.toISOString())).toBe('2026-11-26T09:05');
  });
});
