import { Alert, Badge, Button, Group, NumberInput, Paper, PasswordInput, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { USER_ROLES, type UserRole, type UserRow } from '../../../shared/contract/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { dateTimeTr } from '../../lib/dates';
import { formErrorsFrom } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { useSession } from '../../lib/session';
import { AccessLogSection } from './AccessLogSection';
import { AccountFields } from './AccountFields';
import { accountProblems, EMPTY_ACCOUNT, MIN_SECRET, passwordProblem, repeatProblem, type AccountDraft, type AccountField } from './accountForm';
import { showSession, useSessionView } from './session';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

/** Channels an account change makes stale (the session too: an administrator may change their own account). */
const ACCOUNT_READS = ['users:list', 'users:accessLog', 'users:session'] as const;

/**
 * The accounts of this installation, for administrators (Settings): who may sign in with which role, the
 * idle-lock time, and the access log.
 */
export function UsersSection() {
  return (
    <>
      <AccountsPanel />
      <AccessLogSection />
    </>
  );
}

function AccountsPanel() {
  const t = useT();
  const users = useCall('users:list', {});
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-users">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id="settings-users">
            {t('users.admin.title')}
          </Title>
          <Button onClick={() => setAdding(true)} data-shortcut="new" aria-keyshortcuts="Control+N">{t('users.admin.add')}</Button>
        </Group>
        <Text size="sm">{t('users.admin.intro')}</Text>
        <QueryState query={users}>{(list) => <AccountsTable users={list} onReset={setResetting} />}</QueryState>
        <IdleSetting />
      </Stack>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('users.add.title')} size="lg">
        {adding && <AddUserForm onDone={() => setAdding(false)} />}
      </FormModal>
      <FormModal opened={resetting !== null} onClose={() => setResetting(null)} title={t('users.reset.title', { name: resetting?.displayName ?? '' })}>
        {resetting && <ResetPasswordForm user={resetting} onDone={() => setResetting(null)} />}
      </FormModal>
    </Paper>
  );
}

function AccountsTable({ users, onReset }: { users: UserRow[]; onReset: (user: UserRow) => void }) {
  const t = useT();
  const me = useSession();
  const update = useCallMutation('users:update', { invalidates: ACCOUNT_READS });
  const roleOptions = USER_ROLES.map((role) => ({ value: role, label: t(`users.role.${role}`) }));
  return (
    <Stack gap="xs">
      {update.isError && <ErrorAlert error={update.error} />}
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} fz="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.admin.user')}</Table.Th>
              <Table.Th w={150}>{t('users.admin.role')}</Table.Th>
              <Table.Th>{t('users.admin.lastSignIn')}</Table.Th>
              <Table.Th>{t('users.admin.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row">
                <Table.Td>
                  <Text fw={500} size="sm">
                    {u.displayName}
                    {u.id === me.id && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        {t('users.admin.you')}
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {u.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={roleOptions}
                    value={u.role}
                    allowDeselect={false}
                    aria-label={t('users.admin.roleOf', { name: u.displayName })}
                    onChange={(role) => role && role !== u.role && update.mutate({ id: u.id, role: role as UserRole })}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.lastSignInAt ? dateTimeTr(u.lastSignInAt) : t('users.admin.never')}</Table.Td>
                <Table.Td>
                  <AccountState user={u} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => onReset(u)} aria-label={`${t('users.admin.reset')}: ${u.displayName}`} title={t('users.admin.resetFor', { name: u.displayName })}>
                      {t('users.admin.reset')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant={u.disabledAt ? 'light' : 'subtle'}
                      color={u.disabledAt ? 'teal' : 'red'}
                      onClick={() => update.mutate({ id: u.id, disabled: !u.disabledAt })}
                      aria-label={t(u.disabledAt ? 'users.admin.enableFor' : 'users.admin.disableFor', { name: u.displayName })}
                    >
                      {t(u.disabledAt ? 'users.admin.enable' : 'users.admin.disable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function AccountState({ user }: { user: UserRow }) {
  const t = useT();
  if (user.disabledAt) {
    return (
      <Badge color="gray" variant="light" tt="none">
        {t('users.state.disabled')}
      </Badge>
    );
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
    return (
      <Badge color="orange" variant="light" tt="none">
        {t('users.state.waiting', { until: dateTimeTr(user.lockedUntil) })}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" tt="none">
      {t('users.state.active')}
    </Badge>
  );
}

type NewUserField = AccountField | 'role';
const NEW_USER_FIELDS: readonly NewUserField[] = ['username', 'displayName', 'password', 'role'];
const NEW_USER_PATHS: Partial<Record<NewUserField, string>> = { username: 'account.username', displayName: 'account.displayName', password: 'account.password' };

function AddUserForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [role, setRole] = useState<UserRole>('specialist');
  useUnsavedGuard(role !== 'specialist' || Object.values(draft).some((v) => v !== ''));
  const [errors, setErrors] = useState<Partial<Record<NewUserField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const create = useCallMutation('users:create', {
    invalidates: ACCOUNT_READS,
    onSuccess: (user) => {
      notifications.show({ color: 'teal', message: t('users.add.done', { name: user.displayName, username: user.username }) });
      onDone();
    },
  });
  const change = (patch: Partial<AccountDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as AccountField[]) delete next[key];
      return next;
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const problems = accountProblems(draft, { repeat: false });
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key, MIN_SECRET)])));
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { account: { username: draft.username, displayName: draft.displayName, password: draft.password }, role },
      {
        onError: (error) => {
          const found = formErrorsFrom(error, NEW_USER_FIELDS, NEW_USER_PATHS);
          setErrors(found.fields);
          setGeneral(found.general);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <AccountFields value={draft} errors={errors} onChange={change} withRepeat={false} passwordLabel={t('users.add.password')} passwordHint={t('users.add.passwordHint', MIN_SECRET)} />
        <Radio.Group label={t('users.admin.role')} value={role} onChange={(v) => setRole(v as UserRole)} error={errors.role} withAsterisk>
          <Stack gap="xs" mt="xs">
            {USER_ROLES.map((r) => (
              <Radio key={r} value={r} label={t(`users.role.${r}`)} description={t(`users.roleHint.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {general && <ErrorAlert error={general} />}
        <FormActions onCancel={onDone} saving={create.isPending} submitLabel={t('users.add.submit')} />
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState({ password: '', repeat: '' });
  useUnsavedGuard(draft.password !== '' || draft.repeat !== '');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const reset = useCallMutation('users:resetPassword', {
    invalidates: ACCOUNT_READS,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.reset.done', { name: user.displayName }) });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const password = passwordProblem(draft.password, user.username);
    const repeat = repeatProblem(draft.password, draft.repeat);
    setErrors({ ...(password ? { password: t(password, MIN_SECRET) } : {}), ...(repeat ? { repeat: t(repeat) } : {}) });
    if (password || repeat) return;
    reset.mutate(
      { id: user.id, password: draft.password },
      {
        onError: (error) => {
          const found = formErrorsFrom(error, ['password'] as const);
          setErrors(found.fields);
          setGeneral(found.general);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('users.reset.text', { name: user.displayName })}</Text>
        <PasswordInput
          label={t('users.reset.password')}
          description={t('users.add.passwordHint', MIN_SECRET)}
          value={draft.password}
          onChange={(e) => setDraft((d) => ({ ...d, password: e.currentTarget.value }))}
          error={errors.password}
          autoComplete="new-password"
          data-autofocus
          withAsterisk
        />
        <PasswordInput
          label={t('users.field.repeat')}
          value={draft.repeat}
          onChange={(e) => setDraft((d) => ({ ...d, repeat: e.currentTarget.value }))}
          error={errors.repeat}
          autoComplete="new-password"
          withAsterisk
        />
        {general && <ErrorAlert error={general} />}
        <FormActions onCancel={onDone} saving={reset.isPending} submitLabel={t('users.reset.submit')} />
      </Stack>
    </form>
  );
}

function IdleSetting() {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSessionView();
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const save = useCallMutation('users:setIdleMinutes', {
    invalidates: ['users:accessLog'],
    onSuccess: (view) => {
      showSession(queryClient, view);
      setMinutes(null);
      notifications.show({ color: 'teal', message: view.idleMinutes === 0 ? t('users.idle.savedNever') : t('users.idle.saved', { minutes: view.idleMinutes }) });
    },
  });
  const current = session.data?.idleMinutes ?? 0;
  const value = minutes ?? current;
  const issue = formErrorsFrom(save.error, ['minutes'] as const);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ minutes: Number(value) });
      }}
    >
      <Group align="flex-end" gap="sm" mt="sm">
        <NumberInput
          label={t('users.idle.label')}
          description={t('users.idle.hint')}
          value={value}
          onChange={setMinutes}
          min={0}
          max={120}
          allowDecimal={false}
          allowNegative={false}
          w={420}
          error={save.isError ? (issue.fields.minutes ?? issue.general) : undefined}
        />
        <Button type="submit" variant="default" loading={save.isPending} disabled={Number(value) === current}>
          {t('common.save')}
        </Button>
      </Group>
      {current === 0 && (
        <Alert color="orange" variant="light" mt="sm">
          {t('users.idle.neverWarning')}
        </Alert>
      )}
    </form>
  );
}
