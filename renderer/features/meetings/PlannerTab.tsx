import { Anchor, Badge, Button, Chip, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { TERM_CELL_STATES } from '../../../shared/meetings/fields';
import { DEFAULT_MEETING_TERMS, termRange, type MeetingTerm } from '../../../shared/meetings/terms';
import { formatDateTr } from '../../../shared/turkish';
import { ExportButton } from '../../components/ExportButton';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { currentHashParams, hrefOf, navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { canHold } from './calls';
import { CELL_COLOURS, useMeetingLabels } from './labels';
import type { PlanPrefill } from './MeetingForm';

type Planner = ChannelOutput<'meetings:planner'>;

export function yearOptions(around: number): { value: string; label: string }[] {
  return [around - 3, around - 2, around - 1, around, around + 1].map((y) => ({ value: String(y), label: String(y) }));
}

/** The term's date to propose when planning: today inside a running term, else its first day. */
export function proposedDate(year: number, no: number, terms: readonly MeetingTerm[]): string {
  const { from, to } = termRange({ year, no }, terms);
  const today = todayIso();
  return today >= from && today <= to ? today : from;
}

/** A province's youth centres × the terms of a year: held, planned, overdue, missing or not yet planned. */
export function PlannerTab({ plate, onPlan }: { plate: string | null; onPlan: (prefill: PlanPrefill) => void }) {
  const t = useT();
  const identity = useIdentity();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // `#/meetings/planner?overdue=1` (the home page's overdue line) opens with only the overdue centres.
  const [onlyOverdue, setOnlyOverdue] = useState(() => currentHashParams().get('overdue') === '1');
  const planner = useCall('meetings:planner', { ...(plate ? { provincePlate: plate } : {}), year }, { enabled: !!plate, keepPrevious: true });
  const terms = useCall('meetings:terms', {});
  return (
    <Stack gap="md" data-testid="planner">
      <Group align="flex-end" gap="md">
        {identity.role === 'ministry' && (
          <ProvinceSelect label={t('meetings.province')} placeholder={t('meetings.pickProvince')} value={plate} onChange={(p) => p && navigate('meetings', 'planner', p)} w={260} />
        )}
        <Select label={t('meetings.year')} data={yearOptions(thisYear)} value={String(year)} onChange={(v) => v && setYear(Number(v))} w={110} allowDeselect={false} />
        <Chip checked={onlyOverdue} onChange={setOnlyOverdue} color="orange" mb={4}>
          {t('meetings.planner.onlyOverdue')}
        </Chip>
        <ExportButton
          channel="meetings:plannerXlsx"
          input={{ ...(plate ? { provincePlate: plate } : {}), year, ...(onlyOverdue ? { overdueOnly: true } : {}) }}
          disabled={!plate || !planner.data?.centres.length}
          ml="auto"
        />
      </Group>
      {!plate ? (
        <EmptyText>{t('meetings.planner.pickProvince')}</EmptyText>
      ) : (
        <QueryState query={planner}>
          {(p) => <PlannerGrid p={p} terms={terms.data?.terms ?? DEFAULT_MEETING_TERMS} onlyOverdue={onlyOverdue} canPlan={canHold(identity)} onPlan={onPlan} />}
        </QueryState>
      )}
    </Stack>
  );
}

function PlannerGrid({ p, terms, onlyOverdue, canPlan, onPlan }: { p: Planner; terms: readonly MeetingTerm[]; onlyOverdue: boolean; canPlan: boolean; onPlan: (prefill: PlanPrefill) => void }) {
  const t = useT();
  const labels = useMeetingLabels();
  const rows = useMemo(() => (onlyOverdue ? p.centres.filter((c) => c.overdue) : p.centres), [p.centres, onlyOverdue]);
  const termNos = p.centres[0]?.cells.map((c) => c.no) ?? terms.map((term) => term.no);
  return (
    <Stack gap="sm">
      <Group gap="xs" data-testid="planner-counts">
        <Text fw={600}>{t('meetings.planner.heading', { province: p.provinceName, year: String(p.year) })}</Text>
        {TERM_CELL_STATES.map((s) => (
          <Tooltip key={s} label={labels.cellLong(s)}>
            <Badge color={CELL_COLOURS[s]} variant="light" tt="none" data-testid={`count-${s}`}>
              {labels.cell(s)}: {p.counts[s] ?? 0}
            </Badge>
          </Tooltip>
        ))}
      </Group>
      {p.note ? (
        <EmptyText>{t('meetings.planner.unbound')}</EmptyText>
      ) : p.centres.length === 0 ? (
        <EmptyText>{t('meetings.planner.noCentres', { province: p.provinceName })}</EmptyText>
      ) : rows.length === 0 ? (
        <EmptyText>{t('meetings.planner.noOverdue')}</EmptyText>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="planner-grid">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('meetings.field.youthCentre')}</Table.Th>
                  {termNos.map((no) => {
                    const term = terms.find((x) => x.no === no);
                    const current = p.currentTerm.year === p.year && p.currentTerm.no === no;
                    return (
                      <Table.Th key={no} c={current ? 'gsb.8' : undefined}>
                        {term ? labels.termHeading(p.year, term) : labels.term(p.year, no)}
                        {current && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('meetings.planner.currentTerm')})
                          </Text>
                        )}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.youthCentreId} data-testid="planner-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.districtName}
                      </Text>
                    </Table.Td>
                    {c.cells.map((cell) => (
                      <Table.Td key={cell.no} data-testid={`cell-${cell.no}`} data-state={cell.state}>
                        <Group gap={6} wrap="nowrap">
                          <Badge color={CELL_COLOURS[cell.state]} variant={cell.state === 'BEKLIYOR' ? 'outline' : 'light'} tt="none" style={{ minWidth: 'max-content' }} title={labels.cellLong(cell.state)}>
                            {labels.cell(cell.state)}
                          </Badge>
                          {cell.meetingId ? (
                            <Anchor href={hrefOf('meetings', cell.meetingId)} size="sm" aria-label={`${cell.date ? formatDateTr(cell.date) : t('meetings.planner.openShort')}: ${t('meetings.planner.open', { centre: c.name, term: labels.term(cell.year, cell.no) })}`}>
                              {cell.date ? formatDateTr(cell.date) : t('meetings.planner.openShort')}
                            </Anchor>
                          ) : (
                            canPlan &&
                            cell.state !== 'YAPILDI' && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                aria-label={t('meetings.planner.planFor', { centre: c.name, term: labels.term(cell.year, cell.no) })}
                                onClick={() => onPlan({ youthCentreId: c.youthCentreId, date: proposedDate(cell.year, cell.no, terms) })}
                              >
                                {t('meetings.planner.plan')}
                              </Button>
                            )
                          )}
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
