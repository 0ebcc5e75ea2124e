import { Alert, Button, Checkbox, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { MonoBox } from '../../components/MonoBox';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { formatBytes } from '../../lib/files';
import { useExport, useSyncProgress, useSyncStatus } from './calls';
import { FilePathInput, FileWriteError, useFilePath } from './FilePathInput';
import { fileSlug, fileStamp, useSyncLabels } from './labels';

type ExportResult = ChannelOutput<'sync:export'>;
type Peer = ChannelOutput<'sync:status'>['peers'][number];

/** Creating a file for one peer: every change it is not known to have (or everything, on request). */
export function ExportPanel({ peerNode }: { peerNode: string | undefined }) {
  const t = useT();
  const status = useSyncStatus();
  return (
    <QueryState query={status} isEmpty={(s) => s.peers.length === 0} empty={<EmptyText>{t('sync.peers.empty')}</EmptyText>}>
      {(s) => <ExportForm key={peerNode ?? ''} peers={s.peers} initialPeer={s.peers.some((p) => p.nodeId === peerNode) ? peerNode! : null} />}
    </QueryState>
  );
}

function ExportForm({ peers, initialPeer }: { peers: Peer[]; initialPeer: string | null }) {
  const t = useT();
  const locale = useLocale();
  const labels = useSyncLabels();
  const [peerNode, setPeerNode] = useState<string | null>(initialPeer ?? (peers.length === 1 ? peers[0]!.nodeId : null));
  const [snapshot, setSnapshot] = useState(false);
  const peer = peers.find((p) => p.nodeId === peerNode);
  const file = useFilePath('save', peer ? `${fileSlug(peer.unitName)}-${fileStamp()}.kopru` : '');
  const run = useExport();

  const choose = (node: string | null) => {
    setPeerNode(node);
    run.reset();
  };

  return (
    <Stack gap="md" maw={900}>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Select
            label={t('sync.export.peer')}
            placeholder={t('sync.export.peerPlaceholder')}
            data={peers.map((p) => ({ value: p.nodeId, label: `${p.unitName} (${labels.role(p.role)})` }))}
            value={peerNode}
            onChange={choose}
            allowDeselect={false}
          />
          {peer && (
            <Text size="sm" c="dimmed" data-testid="export-pending">
              {t('sync.export.pending', { count: peer.pendingChanges.toLocaleString(locale) })}
            </Text>
          )}
          <FilePathInput kind="save" fileKind="exchange" path={file} label={t('sync.export.path')} disabled={!peer} />
          <Checkbox
            label={t('sync.export.snapshot')}
            description={t('sync.export.snapshotHint')}
            checked={snapshot}
            onChange={(e) => setSnapshot(e.currentTarget.checked)}
          />
          {run.isError && <FileWriteError error={run.error} />}
          <Group justify="flex-end">
            <Button
              onClick={() => peer && run.mutate({ peerNode: peer.nodeId, path: file.value.trim(), snapshot })}
              loading={run.isPending}
              disabled={!peer || !file.ready}
            >
              {t('sync.export.button')}
            </Button>
          </Group>
          {run.isPending && <Working label={t('sync.export.working')} />}
        </Stack>
      </Paper>
      {run.isSuccess && (
        <Paper withBorder p="lg" radius="md" data-testid="export-result">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('sync.export.doneTitle')}
            </Title>
            <ExportSummary result={run.data} />
            <Alert color="blue" variant="light">
              {t('sync.export.next', { unit: peer?.unitName ?? '' })}
            </Alert>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/**
 * The bar shown while a file is written or read: changes done of the file's total while they stream,
 * an indeterminate bar while the signature is checked and while the received changes are applied.
 */
export function Working({ label }: { label: string }) {
  const t = useT();
  const locale = useLocale();
  const progress = useSyncProgress().data;
  // Once every change of a file has been read, applying them runs without answering reads: say so then.
  const applying = progress?.phase === 'apply' || (progress?.phase === 'read' && progress.total > 0 && progress.done >= progress.total);
  const counting = !applying && progress && progress.total > 0 && (progress.phase === 'read' || progress.phase === 'write');
  const percent = counting ? Math.min(100, Math.floor((100 * progress.done) / progress.total)) : 100;
  const detail = counting
    ? t('sync.progress.changes', { done: progress.done.toLocaleString(locale), total: progress.total.toLocaleString(locale), percent: String(percent) })
    : applying
      ? t('sync.progress.applying')
      : null;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Progress value={percent} animated={!counting} striped={!counting} aria-label={label} aria-valuetext={detail ?? label} />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {detail && (
        <Text size="sm" data-testid="sync-progress">
          {detail}
        </Text>
      )}
    </Stack>
  );
}

export function Stat({ label, value, colour = 'gray' }: { label: string; value: string; colour?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" style={{ borderTop: `4px solid var(--mantine-color-${colour}-6)` }} aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22}>
        {value}
      </Text>
    </Paper>
  );
}

/** What went into a file: changes, size, attachments, and changes per table. */
export function ExportSummary({ result }: { result: ExportResult }) {
  const t = useT();
  const locale = useLocale();
  const labels = useSyncLabels();
  const tables = Object.entries(result.tables).sort((a, b) => b[1] - a[1]);
  const stats: [MessageKey, string, string][] = [
    ['sync.export.changes', result.changes.toLocaleString(locale), 'gsb'],
    ['sync.export.size', formatBytes(result.bytes, locale), 'gray'],
    ['sync.export.attachments', result.blobs.toLocaleString(locale), 'gray'],
  ];
  return (
    <Stack gap="sm" data-testid="export-summary">
      <MonoBox label={t('sync.file')}>{result.file}</MonoBox>
      <SimpleGrid cols={3} spacing="sm">
        {stats.map(([label, value, colour]) => (
          <Stat key={label} label={t(label)} value={value} colour={colour} />
        ))}
      </SimpleGrid>
      {result.changes === 0 && <Text size="sm">{t('sync.export.nothing')}</Text>}
      {tables.length > 0 && (
        <Table fz="sm" verticalSpacing={4} data-testid="export-tables" maw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.col.table')}</Table.Th>
              <Table.Th ta="right">{t('sync.export.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map(([name, count]) => (
              <Table.Tr key={name}>
                <Table.Td>{labels.table(name)}</Table.Td>
                <Table.Td ta="right">{count.toLocaleString(locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
