import { Accordion, Grid, Group, Paper, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { ProvinceRow } from '../../../shared/contract/orgUnits';
import { provinceByPlate, REGIONS, type RegionName } from '../../../shared/regions';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { ProvinceDetail } from './ProvinceDetail';

/** Groups the server's (Turkish-ordered) rows by region without re-sorting them. */
function byRegion(rows: ProvinceRow[]): [RegionName, ProvinceRow[]][] {
  return REGIONS.map((region) => [region, rows.filter((r) => r.region === region)] as [RegionName, ProvinceRow[]]).filter(
    ([, list]) => list.length > 0,
  );
}

export function ProvincesPanel({ onOpenCentre }: { onOpenCentre: (id: string) => void }) {
  const t = useT();
  const identity = useIdentity();
  const home = identity.provincePlate ? provinceByPlate(identity.provincePlate) : undefined;
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<string | null>(home?.plate ?? null);
  const [open, setOpen] = useState<string[]>(home ? [home.region] : [REGIONS[0]]);
  const provinces = useCall('orgUnits:listProvinces', query ? { query } : {}, { keepPrevious: true });
  const groups = useMemo(() => byRegion(provinces.data ?? []), [provinces.data]);

  // A search opens every region that has a match, so results are never hidden in a closed group.
  useEffect(() => {
    if (query && provinces.data && !provinces.isPlaceholderData) setOpen(byRegion(provinces.data).map(([r]) => r));
  }, [query, provinces.data, provinces.isPlaceholderData]);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <TextInput
            label={t('provinces.search')}
            placeholder={t('provinces.searchPlaceholder')}
            type="search"
            data-shortcut="search"
            aria-keyshortcuts="Control+F"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <QueryState query={provinces} isEmpty={(rows) => rows.length === 0} empty={<EmptyText>{t('provinces.empty')}</EmptyText>}>
            {() => (
              <Accordion multiple value={open} onChange={setOpen} variant="separated">
                {groups.map(([region, rows]) => (
                  <Accordion.Item key={region} value={region}>
                    <Accordion.Control>
                      <Group justify="space-between" wrap="nowrap" pr="xs">
                        <Text fw={600}>{t(`region.${region}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t('region.summary', {
                            provinces: rows.length,
                            centres: rows.reduce((n, r) => n + r.youthCentreCount, 0),
                          })}
                        </Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <ProvinceTable rows={rows} selected={selected} onSelect={setSelected} />
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )}
          </QueryState>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="md">
          {selected ? (
            <ProvinceDetail plate={selected} onOpenCentre={onOpenCentre} />
          ) : (
            <EmptyText>{t('provinces.pick')}</EmptyText>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function ProvinceTable({ rows, selected, onSelect }: { rows: ProvinceRow[]; selected: string | null; onSelect: (plate: string) => void }) {
  const t = useT();
  return (
    <Table verticalSpacing={4} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('provinces.col.plate')}</Table.Th>
          <Table.Th>{t('provinces.col.name')}</Table.Th>
          <Table.Th ta="right">{t('provinces.col.districts')}</Table.Th>
          <Table.Th ta="right">{t('provinces.col.centres')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.plate} bg={p.plate === selected ? 'var(--mantine-primary-color-light)' : undefined}>
            <Table.Td ff="monospace">{p.plate}</Table.Td>
            <Table.Td>
              <UnstyledButton
                onClick={() => onSelect(p.plate)}
                aria-pressed={p.plate === selected}
                fw={p.plate === selected ? 700 : 500}
                c="gsb.8"
              >
                {p.name}
              </UnstyledButton>
            </Table.Td>
            <Table.Td ta="right">{p.districtCount}</Table.Td>
            <Table.Td ta="right">{p.youthCentreCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
