import { Badge, Button, Group, NumberInput, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT, type Translate } from '../../i18n';
import { useCall, useCallMutation } from '../../lib/query';
import { formatDate, formatDateTime, useSyncLabels } from './labels';

type Board = ChannelOutput<'sync:custody'>;

/** `14 gün` / `1 day`, `14 days`. */
const dayCount = (t: Translate, count: number) => t(count === 1 ? 'sync.custody.dayCount.one' : 'sync.custody.dayCount.other', { count });

/**
 * The chain of custody: files sent that no receipt has come back for after N days, peers no file has come
 * from in N days (N is this machine's setting), and received records still waiting for their parent record.
 * What to chase when a USB stick may have gone missing.
 */
export function CustodyPanel() {
  const t = useT();
  const board = useCall('sync:custody', {});
  return (
    <Stack gap="lg" maw={1100} data-testid="custody">
      <div>
        <Title order={3} size="h4" mb={4}>
          {t('sync.custody.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.custody.hint', { days: board.data?.days ?? '…' })}
        </Text>
      </div>
      {/* Keyed by the stored value: the field starts again from it once saved. */}
      {board.data && <DaysSetting key={board.data.days} days={board.data.days} />}
      <QueryState query={board}>
        {(data) => (
          <>
            <UnacknowledgedFiles board={data} />
            <SilentPeers board={data} />
            <WaitingRecords board={data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function DaysSetting({ days }: { days: number }) {
  const t = useT();
  const [value, setValue] = useState<number | string>(days);
  const save = useCallMutation('sync:setCustodyDays', { invalidates: ['sync:custody'] });
  const chosen = typeof value === 'number' ? value : Number.NaN;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput label={t('sync.custody.days')} value={value} onChange={setValue} min={1} max={365} allowDecimal={false} allowNegative={false} w={160} />
        <Button variant="light" loading={save.isPending} disabled={!Number.isInteger(chosen) || chosen === days} onClick={() => save.mutate({ days: chosen })}>
          {t('sync.custody.apply')}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </Stack>
  );
}

/** One list of the board: its title, a sentence when it is empty, else a hint and a table of its rows. */
function BoardSection({ title, empty, hint, testId, sectionTestId, columns, children }: {
  title: string; empty: string | null; hint?: string; testId: string; sectionTestId?: string; columns: string[]; children: ReactNode;
}) {
  return (
    <Stack gap="xs" data-testid={sectionTestId}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {empty !== null ? (
        <EmptyText>{empty}</EmptyText>
      ) : (
        <>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
          <Paper withBorder radius="md">
            <ScrollArea>
              <Table verticalSpacing="sm" fz="sm" data-testid={testId} miw={860}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{children}</Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
        </>
      )}
    </Stack>
  );
}

/** How many days, as a badge: orange when past the board's period. */
function Days({ days, late }: { days: number; late: boolean }) {
  const t = useT();
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <Badge variant="light" color={late ? 'orange' : 'gray'} tt="none">
        {dayCount(t, days)}
      </Badge>
    </Table.Td>
  );
}

function UnacknowledgedFiles({ board }: { board: Board }) {
  const t = useT();
  return (
    <BoardSection
      title={t('sync.custody.files.title')}
      empty={board.unacknowledged.length === 0 ? t('sync.custody.files.empty', { days: board.days }) : null}
      testId="custody-files"
      columns={[t('sync.custody.files.col.peer'), t('sync.custody.files.col.file'), t('sync.custody.files.col.sentAt'), t('sync.custody.files.col.days')]}
    >
      {board.unacknowledged.map((f) => (
        <Table.Tr key={f.ledgerId}>
          <Table.Td>
            <Text fw={600} size="sm">
              {f.peerName}
            </Text>
            {f.peerRevoked && (
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t('sync.custody.files.revoked')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <Text ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
              {f.fileName}
            </Text>
            {f.exportNo !== null && (
              <Text size="xs" c="dimmed">
                {t('sync.ledger.fileNo', { no: f.exportNo })}
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.sentAt)}</Table.Td>
          <Days days={f.days} late />
        </Table.Tr>
      ))}
    </BoardSection>
  );
}

function SilentPeers({ board }: { board: Board }) {
  const t = useT();
  const labels = useSyncLabels();
  return (
    <BoardSection
      title={t('sync.custody.peers.title')}
      empty={board.silent.length === 0 ? t('sync.custody.peers.empty', { days: board.days }) : null}
      testId="custody-peers"
      columns={[t('sync.custody.peers.col.peer'), t('sync.custody.peers.col.lastReceived'), t('sync.custody.peers.col.lastSent'), t('sync.custody.peers.col.days')]}
    >
      {board.silent.map((p) => (
        <Table.Tr key={p.peerNode}>
          <Table.Td>
            <Text fw={600} size="sm">
              {p.peerName}
            </Text>
            <Text size="xs" c="dimmed">
              {labels.role(p.role)}
            </Text>
          </Table.Td>
          <Table.Td>{p.lastReceivedAt ? formatDateTime(p.lastReceivedAt) : t('sync.custody.peers.never', { enrolled: formatDateTime(p.enrolledAt) })}</Table.Td>
          <Table.Td>{p.lastSentAt ? formatDateTime(p.lastSentAt) : t('sync.custody.peers.neverSent')}</Table.Td>
          <Days days={p.days} late />
        </Table.Tr>
      ))}
    </BoardSection>
  );
}

function WaitingRecords({ board }: { board: Board }) {
  const t = useT();
  const labels = useSyncLabels();
  return (
    <BoardSection
      title={t('sync.custody.waiting.title')}
      empty={board.waiting.length === 0 ? t('sync.custody.waiting.empty') : null}
      hint={t(board.days === 1 ? 'sync.custody.waiting.hint.one' : 'sync.custody.waiting.hint.other', { days: board.days })}
      testId="custody-waiting"
      sectionTestId="custody-waiting-section"
      columns={[
        t('sync.custody.waiting.col.table'), t('sync.custody.waiting.col.rows'), t('sync.custody.waiting.col.parent'), t('sync.custody.waiting.col.since'),
        t('sync.custody.waiting.col.days'),
      ]}
    >
      {board.waiting.map((w) => (
        <Table.Tr key={`${w.table}:${w.parentTable}`}>
          <Table.Td>
            <Text fw={600} size="sm">
              {labels.table(w.table)}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.count(w.table, w.rows)}</Table.Td>
          <Table.Td>
            <Text size="sm">{w.parents === 1 ? labels.record(w.parentTable) : labels.count(w.parentTable, w.parents)}</Text>
            {w.parentIds.map((id) => (
              <Text key={id} ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
                {id}
              </Text>
            ))}
            {w.parents > w.parentIds.length && (
              <Text size="xs" c="dimmed">
                {t('sync.custody.waiting.more', { count: w.parents - w.parentIds.length })}
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(w.since)}</Table.Td>
          {/* Past the board's period: likely a missing file, as the hint says. */}
          <Days days={w.days} late={w.days >= board.days} />
        </Table.Tr>
      ))}
    </BoardSection>
  );
}
