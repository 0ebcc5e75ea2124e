import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Identity, KeyError } from '../../../shared/contract/installation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MonoBox } from '../../components/MonoBox';
import { useT } from '../../i18n';
import { callKey, useCallMutation } from '../../lib/query';
import { CenteredPage } from '../../components/CenteredPage';

/**
 * A key file that is missing, damaged or not this installation's (issue #16): which file, what that means,
 * and the way back: the checked copy from the backups folder, or the file from a backup of the data folder.
 * Nothing is written meanwhile; the backend refuses every save with KEYS_UNAVAILABLE.
 */
export function KeyErrorScreen({ keyError, identity }: { keyError: KeyError; identity: Identity | null }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [stillBad, setStillBad] = useState(false);
  // Every screen reads again once the keys are sound: the app opens where it left off.
  const refresh = () => queryClient.invalidateQueries({ queryKey: callKey('installation:status') });
  const reopen = useCallMutation('backend:reopen', {
    onSuccess: (result) => {
      setStillBad(!result.opened);
      void refresh();
    },
  });
  const restore = useCallMutation('installation:restoreKeys', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('keyError.restored') });
      void refresh();
    },
  });
  const hasCopy = keyError.problems.some((p) => p.copy !== null);
  return (
    <CenteredPage>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" c="red.8">
            {t('keyError.title')}
          </Title>
          {identity && (
            <Text mt="xs" fw={500}>
              {t('keyError.installation', { unit: identity.unitName })}
            </Text>
          )}
          <Text mt="xs" size="sm">
            {t('keyError.intro')}
          </Text>
        </div>
        {keyError.problems.map((problem) => (
          <Alert key={problem.file} color="red" variant="light" role="alert" title={`${t(`keyError.file.${problem.file}`)} (${problem.file})`}>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t(`keyError.problem.${problem.problem}`)}
              </Text>
              <Text size="sm">{t(`keyError.means.${problem.file}`)}</Text>
              <div>
                <Text size="sm" fw={600} mb={4}>
                  {t('keyError.path')}
                </Text>
                <MonoBox label={`${t('keyError.path')}: ${problem.file}`}>{problem.path}</MonoBox>
              </div>
              {problem.copy && (
                <div>
                  <Text size="sm" mb={4}>
                    {t('keyError.copy')}
                  </Text>
                  <MonoBox>{problem.copy}</MonoBox>
                </div>
              )}
            </Stack>
          </Alert>
        ))}
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('keyError.whatToDo')}
          </Title>
          <List type="ordered" spacing="xs">
            {hasCopy && <List.Item>{t('keyError.step.copy')}</List.Item>}
            <List.Item>{t('keyError.step.fromBackup')}</List.Item>
            <List.Item>{t('keyError.step.contact')}</List.Item>
          </List>
        </div>
        <Group>
          {hasCopy && (
            <Button onClick={() => restore.mutate({})} loading={restore.isPending}>
              {t('keyError.restore')}
            </Button>
          )}
          <Button variant={hasCopy ? 'default' : 'filled'} onClick={() => reopen.mutate({})} loading={reopen.isPending}>
            {t('keyError.retry')}
          </Button>
          {stillBad && (
            <Text size="sm" c="red.8" role="status">
              {t('keyError.stillBad')}
            </Text>
          )}
        </Group>
        {restore.error && <ErrorAlert error={restore.error} />}
        <Text size="sm" c="dimmed">
          {t('keyError.safe')}
        </Text>
      </Stack>
    </CenteredPage>
  );
}
