/**
 * Logging in and turning token claims into an actor, as tables over the in-memory store and the
 * default pack: every persona, both modes, and each way a login stops standing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Home, Mode, Role } from '../protocol/api';
import { outcome, testWorld, type Outcome, type World } from '../test/memory';
import { actorFromClaims, claimsValid, login, logout, meOf, type TokenClaims } from './auth';
import { DomainError } from './errors';

let w: World;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-01-15T09:00:00.000Z');
  w = await testWorld({ now: () => now, ttlSeconds: 3600 });
});

const ROLES: Role[] = ['citizen', 'elite', 'scientist', 'academic', 'foreigner', 'editor', 'censor', 'facilitator'];

describe('logging in', () => {
  // [user name, password, outcome, error code]
  const table: [string, string, Outcome, string | null][] = [
    ...ROLES.map((r): [string, string, Outcome, string | null] => [r, 'demo', 'ok', null]),
    ...ROLES.map((r): [string, string, Outcome, string | null] => [r, 'wrong', 401, 'invalid_credentials']),
    ['nobody', 'demo', 401, 'invalid_credentials'],
    ['ELITE', 'demo', 401, 'invalid_credentials'],
    ['', '', 401, 'invalid_credentials'],
  ];
  it.each(table)('%s with password %j → %s', async (username, password, expected, code) => {
    let err: unknown;
    const result = await outcome(() => login(w.auth, { username, password }).catch((e) => Promise.reject((err = e))));
    expect(result).toBe(expected);
    if (code) expect((err as DomainError).code).toBe(code);
    const kinds = w.store.trail.of().map((e) => e.kind);
    expect(kinds).toEqual([expected === 'ok' ? 'login' : 'login_failed']);
    expect(w.store.logins.count()).toBe(expected === 'ok' ? 1 : 0);
  });

  it.each(ROLES)('a revoked %s cannot log in (403 revoked), and it is recorded', async (role) => {
    await w.store.users.update(w.user(role).id, { revoked: true });
    const err = await login(w.auth, { username: role, password: 'demo' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('revoked');
    expect(await outcome(() => Promise.reject(err))).toBe(403);
    expect(w.store.trail.of('login_failed')[0]?.detail).toMatchObject({ reason: 'revoked' });
  });

  it('a login carries the user, session, token version, login id and expiry', async () => {
    const { user, claims } = await login(w.auth, { username: 'scientist', password: 'demo' });
    expect(claims).toEqual({
      sub: user.id,
      sid: w.session.id,
      tv: 0,
      lid: expect.any(String),
      exp: now.getTime() / 1000 + 3600,
    });
    expect(w.store.logins.get(claims.lid)).toMatchObject({ userId: user.id, expiresAt: '2026-01-15T10:00:00.000Z' });
  });
});

describe('the actor from claims, by role and mode', () => {
  const homes: Record<Mode, Record<Role, Home>> = {
    closed: {
      citizen: 'denied',
      elite: 'portal',
      scientist: 'portal',
      academic: 'portal',
      foreigner: 'foreign',
      editor: 'portal',
      censor: 'trail',
      facilitator: 'console',
    },
    open: {
      citizen: 'portal',
      elite: 'portal',
      scientist: 'portal',
      academic: 'portal',
      foreigner: 'portal',
      editor: 'portal',
      censor: 'trail',
      facilitator: 'console',
    },
  };
  const rows = (['closed', 'open'] as const).flatMap((mode) =>
    ROLES.map((role) => [role, mode, homes[mode][role]] as [Role, Mode, Home]),
  );

  it.each(rows)('%s in a %s session: the actor carries role and mode; home %s', async (role, mode, home) => {
    const { claims } = await login(w.auth, { username: role, password: 'demo' });
    await w.setMode(mode);
    const actor = actorFromClaims(w.auth, claims, now);
    expect(actor).toMatchObject({ userId: w.user(role).id, username: role, role, sessionId: w.session.id, mode });
    const me = meOf(w.auth, actor);
    expect(me).toMatchObject({ username: role, role, mode, home, sessionId: w.session.id });
    expect(me.displayName).toBe(w.user(role).displayName);
  });
});

describe('when claims stop standing', () => {
  type Change = (w: World, claims: TokenClaims) => Promise<TokenClaims | void> | TokenClaims | void;
  const table: [string, Change, Outcome][] = [
    ['nothing changed', () => undefined, 'ok'],
    ['the token expired', () => void (now = new Date(now.getTime() + 3600_000)), 401],
    ['a minute before expiry', () => void (now = new Date(now.getTime() + 3540_000)), 'ok'],
    ['the login ended (logout)', (w, c) => logout(w.auth, w.actor('elite'), c.lid), 401],
    [
      'the login was pruned',
      (w) => w.store.logins.prune(new Date(now.getTime() + 7200_000)).then(() => undefined),
      401,
    ],
    [
      'the password changed (token version bumped)',
      (w, c) => w.store.users.update(c.sub, { tokenVersion: 1 }).then(() => undefined),
      401,
    ],
    ['the user was revoked', (w, c) => w.store.users.update(c.sub, { revoked: true }).then(() => undefined), 401],
    ['the user was muted', (w, c) => w.store.users.update(c.sub, { muted: true }).then(() => undefined), 'ok'],
    ['the session mode switched', (w) => w.setMode('open'), 'ok'],
    ['the claims name another session', (_w, c) => ({ ...c, sid: 'elsewhere' }), 401],
    ['the claims name another user', (w, c) => ({ ...c, sub: w.user('scientist').id }), 401],
    ['the claims name an unknown login', (_w, c) => ({ ...c, lid: 'forged' }), 401],
    [
      'the claims carry a later expiry than the login',
      (_w, c) => {
        now = new Date(now.getTime() + 3600_000);
        return { ...c, exp: c.exp + 3600 };
      },
      401,
    ],
  ];

  it.each(table)('%s → %s', async (_what, change, expected) => {
    const { claims } = await login(w.auth, { username: 'elite', password: 'demo' });
    const changed = (await change(w, claims)) ?? claims;
    expect(await outcome(() => actorFromClaims(w.auth, changed, now))).toBe(expected);
    expect(claimsValid(w.auth, changed, now)).toBe(expected === 'ok');
  });

  it('logging out ends one login; another login of the same persona stands', async () => {
    const a = await login(w.auth, { username: 'elite', password: 'demo' });
    const b = await login(w.auth, { username: 'elite', password: 'demo' });
    const ended: string[] = [];
    w.bus.on('login:ended', ({ loginId }) => ended.push(loginId));
    await logout(w.auth, actorFromClaims(w.auth, a.claims, now), a.claims.lid);
    expect(ended).toEqual([a.claims.lid]);
    expect(claimsValid(w.auth, a.claims, now)).toBe(false);
    expect(claimsValid(w.auth, b.claims, now)).toBe(true);
    expect(w.store.trail.of().map((e) => e.kind)).toEqual(['login', 'login', 'logout']);
  });

  it('starting a login drops the expired ones', async () => {
    await login(w.auth, { username: 'elite', password: 'demo' });
    now = new Date(now.getTime() + 2 * 3600_000);
    await login(w.auth, { username: 'censor', password: 'demo' });
    expect(w.store.logins.count()).toBe(1);
  });
});
