import { Box, Button, Group, Pagination, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT, useTn } from '../../i18n';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { CentreFilters, type CentreFilterValues } from './CentreFilters';
import { usePagedCentres } from './usePagedCentres';
import { canManageCentres } from './youthCentreCalls';
import { YouthCentresTable } from './YouthCentresTable';
import { usePaginationLabels } from '../../components/paginationLabels';

const PAGE_SIZE = 20;

interface YouthCentresPanelProps {
  onOpen: (id: string) => void;
  onCreate: () => void;
}

export function YouthCentresPanel({ onOpen, onCreate }: YouthCentresPanelProps) {
  const paginationLabels = usePaginationLabels();
  const t = useT();
  const tn = useTn();
  const identity = useIdentity();
  // Province and youth-centre installations work in their own province first.
  const homeProvince = identity.role === 'ministry' ? null : identity.provincePlate;
  const [filters, setFilters] = useState<CentreFilterValues>({
    search: '',
    provincePlate: homeProvince,
    districtId: null,
    status: null,
    includeRetired: false,
  });
  const [search] = useDebouncedValue(filters.search.trim(), 250);
  const input = {
    ...(search ? { query: search } : {}),
    ...(filters.provincePlate ? { provincePlate: filters.provincePlate } : {}),
    ...(filters.districtId ? { districtId: filters.districtId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    includeRetired: filters.includeRetired,
  };
  const { query, page, pages, setPage } = usePagedCentres(input, PAGE_SIZE);
  const narrowed = !!search || !!filters.districtId || !!filters.status || filters.provincePlate !== homeProvince;
  const mayWrite = useCan('write');
  const canCreate = canManageCentres(identity) && mayWrite;

  return (
    <Stack gap="md">
      <CentreFilters value={filters} onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))} />
      <Group justify="space-between">
        <Text fw={500} aria-live="polite" data-testid="centres-total">
          {query.data ? tn('centres.total', query.data.total) : '\u00a0'}
        </Text>
        <Group gap="xs">
          <ExportButton channel="orgUnits:youthCentresXlsx" input={input} disabled={!query.data?.total} />
          {canCreate && <Button onClick={onCreate} data-shortcut="new" aria-keyshortcuts="Control+N">{t('centres.new')}</Button>}
        </Group>
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.total === 0}
        empty={
          <EmptyText>{narrowed ? t('centres.noResults') : canCreate ? t('centres.emptyCanCreate') : t('centres.empty')}</EmptyText>
        }
      >
        {(d) => (
          <Box style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            <YouthCentresTable items={d.items} onOpen={onOpen} showProvince={!filters.provincePlate} />
          </Box>
        )}
      </QueryState>
      {pages > 1 && (
        <Group justify="center">
          <Pagination {...paginationLabels} total={pages} value={page} onChange={setPage} aria-label={t('centres.pagination')} />
        </Group>
      )}
    </Stack>
  );
}
