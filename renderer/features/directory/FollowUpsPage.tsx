import { Anchor, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTr } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { hrefOf } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { FollowUpCell, useMarkDone } from './InteractionsTab';
import { useDirectoryLabels } from './labels';

/** This unit's follow-up tasks from the interaction log, earliest due first; overdue ones in red. */
export function FollowUpsPage() {
  const t = useT();
  const labels = useDirectoryLabels();
  const identity = useIdentity();
  const [includeDone, setIncludeDone] = useState(false);
  const list = useCall('directory:followUps', { includeDone }, { keepPrevious: true });
  const markDone = useMarkDone();
  return (
    <Stack gap="md">
      <Anchor href={hrefOf('directory')} size="sm">
        ← {t('directory.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{t('directory.followUps.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('directory.followUps.intro')}
          </Text>
        </Stack>
        <Group gap="md">
          <Switch label={t('directory.followUps.includeDone')} checked={includeDone} onChange={(e) => setIncludeDone(e.currentTarget.checked)} />
          <ExportButton channel="directory:followUpsXlsx" input={{ includeDone }} disabled={!list.data?.length} />
        </Group>
      </Group>
      {markDone.isError && <ErrorAlert error={markDone.error} />}
      <QueryState query={list} isEmpty={(rows) => rows.length === 0} empty={<EmptyText>{t('directory.followUps.empty')}</EmptyText>}>
        {(rows) => (
          <Paper withBorder radius="md">
            <Table verticalSpacing={8} fz="sm" data-testid="follow-ups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('directory.followUps.col.due')}</Table.Th>
                  <Table.Th>{t('directory.followUps.col.task')}</Table.Th>
                  <Table.Th>{t('directory.followUps.col.organisation')}</Table.Th>
                  <Table.Th>{t('directory.followUps.col.interaction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((i) => (
                  <Table.Tr key={i.id} style={i.overdue ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 700 : undefined}>
                        {i.followUpDue ? formatDateTr(i.followUpDue) : t('directory.followUps.noDue')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <FollowUpCell interaction={{ ...i, followUpDue: null }} canClose={i.ownerUnit === identity.unitId} onDone={() => markDone.mutate(i)} pending={markDone.isPending && markDone.variables?.id === i.id} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={hrefOf('directory', i.organisationId, 'interactions')} size="sm">
                        {i.organisationName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.subject}</Text>
                      <Text size="xs" c="dimmed">
                        {labels.interactionKind(i.kind)} · {formatDateTr(i.onDate)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
