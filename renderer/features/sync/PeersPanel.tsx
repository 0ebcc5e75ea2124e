import { Badge, Button, Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { ChannelOutput } from '../../../shared/contract';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { navigate } from '../../lib/hashRoute';
import { useSyncStatus } from './calls';
import { formatDateTime, useSyncLabels } from './labels';

type Peer = ChannelOutput<'sync:status'>['peers'][number];

/** The installations this one exchanges files with, when files last went each way, and what is waiting. */
export function PeersPanel() {
  const t = useT();
  const status = useSyncStatus();
  return (
    <QueryState query={status} isEmpty={(s) => s.peers.length === 0} empty={<EmptyText>{t('sync.peers.empty')}</EmptyText>}>
      {(s) => (
        <Paper withBorder radius="md">
          <ScrollArea>
            <Table verticalSpacing="sm" highlightOnHover data-testid="peers-table" miw={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.peers.col.unit')}</Table.Th>
                  <Table.Th>{t('sync.peers.col.role')}</Table.Th>
                  <Table.Th>{t('sync.peers.col.fingerprint')}</Table.Th>
                  <Table.Th>{t('sync.peers.col.lastSent')}</Table.Th>
                  <Table.Th>{t('sync.peers.col.lastReceived')}</Table.Th>
                  <Table.Th ta="right">{t('sync.peers.col.pending')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.peers.map((p) => (
                  <PeerRow key={p.nodeId} peer={p} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Text size="xs" c="dimmed" px="md" py="sm">
            {t('sync.peers.pendingHint')}
          </Text>
        </Paper>
      )}
    </QueryState>
  );
}

function fingerprintLines(fingerprint: string): string[] {
  const groups = fingerprint.split(' ');
  const half = Math.ceil(groups.length / 2);
  return [groups.slice(0, half).join(' '), groups.slice(half).join(' ')].filter(Boolean);
}

function PeerRow({ peer }: { peer: Peer }) {
  const t = useT();
  const locale = useLocale();
  const labels = useSyncLabels();
  const never = (
    <Text span size="sm" c="dimmed">
      {t('sync.peers.never')}
    </Text>
  );
  return (
    <Table.Tr>
      <Table.Td miw={180}>
        <Text fw={600} size="sm">
          {peer.unitName}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="light" tt="none" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
          {labels.role(peer.role)}
        </Badge>
      </Table.Td>
      <Table.Td aria-label={peer.fingerprint}>
        {/* Two lines of four groups, to read aloud group by group. */}
        {fingerprintLines(peer.fingerprint).map((line) => (
          <Text key={line} ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
            {line}
          </Text>
        ))}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{peer.lastSentAt ? formatDateTime(peer.lastSentAt) : never}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{peer.lastReceivedAt ? formatDateTime(peer.lastReceivedAt) : never}</Table.Td>
      <Table.Td ta="right">
        <Badge variant={peer.pendingChanges > 0 ? 'filled' : 'light'} color={peer.pendingChanges > 0 ? 'orange' : 'gray'}>
          {peer.pendingChanges.toLocaleString(locale)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Button size="xs" variant="light" onClick={() => navigate('exchange', 'export', peer.nodeId)} aria-label={t('sync.peers.exportFor', { unit: peer.unitName })}>
          {t('sync.peers.export')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
