import { Badge, Group, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { REGIONS } from '../../../shared/regions';
import { ExportButton } from '../../components/ExportButton';
import { EmptyText, QueryState } from '../../components/QueryState';
import { regionLabel, regionOptions, useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { BoardCharts } from './BoardCharts';
import { useMeetingLabels } from './labels';
import { yearOptions } from './PlannerTab';

/** `held/centres` with a bar: how much of a province held its meeting in a term. */
function HeldCell({ held, centres }: { held: number; centres: number }) {
  const t = useT();
  if (centres === 0) {
    return (
      <Text size="sm" c="dimmed" title={t('meetings.board.noCentres')}>
        {t('common.notGiven')}
      </Text>
    );
  }
  const share = (held / centres) * 100;
  return (
    <Stack gap={2} miw={90}>
      <Text size="sm" ff="monospace">
        {held}/{centres}
      </Text>
      <Progress value={share} size="sm" color={share >= 100 ? 'green' : share >= 50 ? 'blue' : 'orange'} aria-hidden />
    </Stack>
  );
}

/** The ministry's board: every province, its centres, meetings held per term and centres overdue now. */
export function BoardTab() {
  const t = useT();
  const labels = useMeetingLabels();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [region, setRegion] = useState<string | null>(null);
  // The map and the region bars are the nation's picture: a province's board is its own row.
  const ministry = useIdentity().role === 'ministry';
  const board = useCall('meetings:board', { year, ...(region ? { region } : {}) }, { keepPrevious: true });
  return (
    <Stack gap="md" data-testid="board">
      <Group align="flex-end">
        <Select label={t('meetings.board.region')} placeholder={t('common.all')} data={regionOptions(t, REGIONS)} value={region} onChange={setRegion} clearable w={220} />
        <Select label={t('meetings.year')} data={yearOptions(thisYear)} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={110} allowDeselect={false} />
        <ExportButton channel="meetings:boardXlsx" input={{ year, ...(region ? { region } : {}) }} disabled={!board.data?.provinces.length} ml="auto" />
      </Group>
      <QueryState query={board} isEmpty={(b) => b.provinces.length === 0} empty={<EmptyText>{t('meetings.board.empty')}</EmptyText>}>
        {(b) => (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light" color="green" tt="none" data-testid="board-provinces-with-meeting">
                {t('meetings.board.provincesWithMeeting', { count: b.totals.provincesWithMeeting, total: b.provinces.length })}
              </Badge>
              <Badge variant="light" color={b.totals.overdueCentres > 0 ? 'orange' : 'gray'} tt="none">
                {t('meetings.board.overdueTotal', { count: b.totals.overdueCentres })}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('meetings.board.currentTerm', { term: labels.term(b.currentTerm.year, b.currentTerm.no) })}
              </Text>
            </Group>
            {ministry && <BoardCharts board={b} />}
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table highlightOnHover verticalSpacing={6} data-testid="board-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('meetings.province')}</Table.Th>
                      <Table.Th>{t('meetings.board.region')}</Table.Th>
                      <Table.Th ta="right">{t('meetings.board.centres')}</Table.Th>
                      {b.terms.map((no) => (
                        <Table.Th key={no}>{t('meetings.board.heldIn', { term: labels.term(b.year, no) })}</Table.Th>
                      ))}
                      <Table.Th ta="right">{t('meetings.board.overdue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {b.provinces.map((p) => (
                      <Table.Tr
                        key={p.plate}
                        data-testid="board-row"
                        bg={p.overdueCentres > 0 ? 'var(--mantine-color-orange-light)' : undefined}
                        style={{ cursor: 'pointer' }}
                        tabIndex={0}
                        aria-label={t('meetings.board.openPlanner', { province: p.name })}
                        onClick={() => navigate('meetings', 'planner', p.plate)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') navigate('meetings', 'planner', p.plate);
                        }}
                      >
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {p.plate} — {p.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{regionLabel(t, p.region)}</Text>
                        </Table.Td>
                        <Table.Td ta="right">{p.centres}</Table.Td>
                        {p.heldByTerm.map((held, i) => (
                          <Table.Td key={b.terms[i]}>
                            <HeldCell held={held} centres={p.centres} />
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">
                          {p.overdueCentres > 0 ? (
                            <Badge color="orange" variant="filled">
                              {p.overdueCentres}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              0
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr data-testid="board-totals" fw={700}>
                      <Table.Td colSpan={2}>{t('meetings.board.totals')}</Table.Td>
                      <Table.Td ta="right">{b.totals.centres}</Table.Td>
                      {b.totals.heldByTerm.map((held, i) => (
                        <Table.Td key={b.terms[i]}>
                          <HeldCell held={held} centres={b.totals.centres} />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{b.totals.overdueCentres}</Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
