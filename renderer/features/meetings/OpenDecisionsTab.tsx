import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDateTr } from '../../../shared/turkish';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { hrefOf } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import { DECISION_COLOURS, useMeetingLabels } from './labels';

/** Decisions still open (açık / devam) in the youth centres in scope, overdue first. */
export function OpenDecisionsTab({ plate }: { plate: string | null }) {
  const t = useT();
  const labels = useMeetingLabels();
  const decisions = useCall('meetings:openDecisions', plate ? { provincePlate: plate } : {});
  return (
    <QueryState query={decisions} isEmpty={(d) => d.length === 0} empty={<EmptyText>{t('meetings.decisions.empty')}</EmptyText>}>
      {(rows) => (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('meetings.decisions.summary', { count: rows.length, overdue: rows.filter((d) => d.overdue).length })}
          </Text>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs" data-testid="open-decisions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('meetings.decision.code')}</Table.Th>
                    <Table.Th>{t('meetings.decision.text')}</Table.Th>
                    <Table.Th>{t('meetings.field.youthCentre')}</Table.Th>
                    <Table.Th>{t('meetings.decision.responsible')}</Table.Th>
                    <Table.Th>{t('meetings.decision.dueOn')}</Table.Th>
                    <Table.Th>{t('meetings.decision.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id} data-testid="open-decision">
                      <Table.Td>
                        <Anchor href={hrefOf('meetings', d.meetingId, 'minutes')} ff="monospace" size="sm">
                          {d.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.text}</Text>
                      </Table.Td>
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
                        <Badge color={DECISION_COLOURS[d.state]} variant="light" tt="none">
                          {labels.decision(d.state)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
