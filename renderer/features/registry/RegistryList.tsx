import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDebouncedValue } from '@mantine/hooks';
import { memo, useCallback, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import type { AssociationSort } from '../../../shared/contract/registry';
import type { RegistrationState } from '../../../shared/registry/registration';
import { useT, useTn } from '../../i18n';
import { downloadFile } from '../../lib/files';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { useCall, useCallMutation } from '../../lib/query';
import { AssociationFormModal } from './AssociationForm';
import { AssociationTable, PAGE_SIZE } from './AssociationTable';
import { canRecord } from './calls';
import { countsInput, homeFilters, searchInput, useRegistryFilters } from './filters';
import { useRegistryLabels } from './labels';
import { RegistryFilters } from './RegistryFilters';
import { StatusChips } from './StatusChips';

/**
 * How long typing must pause before the status chips are counted for the search. Not per key (issue #17): the
 * backend answers one call at a time, so a count sent beside every search delayed that search and the next.
 */
const COUNTS_PAUSE_MS = 400;

const AssociationForm = memo(AssociationFormModal);

export function RegistryList() {
  const t = useT();
  const tn = useTn();
  const identity = useIdentity();
  const [filters, setFilters] = useRegistryFilters(identity);
  const [creating, setCreating] = useState(false);
  // The search box paces the text it hands on (SearchBox): each change here is a search to make.
  const query = filters.search.trim();
  const input = useMemo(() => searchInput(filters, query), [filters, query]);
  const first = useCall('registry:search', { ...input, limit: PAGE_SIZE, offset: 0 }, { keepPrevious: true });
  // Counted once per change of the filters (not per page, not per chip or order) and of the search once typing
  // pauses; until then the chips show the last counts, dimmed. Exact once the search they count is the list's.
  const [counted] = useDebouncedValue(query, COUNTS_PAUSE_MS);
  const counts = useCall('registry:statusCounts', countsInput(searchInput(filters, counted)), { keepPrevious: true });
  const countsStale = counted !== query || counts.isPlaceholderData;
  const setStatuses = useCallback((statuses: RegistrationState[]) => setFilters({ statuses }), [setFilters]);
  const onSort = useCallback((sort: AssociationSort, direction: 'asc' | 'desc') => setFilters({ sort, direction }), [setFilters]);
  const sort = useMemo(() => ({ column: filters.sort, direction: filters.direction }), [filters.sort, filters.direction]);
  const closeForm = useCallback(() => setCreating(false), []);
  const onSaved = useCallback((saved: { id: string }) => {
    setCreating(false);
    navigate('registry', saved.id);
  }, []);
  const exportXlsx = useCallMutation('registry:exportXlsx', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', title: t('registry.export.doneTitle'), message: tn('registry.export.done', file.rows, { fileName: file.fileName }) });
    },
  });
  const home = homeFilters(identity);
  const narrowed = JSON.stringify({ ...filters, search: query }) !== JSON.stringify(home);
  const recorder = canRecord(identity);
  // A viewer reads the registry; the buttons that change it are not offered.
  const mayWrite = useCan('write');

  return (
    <Stack gap={8}>
      <Group justify="space-between" align="center">
        <Group gap="md" align="baseline">
          <Title order={2}>{t('registry.title')}</Title>
          {/* The total beside the title, not on a line of its own: the table gets the height (issue #17). */}
          {/* data-search names the search whose answer the list shows (absent while an older answer stands in for it):
              tests and the typing benchmark wait for it rather than for a fixed delay. */}
          <Text fw={500} aria-live="polite" data-testid="registry-total" data-search={first.data && !first.isPlaceholderData ? query : undefined}>
            {first.data ? tn('registry.total', first.data.total) : '\u00a0'}
          </Text>
        </Group>
        <Group gap="xs">
          {recorder && mayWrite && (
            <Button variant="default" component="a" href={hrefOf('registry', 'import')}>
              {t('registry.import.button')}
            </Button>
          )}
          <Button variant="default" onClick={() => exportXlsx.mutate(input)} loading={exportXlsx.isPending} disabled={!first.data?.total}>
            {t('registry.export.button')}
          </Button>
          {recorder && mayWrite && <Button onClick={() => setCreating(true)} data-shortcut="new" aria-keyshortcuts="Control+N">{t('registry.new')}</Button>}
        </Group>
      </Group>
      {exportXlsx.isError && <ErrorAlert error={exportXlsx.error} />}
      {recorder && <IncomingTransfers />}
      <RegistryFilters value={filters} onChange={setFilters} />
      <StatusChips counts={counts.data?.countsByStatus} value={filters.statuses} onChange={setStatuses} stale={countsStale} />
      <QueryState
        query={first}
        isEmpty={(d) => d.total === 0}
        empty={<EmptyText>{narrowed ? t('registry.noResults') : recorder && mayWrite ? t('registry.emptyCanCreate') : t('registry.empty')}</EmptyText>}
      >
        {(data) => (
          <AssociationTable
            filters={input}
            first={data}
            placeholder={first.isPlaceholderData}
            showProvince={identity.role === 'ministry' && !filters.provincePlate}
            sort={sort}
            onSort={onSort}
          />
        )}
      </QueryState>
      <AssociationForm opened={creating} onClose={closeForm} onSaved={onSaved} />
    </Stack>
  );
}

/** Transfers into this province waiting for it to accept (the sending province has approved). Memoised: no props. */
const IncomingTransfers = memo(function IncomingTransfers() {
  const t = useT();
  const labels = useRegistryLabels();
  const incoming = useCall('registry:listTransfers', { direction: 'incoming' });
  const waiting = (incoming.data ?? []).filter((tr) => tr.state === 'GONDEREN_ONAYI');
  if (!waiting.length) return null;
  return (
    <Alert color="blue" variant="light" title={t('registry.incoming.title', { count: waiting.length })}>
      <List size="sm">
        {waiting.map((tr) => (
          <List.Item key={tr.id}>
            <Anchor href={hrefOf('registry', tr.associationId, 'transfers')} size="sm">
              {tr.associationName}
            </Anchor>{' '}
            — {t('registry.incoming.from', { province: labels.province(tr.fromPlate) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
});
