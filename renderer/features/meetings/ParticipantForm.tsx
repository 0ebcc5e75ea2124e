import { Alert, Autocomplete, Badge, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { contract } from '../../../shared/contract';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../shared/meetings/fields';
import { useT } from '../../i18n';
import { errorMessage, formErrorsFrom, inputErrors, type FormErrors } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { useMeetingMutation } from './calls';
import { useMeetingLabels } from './labels';

export interface OrganisationChoice {
  organisationId: string | null;
  organisationName: string;
}

interface PickerOption {
  label: string;
  id: string;
  registryOnly: boolean;
}

/**
 * An organisation from the directory (searched as typed, Turkish-insensitive) or, failing that, free text.
 * Registered associations that have no directory record yet are offered too, marked as the registry's (issue
 * #17); picking one adds it to the directory (`directory:addFromRegistry`, which returns the record that
 * already names it if there is one), so the meeting refers to a directory organisation, never to free text.
 */
export function OrganisationInput({ value, onChange, label, error }: { value: OrganisationChoice; onChange: (v: OrganisationChoice) => void; label: string; error?: string }) {
  const t = useT();
  const [query] = useDebouncedValue(value.organisationName.trim(), 300);
  const found = useCall('directory:search', { query, limit: 20, withRegistry: true }, { enabled: query.length >= 2 });
  const addFromRegistry = useCallMutation('directory:addFromRegistry', { invalidates: ['directory:search', 'directory:checkDuplicates', 'meetings:suggestInvitees'] });
  // The text as last typed or picked: a link that answers after the clerk typed on must not overwrite it.
  const latest = useRef(value.organisationName);
  latest.current = value.organisationName;
  const options = useMemo(() => {
    // One option per label, a directory record before a same-named association only the registry holds.
    const byLabel = new Map<string, PickerOption>();
    for (const r of found.data?.rows ?? []) {
      const text = `${r.name} (${r.provinceName})`;
      if (!byLabel.has(text)) byLabel.set(text, { label: text, id: r.id, registryOnly: Boolean(r.registryOnly) });
    }
    return [...byLabel.values()];
  }, [found.data]);
  const pick = (text: string) => {
    const match = options.find((o) => o.label === text);
    if (!match?.registryOnly) {
      onChange(match ? { organisationId: match.id, organisationName: text } : { organisationId: null, organisationName: text });
      return;
    }
    onChange({ organisationId: null, organisationName: text });
    addFromRegistry.mutate(
      { associationId: match.id },
      {
        onSuccess: (saved) => {
          if (latest.current === text) onChange({ organisationId: saved.id, organisationName: `${saved.name} (${saved.provinceName})` });
        },
      },
    );
  };
  const description = value.organisationId
    ? t('meetings.participant.fromDirectory')
    : addFromRegistry.isPending
      ? t('meetings.participant.linking')
      : value.organisationName.trim()
        ? t('meetings.participant.freeText')
        : undefined;
  return (
    <Autocomplete
      label={label}
      description={description}
      data={options.map((o) => o.label)}
      value={value.organisationName}
      error={error ?? (addFromRegistry.isError ? errorMessage(addFromRegistry.error) : undefined)}
      filter={({ options: o }) => o}
      renderOption={({ option }) => {
        const registryOnly = options.find((o) => o.label === option.value)?.registryOnly;
        return (
          <Group gap={6} wrap="nowrap" data-registry-only={registryOnly ? 'true' : undefined}>
            <span>{option.value}</span>
            {registryOnly && (
              <Badge size="xs" variant="light" color="blue" tt="none">
                {t('meetings.participant.fromRegistry')}
              </Badge>
            )}
          </Group>
        );
      }}
      onChange={pick}
    />
  );
}

const FIELDS = ['kind', 'fullName', 'title', 'organisationName', 'organisationId', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
// The one participant this form adds is the call's first.
const PATHS = Object.fromEntries(FIELDS.map((f) => [f, `participants.0.${f}`])) as Record<Field, string>;

/** The channel's fields as this form shows them: both organisation fields at the one organisation input. */
function shownErrors(fields: Partial<Record<Field, string>>) {
  const { organisationName, organisationId, ...rest } = fields;
  const organisation = organisationName ?? organisationId;
  return organisation ? { ...rest, organisation } : rest;
}

interface Values {
  kind: ParticipantKind | null;
  fullName: string;
  title: string;
  organisation: OrganisationChoice;
  phone: string;
  email: string;
}

/** Adds one person by hand: an invitee, or (on a held meeting) a walk-in who came without an invitation. */
export function ParticipantForm({ m, mode }: { m: MeetingDetail; mode: 'invitee' | 'walkIn' }) {
  const t = useT();
  const labels = useMeetingLabels();
  const save = useMeetingMutation('meetings:saveParticipants');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: { kind: 'STK', fullName: '', title: '', organisation: { organisationId: null, organisationName: '' }, phone: '', email: '' } });
  const submit = form.onSubmit((v) => {
    setGeneral(null);
    const input = {
      meetingId: m.id,
      participants: [
        {
          kind: v.kind as ParticipantKind,
          fullName: v.fullName,
          title: v.title.trim() || null,
          organisationId: v.organisation.organisationId,
          organisationName: v.organisation.organisationId ? null : v.organisation.organisationName.trim() || null,
          invited: mode === 'invitee',
          attended: mode === 'walkIn',
          walkIn: mode === 'walkIn',
          phone: v.phone.trim() || null,
          email: v.email.trim() || null,
        },
      ],
    };
    const show = ({ fields, general: message }: FormErrors<Field>) => {
      form.setErrors(shownErrors(fields));
      setGeneral(message);
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['meetings:saveParticipants'].input, input, FIELDS, { paths: PATHS });
    if (problems) {
      show(problems);
      return;
    }
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t(mode === 'walkIn' ? 'meetings.participant.walkInAdded' : 'meetings.participant.added', { name: v.fullName.trim() }) });
        form.reset();
      },
      onError: (error) => show(formErrorsFrom(error, FIELDS, PATHS)),
    });
  });
  const title = mode === 'walkIn' ? t('meetings.participant.walkInTitle') : t('meetings.participant.addTitle');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {title}
          </Title>
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select label={t('meetings.participant.kind')} withAsterisk data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} allowDeselect={false} {...form.getInputProps('kind')} />
            <TextInput label={t('meetings.participant.fullName')} withAsterisk {...form.getInputProps('fullName')} />
            <TextInput label={t('meetings.participant.title')} {...form.getInputProps('title')} />
          </Group>
          <Group grow align="flex-start">
            <OrganisationInput
              label={t('meetings.participant.organisation')}
              value={form.values.organisation}
              onChange={(v) => form.setFieldValue('organisation', v)}
              error={form.errors.organisation as string | undefined}
            />
            <TextInput label={t('meetings.participant.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('meetings.participant.email')} {...form.getInputProps('email')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {mode === 'walkIn' ? t('meetings.participant.addWalkIn') : t('meetings.participant.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
