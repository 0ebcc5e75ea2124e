import { Alert, Badge, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { MEETING_ACTIONS, missingMeetingStepInput, type MeetingAction } from '../../../shared/meetings/fields';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n';
import { todayIso, dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useMeetingMutation } from './calls';
import { STATE_COLOURS, useMeetingLabels } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

const FIELDS = ['letterDate', 'letterNo', 'reason', 'date', 'startTime', 'endTime'] as const;

interface Values {
  letterDate: string;
  letterNo: string;
  reason: string;
  date: string;
  startTime: string;
  endTime: string;
}

/** Confirms one step of the meeting workflow, asking for what the step needs (letter, reason, new date). */
export function ActionDialog({ meeting, action, onClose }: { meeting: MeetingDetail; action: MeetingAction | null; onClose: () => void }) {
  const labels = useMeetingLabels();
  return (
    <FormModal opened={action !== null} onClose={onClose} title={action ? labels.action(action) : ''} size="md">
      {action && <ActionForm key={action} meeting={meeting} action={action} onClose={onClose} />}
    </FormModal>
  );
}

function ActionForm({ meeting, action, onClose }: { meeting: MeetingDetail; action: MeetingAction; onClose: () => void }) {
  const t = useT();
  const labels = useMeetingLabels();
  const transition = useMeetingMutation('meetings:transition');
  const [general, setGeneral] = useState<string | null>(null);
  const spec = MEETING_ACTIONS[action];
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { letterDate: action === 'invite' ? dateText(todayIso()) : '', letterNo: '', reason: '', date: '', startTime: meeting.startTime, endTime: meeting.endTime },
  });
  useUnsavedGuard(form.isDirty());
  const needsLetter = spec.requires.includes('letterNo');
  const needsReason = spec.requires.includes('reason');
  const needsDate = spec.requires.includes('date');

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate, date: values.date });
    const input = {
      id: meeting.id,
      action,
      ...(needsLetter ? { letterDate: dates.values.letterDate, letterNo: values.letterNo.trim() || null } : {}),
      ...(needsReason ? { reason: values.reason.trim() || null } : {}),
      ...(needsDate ? { date: dates.values.date, startTime: values.startTime.trim() || null, endTime: values.endTime.trim() || null } : {}),
    };
    // Every problem at once, by the channel's schema and what the step requires, before anything is sent.
    const problems = inputErrors(contract['meetings:transition'].input, input, FIELDS, { own: dates.errors, rules: missingMeetingStepInput(action, input) });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    transition.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('meetings.actionDone', { state: labels.state(saved.state) }) });
        onClose();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={STATE_COLOURS[meeting.state]} variant="light" tt="none">
            {labels.state(meeting.state)}
          </Badge>
          <Text size="sm" aria-hidden>
            →
          </Text>
          <Badge color={STATE_COLOURS[spec.to]} variant="light" tt="none">
            {labels.state(spec.to)}
          </Badge>
        </Group>
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('meetings.form.refused')}>
            {general}
          </Alert>
        )}
        {needsLetter && (
          <Group grow align="flex-start">
            <DateTextInput label={t('meetings.field.letterDate')} withAsterisk {...form.getInputProps('letterDate')} />
            <TextInput label={t('meetings.field.letterNo')} withAsterisk placeholder="E-12345678-000-0000" data-autofocus {...form.getInputProps('letterNo')} />
          </Group>
        )}
        {needsDate && (
          <Group grow align="flex-start">
            <DateTextInput label={t('meetings.field.newDate')} withAsterisk data-autofocus {...form.getInputProps('date')} />
            <TextInput label={t('meetings.field.startTime')} maxLength={5} {...form.getInputProps('startTime')} />
            <TextInput label={t('meetings.field.endTime')} maxLength={5} {...form.getInputProps('endTime')} />
          </Group>
        )}
        {needsReason && <Textarea label={t('meetings.field.reason')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />}
        {action === 'hold' && <Text size="sm">{t('meetings.holdText')}</Text>}
        <FormActions onCancel={onClose} saving={transition.isPending} submitLabel={labels.action(action)} submitColor={action === 'cancel' ? 'red' : action === 'postpone' ? 'orange' : undefined} mt="sm" />
      </Stack>
    </form>
  );
}
