import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Conflict } from '../../../shared/contract/sync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useCall } from '../../lib/query';
import { useResolveConflict } from './calls';
import { formatDateTime, hlcTime, useSyncLabels } from './labels';

/**
 * The conflict inbox: the same field changed on two installations before they exchanged. The later change
 * stands until the record's owner keeps one value; that choice travels to the others like any change.
 */
export function ConflictsPanel() {
  const t = useT();
  const [includeResolved, setIncludeResolved] = useState(false);
  const conflicts = useCall('sync:conflicts', { includeResolved }, { keepPrevious: true });
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.hint')}
        </Text>
        <Switch label={t('sync.conflicts.showResolved')} checked={includeResolved} onChange={(e) => setIncludeResolved(e.currentTarget.checked)} />
      </Group>
      <QueryState
        query={conflicts}
        isEmpty={(list) => list.length === 0}
        empty={<EmptyText>{t(includeResolved ? 'sync.conflicts.noneAtAll' : 'sync.conflicts.none')}</EmptyText>}
      >
        {(list) => (
          <Stack gap="md" data-testid="conflicts">
            {list.map((c) => (
              <ConflictCard key={c.id} conflict={c} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The record a conflict is about, by name where the screen knows how to look it up. */
function RecordName({ table, id }: { table: string; id: string }) {
  const centre = useCall('orgUnits:getYouthCentre', { id }, { enabled: table === 'youth_centres' });
  const association = useCall('registry:get', { id }, { enabled: table === 'associations' });
  const name = table === 'youth_centres' ? centre.data?.name : table === 'associations' ? association.data?.name : undefined;
  return (
    <Text size="sm" c="dimmed">
      {name ? `${name} · ` : ''}
      <Text span ff="monospace" size="xs">
        {id}
      </Text>
    </Text>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict }) {
  const t = useT();
  const labels = useSyncLabels();
  const resolve = useResolveConflict();
  const keep = (side: 'local' | 'remote') =>
    resolve.mutate(
      { id: c.id, keep: side },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: t('sync.conflicts.resolvedTitle'),
            message: t('sync.conflicts.resolved', { value: labels.value(c.tableName, c.column, side === 'local' ? c.localValue : c.remoteValue) }),
          }),
      },
    );
  const field = labels.field(c.tableName, c.column);
  const resolved = Boolean(c.resolvedAt);
  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-label={field} data-testid="conflict">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {field}
            </Title>
            <RecordName table={c.tableName} id={c.rowId} />
          </div>
          <Stack gap={4} align="flex-end">
            <Text size="xs" c="dimmed">
              {t('sync.conflicts.detectedAt', { at: formatDateTime(c.detectedAt) })}
            </Text>
            {resolved && (
              <Badge color="teal" variant="light" tt="none">
                {t('sync.conflicts.resolvedAt', { at: formatDateTime(c.resolvedAt) })}
              </Badge>
            )}
            {resolved && c.resolvedBy && (
              <Text size="xs" c="dimmed" data-testid="conflict-resolved-by">
                {t('sync.conflicts.resolvedBy', { name: c.resolvedBy })}
              </Text>
            )}
          </Stack>
        </Group>
        <SimpleGrid cols={2} spacing="md">
          {(['local', 'remote'] as const).map((side) => (
            <Side key={side} conflict={c} side={side} onKeep={() => keep(side)} busy={resolve.isPending} />
          ))}
        </SimpleGrid>
        {!resolved && !c.canResolve && (
          <Alert color="gray" variant="light" data-testid="conflict-not-owner">
            {t('sync.conflicts.notOwner')}
          </Alert>
        )}
        {resolve.isError && <ErrorAlert error={resolve.error} />}
      </Stack>
    </Paper>
  );
}

function Side({ conflict: c, side, onKeep, busy }: { conflict: Conflict; side: 'local' | 'remote'; onKeep: () => void; busy: boolean }) {
  const t = useT();
  const labels = useSyncLabels();
  const local = side === 'local';
  const value = labels.value(c.tableName, c.column, local ? c.localValue : c.remoteValue);
  const unit = (local ? c.localUnit : c.remoteUnit) ?? (local ? c.localOrigin : c.remoteOrigin);
  const at = formatDateTime(hlcTime(local ? c.localHlc : c.remoteHlc));
  const resolved = Boolean(c.resolvedAt);
  const stands = resolved ? c.resolution === side : c.winner === side;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={stands ? 'var(--mantine-color-gsb-0)' : undefined}
      style={stands ? { borderColor: 'var(--mantine-color-gsb-4)' } : undefined}
      data-testid={`conflict-${side}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {t(local ? 'sync.conflicts.local' : 'sync.conflicts.remote')}
          </Text>
          {stands && (
            <Badge color="gsb" variant="filled" tt="none" size="sm">
              {t(resolved ? 'sync.conflicts.kept' : 'sync.conflicts.stands')}
            </Badge>
          )}
        </Group>
        <Text fz="lg" fw={600} style={{ wordBreak: 'break-word' }} data-testid="conflict-value">
          {value}
        </Text>
        <Text size="sm" c="dimmed">
          {/* Which user of this installation wrote the local value (a value received in a file names none). */}
          {local && c.localUser ? t('sync.conflicts.byUser', { unit, user: c.localUser, at }) : t('sync.conflicts.by', { unit, at })}
        </Text>
        {/* Two workstations of one unit share its name: the node id tells them apart. */}
        <Text size="xs" c="dimmed">
          {t('sync.own.nodeId')}:{' '}
          <Text span ff="monospace" size="xs">
            {local ? c.localOrigin : c.remoteOrigin}
          </Text>
        </Text>
        {c.canResolve && (
          <Group justify="flex-end" mt={4}>
            <Button size="xs" variant={stands ? 'filled' : 'light'} onClick={onKeep} loading={busy} aria-label={t('sync.conflicts.keepLabel', { value })}>
              {t('sync.conflicts.keep')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
