import { describe, expect, it } from 'vitest';
import { SITE_APPS as SITE_APP_IDS } from '../../../server/protocol/vocabulary';
import { SITE_APPS } from './site-apps';

describe('the site-app registry', () => {
  it('declares every site app of the vocabulary, and nothing else', () => {
    expect(Object.keys(SITE_APPS).sort()).toEqual([...SITE_APP_IDS].sort());
  });

  it('draws plain pages itself and gives every other app a loader and an element', () => {
    expect(SITE_APPS.page).toBeNull();
    for (const id of SITE_APP_IDS.filter((app) => app !== 'page')) {
      expect(typeof SITE_APPS[id]?.load, id).toBe('function');
      expect(typeof SITE_APPS[id]?.render, id).toBe('function');
    }
  });
});
