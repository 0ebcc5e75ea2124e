import { Badge, Button, Group, Menu, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { UserRole } from '../../../shared/contract/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n';
import { errorMessage, formErrorsFrom } from '../../lib/errors';
import { useCallMutation } from '../../lib/query';
import { useSession } from '../../lib/session';
import { MIN_SECRET, passwordProblem, repeatProblem } from './accountForm';
import { useLock, useSignOut } from './session';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

const ROLE_COLORS: Record<UserRole, string> = { admin: 'grape', specialist: 'blue', viewer: 'gray' };

/** The header's user menu: who is signed in, in which role; lock the screen, change the password, sign out. */
export function UserMenu() {
  const t = useT();
  const user = useSession();
  const lock = useLock();
  const signOut = useSignOut();
  const [changing, setChanging] = useState(false);
  const failed = (error: Error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="dark" px="xs" title={t('users.menu.label', { name: user.displayName })} data-testid="user-menu">
            <Group gap={8} wrap="nowrap">
              <Text fw={500} size="sm" data-testid="user-name">
                {user.displayName}
              </Text>
              <Badge size="sm" variant="light" color={ROLE_COLORS[user.role]} data-testid="user-role">
                {t(`users.role.${user.role}`)}
              </Badge>
            </Group>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.username}</Menu.Label>
          <Menu.Item onClick={() => lock.mutate({ reason: 'manual' }, { onError: failed })} rightSection={<Text size="xs" c="dimmed">Ctrl+L</Text>}>
            {t('users.menu.lock')}
          </Menu.Item>
          <Menu.Item onClick={() => setChanging(true)}>{t('users.menu.changePassword')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => signOut.mutate({}, { onError: failed })}>{t('users.menu.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FormModal opened={changing} onClose={() => setChanging(false)} title={t('users.password.title')} centered>
        {changing && <ChangePasswordForm onDone={() => setChanging(false)} />}
      </FormModal>
    </>
  );
}

type PasswordField = 'current' | 'password' | 'confirm';
const PASSWORD_FIELDS: readonly PasswordField[] = ['current', 'password', 'confirm'];

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const user = useSession();
  const [value, setValue] = useState<Record<PasswordField, string>>({ current: '', password: '', confirm: '' });
  useUnsavedGuard(Object.values(value).some((v) => v !== ''));
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const change = useCallMutation('users:changePassword', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.password.changed') });
      onDone();
    },
  });
  const set = (field: PasswordField, text: string) => {
    setValue((v) => ({ ...v, [field]: text }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const problems: Partial<Record<PasswordField, string>> = {};
    if (!value.current) problems.current = t('users.check.passwordRequired');
    const password = passwordProblem(value.password, user.username);
    if (password) problems.password = t(password, MIN_SECRET);
    const confirm = repeatProblem(value.password, value.confirm);
    if (confirm) problems.confirm = t(confirm);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    change.mutate(value, {
      onError: (error) => {
        const found = formErrorsFrom(error, PASSWORD_FIELDS);
        setErrors(found.fields);
        setGeneral(found.general);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput label={t('users.password.current')} value={value.current} onChange={(e) => set('current', e.currentTarget.value)} error={errors.current} autoComplete="current-password" data-autofocus withAsterisk />
        <PasswordInput
          label={t('users.password.new')}
          description={t('users.field.passwordHint', MIN_SECRET)}
          value={value.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          error={errors.password}
          autoComplete="new-password"
          withAsterisk
        />
        <PasswordInput label={t('users.password.confirm')} value={value.confirm} onChange={(e) => set('confirm', e.currentTarget.value)} error={errors.confirm} autoComplete="new-password" withAsterisk />
        {general && <ErrorAlert error={general} />}
        <FormActions onCancel={onDone} saving={change.isPending} submitLabel={t('users.password.submit')} />
      </Stack>
    </form>
  );
}
