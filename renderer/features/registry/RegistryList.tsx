import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT, useTn } from '../../i18n';
import { downloadFile } from '../../lib/files';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { useCall, useCallMutation, usePacedValue } from '../../lib/query';
import { AssociationFormModal } from './AssociationForm';
import { AssociationTable, PAGE_SIZE } from './AssociationTable';
import { canRecord } from './calls';
import { countsInput, homeFilters, searchInput, useRegistryFilters } from './filters';
import { useRegistryLabels } from './labels';
import { RegistryFilters } from './RegistryFilters';
import { StatusChips } from './StatusChips';

/** The reads a typed search makes: the next key's search waits for them, not for a fixed delay. */
const SEARCH_READS = ['registry:search', 'registry:statusCounts'] as const;

export function RegistryList() {
  const t = useT();
  const tn = useTn();
  const identity = useIdentity();
  const [filters, setFilters] = useRegistryFilters(identity);
  const [creating, setCreating] = useState(false);
  const query = usePacedValue(filters.search.trim(), SEARCH_READS);
  const input = searchInput(filters, query);
  const first = useCall('registry:search', { ...input, limit: PAGE_SIZE, offset: 0 }, { keepPrevious: true });
  // Counted once per change of the search and filters (not per page, not per chip or order).
  const counts = useCall('registry:statusCounts', countsInput(input), { keepPrevious: true });
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
      <StatusChips counts={counts.data?.countsByStatus} value={filters.statuses} onChange={(statuses) => setFilters({ statuses })} />
      <QueryState
        query={first}
        isEmpty={(d) => d.total === 0}
        empty={<EmptyText>{narrowed ? t('registry.noResults') : recorder && mayWrite ? t('registry.emptyCanCreate') : t('registry.empty')}</EmptyText>}
      >
        {() => (
          <AssociationTable
            filters={input}
            first={first}
            showProvince={identity.role === 'ministry' && !filters.provincePlate}
            sort={{ column: filters.sort, direction: filters.direction }}
            onSort={(sort, direction) => setFilters({ sort, direction })}
          />
        )}
      </QueryState>
      <AssociationFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          navigate('registry', saved.id);
        }}
      />
    </Stack>
  );
}

/** Transfers into this province waiting for it to accept (the sending province has approved). */
function IncomingTransfers() {
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
}
