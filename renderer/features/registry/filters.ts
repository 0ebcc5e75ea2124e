import { useRef, useSyncExternalStore } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import type { AssociationCountsInput, AssociationSort, SearchAssociationsInput } from '../../../shared/contract/registry';
import type { ActivityArea, ClubType } from '../../../shared/registry/fields';
import type { RegistrationState } from '../../../shared/registry/registration';
import type { VisaStatus } from '../../../shared/registry/visa';
import { useHashQuery } from '../../lib/hashRoute';
import { filtersFromLink } from './links';

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
  sort: AssociationSort;
  direction: 'asc' | 'desc';
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
    sort: 'name',
    direction: 'asc',
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
  // A link with filters (a home page line) opens the list narrowed to exactly them, each time it is followed.
  const link = useHashQuery();
  const followed = useRef('');
  if (link && link !== followed.current) {
    followed.current = link;
    store = { filters: filtersFromLink(homeFilters(identity), link), scrollTop: 0 };
  }
  store ??= { filters: homeFilters(identity), scrollTop: 0 };
  const filters = useSyncExternalStore(subscribe, () => store!.filters);
  return [filters, update];
}

/** One function for every render (not one per render), so the memoised parts of the list keep their props. */
function update(patch: Partial<RegistryFilterValues>) {
  store = { filters: { ...store!.filters, ...patch }, scrollTop: 0 };
  emit();
}

const setSearch = (search: string) => update({ search });

/**
 * The search text the list searches for, read and written by the search box alone: the box keeps what is
 * being typed in its own state and hands the text on here only when the list should search for it, so a key
 * re-renders the box, not the whole list (issue #17). Call below `useRegistryFilters`, which sets the store up.
 */
export function useRegistrySearch(): [string, (search: string) => void] {
  const search = useSyncExternalStore(subscribe, () => store?.filters.search ?? '');
  return [search, setSearch];
}

export const listScroll = {
  get: () => store?.scrollTop ?? 0,
  set: (top: number) => {
    if (store) store.scrollTop = top;
  },
};

/** The filters as the search channel takes them (the search text as the caller paces it). */
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
    ...(filters.sort !== 'name' || filters.direction !== 'asc' ? { sort: filters.sort, direction: filters.direction } : {}),
  };
}

/** What the status chips count over: the same search and filters, every state, no order. */
export function countsInput(input: Omit<SearchAssociationsInput, 'limit' | 'offset'>): AssociationCountsInput {
  const { statuses: _statuses, sort: _sort, direction: _direction, ...rest } = input;
  return rest;
}
