import { describe, expect, it } from 'vitest';
import { CAPABILITY_IDS, ROLES } from '../../../server/protocol/vocabulary';
import { capabilityLabel, roleLabel } from './labels';

describe('labels keyed by id', () => {
  it('names every role and every capability, each differently', () => {
    const roles = ROLES.map(roleLabel);
    const capabilities = CAPABILITY_IDS.map(capabilityLabel);
    for (const label of [...roles, ...capabilities]) expect(label.trim()).not.toBe('');
    expect(new Set(roles).size).toBe(ROLES.length);
    expect(new Set(capabilities).size).toBe(CAPABILITY_IDS.length);
    expect(capabilityLabel('network.domestic')).toBe('Use the national intranet');
    expect(roleLabel('foreigner')).toBe('Foreign guest');
  });
});
