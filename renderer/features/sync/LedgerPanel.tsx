import { Badge, Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { ChannelOutput } from '../../../shared/contract';
import { EmptyText, QueryState } from '../../components/QueryState';
import { isMessageKey, useLocale, useT, type MessageKey } from '../../i18n';
import { useCall } from '../../lib/query';
import { formatDateTime } from './labels';

type Entry = ChannelOutput<'sync:ledger'>[number];

const OUTCOME_COLOURS: Record<string, string> = { ok: 'teal', applied: 'teal', 'nothing-new': 'gray' };

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** `GG.AA.YYYY` of an instant, in Turkey's time. */
const dateOf = (iso: string): string => formatDateTime(iso).slice(0, 10);

/** Every file this installation wrote or read, newest first, with what it did; a file sent, its receipt. */
export function LedgerPanel() {
  const t = useT();
  const ledger = useCall('sync:ledger', {});
  return (
    <QueryState query={ledger} isEmpty={(l) => l.length === 0} empty={<EmptyText>{t('sync.ledger.empty')}</EmptyText>}>
      {(entries) => (
        <Paper withBorder radius="md">
          <ScrollArea>
            <Table verticalSpacing="xs" fz="sm" data-testid="ledger" miw={1000}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.ledger.col.at')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.direction')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.peer')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.file')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.outcome')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.counts')}</Table.Th>
                  <Table.Th>{t('sync.ledger.col.receipt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <LedgerRow key={e.id} entry={e} peer={e.peerName ?? (typeof e.summary.unit === 'string' ? e.summary.unit : null) ?? e.peerNode} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </QueryState>
  );
}

function LedgerRow({ entry: e, peer }: { entry: Entry; peer: string | null }) {
  const t = useT();
  const locale = useLocale();
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key as MessageKey) : code;
  };
  const n = (v: unknown) => num(v).toLocaleString(locale);
  let counts = '';
  if (e.direction === 'export') counts = t('sync.ledger.exportCounts', { changes: n(e.summary.changes), blobs: n(e.summary.blobs) });
  if (e.direction === 'import') {
    counts = t('sync.ledger.importCounts', { created: n(e.summary.newRecords), updated: n(e.summary.updatedRecords) });
    if (num(e.summary.conflicts)) counts += ` · ${t('sync.ledger.conflicts', { count: n(e.summary.conflicts) })}`;
    if (num(e.summary.rejected)) counts += ` · ${t('sync.ledger.rejected', { count: n(e.summary.rejected) })}`;
  }
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
      <Table.Td>{label('sync.ledger.direction', e.direction)}</Table.Td>
      <Table.Td>{peer ?? t('common.notGiven')}</Table.Td>
      <Table.Td>
        <Text ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
          {e.fileName}
        </Text>
        {e.exportNo !== null && (
          <Text size="xs" c="dimmed">
            {t('sync.ledger.fileNo', { no: e.exportNo })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="light" color={OUTCOME_COLOURS[e.outcome] ?? 'gray'} tt="none" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
          {label('sync.ledger.outcome', e.outcome)}
        </Badge>
      </Table.Td>
      <Table.Td>{counts}</Table.Td>
      <Table.Td miw={240} data-testid="ledger-receipt">
        {e.direction === 'export' && (
          <Text size="sm" c={e.receivedAt ? undefined : 'dimmed'}>
            {e.receivedAt
              ? t('sync.ledger.receipt.received', { sent: formatDateTime(e.at), peer: peer ?? t('common.notGiven'), received: dateOf(e.receivedAt) })
              : t('sync.ledger.receipt.none', { sent: formatDateTime(e.at) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
