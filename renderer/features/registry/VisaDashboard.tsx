import { Alert, Anchor, Badge, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AssociationSummary } from '../../../shared/contract/registry';
import type { VisaStatus } from '../../../shared/registry/visa';
import { formatDateTr } from '../../../shared/turkish';
import { ExportButton } from '../../components/ExportButton';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { hrefOf } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import { StateBadge, VISA_COLOURS } from './Badges';
import { useRegistryLabels, useReminderText } from './labels';
import { visaYearOptions } from './RegistryFilters';

const CARDS: VisaStatus[] = ['VIZELI', 'DONEM_ACIK', 'INCELEMEDE', 'GECIKMIS', 'VIZESIZ_N_YIL'];

/** The year's visa picture: the window, counts per visa status, reminders, and who is late. */
export function VisaDashboardPage() {
  const t = useT();
  const reminderText = useReminderText();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const dashboard = useCall('registry:visaDashboard', { year }, { keepPrevious: true });
  const policy = useCall('registry:getPolicy', {});
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('visa.title')}</Title>
        <Select
          label={t('visa.year')}
          data={visaYearOptions()}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
      </Group>
      <QueryState query={dashboard}>
        {(d) => (
          <Stack gap="md" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
            <WindowCard window={d.window} year={d.year} />
            <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" data-testid="visa-counts">
              {CARDS.map((status) => (
                <CountCard key={status} status={status} count={d.counts[status] ?? 0} year={d.year} />
              ))}
            </SimpleGrid>
            {d.reminders.length > 0 && (
              <Stack gap="xs">
                {d.reminders.map((r) => (
                  <Alert key={r.key} color="orange" variant="light" p="sm" data-testid={`visa-reminder-${r.key}`}>
                    {reminderText(r)}
                  </Alert>
                ))}
              </Stack>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <AssociationList
                title={t('visa.overdue', { count: d.counts.GECIKMIS ?? d.overdue.length })}
                items={d.overdue}
                total={d.counts.GECIKMIS ?? d.overdue.length}
                empty={t('visa.overdueEmpty')}
                testId="visa-overdue"
                exportInput={{ year: d.year, visaStatus: 'GECIKMIS' }}
              />
              <AssociationList
                title={t('visa.propose', { count: d.counts.VIZESIZ_N_YIL ?? d.proposeCancellation.length, years: policy.data?.yearsWithoutVisaForCancellation ?? 2 })}
                items={d.proposeCancellation}
                total={d.counts.VIZESIZ_N_YIL ?? d.proposeCancellation.length}
                empty={t('visa.proposeEmpty')}
                testId="visa-propose"
                exportInput={{ year: d.year, visaStatus: 'VIZESIZ_N_YIL' }}
              />
            </SimpleGrid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function WindowCard({ window: w, year }: { window: { start: string; end: string; daysLeft: number; open: boolean }; year: number }) {
  const t = useT();
  const today = todayIso();
  const state = w.open ? t('visa.window.open', { days: w.daysLeft }) : today < w.start ? t('visa.window.notYet') : t('visa.window.closed');
  return (
    <Paper withBorder p="md" radius="md" data-testid="visa-window">
      <Group justify="space-between">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('visa.window.title', { year: String(year) })}
          </Text>
          <Text fw={700} size="lg">
            {formatDateTr(w.start)} – {formatDateTr(w.end)}
          </Text>
        </Stack>
        <Badge size="xl" variant="light" color={w.open ? (w.daysLeft <= 30 ? 'orange' : 'teal') : 'gray'} tt="none">
          {state}
        </Badge>
      </Group>
    </Paper>
  );
}

function CountCard({ status, count, year }: { status: VisaStatus; count: number; year: number }) {
  const labels = useRegistryLabels();
  const locale = useLocale();
  return (
    <Paper withBorder p="md" radius="md" style={{ borderTop: `4px solid var(--mantine-color-${VISA_COLOURS[status]}-6)` }} aria-label={`${labels.visa(status)} ${year}`}>
      <Text size="sm" c="dimmed">
        {labels.visa(status)}
      </Text>
      <Text fw={700} fz={28} data-testid={`visa-count-${status}`}>
        {count.toLocaleString(locale)}
      </Text>
    </Paper>
  );
}

function AssociationList({ title, items, total, empty, testId, exportInput }: {
  title: string;
  items: AssociationSummary[];
  total: number;
  empty: string;
  testId: string;
  exportInput: { year: number; visaStatus: 'GECIKMIS' | 'VIZESIZ_N_YIL' };
}) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <ExportButton channel="registry:visaListXlsx" input={exportInput} disabled={total === 0} size="compact-sm" style={{ flexShrink: 0 }} />
      </Group>
      {items.length === 0 ? (
        <EmptyText>{empty}</EmptyText>
      ) : (
        <ScrollArea.Autosize mah={420}>
          <Table fz="sm" verticalSpacing={4} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry.col.name')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('visa.yearsWithout')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor href={hrefOf('registry', a.id, 'visa')} size="sm">
                      {a.name}
                    </Anchor>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">
                        {a.districtName}
                        {a.registrationNo ? ` · ${a.registrationNo}` : ''}
                      </Text>
                      {a.status !== 'TESCILLI' && <StateBadge state={a.status} size="xs" />}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {a.yearsWithoutVisa}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {total > items.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('visa.listCapped', { shown: items.length, total })}
        </Text>
      )}
    </Paper>
  );
}
