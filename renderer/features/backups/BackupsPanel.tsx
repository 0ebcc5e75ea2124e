import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/contract/backups';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MonoBox } from '../../components/MonoBox';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { dateTimeTr } from '../../lib/dates';
import { useCall, useCallMutation } from '../../lib/query';

function size(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} MB` : `${Math.ceil(bytes / 1024).toLocaleString(locale)} KB`;
}

/**
 * The installation's backups: the list, "back up now", and restore behind a confirmation. In Settings
 * (`canCreate`) and on the damaged-database screen, where restoring is the way out.
 */
export function BackupsPanel({ canCreate, onRestored }: { canCreate: boolean; onRestored?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const list = useCall('backups:list', {});
  const create = useCallMutation('backups:create', {
    invalidates: ['backups:list'],
    onSuccess: (entry) => notifications.show({ color: 'teal', message: t('backups.created', { name: entry.name }) }),
  });
  const restore = useCallMutation('backups:restore', {
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: result.keptAside ? t('backups.restored', { name: result.keptAside }) : t('backups.restoredNothingAside') });
      setChosen(null);
      // Every screen reads again: the whole database changed.
      void queryClient.invalidateQueries();
      onRestored?.();
    },
  });
  const [chosen, setChosen] = useState<BackupEntry | null>(null);

  return (
    <Stack gap="sm">
      <QueryState query={list}>
        {(data) => (
          <>
            <Text size="sm">{t('backups.intro', { keep: data.keepAutomatic })}</Text>
            <div>
              <Text fw={600} size="sm" mb={4}>
                {t('backups.folder')}
              </Text>
              <MonoBox label={t('backups.folder')}>{data.folder}</MonoBox>
            </div>
            {data.backups.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('backups.none')}
              </Text>
            ) : (
              <Table striped withTableBorder data-testid="backups-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('backups.col.date')}</Table.Th>
                    <Table.Th>{t('backups.col.kind')}</Table.Th>
                    <Table.Th ta="right">{t('backups.col.size')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.backups.map((b) => (
                    <Table.Tr key={b.name} data-testid="backup-row">
                      <Table.Td>{dateTimeTr(b.createdAt)}</Table.Td>
                      <Table.Td>{t(`backups.kind.${b.kind}`)}</Table.Td>
                      <Table.Td ta="right">{size(b.bytes, locale)}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-sm" variant="default" onClick={() => setChosen(b)}>
                          {t('backups.restore')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
      {create.isError && <ErrorAlert error={create.error} />}
      {canCreate && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => create.mutate({})} loading={create.isPending}>
            {t('backups.createNow')}
          </Button>
        </Group>
      )}
      <Modal opened={chosen !== null} onClose={() => (restore.isPending ? undefined : setChosen(null))} title={<Title order={3} size="h4">{t('backups.restoreTitle')}</Title>}>
        {chosen && (
          <Stack gap="md">
            <Alert color="orange" variant="light">
              {t('backups.restoreConfirm', { date: dateTimeTr(chosen.createdAt) })}
            </Alert>
            {restore.isError && <ErrorAlert error={restore.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={restore.isPending}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={restore.isPending} onClick={() => restore.mutate({ name: chosen.name })}>
                {t('backups.restoreButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
