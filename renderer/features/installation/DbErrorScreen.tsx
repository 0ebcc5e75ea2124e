import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InstallationStatus } from '../../../shared/contract/installation';
import { MonoBox } from '../../components/MonoBox';
import { useLanguage, useT } from '../../i18n';
import { keyedText } from '../../lib/errors';
import { callKey, useCallMutation } from '../../lib/query';
import { BackupsPanel } from '../backups';
import { CenteredPage } from '../../components/CenteredPage';
import { UnlockScreen } from './UnlockScreen';

type DbError = NonNullable<InstallationStatus['dbError']>;

/**
 * A database that cannot be used is never written; the user learns what happened and what to do: restore a
 * backup over a damaged file (it is kept aside), try again once another Köprü has let go of the folder.
 */
export function DbErrorScreen({ dbError }: { dbError: DbError }) {
  if (dbError.kind === 'key-locked') return <UnlockScreen dbError={dbError} />;
  return <DbErrorDetails dbError={dbError} />;
}

function DbErrorDetails({ dbError }: { dbError: DbError }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [stillLocked, setStillLocked] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: callKey('installation:status') });
  const reopen = useCallMutation('backend:reopen', {
    onSuccess: (result) => {
      setStillLocked(!result.opened);
      void refresh();
    },
  });
  const canRetry = dbError.kind === 'locked' || dbError.kind === 'unreadable';
  return (
    <CenteredPage>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" c="red.8">
            {t('dbError.title')}
          </Title>
          <Text mt="xs" fw={500}>
            {t(`dbError.kind.${dbError.kind}`)}
          </Text>
        </div>
        <Alert color="red" variant="light" title={t('dbError.serverMessage')} role="alert">
          {keyedText(dbError, language)}
        </Alert>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('dbError.path')}
          </Text>
          <MonoBox label={t('dbError.path')}>{dbError.path}</MonoBox>
        </div>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('dbError.whatToDo')}
          </Title>
          <List type="ordered" spacing="xs">
            <List.Item>{t(`dbError.step.${dbError.kind}`)}</List.Item>
            <List.Item>{t('dbError.step.restart')}</List.Item>
            <List.Item>{t('dbError.step.contact')}</List.Item>
          </List>
        </div>
        {canRetry && (
          <Group>
            <Button onClick={() => reopen.mutate({})} loading={reopen.isPending}>
              {t('dbError.retry')}
            </Button>
            {stillLocked && (
              <Text size="sm" c="red.8" role="status">
                {t('dbError.stillLocked')}
              </Text>
            )}
          </Group>
        )}
        {dbError.kind === 'corrupt' && (
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('backups.title')}
            </Title>
            <Text size="sm" mb="sm">
              {t('backups.damagedHint')}
            </Text>
            <BackupsPanel canCreate={false} onRestored={() => void refresh()} />
          </div>
        )}
        <Text size="sm" c="dimmed">
          {t('dbError.safe')}
        </Text>
      </Stack>
    </CenteredPage>
  );
}
