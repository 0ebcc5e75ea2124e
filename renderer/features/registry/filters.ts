import { useSyncExternalStore } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import type { SearchAssociationsInput } from '../../../shared/contract/registry';
import type { ActivityArea, ClubType } from '../../../shared/registry/fields';
import type { RegistrationState } from '../../../shared/registry/registration';
import type { VisaStatus } from '../../../shared/registry/visa';

// The registry list's search and filters live outside the list component, so opening an association and
// coming back finds the list as it was left (same filters, same scroll position).

export interface RegistryFilterValues {
  search: string;
  statuses: RegistrationState[];
  visaStatus: VisaStatus | null;
  visaYear: number | null;
  clubType: ClubType | null;
  provincePlate: string | null;
  districtId: string | null;
  activityArea: ActivityArea | null;
}

interface Store {
  filters: RegistryFilterValues;
  scrollTop: number;
}

let store: Store | null = null;
const listeners = new Set<() => void>();

export function homeFilters(identity: Identity): RegistryFilterValues {
  return {
    search: '',
    statuses: [],
    visaStatus: null,
    visaYear: null,
    clubType: null,
    provincePlate: identity.role === 'ministry' ? null : identity.provincePlate,
    districtId: null,
    activityArea: null,
  };
}

function emit() {
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRegistryFilters(identity: Identity): [RegistryFilterValues, (patch: Partial<RegistryFilterValues>) => void] {
  store ??= { filters: homeFilters(identity), scrollTop: 0 };
  const filters = useSyncExternalStore(subscribe, () => store!.filters);
  const update = (patch: Partial<RegistryFilterValues>) => {
    store = { filters: { ...store!.filters, ...patch }, scrollTop: 0 };
    emit();
  };
  return [filters, update];
}

export const listScroll = {
  get: () => store?.scrollTop ?? 0,
  set: (top: number) => {
    if (store) store.scrollTop = top;
  },
};

/** The filters as the search channel takes them (search text already debounced by the caller). */
export function searchInput(filters: RegistryFilterValues, query: string): Omit<SearchAssociationsInput, 'limit' | 'offset'> {
  return {
    ...(query ? { query } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.visaStatus ? { visaStatus: filters.visaStatus } : {}),
    ...(filters.visaYear ? { visaYear: filters.visaYear } : {}),
    ...(filters.clubType ? { clubType: filters.clubType } : {}),
    ...(filters.provincePlate ? { provincePlate: filters.provincePlate } : {}),
    ...(filters.districtId ? { districtId: filters.districtId } : {}),
    ...(filters.activityArea ? { activityArea: filters.activityArea } : {}),
  };
}
