import { describe, expect, it } from 'vitest';
import { emit } from './events';

// The type checks are the point: `npx tsc` fails if a line marked @ts-expect-error compiles.
function typeChecks(target: EventTarget): void {
  emit(target, 'cis-navigate', { path: '/portal' });
  emit(target, 'cis-logout');
  // @ts-expect-error: a misspelt event name
  emit(target, 'cis-navigat', { path: '/portal' });
  // @ts-expect-error: the wrong detail
  emit(target, 'cis-navigate', { address: '/portal' });
  // @ts-expect-error: a detail the event requires is missing
  emit(target, 'cis-open-address');
}
void typeChecks;

describe('emit', () => {
  it('dispatches a bubbling, composed CustomEvent with its detail', () => {
    const target = new EventTarget();
    const seen: CustomEvent[] = [];
    target.addEventListener('cis-open-address', (event) => seen.push(event as CustomEvent));
    expect(emit(target, 'cis-open-address', { address: 'news.intra' })).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.detail).toEqual({ address: 'news.intra' });
    expect(seen[0]?.bubbles).toBe(true);
    expect(seen[0]?.composed).toBe(true);
  });
});
