import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../shared/contract/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCallMutation } from '../../lib/query';

type LockedUser = NonNullable<SessionView['lockedUser']>;
type Field = 'username' | 'password';
const FIELDS: readonly Field[] = ['username', 'password'];

interface SignInFormProps {
  /** Who locked the screen: offered first, with a way to sign in as someone else. */
  lockedUser: LockedUser | null;
  onSignedIn: (view: SessionView) => void;
  titleId: string;
}

/** The sign-in screen and the lock screen: a user name (or the user who locked it) and a password. */
export function SignInForm({ lockedUser, onSignedIn, titleId }: SignInFormProps) {
  const t = useT();
  const identity = useIdentity();
  const [other, setOther] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const signIn = useCallMutation('users:signIn', { onSuccess: (view) => onSignedIn(view) });
  const locked = lockedUser !== null && !other;
  const server = signIn.error ? formErrorsFrom(signIn.error, FIELDS) : null;
  const errors = { ...server?.fields, ...missing };

  const switchUser = (toOther: boolean) => {
    setOther(toOther);
    setUsername('');
    setPassword('');
    setMissing({});
    signIn.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = locked ? lockedUser.username : username.trim();
    const absent: Partial<Record<Field, string>> = {};
    if (!name) absent.username = t('users.check.usernameRequired');
    if (!password) absent.password = t('users.check.passwordRequired');
    setMissing(absent);
    if (Object.keys(absent).length > 0) return;
    signIn.mutate({ username: name, password });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" id={titleId}>
            {t(locked ? 'users.lock.title' : 'users.signIn.title')}
          </Title>
          <Text mt="xs">{locked ? t('users.lock.text', { name: lockedUser.displayName }) : t('users.signIn.text', { unit: identity.unitName })}</Text>
        </div>
        {locked ? (
          <Paper withBorder radius="md" p="sm" data-testid="locked-user">
            <Text fw={600}>{lockedUser.displayName}</Text>
            <Text size="sm" c="dimmed">
              {lockedUser.username}
            </Text>
          </Paper>
        ) : (
          <TextInput
            label={t('users.field.username')}
            value={username}
            onChange={(e) => {
              setUsername(e.currentTarget.value);
              if (signIn.isError) signIn.reset();
            }}
            error={errors.username}
            autoComplete="username"
            spellCheck={false}
            data-autofocus
            autoFocus
          />
        )}
        <PasswordInput
          label={t('users.field.password')}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            if (signIn.isError) signIn.reset();
          }}
          error={errors.password}
          autoComplete="current-password"
          data-autofocus={locked || undefined}
          autoFocus={locked}
        />
        {server?.general && <ErrorAlert error={server.general} />}
        {lockedUser && other && (
          <Alert color="orange" variant="light">
            {t('users.lock.otherWarning', { name: lockedUser.displayName })}
          </Alert>
        )}
        <Group justify="space-between">
          {lockedUser ? (
            <Anchor component="button" type="button" size="sm" onClick={() => switchUser(!other)}>
              {other ? t('users.lock.backTo', { name: lockedUser.displayName }) : t('users.lock.other')}
            </Anchor>
          ) : (
            <span />
          )}
          <Button type="submit" loading={signIn.isPending}>
            {t(locked ? 'users.lock.unlock' : 'users.signIn.submit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('users.signIn.forgot')}
        </Text>
      </Stack>
    </form>
  );
}
