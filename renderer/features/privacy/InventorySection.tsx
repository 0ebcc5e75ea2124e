import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment } from 'react';
import type { InventoryRow } from '../../../shared/contract/privacy';
import { COMMON_MEASURES } from '../../../shared/privacy/inventory';
import { QueryState } from '../../components/QueryState';
import { useLanguage, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { useCall, useCallMutation } from '../../lib/query';

// The personal data inventory (VERBİS shape): one row per data category and data subject group, grouped by
// process; the measures every row shares once below the table. The Excel file carries every column in Turkish.

export function InventorySection() {
  const t = useT();
  const language = useLanguage();
  const inventory = useCall('privacy:inventory', {});
  const xlsx = useCallMutation('privacy:inventoryXlsx', { onSuccess: (file) => downloadFile(file) });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('privacy.tab.inventory')}>
      <Text size="sm" c="dimmed" mb="md" maw={860}>
        {t('privacy.inventory.hint')}
      </Text>
      <Group mb="md">
        <Button
          loading={xlsx.isPending}
          onClick={() => xlsx.mutate({}, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
        >
          {t('privacy.inventory.excel')}
        </Button>
      </Group>
      <QueryState query={inventory}>
        {({ rows }) => (
          <Stack gap="md">
            <InventoryTable rows={rows} />
            <Text size="sm">{t('privacy.inventory.abroad')}</Text>
            <div>
              <Title order={4} size="h5" mb="xs">
                {t('privacy.inventory.measures')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <div>
                  <Text size="sm" fw={500}>
                    {t('privacy.inventory.technical')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {COMMON_MEASURES.technical[language]}
                  </Text>
                </div>
                <div>
                  <Text size="sm" fw={500}>
                    {t('privacy.inventory.administrative')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {COMMON_MEASURES.administrative[language]}
                  </Text>
                </div>
              </SimpleGrid>
            </div>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

const COLUMNS = ['category', 'items', 'subjects', 'purpose', 'legalBasis', 'retention', 'recipients'] as const;
/** Columns whose equal values in consecutive rows of a process are shown once, in one tall cell. */
const MERGED = ['subjects', 'purpose', 'legalBasis', 'retention', 'recipients'] as const;
type Merged = (typeof MERGED)[number];

/** For each row and merged column: how many rows its cell spans (0: covered by the cell above). */
function spans(rows: InventoryRow[], language: 'tr' | 'en'): Record<Merged, number>[] {
  const out = rows.map(() => ({}) as Record<Merged, number>);
  for (const column of MERGED) {
    for (let i = 0; i < rows.length; ) {
      let j = i + 1;
      while (j < rows.length && rows[j]![column][language] === rows[i]![column][language]) j++;
      out[i]![column] = j - i;
      for (let k = i + 1; k < j; k++) out[k]![column] = 0;
      i = j;
    }
  }
  return out;
}

function InventoryTable({ rows }: { rows: InventoryRow[] }) {
  const t = useT();
  const language = useLanguage();
  const processes: { label: string; rows: InventoryRow[] }[] = [];
  for (const row of rows) {
    const label = row.process[language];
    const group = processes.at(-1);
    if (group?.label === label) group.rows.push(row);
    else processes.push({ label, rows: [row] });
  }
  const cell = (row: InventoryRow, span: Record<Merged, number>, column: Merged, width?: number) =>
    span[column] === 0 ? null : (
      <Table.Td rowSpan={span[column]} w={width} style={{ verticalAlign: 'top' }}>
        {row[column][language]}
      </Table.Td>
    );
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="xs" data-testid="inventory-table">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{t(`privacy.inventory.col.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {processes.map((process) => {
            const rowSpans = spans(process.rows, language);
            return (
              <Fragment key={process.label}>
                <Table.Tr bg="gray.1">
                  <Table.Td colSpan={COLUMNS.length}>
                    <Text size="sm" fw={600}>
                      {process.label}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {process.rows.map((row, i) => (
                  <Table.Tr key={row.id} data-row={row.id}>
                    <Table.Td w={110} style={{ verticalAlign: 'top' }}>
                      <Text size="xs" fw={500}>
                        {row.category[language]}
                      </Text>
                      {row.special && (
                        <Text size="xs" c="orange" fw={500} mt={2}>
                          {t('privacy.inventory.special')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={170} style={{ verticalAlign: 'top' }}>
                      {row.items[language]}
                      {row.extraMeasures && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('privacy.inventory.extra', { measures: row.extraMeasures[language] })}
                        </Text>
                      )}
                    </Table.Td>
                    {cell(row, rowSpans[i]!, 'subjects', 140)}
                    {cell(row, rowSpans[i]!, 'purpose')}
                    {cell(row, rowSpans[i]!, 'legalBasis', 130)}
                    {cell(row, rowSpans[i]!, 'retention', 120)}
                    {cell(row, rowSpans[i]!, 'recipients')}
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
