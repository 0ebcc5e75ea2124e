import { Divider, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { AccountFields, MIN_SECRET, type AccountDraft, type AccountField } from '../users';
import { ADMIN_FIELDS, type SetupDraft, type SetupField } from './setupState';

interface AccountStepProps {
  draft: SetupDraft;
  errors: Partial<Record<SetupField, string>>;
  onChange: (patch: Partial<SetupDraft>, fields: SetupField[]) => void;
}

/** The first administrator (who signs in when setup completes) and the recovery passphrase of the data key. */
export function AccountStep({ draft, errors, onChange }: AccountStepProps) {
  const t = useT();
  const accountErrors = Object.fromEntries(
    (Object.keys(ADMIN_FIELDS) as AccountField[]).map((field) => [field, errors[ADMIN_FIELDS[field]]]),
  ) as Partial<Record<AccountField, string>>;
  const changeAdmin = (patch: Partial<AccountDraft>) =>
    onChange({ admin: { ...draft.admin, ...patch } }, (Object.keys(patch) as AccountField[]).map((field) => ADMIN_FIELDS[field]));
  return (
    <Stack gap="md" data-testid="setup-account">
      <div>
        <Title order={2} size="h4">
          {t('setup.account.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('setup.account.intro')}
        </Text>
      </div>
      <AccountFields value={draft.admin} errors={accountErrors} onChange={changeAdmin} />
      <Divider mt="xs" />
      <PasswordInput
        label={t('setup.recovery.passphrase')}
        description={t('setup.recovery.hint', MIN_SECRET)}
        value={draft.recoveryPassphrase}
        onChange={(e) => onChange({ recoveryPassphrase: e.currentTarget.value }, ['recoveryPassphrase'])}
        error={errors.recoveryPassphrase}
        autoComplete="new-password"
        withAsterisk
      />
      <PasswordInput
        label={t('setup.recovery.repeat')}
        value={draft.recoveryRepeat}
        onChange={(e) => onChange({ recoveryRepeat: e.currentTarget.value }, ['recoveryRepeat'])}
        error={errors.recoveryRepeat}
        autoComplete="new-password"
        withAsterisk
      />
    </Stack>
  );
}
