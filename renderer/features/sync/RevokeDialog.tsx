import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useRevoke } from './calls';

type Peer = ChannelOutput<'sync:status'>['peers'][number];

/** Case and spacing do not matter when typing the name; the letters do. */
const sameName = (typed: string, name: string) => {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('tr-TR');
  return norm(typed) === norm(name);
};

/**
 * Revoking a child installation's key (lost or stolen computer) cannot be undone, so the person types the
 * unit's name first. The server's refusal (not this installation's child, already revoked) shows as it is.
 */
export function RevokeDialog({ peer, onClose }: { peer: Peer | null; onClose: () => void }) {
  const t = useT();
  const revoke = useRevoke();
  const [typed, setTyped] = useState('');
  const close = () => {
    if (revoke.isPending) return;
    revoke.reset();
    setTyped('');
    onClose();
  };
  const confirm = (p: Peer) =>
    revoke.mutate(
      { peerNode: p.nodeId },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', title: t('sync.revoke.doneTitle'), message: t('sync.revoke.done', { unit: result.unitName, seq: result.revokedAfterSeq }) });
          revoke.reset();
          setTyped('');
          onClose();
        },
      },
    );
  return (
    <Modal
      opened={peer !== null}
      onClose={close}
      title={<Title order={3} size="h4">{peer ? t('sync.revoke.title', { unit: peer.unitName }) : ''}</Title>}
      size="lg"
    >
      {peer && (
        <Stack gap="md" data-testid="revoke-dialog">
          <Alert color="red" variant="light" title={t('sync.revoke.irreversible')}>
            {t('sync.revoke.when')}
          </Alert>
          <Text size="sm">{t('sync.revoke.what')}</Text>
          <Text size="sm" fw={500}>
            {t('sync.revoke.next', { unit: peer.unitName })}
          </Text>
          <TextInput
            label={t('sync.revoke.typeName', { unit: peer.unitName })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {revoke.isError && <ErrorAlert error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={revoke.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} disabled={!sameName(typed, peer.unitName)} onClick={() => confirm(peer)}>
              {t('sync.revoke.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
