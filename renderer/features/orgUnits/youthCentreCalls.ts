import type { Identity } from '../../../shared/contract/installation';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import type { Channel } from '../../../shared/contract';
import { useCallMutation } from '../../lib/query';

// Every read a youth-centre write can change: lists, the open record and the provinces' centre counts.
const AFFECTED: readonly Channel[] = ['orgUnits:searchYouthCentres', 'orgUnits:getYouthCentre', 'orgUnits:listProvinces'];

export const useCreateYouthCentre = () => useCallMutation('orgUnits:createYouthCentre', { invalidates: AFFECTED });
export const useUpdateYouthCentre = () => useCallMutation('orgUnits:updateYouthCentre', { invalidates: AFFECTED });
export const useRetireYouthCentre = () => useCallMutation('orgUnits:retireYouthCentre', { invalidates: AFFECTED });

/** Only a province installation writes youth centres, and only its own. */
export function canManageCentres(identity: Identity): boolean {
  return identity.role === 'province';
}

export function canEditCentre(identity: Identity, centre: YouthCentre): boolean {
  return canManageCentres(identity) && centre.ownerUnit === identity.unitId && !centre.retiredAt;
}
