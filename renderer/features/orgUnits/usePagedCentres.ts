import { useState } from 'react';
import type { SearchYouthCentresInput } from '../../../shared/contract/orgUnits';
import { useCall } from '../../lib/query';

export type CentreFilters = Omit<SearchYouthCentresInput, 'limit' | 'offset'>;

/**
 * One page of youth centres, paged in SQL. Changing any filter starts again at page 1 (the page is remembered
 * together with the filters it belongs to, so no effect is needed to reset it).
 */
export function usePagedCentres(filters: CentreFilters, pageSize: number) {
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState({ filterKey, page: 1 });
  const page = state.filterKey === filterKey ? state.page : 1;
  const query = useCall(
    'orgUnits:searchYouthCentres',
    { ...filters, limit: pageSize, offset: (page - 1) * pageSize },
    { keepPrevious: true },
  );
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / pageSize));
  return { query, page, pages, setPage: (p: number) => setState({ filterKey, page: p }) };
}
