import { Anchor, Badge, Button, Group, Select, Stack, Table, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { WORKSHOP_KINDS, type WorkshopKind } from '../../../shared/meetings/fields';
import { REGIONS, type RegionName } from '../../../shared/regions';
import { ExportButton } from '../../components/ExportButton';
import { EmptyText, QueryState } from '../../components/QueryState';
import { regionLabel, regionOptions, useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { hrefOf, navigate, useHashSegments } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { useCall } from '../../lib/query';
import { WorkshopDetailPage } from './WorkshopDetail';
import { WorkshopFormModal } from './WorkshopForm';

/** `#/workshops` the list, `#/workshops/<id>` one workshop or summit. */
export function WorkshopsPage() {
  const [, id] = useHashSegments();
  if (id) return <WorkshopDetailPage key={id} id={id} />;
  return <WorkshopList />;
}

export function datesText(startOn: string, endOn: string): string {
  return startOn === endOn ? dateText(startOn) : `${dateText(startOn)} – ${dateText(endOn)}`;
}

function WorkshopList() {
  const t = useT();
  const identity = useIdentity();
  const [kind, setKind] = useState<WorkshopKind | null>(null);
  const [region, setRegion] = useState<RegionName | null>(null);
  const [creating, setCreating] = useState(false);
  const filter = { ...(kind ? { kind } : {}), ...(region ? { region } : {}) };
  const list = useCall('workshops:list', filter, { keepPrevious: true });
  const ministry = identity.role === 'ministry';
  const mayWrite = useCan('write');
  // Below 1200 px the host and the organisation and province counts give way to the title (on the record and in the export).
  const wide = !(useMediaQuery('(max-width: 1199px)') ?? false);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('workshops.title')}</Title>
        <Group gap="xs">
          <ExportButton channel="workshops:listXlsx" input={filter} disabled={!list.data?.length} />
          {ministry && mayWrite && <Button onClick={() => setCreating(true)} data-shortcut="new" aria-keyshortcuts="Control+N">{t('workshops.new')}</Button>}
        </Group>
      </Group>
      <Group gap="sm">
        <Select
          label={t('workshops.filter.kind')}
          placeholder={t('workshops.filter.all')}
          clearable
          data={WORKSHOP_KINDS.map((k) => ({ value: k, label: t(`workshops.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as WorkshopKind | null)}
          w={220}
        />
        <Select
          label={t('workshops.filter.region')}
          placeholder={t('workshops.filter.all')}
          clearable
          data={regionOptions(t, REGIONS)}
          value={region}
          onChange={(v) => setRegion(v as RegionName | null)}
          w={220}
        />
      </Group>
      <QueryState query={list} isEmpty={(d) => d.length === 0} empty={<EmptyText>{kind || region ? t('workshops.emptyFiltered') : t('workshops.empty')}</EmptyText>}>
        {(rows) => (
          <Table striped highlightOnHover withTableBorder data-testid="workshops-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workshops.col.title')}</Table.Th>
                <Table.Th>{t('workshops.col.kind')}</Table.Th>
                <Table.Th>{t('workshops.col.region')}</Table.Th>
                <Table.Th>{t('workshops.col.dates')}</Table.Th>
                {wide && <Table.Th>{t('workshops.col.host')}</Table.Th>}
                <Table.Th ta="right">{t('workshops.col.participants')}</Table.Th>
                {wide && <Table.Th ta="right">{t('workshops.col.organisations')}</Table.Th>}
                {wide && <Table.Th ta="right">{t('workshops.col.provinces')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Anchor href={hrefOf('workshops', w.id)}>{w.title}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={w.kind === 'ULUSAL_ZIRVE' ? 'grape' : 'blue'} style={{ flexShrink: 0, minWidth: 'max-content' }}>{t(`workshops.kind.${w.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{w.region ? regionLabel(t, w.region) : t('workshops.national')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{datesText(w.startOn, w.endOn)}</Table.Td>
                  {wide && <Table.Td>{w.hostName ?? t('common.notGiven')}</Table.Td>}
                  <Table.Td ta="right">{w.participants}</Table.Td>
                  {wide && <Table.Td ta="right">{w.organisations}</Table.Td>}
                  {wide && <Table.Td ta="right">{w.provinces}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <WorkshopFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(w) => { setCreating(false); navigate('workshops', w.id); }} />
    </Stack>
  );
}
