import { Box, Button, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT, useTn } from '../../i18n';
import { dateTimeTr } from '../../lib/dates';
import { downloadFile } from '../../lib/files';
import { useCall, useCallMutation } from '../../lib/query';
import { usePaginationLabels } from '../../components/paginationLabels';

const PAGE_SIZE = 25;

/**
 * Who saw which TC Kimlik No in full, when and why, newest first (administrators; the personal-data page). The
 * number itself is never listed; the Excel file is for an auditor.
 */
export function RevealLogSection() {
  const paginationLabels = usePaginationLabels();
  const t = useT();
  const tn = useTn();
  const [page, setPage] = useState(1);
  const log = useCall('users:revealLog', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { keepPrevious: true });
  const exportXlsx = useCallMutation('users:revealLogXlsx', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', message: t('users.revealLog.exported', { fileName: file.fileName }) });
    },
  });
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Stack gap="sm" maw={1100}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t('users.revealLog.intro')}
        </Text>
        <Button variant="default" onClick={() => exportXlsx.mutate({})} loading={exportXlsx.isPending} disabled={total === 0}>
          {t('users.revealLog.export')}
        </Button>
      </Group>
      {exportXlsx.isError && <ErrorAlert error={exportXlsx.error} />}
      <QueryState query={log} isEmpty={(d) => d.total === 0} empty={<EmptyText>{t('users.revealLog.empty')}</EmptyText>}>
        {(d) => (
          <Box style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" fw={500} mb="xs" data-testid="reveal-log-total">
              {tn('users.revealLog.total', d.total)}
            </Text>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing={6} fz="sm" data-testid="reveal-log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={150}>{t('users.log.at')}</Table.Th>
                    <Table.Th>{t('users.log.user')}</Table.Th>
                    <Table.Th>{t('users.revealLog.person')}</Table.Th>
                    <Table.Th>{t('users.revealLog.association')}</Table.Th>
                    <Table.Th>{t('users.revealLog.purpose')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.entries.map((e, i) => (
                    <Table.Tr key={`${e.at}-${i}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTimeTr(e.at)}</Table.Td>
                      <Table.Td>{e.user ?? t('common.notGiven')}</Table.Td>
                      <Table.Td>{e.person ?? t('users.revealLog.personGone')}</Table.Td>
                      <Table.Td>{e.association ?? t('common.notGiven')}</Table.Td>
                      <Table.Td>{e.purpose}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
        )}
      </QueryState>
      {pages > 1 && (
        <Group justify="center">
          <Pagination {...paginationLabels} total={pages} value={page} onChange={setPage} size="sm" aria-label={t('users.log.pagination')} />
        </Group>
      )}
    </Stack>
  );
}
