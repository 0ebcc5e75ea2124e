import { Badge, Button, Group, Menu, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { isChildPeer, useSyncStatus } from './calls';
import { formatDateTime, useSyncLabels } from './labels';
import { RevokeDialog } from './RevokeDialog';

type Peer = ChannelOutput<'sync:status'>['peers'][number];

/** The installations this one exchanges files with, when files last went each way, and what is waiting. */
export function PeersPanel() {
  const t = useT();
  const status = useSyncStatus();
  const [revoking, setRevoking] = useState<Peer | null>(null);
  return (
    <QueryState query={status} isEmpty={(s) => s.peers.length === 0} empty={<EmptyText>{t('sync.peers.empty')}</EmptyText>}>
      {(s) => (
        <Paper withBorder radius="md">
          <RevokeDialog peer={revoking} onClose={() => setRevoking(null)} />
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
                  <PeerRow key={p.nodeId} peer={p} onRevoke={() => setRevoking(p)} />
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

function PeerRow({ peer, onRevoke }: { peer: Peer; onRevoke: () => void }) {
  const t = useT();
  const identity = useIdentity();
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
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => navigate('exchange', 'export', peer.nodeId)} aria-label={t('sync.peers.exportFor', { unit: peer.unitName })}>
            {t('sync.peers.export')}
          </Button>
          {/* Only the unit that enrolled an installation may revoke its key. */}
          {peer.revokedAfterSeq !== null && (
            <Badge color="red" variant="light" tt="none">
              {t('sync.revoke.revoked')}
            </Badge>
          )}
          {isChildPeer(identity, peer) && peer.revokedAfterSeq === null && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="default" aria-label={t('sync.peers.more', { unit: peer.unitName })}>
                  …
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item color="red" onClick={onRevoke}>
                  {t('sync.revoke.action')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
