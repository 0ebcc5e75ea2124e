import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InstallationStatus } from '../../../shared/contract/installation';
import { MonoBox } from '../../components/MonoBox';
import { LanguageOverride, useLanguage, useT } from '../../i18n';
import { CallError } from '../../lib/api';
import { errorMessage, keyedText } from '../../lib/errors';
import { callKey, useCallMutation } from '../../lib/query';
import { CenteredPage } from '../../components/CenteredPage';

type DbError = NonNullable<InstallationStatus['dbError']>;

/**
 * The database is encrypted and its data key was not unwrapped (issue #16): the OS key store cannot open it here
 * (another machine or Windows profile, a restored folder), or keyring.json is missing or damaged. The recovery
 * passphrase opens it; a kept copy of the keyring can be put back. Nothing is written until then.
 */
export function UnlockScreen({ dbError }: { dbError: DbError }) {
  // The language preference is stored in the locked database: the screen offers its own switch.
  const [language, setLanguage] = useState(useLanguage());
  return (
    <LanguageOverride language={language}>
      <UnlockForm dbError={dbError} language={language} onLanguage={setLanguage} />
    </LanguageOverride>
  );
}

function UnlockForm({ dbError, language, onLanguage }: { dbError: DbError; language: 'tr' | 'en'; onLanguage: (language: 'tr' | 'en') => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: callKey('installation:status') });
  const unlock = useCallMutation('installation:unlock', { onSuccess: () => void refresh() });
  const restore = useCallMutation('installation:restoreKeyring', { onSuccess: () => void refresh() });
  const reason = dbError.keyLock?.reason ?? 'needs-passphrase';
  const asksPassphrase = reason === 'needs-passphrase' || reason === 'wrong-passphrase';
  const failure = unlock.error ?? restore.error;
  const wrongPassphrase = unlock.error instanceof CallError && (unlock.error.error.issues ?? []).some((i) => i.path === 'passphrase');
  return (
    <CenteredPage>
      <Stack gap="lg">
        <Group justify="flex-end">
          <SegmentedControl
            size="xs"
            aria-label="Dil / Language"
            value={language}
            onChange={(value) => onLanguage(value === 'en' ? 'en' : 'tr')}
            data={[
              { value: 'tr', label: 'Türkçe' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
        <div>
          <Title order={1} size="h2">
            {t('unlock.title')}
          </Title>
          <Text mt="xs">{t(`unlock.reason.${reason}`)}</Text>
        </div>
        {asksPassphrase && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              unlock.mutate({ passphrase });
            }}
          >
            <Stack gap="sm">
              <PasswordInput
                label={t('unlock.passphrase')}
                description={t('unlock.passphraseHint')}
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                autoFocus
                error={wrongPassphrase ? t('unlock.reason.wrong-passphrase') : unlock.error ? errorMessage(unlock.error, language) : undefined}
              />
              <Group>
                <Button type="submit" loading={unlock.isPending} disabled={passphrase.length === 0}>
                  {t('unlock.open')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {dbError.keyLock?.hasCopy && (reason === 'keyring-missing' || reason === 'keyring-damaged') && (
          <Group>
            <Button variant={asksPassphrase ? 'default' : 'filled'} onClick={() => restore.mutate({})} loading={restore.isPending}>
              {t('unlock.restoreCopy')}
            </Button>
          </Group>
        )}
        {failure && !unlock.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(failure, language)}
          </Alert>
        )}
        {language === 'tr' && (
          <Alert color="gray" variant="light" title={t('dbError.serverMessage')}>
            {keyedText(dbError, language)}
          </Alert>
        )}
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('dbError.path')}
          </Text>
          <MonoBox label={t('dbError.path')}>{dbError.path}</MonoBox>
        </div>
        <Text size="sm" c="dimmed">
          {t('unlock.safe')}
        </Text>
      </Stack>
    </CenteredPage>
  );
}
