import { Box, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { dateTimeTr } from '../../lib/dates';
import { useCall } from '../../lib/query';
import { usePaginationLabels } from '../../components/paginationLabels';

const PAGE_SIZE = 25;

/** Sign-ins, wrong passwords, locks and account changes, newest first (administrators; Settings). */
export function AccessLogSection() {
  const paginationLabels = usePaginationLabels();
  const t = useT();
  const [page, setPage] = useState(1);
  const log = useCall('users:accessLog', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { keepPrevious: true });
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-access-log">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-access-log">
          {t('users.accessLog.title')}
        </Title>
        <Text size="sm">{t('users.accessLog.intro')}</Text>
        <QueryState query={log} isEmpty={(d) => d.total === 0} empty={<EmptyText>{t('users.accessLog.empty')}</EmptyText>}>
          {(d) => (
            <Box style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
              <Table verticalSpacing={4} fz="sm" data-testid="access-log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={150}>{t('users.log.at')}</Table.Th>
                    <Table.Th>{t('users.log.user')}</Table.Th>
                    <Table.Th>{t('users.accessLog.event')}</Table.Th>
                    <Table.Th>{t('users.accessLog.subject')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.entries.map((e, i) => (
                    <Table.Tr key={`${e.at}-${i}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTimeTr(e.at)}</Table.Td>
                      <Table.Td>{e.user ?? t('users.accessLog.unknownUser')}</Table.Td>
                      <Table.Td>{t(`users.event.${e.event}`)}</Table.Td>
                      <Table.Td>{e.subject ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          )}
        </QueryState>
        {pages > 1 && (
          <Group justify="center">
            <Pagination {...paginationLabels} total={pages} value={page} onChange={setPage} size="sm" aria-label={t('users.log.pagination')} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
