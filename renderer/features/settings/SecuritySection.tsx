import { Alert, Badge, Button, DataList, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { CallError } from '../../lib/api';
import { dateText } from '../../lib/dates';
import { issueMessage } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { useCan } from '../../lib/session';

/**
 * Encryption at rest (issue #16): how the data key is protected, and the recovery passphrase that opens the
 * data where the OS key store cannot (another computer or Windows user, a restored folder, the kopru command).
 */
export function SecuritySection() {
  const t = useT();
  const keyring = useCall('installation:keyring', {});
  // Only an administrator sets the passphrase (issue #16); everyone sees how the data is protected.
  const admin = useCan('administer');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const save = useCallMutation('installation:setRecoveryPassphrase', {
    onSuccess: () => {
      setPassphrase('');
      setConfirm('');
      void keyring.refetch();
      notifications.show({ color: 'teal', message: t('security.saved') });
    },
  });
  const issues = save.error instanceof CallError ? (save.error.error.issues ?? []) : [];
  const issue = (field: string) => {
    const found = issues.find((i) => i.path === field);
    return found ? issueMessage(found) : undefined;
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-security">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-security">
          {t('security.title')}
        </Title>
        <Text size="sm">{t('security.intro')}</Text>
        <QueryState query={keyring}>
          {(k) => (
            <>
              <DataList labelWidth={220} data-testid="security-status">
                <DataList.Item>
                  <DataList.ItemLabel>{t('security.osKeyStore')}</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Badge color={k.osProtected ? 'teal' : 'gray'} variant="light">
                      {k.osProtected ? t(k.protector === 'safeStorage' ? 'security.osProtected' : 'security.standIn') : t('security.osNone')}
                    </Badge>
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t('security.recovery')}</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Badge color={k.recoverySetAt ? 'teal' : 'red'} variant="light">
                      {k.recoverySetAt ? t('security.recoverySet', { date: dateText(k.recoverySetAt.slice(0, 10)) }) : t('security.recoveryMissing')}
                    </Badge>
                  </DataList.ItemValue>
                </DataList.Item>
              </DataList>
              {!k.recoverySetAt && (
                <Alert color="red" variant="light" role="alert">
                  {t('security.recoveryWarning')}
                </Alert>
              )}
            </>
          )}
        </QueryState>
        {admin && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ passphrase, confirm });
            }}
          >
            <Stack gap="xs">
              <PasswordInput label={t('security.passphrase')} description={t('security.passphraseHint')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={issue('passphrase')} autoComplete="new-password" />
              <PasswordInput label={t('security.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={issue('confirm')} autoComplete="new-password" />
              {save.isError && !issue('passphrase') && !issue('confirm') && <ErrorAlert error={save.error} />}
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} disabled={passphrase.length === 0}>
                  {t('security.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
