import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n';
import { MIN_SECRET, type AccountDraft, type AccountField } from './accountForm';

interface AccountFieldsProps {
  value: AccountDraft;
  errors: Partial<Record<AccountField, string>>;
  onChange: (patch: Partial<AccountDraft>) => void;
  /** Ask for the password twice (the person typing it will use it). */
  withRepeat?: boolean;
  passwordLabel?: string;
  passwordHint?: string;
}

/** User name, full name and password: the first administrator, and each account an administrator adds. */
export function AccountFields({ value, errors, onChange, withRepeat = true, passwordLabel, passwordHint }: AccountFieldsProps) {
  const t = useT();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('users.field.username')}
        description={t('users.field.usernameHint')}
        value={value.username}
        onChange={(e) => onChange({ username: e.currentTarget.value })}
        error={errors.username}
        autoComplete="off"
        spellCheck={false}
        withAsterisk
      />
      <TextInput
        label={t('users.field.displayName')}
        description={t('users.field.displayNameHint')}
        value={value.displayName}
        onChange={(e) => onChange({ displayName: e.currentTarget.value })}
        error={errors.displayName}
        autoComplete="off"
        withAsterisk
      />
      <PasswordInput
        label={passwordLabel ?? t('users.field.password')}
        description={passwordHint ?? t('users.field.passwordHint', MIN_SECRET)}
        value={value.password}
        onChange={(e) => onChange({ password: e.currentTarget.value })}
        error={errors.password}
        autoComplete="new-password"
        withAsterisk
      />
      {withRepeat && (
        <PasswordInput
          label={t('users.field.repeat')}
          value={value.repeat}
          onChange={(e) => onChange({ repeat: e.currentTarget.value })}
          error={errors.repeat}
          autoComplete="new-password"
          withAsterisk
        />
      )}
    </Stack>
  );
}
