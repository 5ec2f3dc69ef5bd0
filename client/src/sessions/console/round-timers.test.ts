import { describe, expect, it } from 'vitest';
import { timersFromDraft } from './round-timers';

describe('timed events typed in the console', () => {
  const ids = ['evening-news', 'chat-shutdown', 'inspection'];

  it('turns whole minutes into timers, in the events’ order, skipping the empty ones', () => {
    expect(timersFromDraft({ inspection: ' 20 ', 'evening-news': '5', 'chat-shutdown': '' }, ids)).toEqual({
      ok: true,
      events: [
        { eventId: 'evening-news', afterSeconds: 300 },
        { eventId: 'inspection', afterSeconds: 1200 },
      ],
    });
    expect(timersFromDraft({}, ids)).toEqual({ ok: true, events: [] });
  });

  it('names the first event whose minutes are not a whole number from 1 to 90', () => {
    for (const bad of ['0', '91', '1.5', '-3', 'soon', '1e2']) {
      expect(timersFromDraft({ 'chat-shutdown': bad, inspection: 'x' }, ids)).toEqual({
        ok: false,
        eventId: 'chat-shutdown',
      });
    }
    expect(timersFromDraft({ 'chat-shutdown': '90' }, ids).ok).toBe(true);
  });

  it('ignores minutes typed for an event the pack does not list', () => {
    expect(timersFromDraft({ gone: '5' }, ids)).toEqual({ ok: true, events: [] });
  });
});
