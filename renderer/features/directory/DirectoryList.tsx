import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OrganisationSummary } from '../../../shared/contract/directory';
import { formatPhone } from '../../../shared/identifiers';
import { ORG_KINDS, SUBTYPES_OF, type OrgKind, type OrgSubtype } from '../../../shared/directory/fields';
import { ACTIVITY_AREAS, type ActivityArea } from '../../../shared/registry/fields';
import { DistrictSelect } from '../../components/DistrictSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT, useTn } from '../../i18n';
import { callOrThrow } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { callKey, useCall, useCallMutation } from '../../lib/query';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { homeFilters, searchInput, useDirectoryFilters, type DirectoryFilterValues } from './filters';
import { useDirectoryLabels } from './labels';
import { useDetailMutation } from './calls';
import { OrganisationFormModal } from './OrganisationForm';

export const PAGE_SIZE = 100;

/**
 * The directory: server-side search (diacritic-insensitive, Turkish order from SQL) and filters, 100 rows per
 * page read with LIMIT/OFFSET; "Daha fazla göster" reads the next page. Nothing is sorted or filtered here.
 */
export function DirectoryList() {
  const t = useT();
  const tn = useTn();
  const locale = useLocale();
  const identity = useIdentity();
  const mayWrite = useCan('write');
  const [filters, setFilters] = useDirectoryFilters(identity);
  const [creating, setCreating] = useState(false);
  const [query] = useDebouncedValue(filters.search.trim(), 300);
  const input = searchInput(filters, query);
  const inputKey = JSON.stringify(input);
  const [pageCount, setPageCount] = useState(1);
  useEffect(() => setPageCount(1), [inputKey]);

  const first = useCall('directory:search', { ...input, limit: PAGE_SIZE, offset: 0 }, { keepPrevious: true });
  const more = useQueries({
    queries: Array.from({ length: pageCount - 1 }, (_, i) => {
      const page = { ...input, limit: PAGE_SIZE, offset: (i + 1) * PAGE_SIZE };
      return { queryKey: callKey('directory:search', page), queryFn: () => callOrThrow('directory:search', page) };
    }),
  });
  const rows: OrganisationSummary[] = [...(first.data?.rows ?? []), ...more.flatMap((q) => q.data?.rows ?? [])];
  const loadingMore = more.some((q) => q.isPending);
  const moreError = more.find((q) => q.isError)?.error;
  const total = first.data?.total ?? 0;

  const exportXlsx = useCallMutation('directory:exportXlsx', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', title: t('directory.export.doneTitle'), message: tn('directory.export.done', file.rows, { fileName: file.fileName }) });
    },
  });
  const narrowed = JSON.stringify({ ...filters, search: query }) !== JSON.stringify(homeFilters(identity));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{t('directory.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('directory.subtitle')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" component="a" href={hrefOf('directory', 'follow-ups')}>
            {t('directory.followUps.button')}
          </Button>
          {mayWrite && (
            <Button variant="default" component="a" href={hrefOf('directory', 'import')}>
              {t('directory.import.button')}
            </Button>
          )}
          <Button variant="default" onClick={() => exportXlsx.mutate(input)} loading={exportXlsx.isPending} disabled={!total}>
            {t('directory.export.button')}
          </Button>
          {mayWrite && <Button onClick={() => setCreating(true)} data-shortcut="new" aria-keyshortcuts="Control+N">{t('directory.new')}</Button>}
        </Group>
      </Group>
      {exportXlsx.isError && <ErrorAlert error={exportXlsx.error} />}
      <DirectoryFilters value={filters} onChange={setFilters} />
      <Text fw={500} aria-live="polite" data-testid="directory-total">
        {first.data ? tn('directory.total', total) : '\u00a0'}
      </Text>
      <QueryState
        query={first}
        isEmpty={(d) => d.total === 0}
        empty={<EmptyText>{narrowed ? t('directory.noResults') : t('directory.empty')}</EmptyText>}
      >
        {() => (
          <Stack gap="xs">
            <Paper withBorder radius="sm" style={{ opacity: first.isPlaceholderData ? 0.6 : 1 }}>
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing={6} fz="sm" striped highlightOnHover aria-label={t('directory.tableLabel')} data-testid="directory-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('directory.col.name')}</Table.Th>
                      <Table.Th w={250}>{t('directory.col.kind')}</Table.Th>
                      <Table.Th w={200}>{t('directory.col.place')}</Table.Th>
                      <Table.Th w={220}>{t('directory.col.contacts')}</Table.Th>
                      <Table.Th w={90} ta="right">
                        {t('directory.col.meetings')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((o) => (
                      <OrganisationRow key={o.id} o={o} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            {moreError && <ErrorAlert error={moreError} />}
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('directory.shown', { shown: rows.length.toLocaleString(locale), total: total.toLocaleString(locale) })}
              </Text>
              {rows.length < total && (
                <Button variant="light" onClick={() => setPageCount((n) => n + 1)} loading={loadingMore}>
                  {t('directory.more')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
      <OrganisationFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          navigate('directory', saved.id);
        }}
      />
    </Stack>
  );
}

function OrganisationRow({ o }: { o: OrganisationSummary }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const mayWrite = useCan('write');
  const contact = [formatPhone(o.phone), o.email].filter(Boolean).join(' · ');
  const add = useDetailMutation('directory:addFromRegistry');
  return (
    <Table.Tr data-registry-only={o.registryOnly ? 'true' : undefined}>
      <Table.Td>
        <Anchor href={o.registryOnly ? hrefOf('registry', o.id) : hrefOf('directory', o.id)} fw={500} size="sm">
          {o.name}
        </Anchor>
        {o.registryOnly && (
          <Group gap={6} mt={2}>
            <Badge size="xs" variant="light" color="blue" tt="none" title={t('directory.registry.badgeHint')}>
              {t('directory.registry.badge')}
            </Badge>
            {mayWrite && (
              <Button size="compact-xs" variant="subtle" onClick={() => add.mutate({ associationId: o.id }, { onSuccess: (saved) => navigate('directory', saved.id) })} loading={add.isPending}>
                {t('directory.registry.add')}
              </Button>
            )}
          </Group>
        )}
        {add.error && <Text size="xs" c="red">{errorMessage(add.error)}</Text>}
        {!o.registryOnly && (o.shortName || o.youthFocus) && (
          <Group gap={6} mt={2}>
            {o.shortName && (
              <Text size="xs" c="dimmed">
                {o.shortName}
              </Text>
            )}
            {o.youthFocus && (
              <Badge size="xs" variant="light" color="grape" tt="none">
                {t('directory.youthFocus')}
              </Badge>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td>{labels.kindAndSubtype(o.kind, o.subtype)}</Table.Td>
      <Table.Td>{o.districtName ? `${o.provinceName} / ${o.districtName}` : o.provinceName}</Table.Td>
      <Table.Td>
        <Text size="sm">{o.contactCount.toLocaleString('tr-TR')}</Text>
        {contact && (
          <Text size="xs" c="dimmed" truncate="end" maw={210} title={contact}>
            {contact}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{o.meetingCount}</Table.Td>
    </Table.Tr>
  );
}

function DirectoryFilters({ value, onChange }: { value: DirectoryFilterValues; onChange: (patch: Partial<DirectoryFilterValues>) => void }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const subtypes = value.kind ? SUBTYPES_OF[value.kind] : [];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('directory.search')}
        placeholder={t('directory.searchPlaceholder')}
        type="search"
        data-shortcut="search"
        aria-keyshortcuts="Control+F"
        value={value.search}
        onChange={(e) => onChange({ search: e.currentTarget.value })}
        style={{ flex: '1 1 260px' }}
      />
      <Select
        label={t('directory.filter.kind')}
        placeholder={t('common.all')}
        data={ORG_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
        value={value.kind}
        onChange={(v) => onChange({ kind: v as OrgKind | null, subtype: null })}
        clearable
        w={200}
      />
      <Select
        label={t('directory.filter.subtype')}
        placeholder={value.kind ? t('common.all') : t('directory.filter.subtypeNeedsKind')}
        data={subtypes.map((s) => ({ value: s, label: labels.subtype(s) }))}
        value={value.subtype}
        onChange={(v) => onChange({ subtype: v as OrgSubtype | null })}
        disabled={subtypes.length === 0}
        clearable
        w={190}
      />
      <ProvinceSelect
        label={t('directory.filter.province')}
        placeholder={t('common.all')}
        value={value.provincePlate}
        onChange={(provincePlate) => onChange({ provincePlate, districtId: null })}
        clearable
        w={170}
      />
      <DistrictSelect
        label={t('directory.filter.district')}
        placeholder={t('common.all')}
        provincePlate={value.provincePlate}
        value={value.districtId}
        onChange={(districtId) => onChange({ districtId })}
        clearable
        w={160}
      />
      <Select
        label={t('directory.filter.activityArea')}
        placeholder={t('common.all')}
        data={ACTIVITY_AREAS.map((a) => ({ value: a, label: labels.area(a) }))}
        value={value.activityArea}
        onChange={(v) => onChange({ activityArea: v as ActivityArea | null })}
        clearable
        searchable
        filter={turkishOptionsFilter}
        w={200}
      />
      <Select
        label={t('directory.filter.youthFocus')}
        placeholder={t('common.all')}
        data={[
          { value: 'yes', label: t('directory.filter.youthOnly') },
          { value: 'no', label: t('directory.filter.youthNot') },
        ]}
        value={value.youthFocus}
        onChange={(v) => onChange({ youthFocus: v as 'yes' | 'no' | null })}
        clearable
        w={190}
      />
    </Group>
  );
}
