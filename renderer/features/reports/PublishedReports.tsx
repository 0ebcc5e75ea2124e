import { Alert, Button, CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { reportLabels } from './labels';
import { dateText, dateTimeTr } from '../../lib/dates';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { ReportView } from './ReportView';

/**
 * The national and regional figures the ministry published (issue #15), newest first; `#/reports/published/<id>`
 * opens one, shown as a computed report is. At the ministry, the same list is what it has sent.
 */
export function PublishedReports({ openId }: { openId: string | undefined }) {
  const t = useT();
  const ministry = useIdentity().role === 'ministry';
  const list = useCall('reports:published', {});
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>{t(ministry ? 'reports.published.introMinistry' : 'reports.published.intro')}</Text>
      <QueryState query={list} isEmpty={(items) => items.length === 0} empty={<EmptyText>{t(ministry ? 'reports.published.emptyMinistry' : 'reports.published.empty')}</EmptyText>}>
        {(items) => {
          const chosen = items.find((p) => p.id === openId);
          return (
            <Stack gap="md">
              <Table striped withTableBorder highlightOnHover data-testid="published-reports">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.published.col.title')}</Table.Th>
                    <Table.Th>{t('reports.published.col.scope')}</Table.Th>
                    <Table.Th>{t('reports.published.col.period')}</Table.Th>
                    <Table.Th>{t('reports.published.col.publishedAt')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={p.id} bg={p.id === openId ? 'var(--mantine-color-gsb-light)' : undefined}>
                      <Table.Td fw={500}>{p.title}</Table.Td>
                      <Table.Td>{reportLabels(t).scope(p.scopeLabel)}</Table.Td>
                      <Table.Td>{`${dateText(p.from)} – ${dateText(p.to)}`}</Table.Td>
                      <Table.Td>{dateTimeTr(p.publishedAt)}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant={p.id === openId ? 'filled' : 'light'} onClick={() => navigate('reports', 'published', p.id)} aria-label={`${t('reports.published.open')}: ${p.title}`}>
                          {t('reports.published.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {chosen && (
                <Paper withBorder p="md" data-testid="published-report">
                  <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
                    <Stack gap={2}>
                      <Title order={3}>{chosen.title}</Title>
                      <Text size="sm" c="dimmed">{t('reports.published.sentOn', { date: dateTimeTr(chosen.publishedAt) })}</Text>
                    </Stack>
                    <CloseButton aria-label={t('common.close')} onClick={() => navigate('reports', 'published')} />
                  </Group>
                  {chosen.report ? <ReportView r={chosen.report} /> : <Alert color="orange" variant="light">{t('reports.published.unreadable')}</Alert>}
                </Paper>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
