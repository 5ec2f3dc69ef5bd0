import { describe, expect, it } from 'vitest';
import type { Capability, Home } from '../../../server/protocol/vocabulary';
import { CAPABILITY_IDS, HOMES } from '../../../server/protocol/vocabulary';
import {
  LOGIN_PATH,
  canonicalPath,
  cleanPath,
  encodeAddressParam,
  homePath,
  mayOpen,
  routeParam,
  navRoutes,
  routeAt,
} from './routes';
import type { Viewer } from './routes';
import { SCREENS } from './screens';

const viewer = (home: Home, ...capabilities: Capability[]): Viewer => ({ home, capabilities });

describe('the screen registry', () => {
  it('gives every screen a unique name and a unique path under /', () => {
    const names = SCREENS.map((s) => s.name);
    const paths = SCREENS.map((s) => s.path);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(paths).size).toBe(paths.length);
    // One or more lower-case segments (the debrief lives under the console: /console/debrief/<id>).
    for (const path of paths) expect(path).toMatch(/^(\/[a-z]+)+$/);
    expect(paths).not.toContain(LOGIN_PATH);
  });

  it('gives every screen a label, a loader and a renderer', () => {
    for (const screen of SCREENS) {
      expect(screen.label().trim(), screen.name).not.toBe('');
      expect(typeof screen.load, screen.name).toBe('function');
      expect(typeof screen.render, screen.name).toBe('function');
    }
  });

  it('has a screen for every home the server may send someone to', () => {
    for (const home of HOMES)
      expect(
        SCREENS.some((s) => s.name === home),
        home,
      ).toBe(true);
  });

  it('guards every screen but "denied", "lobby", the record and the public join page with a capability of the vocabulary', () => {
    for (const screen of SCREENS) {
      const capability = 'capability' in screen ? screen.capability : undefined;
      if (['denied', 'lobby', 'join', 'record'].includes(screen.name)) expect(capability).toBeUndefined();
      else expect(CAPABILITY_IDS).toContain(capability);
    }
  });
});

describe('path parsing', () => {
  it('finds a screen by path, ignoring trailing slashes', () => {
    expect(routeAt('/portal')?.name).toBe('portal');
    expect(routeAt('/portal/')?.name).toBe('portal');
    expect(routeAt('/trail///')?.name).toBe('trail');
    expect(cleanPath('/')).toBe('/');
    expect(cleanPath('///')).toBe('/');
  });

  it('knows no screen at other paths', () => {
    for (const path of ['/', '', '/login', '/portal/x', '/PORTAL', '/nowhere', 'portal', '/join/1/2']) {
      expect(routeAt(path), path).toBeUndefined();
    }
  });

  it('hands a parameter screen the segment after its path', () => {
    expect(routeAt('/join/123456')?.name).toBe('join');
    expect(routeParam('/join/123456/')).toBe('123456');
    expect(routeParam('/join')).toBe('');
    expect(routeAt('/present/654321')?.name).toBe('present');
    expect(routeParam('/present/654321')).toBe('654321');
    expect(routeParam('/portal')).toBe('');
  });

  it('keeps slashes readable in the address parameter and encodes the rest', () => {
    expect(encodeAddressParam('news.intra/article/a-1')).toBe('news.intra/article/a-1');
    expect(encodeAddressParam('a b?c=d&e#f')).toBe('a%20b%3Fc%3Dd%26e%23f');
  });
});

describe('may-open', () => {
  const portal = routeAt('/portal')!;
  const denied = routeAt('/denied')!;

  it('opens a guarded screen exactly when the server granted its capability', () => {
    expect(mayOpen(viewer('portal', 'network.domestic'), portal)).toBe(true);
    expect(mayOpen(viewer('foreign', 'network.foreign'), portal)).toBe(false);
    expect(mayOpen(viewer('overview', 'policy.overview'), portal)).toBe(false);
  });

  it('opens the unguarded "denied" screen only for those the server sends there', () => {
    expect(mayOpen(viewer('denied'), denied)).toBe(true);
    expect(mayOpen(viewer('portal', 'network.domestic'), denied)).toBe(false);
  });

  it('lists in the nav exactly the screens that may open, in registry order', () => {
    const censor = viewer('trail', 'network.domestic', 'trail.read', 'moderation.review', 'users.discipline');
    expect(navRoutes(censor).map((s) => s.name)).toEqual(['portal', 'trail', 'moderation', 'monitor', 'record']);
    expect(navRoutes(viewer('denied')).map((s) => s.name)).toEqual(['denied', 'record']);
  });

  it('opens the device’s record for every logged-in user, whatever they hold, and not logged out', () => {
    const record = routeAt('/record')!;
    for (const me of [
      viewer('denied'),
      viewer('lobby'),
      viewer('portal', 'network.domestic'),
      viewer('console', 'sessions.manage'),
    ])
      expect(mayOpen(me, record), me.home).toBe(true);
    expect(canonicalPath(viewer('denied'), '/record')).toBe('/record');
    expect(canonicalPath(undefined, '/record')).toBe(LOGIN_PATH);
  });

  it('sends a user to their home for a screen they may not open, and to login when logged out', () => {
    const editor = viewer('portal', 'network.domestic', 'media.publish');
    expect(homePath(editor)).toBe('/portal');
    expect(canonicalPath(editor, '/desk/')).toBe('/desk');
    expect(canonicalPath(editor, '/trail')).toBe('/portal');
    expect(canonicalPath(editor, '/nowhere')).toBe('/portal');
    expect(canonicalPath(undefined, '/desk')).toBe(LOGIN_PATH);
    expect(canonicalPath(viewer('denied'), '/portal')).toBe('/denied');
  });

  it('opens the join page for anyone, logged in or not, keeping its code', () => {
    expect(canonicalPath(undefined, '/join')).toBe('/join');
    expect(canonicalPath(undefined, '/join/123456/')).toBe('/join/123456');
    expect(canonicalPath(viewer('portal', 'network.domestic'), '/join/123456')).toBe('/join/123456');
    expect(canonicalPath(undefined, '/present/123456')).toBe(LOGIN_PATH);
  });

  it('sends a seat without a role to the lobby, and nowhere else', () => {
    const seat = viewer('lobby');
    expect(homePath(seat)).toBe('/lobby');
    expect(canonicalPath(seat, '/portal')).toBe('/lobby');
    expect(navRoutes(seat).map((s) => s.name)).toEqual(['lobby', 'record']);
    expect(canonicalPath(seat, '/record')).toBe('/record');
  });

  it('takes the facilitator to the console, from the old overview address too', () => {
    const facilitator = viewer('console', 'trail.read', 'policy.overview', 'sessions.manage');
    expect(homePath(facilitator)).toBe('/console');
    expect(homePath(viewer('overview', 'policy.overview', 'sessions.manage'))).toBe('/console');
    expect(canonicalPath(facilitator, '/overview')).toBe('/console');
    expect(canonicalPath(facilitator, '/present/123456')).toBe('/present/123456');
    expect(navRoutes(facilitator).map((s) => s.name)).toEqual(['trail', 'console', 'record']);
  });
});
