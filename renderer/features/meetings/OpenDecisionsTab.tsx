import { Anchor, Badge, Button, Checkbox, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatDateTr } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { downloadFile } from '../../lib/files';
import { currentHashParams, hrefOf } from '../../lib/hashRoute';
import { useCall, useCallMutation } from '../../lib/query';
import { DECISION_COLOURS, useMeetingLabels } from './labels';
import { usePaginationLabels } from '../../components/paginationLabels';

const PAGE_SIZE = 100;

/**
 * Decisions still open (açık / devam) in the youth centres in scope, overdue first: exact counts, paged (never a
 * silent cap), a province filter where several provinces are in view, only the overdue ones on demand, and the
 * whole filtered list as an Excel file.
 */
export function OpenDecisionsTab({ plate }: { plate: string | null }) {
  const t = useT();
  const labels = useMeetingLabels();
  // The ministry chooses a province (or all); a province sees its own.
  const [chosenPlate, setChosenPlate] = useState<string | null>(null);
  // `#/meetings/decisions?overdue=1` (a home page line) opens with only the overdue ones.
  const [overdueOnly, setOverdueOnly] = useState(() => currentHashParams().get('overdue') === '1');
  const [page, setPage] = useState(1);
  const provincePlate = plate ?? chosenPlate;
  const filter = { ...(provincePlate ? { provincePlate } : {}), ...(overdueOnly ? { overdueOnly } : {}) };
  useEffect(() => setPage(1), [provincePlate, overdueOnly]);
  const decisions = useCall('meetings:openDecisions', { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, { keepPrevious: true });
  const exportXlsx = useCallMutation('meetings:openDecisionsXlsx', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', title: t('meetings.decisions.exportDoneTitle'), message: t('meetings.decisions.exportDone', { count: file.rows, fileName: file.fileName }) });
    },
  });
  const pages = Math.max(1, Math.ceil((decisions.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          {plate === null && <ProvinceSelect label={t('meetings.field.province')} value={chosenPlate} onChange={setChosenPlate} clearable w={220} />}
          <Checkbox label={t('meetings.decisions.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={6} />
        </Group>
        <Button variant="default" onClick={() => exportXlsx.mutate(filter)} loading={exportXlsx.isPending} disabled={!decisions.data?.total}>
          {t('registry.export.button')}
        </Button>
      </Group>
      {exportXlsx.isError && <ErrorAlert error={exportXlsx.error} />}
      <OpenDecisionsTable decisions={decisions} page={page} pages={pages} setPage={setPage} labels={labels} showProvince={!provincePlate} />
    </Stack>
  );
}

function OpenDecisionsTable({
  decisions,
  page,
  pages,
  setPage,
  labels,
  showProvince,
}: {
  decisions: UseQueryResult<ChannelOutput<'meetings:openDecisions'>, Error>;
  page: number;
  pages: number;
  setPage: (page: number) => void;
  labels: ReturnType<typeof useMeetingLabels>;
  /** Where several provinces are in view (the ministry, no province chosen). */
  showProvince: boolean;
}) {
  const paginationLabels = usePaginationLabels();
  const t = useT();
  return (
    <QueryState query={decisions} isEmpty={(d) => d.total === 0} empty={<EmptyText>{t('meetings.decisions.empty')}</EmptyText>}>
      {(data) => (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="open-decisions-summary">
            {t(data.open === 1 ? 'meetings.decisions.summary.one' : 'meetings.decisions.summary.other', { count: data.open, overdue: data.overdue })}
          </Text>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs" data-testid="open-decisions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('meetings.decision.code')}</Table.Th>
                    <Table.Th>{t('meetings.decision.text')}</Table.Th>
                    {showProvince && <Table.Th>{t('meetings.field.province')}</Table.Th>}
                    <Table.Th>{t('meetings.field.youthCentre')}</Table.Th>
                    <Table.Th>{t('meetings.decision.responsible')}</Table.Th>
                    <Table.Th>{t('meetings.decision.dueOn')}</Table.Th>
                    <Table.Th>{t('meetings.decision.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((d) => (
                    <Table.Tr key={d.id} data-testid="open-decision">
                      <Table.Td>
                        <Anchor href={hrefOf('meetings', d.meetingId, 'minutes')} ff="monospace" size="sm">
                          {d.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.text}</Text>
                      </Table.Td>
                      {showProvince && (
                        <Table.Td>
                          <Text size="sm">{d.provinceName}</Text>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm">{d.youthCentreName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.responsible ?? t('common.notGiven')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={d.overdue ? 'red' : undefined} fw={d.overdue ? 700 : undefined}>
                          {d.dueOn ? formatDateTr(d.dueOn) : t('common.notGiven')}
                          {d.overdue ? ` · ${t('meetings.decision.overdue')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={DECISION_COLOURS[d.state]} variant="light" tt="none" style={{ overflow: 'visible' }} miw="max-content">
                          {labels.decision(d.state)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {pages > 1 && (
            <Group justify="center">
              <Pagination {...paginationLabels} total={pages} value={page} onChange={setPage} size="sm" aria-label={t('meetings.decisions.pagination')} />
            </Group>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
