import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { Interaction, OrganisationDetail } from '../../../shared/contract/directory';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/directory/fields';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { EmptyText } from '../../components/QueryState';
import { useT } from '../../i18n';
import { dateText, todayIso } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useDetailMutation } from './calls';
import { useDirectoryLabels } from './labels';
import { ConfirmModal } from './OrganisationPage';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

type Editing = { mode: 'create' } | { mode: 'edit'; interaction: Interaction } | null;

/** The interaction log: visits, letters, calls, meetings, protocols; each may carry a follow-up task. */
export function InteractionsTab({ o }: { o: OrganisationDetail }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const identity = useIdentity();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Interaction | null>(null);
  const remove = useDetailMutation('directory:removeInteraction');
  const markDone = useMarkDone();

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ mode: 'create' })}>{t('directory.interactions.add')}</Button>
      </Group>
      {markDone.isError && <ErrorAlert error={markDone.error} />}
      {o.interactions.length === 0 ? (
        <EmptyText>{t('directory.interactions.empty')}</EmptyText>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing={8} fz="sm" data-testid="organisation-interactions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('directory.interaction.onDate')}</Table.Th>
                <Table.Th w={160}>{t('directory.interaction.kind')}</Table.Th>
                <Table.Th>{t('directory.interaction.subject')}</Table.Th>
                <Table.Th w={300}>{t('directory.interaction.followUp')}</Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.interactions.map((i) => {
                const mine = i.ownerUnit === identity.unitId;
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTr(i.onDate)}</Table.Td>
                    <Table.Td>{labels.interactionKind(i.kind)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {i.subject}
                      </Text>
                      {(i.letterDate || i.letterNo) && (
                        <Text size="xs" c="dimmed">
                          {t('directory.interaction.letter', { date: formatDateTr(i.letterDate) || t('common.notGiven'), no: i.letterNo ?? t('common.notGiven') })}
                        </Text>
                      )}
                      {i.note && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {i.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <FollowUpCell interaction={i} canClose={mine} onDone={() => markDone.mutate(i)} pending={markDone.isPending && markDone.variables?.id === i.id} />
                    </Table.Td>
                    <Table.Td>
                      {mine && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setEditing({ mode: 'edit', interaction: i })}>
                            {t('directory.contacts.edit')}
                          </Button>
                          <Tooltip label={t('directory.contacts.remove')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(i)} aria-label={t('directory.interaction.removeTitle')}>
                              ×
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing?.mode === 'edit' ? 'directory.interaction.editTitle' : 'directory.interaction.createTitle')} size="lg">
        {editing && (
          <InteractionForm
            key={editing.mode === 'edit' ? editing.interaction.id : 'new'}
            organisationId={o.id}
            interaction={editing.mode === 'edit' ? editing.interaction : undefined}
            onDone={() => setEditing(null)}
          />
        )}
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={t('directory.interaction.removeTitle')}
        text={t('directory.interaction.removeText', { subject: removing?.subject ?? '' })}
        confirmLabel={t('directory.contacts.remove')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
    </Stack>
  );
}

/** The follow-up of an interaction: the task, its due date (red when overdue) and the "done" action. */
export function FollowUpCell({ interaction: i, canClose, onDone, pending }: { interaction: Interaction; canClose: boolean; onDone: () => void; pending: boolean }) {
  const t = useT();
  if (!i.followUp) return <Text size="sm">{t('common.notGiven')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 600 : undefined}>
        {i.followUp}
      </Text>
      <Group gap={6}>
        {i.followUpDoneOn ? (
          <Badge variant="light" color="teal" tt="none">
            {t('directory.interaction.done', { date: formatDateTr(i.followUpDoneOn) })}
          </Badge>
        ) : (
          <>
            {i.followUpDue && (
              <Text size="xs" c={i.overdue ? 'red.8' : 'dimmed'} fw={i.overdue ? 600 : undefined}>
                {t('directory.interaction.due', { date: formatDateTr(i.followUpDue) })}
              </Text>
            )}
            {i.overdue && (
              <Badge variant="filled" color="red" size="sm" tt="none" data-testid="overdue">
                {t('directory.interaction.overdue')}
              </Badge>
            )}
            {canClose && (
              <Button size="compact-xs" variant="default" onClick={onDone} loading={pending} aria-label={t('directory.interaction.markDoneFor', { task: i.followUp })}>
                {t('directory.interaction.markDone')}
              </Button>
            )}
          </>
        )}
      </Group>
    </Stack>
  );
}

/** Closes a follow-up today: the interaction is saved again as it is, with the day it was done. */
export function useMarkDone() {
  const t = useT();
  const save = useDetailMutation('directory:saveInteraction');
  return {
    ...save,
    mutate: (i: Interaction) =>
      save.mutate(
        {
          id: i.id,
          organisationId: i.organisationId,
          kind: i.kind,
          onDate: i.onDate,
          subject: i.subject,
          note: i.note,
          letterDate: i.letterDate,
          letterNo: i.letterNo,
          followUp: i.followUp,
          followUpDue: i.followUpDue,
          followUpDoneOn: todayIso(),
        },
        { onSuccess: () => notifications.show({ color: 'teal', title: t('directory.interaction.doneTitle'), message: i.followUp ?? '' }) },
      ),
  };
}

interface InteractionValues {
  kind: InteractionKind | null;
  onDate: string;
  subject: string;
  note: string;
  letterDate: string;
  letterNo: string;
  followUp: string;
  followUpDue: string;
}

const INTERACTION_FIELDS = ['kind', 'onDate', 'subject', 'note', 'letterDate', 'letterNo', 'followUp', 'followUpDue', 'followUpDoneOn'] as const;

function InteractionForm({ organisationId, interaction, onDone }: { organisationId: string; interaction?: Interaction; onDone: () => void }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const save = useDetailMutation('directory:saveInteraction');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<InteractionValues>({
    mode: 'controlled',
    initialValues: {
      kind: interaction?.kind ?? 'ZIYARET',
      onDate: dateText(interaction?.onDate ?? todayIso()),
      subject: interaction?.subject ?? '',
      note: interaction?.note ?? '',
      letterDate: dateText(interaction?.letterDate),
      letterNo: interaction?.letterNo ?? '',
      followUp: interaction?.followUp ?? '',
      followUpDue: dateText(interaction?.followUpDue),
    },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { onDate: values.onDate, letterDate: values.letterDate, followUpDue: values.followUpDue });
    const taskless = !!dates.values.followUpDue && !values.followUp.trim();
    const own = { ...(taskless ? { followUp: t('directory.interaction.followUpDueNeedsTask') } : {}), ...dates.errors };
    const blank = (v: string) => v.trim() || null;
    const input = {
      ...(interaction ? { id: interaction.id } : {}),
      organisationId,
      kind: values.kind as InteractionKind,
      // An empty date goes to the schema as is: its message lands on the field.
      onDate: dates.values.onDate ?? '',
      subject: values.subject,
      note: blank(values.note),
      letterDate: dates.values.letterDate,
      letterNo: blank(values.letterNo),
      followUp: blank(values.followUp),
      followUpDue: dates.values.followUpDue,
      followUpDoneOn: interaction?.followUpDoneOn ?? null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['directory:saveInteraction'].input, input, INTERACTION_FIELDS, { own });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: t('directory.form.savedTitle'), message: t('directory.interaction.saved') });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, INTERACTION_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('directory.interaction.kind')}
            withAsterisk
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: labels.interactionKind(k) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <DateTextInput label={t('directory.interaction.onDate')} withAsterisk w="auto" {...form.getInputProps('onDate')} />
        </SimpleGrid>
        <TextInput label={t('directory.interaction.subject')} withAsterisk data-autofocus {...form.getInputProps('subject')} />
        <Textarea label={t('directory.interaction.note')} autosize minRows={2} maxRows={8} {...form.getInputProps('note')} />
        <SimpleGrid cols={2} spacing="sm">
          <DateTextInput label={t('directory.interaction.letterDate')} w="auto" {...form.getInputProps('letterDate')} />
          <TextInput label={t('directory.interaction.letterNo')} placeholder="E-12345678-010.99-123" {...form.getInputProps('letterNo')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('directory.interaction.followUp')} placeholder={t('directory.interaction.followUpPlaceholder')} {...form.getInputProps('followUp')} />
          <DateTextInput label={t('directory.interaction.followUpDue')} w="auto" {...form.getInputProps('followUpDue')} />
        </SimpleGrid>
        <FormActions onCancel={onDone} saving={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}
