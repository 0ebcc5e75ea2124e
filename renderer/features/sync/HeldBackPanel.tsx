import { Alert, Badge, Button, Group, List, Modal, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLanguage, useT, type Translate } from '../../i18n';
import { keyedText } from '../../lib/errors';
import { navigate } from '../../lib/hashRoute';
import { useAcceptQuarantine, useQuarantine } from './calls';
import { formatDateTime } from './labels';

type Held = ChannelOutput<'sync:quarantine'>[number];

/** `365 gün ileri`, `5 saat ileri`, `40 dakika ileri`: the same steps the server's warning uses. */
function aheadText(t: Translate, minutes: number): string {
  if (minutes >= 2 * 24 * 60) return t('sync.held.ahead.days', { count: Math.round(minutes / (24 * 60)) });
  if (minutes >= 120) return t('sync.held.ahead.hours', { count: Math.round(minutes / 60) });
  return t('sync.held.ahead.minutes', { count: minutes });
}

/**
 * Changes held back because the installation that wrote them stamped them implausibly far ahead of this
 * clock. A person checks that clock and accepts; the change applies only when the same file is imported again.
 */
export function HeldBackPanel() {
  const t = useT();
  const held = useQuarantine();
  const [accepting, setAccepting] = useState<Held | null>(null);
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={3} size="h4" mb={4}>
          {t('sync.held.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.held.hint')}
        </Text>
      </div>
      <QueryState query={held} isEmpty={(list) => list.length === 0} empty={<EmptyText>{t('sync.held.empty')}</EmptyText>}>
        {(list) => (
          <Paper withBorder radius="md">
            <ScrollArea>
              <Table verticalSpacing="sm" fz="sm" data-testid="held-back" miw={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sync.held.col.unit')}</Table.Th>
                    <Table.Th>{t('sync.held.col.ahead')}</Table.Th>
                    <Table.Th>{t('sync.held.col.file')}</Table.Th>
                    <Table.Th>{t('sync.held.col.detectedAt')}</Table.Th>
                    <Table.Th>{t('sync.held.col.state')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((entry) => (
                    <HeldRow key={entry.id} entry={entry} onAccept={() => setAccepting(entry)} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
        )}
      </QueryState>
      <AcceptDialog entry={accepting} onClose={() => setAccepting(null)} />
    </Stack>
  );
}

function HeldRow({ entry: e, onAccept }: { entry: Held; onAccept: () => void }) {
  const t = useT();
  // The installation's enrolled name, or "this installation" / "unknown installation …" in the interface language.
  const unit = keyedText(e.unit, useLanguage());
  const accepted = e.acceptedAt !== null;
  return (
    <Table.Tr>
      <Table.Td miw={180}>
        <Text fw={600} size="sm">
          {unit}
        </Text>
        <Text ff="monospace" size="xs" c="dimmed">
          {e.originNode}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text span fw={600} size="sm" c="orange.8">
          {aheadText(t, e.aheadMinutes)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
          {e.fileName}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.detectedAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={accepted ? 'teal' : 'orange'} tt="none" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
          {t(accepted ? 'sync.held.state.accepted' : 'sync.held.state.open')}
        </Badge>
        {accepted && (
          <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'nowrap' }}>
            {t('sync.held.acceptedAt', { at: formatDateTime(e.acceptedAt) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {accepted ? (
          <Button size="xs" variant="default" onClick={() => navigate('exchange', 'import')}>
            {t('sync.held.reimport')}
          </Button>
        ) : (
          <Button size="xs" color="orange" variant="light" onClick={onAccept} aria-label={t('sync.held.acceptFor', { unit })}>
            {t('sync.held.accept')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** What accepting means, in plain words, before the person does it. */
function AcceptDialog({ entry, onClose }: { entry: Held | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const accept = useAcceptQuarantine();
  const close = () => {
    if (accept.isPending) return;
    accept.reset();
    onClose();
  };
  const confirm = (e: Held) =>
    accept.mutate(
      { id: e.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: t('sync.held.acceptedTitle'), message: t('sync.held.accepted', { file: e.fileName }) });
          accept.reset();
          onClose();
        },
      },
    );
  return (
    <Modal opened={entry !== null} onClose={close} title={<Title order={3} size="h4">{t('sync.held.confirmTitle')}</Title>} size="lg">
      {entry && (
        <Stack gap="md" data-testid="held-accept-dialog">
          <Alert color="orange" variant="light">
            {t('sync.held.confirmWhat', { unit: keyedText(entry.unit, language), ahead: aheadText(t, entry.aheadMinutes) })}
          </Alert>
          <List size="sm" spacing="xs">
            <List.Item>{t('sync.held.confirmCheck', { unit: keyedText(entry.unit, language) })}</List.Item>
            <List.Item>{t('sync.held.confirmWins')}</List.Item>
            <List.Item>{t('sync.held.confirmNext', { file: entry.fileName })}</List.Item>
          </List>
          {accept.isError && <ErrorAlert error={accept.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={accept.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={accept.isPending} onClick={() => confirm(entry)}>
              {t('sync.held.confirmButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
