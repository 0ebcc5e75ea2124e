import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../shared/contract/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { useCallMutation } from '../../lib/query';
import { AccountFields } from './AccountFields';
import { accountProblems, EMPTY_ACCOUNT, MIN_SECRET, type AccountDraft, type AccountField } from './accountForm';

const FIELDS: readonly AccountField[] = ['username', 'displayName', 'password'];

/**
 * An installation set up by an earlier version has records but no account: before anything else, the person at
 * the computer creates the first administrator (and is signed in as them).
 */
export function CreateAdminScreen({ onCreated }: { onCreated: (view: SessionView) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const create = useCallMutation('users:createFirstAdmin', { onSuccess: (view) => onCreated(view) });

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
    const problems = accountProblems(draft, { repeat: true });
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key, MIN_SECRET)])));
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { username: draft.username, displayName: draft.displayName, password: draft.password },
      {
        onError: (error) => {
          const found = formErrorsFrom(error, FIELDS);
          setErrors(found.fields);
          setGeneral(found.general);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('users.firstAdmin.title')}
          </Title>
          <Text mt="xs">{t('users.firstAdmin.text')}</Text>
        </div>
        <AccountFields value={draft} errors={errors} onChange={change} />
        {general && <ErrorAlert error={general} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('users.firstAdmin.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
