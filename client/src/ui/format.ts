/**
 * Dates, times and lists in the reader's language: the one place the client formats them.
 * Every function takes the server's string (ISO instant or YYYY-MM-DD) and gives it back
 * unchanged when it cannot be read, so a bad value never breaks a page.
 */
import { getLocale } from '../core/localization';

/** `iso` as a Date, or undefined when it is not a date. */
function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Formatters made so far, by language and options: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date formatter for `locale` and `options`, made once. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** `iso` formatted with `options`, or `shown` (by default `iso` itself) when it is not a date. */
function format(iso: string, options: Intl.DateTimeFormatOptions, locale: string = getLocale(), shown = iso): string {
  const date = parse(iso);
  return date ? formatter(locale, options).format(date) : shown;
}

/** A dateline (YYYY-MM-DD) as a long date, e.g. "26 November 2026" (the day as printed, in any time zone). */
export function formatDateline(date: string, locale?: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? format(`${date}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }, locale, date)
    : date;
}

/** An instant as a local date and time, e.g. "26 Nov 2026, 14:30". */
export function formatInstant(iso: string, locale?: string): string {
  return format(iso, { dateStyle: 'medium', timeStyle: 'short' }, locale);
}

/** Today's date in full, for a masthead, e.g. "Thursday 26 November 2026". */
export function formatToday(now = new Date(), locale?: string): string {
  return format(now.toISOString(), { dateStyle: 'full' }, locale);
}

/** The first year of the state calendar (the Juche era), in the common era: 1912 is Juche 1. */
const JUCHE_EPOCH = 1911;

/** The state calendar's year for a common-era `year` (2026 is Juche 115), or undefined before the era began. */
export function jucheYear(year: number): number | undefined {
  return Number.isInteger(year) && year > JUCHE_EPOCH ? year - JUCHE_EPOCH : undefined;
}

/**
 * Today in full as the state's Korean mastheads print it, the Juche year beside the common
 * one: "주체115(2026)년 11월 26일 목요일". Before the era it is the plain Korean date.
 */
export function formatJucheDate(now = new Date()): string {
  const juche = jucheYear(now.getFullYear());
  return formatter('ko', { dateStyle: 'full' })
    .formatToParts(now)
    .map((part) => (part.type === 'year' && juche ? `주체${juche}(${part.value})` : part.value))
    .join('');
}

/** An instant's local time of day: hours and minutes, with seconds when asked (a log's precision). */
export function formatClock(
  iso: string,
  { seconds = false, locale }: { seconds?: boolean; locale?: string } = {},
): string {
  return format(iso, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }, locale);
}

/** "A, B and C" in the reader's language. */
export function formatList(items: readonly string[], locale = getLocale()): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** `iso` as a `datetime-local` value in the browser's time zone ('' when it is not a date). */
export function toDatetimeLocal(iso: string): string {
  const date = parse(iso);
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
