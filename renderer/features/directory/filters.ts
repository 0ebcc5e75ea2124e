import { useSyncExternalStore } from 'react';
import type { SearchOrganisationsInput } from '../../../shared/contract/directory';
import type { Identity } from '../../../shared/contract/installation';
import type { OrgKind, OrgSubtype } from '../../../shared/directory/fields';
import type { ActivityArea } from '../../../shared/registry/fields';

// The directory list's search and filters live outside the list component, so opening an organisation and
// coming back finds the list as it was left.

export interface DirectoryFilterValues {
  search: string;
  kind: OrgKind | null;
  subtype: OrgSubtype | null;
  provincePlate: string | null;
  districtId: string | null;
  activityArea: ActivityArea | null;
  youthFocus: 'yes' | 'no' | null;
}

/** The ministry starts with the whole country; a directorate or youth centre with its own province. */
export function homeFilters(identity: Identity): DirectoryFilterValues {
  return {
    search: '',
    kind: null,
    subtype: null,
    provincePlate: identity.role === 'ministry' ? null : identity.provincePlate,
    districtId: null,
    activityArea: null,
    youthFocus: null,
  };
}

let store: { unitId: string; filters: DirectoryFilterValues } | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDirectoryFilters(identity: Identity): [DirectoryFilterValues, (patch: Partial<DirectoryFilterValues>) => void] {
  if (!store || store.unitId !== identity.unitId) store = { unitId: identity.unitId, filters: homeFilters(identity) };
  const filters = useSyncExternalStore(subscribe, () => store!.filters);
  const update = (patch: Partial<DirectoryFilterValues>) => {
    store = { ...store!, filters: { ...store!.filters, ...patch } };
    for (const l of listeners) l();
  };
  return [filters, update];
}

/** The filters as the search channel takes them (search text already debounced by the caller). */
export function searchInput(filters: DirectoryFilterValues, query: string): Omit<SearchOrganisationsInput, 'limit' | 'offset'> {
  return {
    ...(query ? { query } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.subtype ? { subtype: filters.subtype } : {}),
    ...(filters.provincePlate ? { provincePlate: filters.provincePlate } : {}),
    ...(filters.districtId ? { districtId: filters.districtId } : {}),
    ...(filters.activityArea ? { activityArea: filters.activityArea } : {}),
    ...(filters.youthFocus ? { youthFocus: filters.youthFocus === 'yes' } : {}),
    // Registered associations not yet in the directory are listed too, linked to the registry (issue #17).
    withRegistry: true,
  };
}
