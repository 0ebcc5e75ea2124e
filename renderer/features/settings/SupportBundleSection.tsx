import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { useCallMutation } from '../../lib/query';
import { FilePathInput, useFilePath } from '../sync';

/** Writes the support bundle (no personal data) to a file the person chooses, to send to IT. */
export function SupportBundleSection() {
  const t = useT();
  const file = useFilePath('save', `kopru-destek-${todayIso()}.json`);
  const create = useCallMutation('settings:supportBundle', {
    onSuccess: (result) => notifications.show({ color: 'teal', message: t('support.created', { file: result.file }) }),
  });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-support">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-support">
          {t('support.title')}
        </Title>
        <Text size="sm">{t('support.intro')}</Text>
        <FilePathInput kind="save" fileKind="support" path={file} label={t('support.path')} />
        {create.isError && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="light" disabled={!file.ready} loading={create.isPending} onClick={() => create.mutate({ path: file.value.trim() })}>
            {t('support.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
