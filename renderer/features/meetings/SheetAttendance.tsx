import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { callKey, useCallMutation } from '../../lib/query';
import { MEETING_READS } from './calls';

const FIELDS = ['code', 'rows'] as const;

/**
 * The printed attendance sheet back into data (issue #18): the list code at its top and the numbers of the rows
 * that were signed. Only marks people present; the same sheet entered twice changes nothing.
 */
export function SheetAttendanceButton({ m }: { m: MeetingDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { code: '', rows: '' } });
  const [general, setGeneral] = useState<string | null>(null);
  const enter = useCallMutation('meetings:attendanceFromSheet', {
    invalidates: MEETING_READS.filter((c) => c !== 'meetings:get'),
    onSuccess: (result) => {
      queryClient.setQueryData(callKey('meetings:get', { id: m.id }), result.meeting);
      notifications.show({ color: 'teal', message: t('meetings.sheet.done', { marked: result.marked, already: result.already }) });
      setOpen(false);
      form.reset();
    },
  });
  const close = () => {
    setOpen(false);
    setGeneral(null);
    form.clearErrors();
  };
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const input = { meetingId: m.id, ...values };
    const problems = inputErrors(contract['meetings:attendanceFromSheet'].input, input, FIELDS);
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    enter.mutate(input, {
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('meetings.sheet.open')}
      </Button>
      <Modal opened={open} onClose={close} title={t('meetings.sheet.title')} size="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('meetings.sheet.intro')}</Text>
            {general && (
              <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
                {general}
              </Alert>
            )}
            <TextInput label={t('meetings.sheet.code')} placeholder="04DD94-UPR0B" data-autofocus withAsterisk {...form.getInputProps('code')} />
            <TextInput label={t('meetings.sheet.rows')} placeholder="1, 3, 5-8" description={t('meetings.sheet.rowsHelp')} withAsterisk {...form.getInputProps('rows')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={enter.isPending}>
                {t('meetings.sheet.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
