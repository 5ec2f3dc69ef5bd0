/** Pure helpers of the console's timed events: turning the minutes typed into a round's timers. */

/** The longest delay a timer may have, in minutes (the server allows 90 minutes). */
export const MAX_TIMER_MINUTES = 90;

/** A timer the console asks for when it starts a round. */
export interface TimerRequest {
  eventId: string;
  afterSeconds: number;
}

/** What the minutes typed mean: the timers to set, or the first event whose minutes are not valid. */
export type TimerDraftResult = { ok: true; events: TimerRequest[] } | { ok: false; eventId: string };

/**
 * The timers of a draft (minutes as typed per event id; empty means "not on a timer"), in the
 * order of `eventIds`. Minutes are whole numbers from 1 to 90.
 */
export function timersFromDraft(
  draft: Readonly<Record<string, string>>,
  eventIds: readonly string[],
): TimerDraftResult {
  const events: TimerRequest[] = [];
  for (const eventId of eventIds) {
    const typed = (draft[eventId] ?? '').trim();
    if (typed === '') continue;
    if (!/^\d{1,3}$/.test(typed)) return { ok: false, eventId };
    const minutes = Number(typed);
    if (minutes < 1 || minutes > MAX_TIMER_MINUTES) return { ok: false, eventId };
    events.push({ eventId, afterSeconds: minutes * 60 });
  }
  return { ok: true, events };
}
