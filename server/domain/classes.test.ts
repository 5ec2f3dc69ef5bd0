/**
 * Class-session rules over the in-memory world: join codes and collisions, name rules, the
 * distribution presets, lock / remove / late join, and the pause refusing every write kind.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { filterOf } from './media';
import {
  fireDueEvents,
  joinSession,
  SerialQueue,
  setPaused,
  startRound,
  writeRefusal,
  type ClassDeps,
} from './classes';
import { checkName, distribution, lateRole, nameKey, uniqueCode, uniqueName } from './class-rules';
import { loadDefaultPack, testWorld } from '../test/memory';
import { session } from '../test/factories';
import type { ClassState } from './ports';

const pack = await loadDefaultPack();
const filter = filterOf(pack);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('join codes', () => {
  it('draws 6 digits and retries on collision with a live session', () => {
    const draws = ['123456', '123456', '654321'];
    expect(uniqueCode(new Set(['123456']), () => draws.shift()!)).toBe('654321');
    expect(uniqueCode(new Set())).toMatch(/^\d{6}$/);
  });
  it('gives up with a conflict when every draw collides', () => {
    expect(codeOf(() => uniqueCode(new Set(['111111']), () => '111111'))).toBe('no_code');
  });
});

describe('names', () => {
  it('takes 2–24 characters, trims and collapses white space', () => {
    expect(checkName(pack, filter, '  Min   ji ')).toBe('Min ji');
    expect(codeOf(() => checkName(pack, filter, 'A'))).toBe('name_length');
    expect(codeOf(() => checkName(pack, filter, 'x'.repeat(25)))).toBe('name_length');
    expect(checkName(pack, filter, 'x'.repeat(24))).toHaveLength(24);
    expect(codeOf(() => checkName(pack, filter, 'bad\u0007name'))).toBe('name_length');
  });
  it('refuses filtered and blocklisted names', () => {
    expect(codeOf(() => checkName(pack, filter, 'Freedom'))).toBe('name_filtered');
    expect(codeOf(() => checkName(pack, filter, 'THE TEACHER'))).toBe('name_blocked');
    expect(codeOf(() => checkName(pack, filter, 'admin'))).toBe('name_blocked');
    expect(checkName(pack, filter, 'Adminah')).toBe('Adminah');
  });
  it('suffixes duplicates, case-insensitively, within the length limit', () => {
    expect(uniqueName('Min-ji', new Set())).toBe('Min-ji');
    const taken = (...names: string[]) => new Set(names.map(nameKey));
    expect(uniqueName('Min-ji', taken('MIN-JI'))).toBe('Min-ji 2');
    expect(uniqueName('Min-ji', taken('min-ji', 'Min-ji 2'))).toBe('Min-ji 3');
    expect(uniqueName('x'.repeat(24), taken('x'.repeat(24)))).toBe('x'.repeat(22) + ' 2');
  });
});

describe('distribution presets', () => {
  const table = (preset: 'realistic' | 'active', n: number) => distribution(pack.classroom.presets[preset], n);
  it.each([
    [10, { citizen: 6, elite: 1, scientist: 0, academic: 0, foreigner: 1, editor: 1, censor: 1 }],
    [30, { citizen: 20, elite: 3, scientist: 1, academic: 1, foreigner: 1, editor: 1, censor: 3 }],
    [40, { citizen: 24, elite: 4, scientist: 2, academic: 2, foreigner: 2, editor: 1, censor: 5 }],
  ])('realistic for %i students: mostly citizens, one editor, a censor per ~8', (n, want) => {
    expect(table('realistic', n)).toEqual(want);
  });
  it.each([
    [10, { citizen: 3, elite: 2, scientist: 1, academic: 1, foreigner: 1, editor: 1, censor: 1 }],
    [30, { citizen: 6, elite: 6, scientist: 5, academic: 5, foreigner: 3, editor: 2, censor: 3 }],
    [40, { citizen: 10, elite: 8, scientist: 6, academic: 6, foreigner: 3, editor: 2, censor: 5 }],
  ])('active for %i students: fewer citizens', (n, want) => {
    expect(table('active', n)).toEqual(want);
  });
  it('never gives more seats than students', () => {
    for (const n of [0, 1, 2, 3, 5, 17, 500]) {
      for (const p of ['realistic', 'active'] as const) {
        const d = table(p, n);
        expect(Object.values(d).reduce((a, b) => a + b, 0)).toBe(n);
      }
    }
  });
  it('places a late joiner in the role the preset lacks', () => {
    const current = { citizen: 6, elite: 1, scientist: 0, academic: 0, foreigner: 1, editor: 1, censor: 0 };
    expect(lateRole(pack.classroom.presets.realistic, current, 10)).toBe('censor');
  });
});

async function classWorld(state: Partial<ClassState> = {}) {
  const w = await testWorld();
  const cls: ClassState = {
    ownerId: w.user('facilitator').id,
    packId: 'default',
    capacity: 3,
    lateJoin: true,
    locked: false,
    paused: false,
    ended: false,
    round: null,
    rounds: 0,
    preset: null,
    removedNames: [],
    ...state,
  };
  const s = session({ id: 'c-class', code: '424242', class: cls });
  await w.store.sessions.insert(s);
  const deps: ClassDeps = {
    pack: w.pack,
    sessions: w.store.sessions,
    users: w.store.users,
    logins: w.store.logins,
    articles: w.store.articles,
    posts: w.store.posts,
    rooms: w.store.roomStates,
    trail: w.store.trail,
    storage: { purge: async () => undefined, resetContent: async () => undefined },
    recorder: w.recorder,
    bus: w.bus,
    filter,
    online: () => false,
    seed: () => ({ articles: [], posts: [] }),
    queue: new SerialQueue(),
    ttlSeconds: 3600,
  };
  const join = (name: string) => joinSession(deps, { code: '424242', name });
  const outcome = async (name: string) => {
    try {
      await join(name);
      return 'ok';
    } catch (err) {
      if (err instanceof DomainError) return err.code;
      throw err;
    }
  };
  return { w, deps, join, outcome, s };
}

describe('lock, remove, late join, capacity', () => {
  it('a locked session takes no new joiner', async () => {
    const { outcome } = await classWorld({ locked: true });
    expect(await outcome('Ana')).toBe('locked');
  });
  it('a removed name is refused; other names pass', async () => {
    const { outcome } = await classWorld({ removedNames: ['bora'] });
    expect(await outcome('BORA')).toBe('removed');
    expect(await outcome('Ana')).toBe('ok');
  });
  it('late join off refuses joiners while a round runs; on gives them a role', async () => {
    const round = { number: 1, mode: 'closed' as const, startedAt: '2026-01-15T09:00:00.000Z' };
    const off = await classWorld({ lateJoin: false, round });
    expect(await off.outcome('Ana')).toBe('late_join_closed');
    const on = await classWorld({ lateJoin: true, round, preset: 'realistic' });
    const { user } = await on.join('Ana');
    expect(user.seat?.assigned).toBe(true);
    expect(user.role).toBe('editor');
    const early = await classWorld({ lateJoin: true });
    expect((await early.join('Bo')).user.seat?.assigned).toBe(false);
  });
  it('capacity: the seat after the last is refused, and parallel joins never overfill', async () => {
    const { deps, outcome } = await classWorld({ capacity: 3 });
    const all = await Promise.all(['A1', 'A2', 'A3', 'A4', 'A5'].map(outcome));
    expect(all.filter((x) => x === 'ok')).toHaveLength(3);
    expect(all.filter((x) => x === 'full')).toHaveLength(2);
    expect(deps.users.list('c-class')).toHaveLength(3);
  });
  it('duplicates at once still get distinct names', async () => {
    const { deps, join } = await classWorld({ capacity: 10 });
    await Promise.all(['Kim', 'kim', 'KIM'].map(join));
    expect(
      deps.users
        .list('c-class')
        .map((u) => u.displayName)
        .sort(),
    ).toEqual(['KIM 3', 'Kim', 'kim 2'].sort());
  });
});

describe('the pause', () => {
  it('refuses every write kind of a paused or ended class session, and none of the demo session', () => {
    const base = session({ id: 'c-x', code: '111111' });
    const cls = (c: Partial<ClassState>) => ({
      ...base,
      class: {
        ownerId: 'f',
        packId: 'default',
        capacity: 40,
        lateJoin: true,
        locked: false,
        paused: false,
        ended: false,
        round: null,
        rounds: 0,
        preset: null,
        removedNames: [],
        ...c,
      },
    });
    expect(writeRefusal(base)).toBeNull();
    expect(writeRefusal(cls({}))).toBeNull();
    expect(writeRefusal(cls({ locked: true }))).toBeNull();
    expect(writeRefusal(cls({ paused: true }))?.code).toBe('paused');
    expect(writeRefusal(cls({ paused: true }))?.kind).toBe('paused');
    expect(writeRefusal(cls({ ended: true }))?.code).toBe('ended');
  });
});

describe('timed events', () => {
  it('fires a round’s scripted event once when its time comes, and waits while paused', async () => {
    const { w, deps, s } = await classWorld();
    let now = new Date('2026-12-02T10:00:00Z');
    deps.now = () => now;
    const pushes: string[] = [];
    w.bus.on('class:event', (e) => pushes.push(e.eventId));
    const teacher = w.actor('facilitator');
    const eventId = w.pack.classroom.events[0]!.id;
    await expect(
      startRound(deps, teacher, s.id, 'closed', [{ eventId: 'no-such-event', afterSeconds: 60 }]),
    ).rejects.toMatchObject({ code: 'no_event' });
    await expect(startRound(deps, teacher, s.id, 'closed', [{ eventId, afterSeconds: 0 }])).rejects.toMatchObject({
      code: 'bad_timer',
    });
    await startRound(deps, teacher, s.id, 'closed', [{ eventId, afterSeconds: 60 }]);
    expect(deps.sessions.get(s.id)!.class!.round!.timers).toEqual([
      { eventId, at: '2026-12-02T10:01:00.000Z', fired: false },
    ]);

    now = new Date('2026-12-02T10:00:30Z');
    expect(await fireDueEvents(deps, now)).toBe(0);
    await setPaused(deps, teacher, s.id, true);
    now = new Date('2026-12-02T10:02:00Z');
    expect(await fireDueEvents(deps, now)).toBe(0); // paused: the timer waits
    await setPaused(deps, teacher, s.id, false);
    expect(await fireDueEvents(deps, now)).toBe(1);
    expect(await fireDueEvents(deps, now)).toBe(0); // once only
    expect(pushes).toEqual([eventId]);
    expect(deps.sessions.get(s.id)!.class!.round!.timers![0]!.fired).toBe(true);
    const fired = deps.trail.query({ sessionId: s.id, kind: 'event_fired', limit: 10 });
    expect(fired.map((e) => e.detail)).toEqual([expect.objectContaining({ event: eventId, trigger: 'timer' })]);
  });
});
