import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { InstallationStatus } from '../../../shared/contract/installation';
import { MonoBox } from '../../components/MonoBox';
import { useT } from '../../i18n';
import { CenteredPage } from './CenteredPage';

type DbError = NonNullable<InstallationStatus['dbError']>;

/** A database that cannot be opened is never touched; the user learns what happened and what to do. */
export function DbErrorScreen({ dbError }: { dbError: DbError }) {
  const t = useT();
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
          {dbError.message}
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
        <Text size="sm" c="dimmed">
          {t('dbError.safe')}
        </Text>
      </Stack>
    </CenteredPage>
  );
}
