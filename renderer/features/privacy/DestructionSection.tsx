import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DestructionRun } from '../../../shared/contract/privacy';
import { RETENTION_RULE_BY_ID, type RetentionRuleId } from '../../../shared/privacy/retention';
import { formatDateTr } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { isMessageKey, useLanguage, useT, useTn } from '../../i18n';
import { dateTimeTr } from '../../lib/dates';
import { useCall, useCallMutation } from '../../lib/query';

// Destruction (issue #16): what the retention rules destroy here now, the button to do it at once (the app also
// does it daily), and the destruction log — counts, rules and who, never the data.

export function DestructionSection() {
  const t = useT();
  const tn = useTn();
  const preview = useCall('privacy:destructionPreview', {});
  const log = useCall('privacy:destructionLog', {});
  const [confirming, setConfirming] = useState(false);
  const run = useCallMutation('privacy:runDestruction', {
    invalidates: ['privacy:destructionPreview', 'privacy:destructionLog'],
    onSuccess: (result) => {
      setConfirming(false);
      notifications.show({ color: 'teal', message: result.logged > 0 ? tn('destruction.done', result.logged) : t('destruction.nothing') });
    },
  });
  return (
    <Stack gap="md">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="destruction-due">
        <Title order={3} size="h4" id="destruction-due" mb="xs">
          {t('destruction.dueTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={860}>
          {t('destruction.intro')}
        </Text>
        <QueryState query={preview}>
          {(value) => (
            <Stack gap="sm">
              <DueTable run={value} />
              <Group justify="flex-end">
                <Button color="red" variant="light" onClick={() => setConfirming(true)} disabled={!value.lines.some((l) => l.records > 0 || l.copies > 0)}>
                  {t('destruction.run')}
                </Button>
              </Group>
            </Stack>
          )}
        </QueryState>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="destruction-log">
        <Title order={3} size="h4" id="destruction-log" mb="xs">
          {t('destruction.logTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={860}>
          {t('destruction.logIntro')}
        </Text>
        <QueryState query={log}>{(value) => <LogTable entries={value.entries} />}</QueryState>
      </Paper>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('destruction.confirmTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('destruction.confirmText')}</Text>
          {run.isError && <ErrorAlert error={run.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('destruction.cancel')}
            </Button>
            <Button color="red" loading={run.isPending} onClick={() => run.mutate({})}>
              {t('destruction.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The records a line is about, where a rule covers several tables (e.g. the board and the scanned documents). */
function TableNote({ table, columns }: { table: string; columns?: string | null }) {
  const t = useT();
  const key = `sync.tables.${table}`;
  if (!isMessageKey(key)) return null;
  return (
    <Text size="xs" c="dimmed">
      {t(key)}
      {columns ? ` (${columns.split(',').join(', ')})` : ''}
    </Text>
  );
}

function ruleLabel(id: string, language: 'tr' | 'en'): string {
  const rule = RETENTION_RULE_BY_ID.get(id as RetentionRuleId);
  return rule ? rule.label[language] : id;
}

function DueTable({ run }: { run: DestructionRun }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped data-testid="destruction-due">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('destruction.col.rule')}</Table.Th>
            <Table.Th>{t('destruction.col.cutoff')}</Table.Th>
            <Table.Th ta="right">{t('destruction.col.records')}</Table.Th>
            <Table.Th ta="right">{t('destruction.col.copies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {run.lines.map((line) => (
            <Table.Tr key={`${line.rule}-${line.table}`}>
              <Table.Td>
                {ruleLabel(line.rule, language)}
                <TableNote table={line.table} />
              </Table.Td>
              <Table.Td>{t('destruction.cutoff', { years: line.years, date: formatDateTr(line.cutoff) })}</Table.Td>
              <Table.Td ta="right">{line.records}</Table.Td>
              <Table.Td ta="right">
                {line.copies}
                {line.waiting > 0 && (
                  <Badge ml="xs" color="gray" variant="light" title={t('destruction.waitingHint')}>
                    {t('destruction.waiting', { count: line.waiting })}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LogTable({ entries }: { entries: { id: number; at: string; reason: string; ruleId: string | null; table: string; columns: string | null; records: number; copies: number; trigger: string | null; actor: string | null }[] }) {
  const t = useT();
  const language = useLanguage();
  if (entries.length === 0) return <Text size="sm">{t('destruction.logEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped data-testid="destruction-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('destruction.col.at')}</Table.Th>
            <Table.Th>{t('destruction.col.what')}</Table.Th>
            <Table.Th ta="right">{t('destruction.col.records')}</Table.Th>
            <Table.Th ta="right">{t('destruction.col.copies')}</Table.Th>
            <Table.Th>{t('destruction.col.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{dateTimeTr(entry.at)}</Table.Td>
              <Table.Td>
                {entry.reason === 'retention' && entry.ruleId ? ruleLabel(entry.ruleId, language) : t('destruction.outOfScope', { table: entry.table })}
                {entry.columns && <TableNote table={entry.table} columns={entry.columns} />}
              </Table.Td>
              <Table.Td ta="right">{entry.records}</Table.Td>
              <Table.Td ta="right">{entry.copies}</Table.Td>
              <Table.Td>{entry.trigger === 'periodic' ? t('destruction.byDaily') : entry.trigger === 'manual' ? t('destruction.byHand') : t('destruction.byExchange')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
