import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { Throttle } from './throttle';

describe('Throttle', () => {
  it('allows the limit, then refuses with rate_limited, per key', async () => {
    const t = new Throttle(3, 60);
    for (let i = 0; i < 3; i++) await t.take('a');
    const err = await t.take('a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('rate_limited');
    await expect(t.take('b')).resolves.toBeUndefined();
  });

  it('allows again once the window has passed', async () => {
    const t = new Throttle(1, 1);
    await t.take('a');
    await expect(t.take('a')).rejects.toBeInstanceOf(DomainError);
    await new Promise((r) => setTimeout(r, 1100));
    await expect(t.take('a')).resolves.toBeUndefined();
  });
});
