/**
 * The facilitator's "who may see what" matrix, computed by asking the policy table.
 */
import type { Mode, PolicyMatrix } from '../protocol/api';
import type { PackSite } from './pack';
import { CAPABILITIES, ROLES, canOpenSite, capabilitiesOf } from './policy';

/** Builds the matrix for a mode by querying `capabilitiesOf` and `canOpenSite` for every role. */
export function policyMatrix(sites: readonly PackSite[], mode: Mode): PolicyMatrix {
  const grants = Object.fromEntries(ROLES.map((r) => [r, capabilitiesOf(r, mode)])) as PolicyMatrix['grants'];
  return {
    mode,
    roles: [...ROLES],
    capabilities: [...CAPABILITIES],
    grants,
    sites: sites.map((s) => ({
      id: s.id,
      title: s.title,
      address: s.address,
      network: s.network,
      roles: ROLES.filter((role) => canOpenSite({ role, mode }, s)),
    })),
  };
}
