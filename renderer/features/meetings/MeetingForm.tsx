import { ActionIcon, Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { contract } from '../../../shared/contract';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { dayWarning } from '../../../shared/meetings/calendar';
import { FormActions } from '../../components/FormActions';
import { useLanguage, useT } from '../../i18n';
import { checkDateTr, dateText } from '../../lib/dates';
import { errorMessage, formErrorsFrom, inputErrors, keyedText } from '../../lib/errors';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { useMeetingMutation } from './calls';
import { useMeetingLabels } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

export interface PlanPrefill {
  youthCentreId?: string;
  date?: string;
}

const FIELDS = ['youthCentreId', 'date', 'startTime', 'endTime', 'hall', 'chair', 'rapporteur', 'agenda'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Values {
  youthCentreId: string | null;
  date: string;
  startTime: string;
  endTime: string;
  hall: string;
  chair: string;
  rapporteur: string;
  agenda: string[];
}

interface MeetingFormModalProps {
  opened: boolean;
  onClose: () => void;
  prefill?: PlanPrefill;
  /** Editing an existing plan; absent for a new meeting. */
  meeting?: MeetingDetail;
}

/** Plans a new meeting or edits a plan; warns (without refusing) about other meetings in the same hall. */
export function MeetingFormModal({ opened, onClose, prefill = {}, meeting }: MeetingFormModalProps) {
  const t = useT();
  return (
    <FormModal opened={opened} onClose={onClose} title={meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')} size="lg">
      {opened && <MeetingForm prefill={prefill} meeting={meeting} onClose={onClose} />}
    </FormModal>
  );
}

function MeetingForm({ prefill, meeting, onClose }: { prefill: PlanPrefill; meeting?: MeetingDetail; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const labels = useMeetingLabels();
  const identity = useIdentity();
  const plate = meeting?.provincePlate ?? identity.provincePlate;
  const centres = useCall('meetings:venues', {}, { enabled: !!plate && !meeting });
  const create = useMeetingMutation('meetings:create');
  const update = useMeetingMutation('meetings:update');
  const [general, setGeneral] = useState<string | null>(null);
  // A youth centre plans at its own centre only: chosen for it.
  const onlyVenue = identity.role === 'youth-center' && centres.data?.centres.length === 1 ? centres.data.centres[0]!.id : null;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      youthCentreId: meeting?.youthCentreId ?? prefill.youthCentreId ?? null,
      date: dateText(meeting?.date ?? prefill.date ?? null),
      startTime: meeting?.startTime ?? '14:00',
      endTime: meeting?.endTime ?? '16:00',
      hall: meeting?.hall ?? '',
      chair: meeting?.chair ?? '',
      rapporteur: meeting?.rapporteur ?? '',
      agenda: meeting?.agenda.map((a) => a.title) ?? [t('meetings.form.defaultAgenda')],
    },
  });
  useUnsavedGuard(form.isDirty());
  useEffect(() => {
    if (onlyVenue && !form.getValues().youthCentreId) {
      // Chosen for the clerk, not by them: not an unsaved change.
      form.setFieldValue('youthCentreId', onlyVenue);
      form.resetDirty({ ...form.getValues(), youthCentreId: onlyVenue });
    }
  }, [onlyVenue]);

  // The clash check runs on what is typed, a moment after typing stops.
  const [typed] = useDebouncedValue(form.values, 400);
  const typedDate = checkDateTr(typed.date).iso;
  const clashInput = {
    youthCentreId: typed.youthCentreId ?? '',
    hall: typed.hall.trim(),
    date: typedDate ?? '',
    startTime: typed.startTime,
    endTime: typed.endTime,
    ...(meeting ? { excludeId: meeting.id } : {}),
  };
  const clashReady = !!typed.youthCentreId && typed.hall.trim().length >= 2 && !!typedDate && TIME.test(typed.startTime) && TIME.test(typed.endTime);
  const clashes = useCall('meetings:checkClash', clashInput, { enabled: clashReady });

  const pending = create.isPending || update.isPending;
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { date: values.date });
    const plan = {
      date: (dates.ok ? dates.values.date : null) ?? '',
      startTime: values.startTime.trim(),
      endTime: values.endTime.trim(),
      hall: values.hall,
      chair: values.chair.trim() || null,
      rapporteur: values.rapporteur.trim() || null,
      agenda: values.agenda.map((a) => a.trim()).filter(Boolean),
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = meeting
      ? inputErrors(contract['meetings:update'].input, { id: meeting.id, ...plan }, FIELDS, { own: dates.errors })
      : inputErrors(contract['meetings:create'].input, { youthCentreId: values.youthCentreId ?? '', ...plan }, FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    const onError = (error: Error) => {
      const { fields, general: message } = formErrorsFrom(error, FIELDS);
      form.setErrors(fields);
      setGeneral(message);
    };
    if (meeting) {
      update.mutate(
        { id: meeting.id, ...plan },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('meetings.form.saved') });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { youthCentreId: values.youthCentreId ?? '', ...plan },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'teal', message: t('meetings.form.created', { centre: saved.youthCentreName, date: formatDateTr(saved.date) }) });
            onClose();
            navigate('meetings', saved.id);
          },
          onError,
        },
      );
    }
  });

  const agendaError = form.errors.agenda;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('meetings.form.refused')}>
            {general}
          </Alert>
        )}
        {meeting ? (
          <Text fw={600}>{meeting.youthCentreName}</Text>
        ) : (
          <Select
            label={t('meetings.field.youthCentre')}
            withAsterisk
            searchable
            filter={turkishOptionsFilter}
            data={(centres.data?.centres ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.districtName})` }))}
            nothingFoundMessage={centres.isError ? errorMessage(centres.error) : centres.data?.note ? keyedText(centres.data.note, language) : t('meetings.form.noCentres')}
            {...form.getInputProps('youthCentreId')}
          />
        )}
        <Group align="flex-start" grow>
          <DateTextInput label={t('meetings.field.date')} withAsterisk {...form.getInputProps('date')} />
          <TextInput label={t('meetings.field.startTime')} withAsterisk placeholder="14:00" maxLength={5} {...form.getInputProps('startTime')} />
          <TextInput label={t('meetings.field.endTime')} withAsterisk placeholder="16:00" maxLength={5} {...form.getInputProps('endTime')} />
        </Group>
        <TextInput label={t('meetings.field.hall')} withAsterisk placeholder={t('meetings.form.hallPlaceholder')} {...form.getInputProps('hall')} />
        <DayWarningNote iso={typedDate} />
        {clashReady && clashes.data && clashes.data.length > 0 && (
          <Alert color="yellow" variant="light" title={t('meetings.clash.title')} data-testid="clash-warning">
            <Stack gap={2}>
              {clashes.data.map((c) => (
                <Text key={c.meetingId} size="sm">
                  {t('meetings.clash.item', { date: formatDateTr(c.date), start: c.startTime, end: c.endTime, hall: c.hall, state: labels.state(c.state) })}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {t('meetings.clash.notBlocking')}
              </Text>
            </Stack>
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('meetings.field.chair')} {...form.getInputProps('chair')} />
          <TextInput label={t('meetings.field.rapporteur')} {...form.getInputProps('rapporteur')} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('meetings.field.agenda')}
          </Text>
          {form.values.agenda.map((_, i) => (
            <Group key={i} gap={4} wrap="nowrap" align="flex-start">
              <Text size="sm" w={24} pt={6} ta="right">
                {i + 1}.
              </Text>
              <TextInput style={{ flex: 1 }} aria-label={t('meetings.form.agendaItem', { n: i + 1 })} {...form.getInputProps(`agenda.${i}`)} />
              <ActionIcon variant="default" size="lg" disabled={i === 0} onClick={() => form.reorderListItem('agenda', { from: i, to: i - 1 })} aria-label={t('meetings.form.moveUp', { n: i + 1 })}>
                ↑
              </ActionIcon>
              <ActionIcon variant="default" size="lg" disabled={i === form.values.agenda.length - 1} onClick={() => form.reorderListItem('agenda', { from: i, to: i + 1 })} aria-label={t('meetings.form.moveDown', { n: i + 1 })}>
                ↓
              </ActionIcon>
              <ActionIcon variant="default" color="red" size="lg" onClick={() => form.removeListItem('agenda', i)} aria-label={t('meetings.form.removeItem', { n: i + 1 })}>
                ×
              </ActionIcon>
            </Group>
          ))}
          {typeof agendaError === 'string' && (
            <Text size="xs" c="red" role="alert">
              {agendaError}
            </Text>
          )}
          <Group>
            <Button size="xs" variant="light" onClick={() => form.insertListItem('agenda', '')} disabled={form.values.agenda.length >= 30}>
              {t('meetings.form.addItem')}
            </Button>
          </Group>
        </Stack>
        <FormActions onCancel={onClose} saving={pending} submitLabel={meeting ? t('common.save') : t('meetings.form.create')} mt="sm" />
      </Stack>
    </form>
  );
}

/**
 * A weekend, a public holiday (fixed or religious) or a holiday's eve: a warning, or a refusal where the ministry's
 * plausibility policy says so (shared/plausibility.ts; the server applies the same rule).
 */
function DayWarningNote({ iso }: { iso: string | null }) {
  const t = useT();
  const language = useLanguage();
  const policy = useCall('registry:getPolicy', {});
  const warning = iso ? dayWarning(iso) : null;
  if (!warning) return null;
  const refused = policy.data?.plausibility.nonWorkingDay === 'refuse';
  const text =
    warning.kind === 'weekend'
      ? t(warning.saturday ? 'meetings.form.saturday' : 'meetings.form.sunday')
      : t(warning.kind === 'eve' ? 'meetings.form.eve' : 'meetings.form.holiday', { name: warning.holiday[language] });
  return (
    <Alert color={refused ? 'red' : 'yellow'} variant="light" data-testid="day-warning">
      {text} {t(refused ? 'meetings.form.dayRefused' : 'meetings.form.daySaves')}
    </Alert>
  );
}
