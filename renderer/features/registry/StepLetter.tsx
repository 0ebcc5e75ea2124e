import { Alert, Anchor, Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { formatDateTr } from '../../../shared/turkish';
import { usePreview } from '../../components/DocumentPreview';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';
import { useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { errorMessage, formErrorsFrom, inputErrors } from '../../lib/errors';
import { readFileBase64 } from '../../lib/files';
import { useIdentity } from '../../lib/identity';
import { useCallMutation } from '../../lib/query';
import { useDetailMutation } from './calls';

// A step's official letter after it was signed in EBYS (issue #18): the unit that took the step records the
// sayı and date EBYS gave it, corrects them, and attaches the e-signed PDF; the timeline shows all of it.

type Step = AssociationDetail['history'][number];

const FIELDS = ['letterDate', 'letterNo', 'contentBase64'] as const;

interface Recorded {
  on?: string;
  by?: string | null;
  previous?: { letterDate: string | null; letterNo: string | null };
}

/** Whether this installation's unit records the letter of `step`: its own step, of a kind that has a letter. */
export function useOwnsStepLetter(step: Step): boolean {
  const identity = useIdentity();
  return identity.role !== 'youth-center' && step.actorUnit === identity.unitId && step.kind !== 'RECORD' && step.kind !== 'CLUB_TYPE';
}

/** The signed copy (opened in the print preview) and when the sayı was recorded afterwards, under a timeline step. */
export function StepLetterInfo({ step }: { step: Step }) {
  const t = useT();
  const preview = usePreview();
  const title = t('registry.stepLetter.signedCopy');
  const read = useCallMutation('registry:readAttachment', { onSuccess: (file) => preview.open(file, title) });
  const fail = (error: Error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) });
  const recorded = (step.data.letterRecorded ?? null) as Recorded | null;
  const previous = recorded?.previous ? [formatDateTr(recorded.previous.letterDate), recorded.previous.letterNo].filter(Boolean).join(' / ') : null;
  if (!step.letterFile && !recorded) return null;
  return (
    <Stack gap={0}>
      {step.letterFile && (
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => read.mutate({ id: step.letterFile!.id }, { onError: fail })}>
          {title}: {step.letterFile.fileName}
        </Anchor>
      )}
      {recorded?.on && (
        <Text size="xs" c="dimmed" data-testid="letter-recorded">
          {t('registry.stepLetter.recordedOn', { date: formatDateTr(recorded.on), by: recorded.by ?? '—' })}
          {previous ? ` ${t('registry.stepLetter.previous', { letter: previous })}` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** The button under an own step that opens the form; its label says whether the sayı is still to be recorded. */
export function StepLetterButton({ step, stepTitle }: { step: Step; stepTitle: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const label = step.letterNo ? t('registry.stepLetter.edit') : t('registry.stepLetter.record');
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)} aria-label={`${label}: ${stepTitle}`}>
        {label}
      </Button>
      <FormModal opened={open} onClose={() => setOpen(false)} title={`${label} — ${stepTitle}`} size="lg">
        {open && <StepLetterForm step={step} onClose={() => setOpen(false)} />}
      </FormModal>
    </>
  );
}

interface Values {
  letterDate: string;
  letterNo: string;
  file: File | null;
}

function StepLetterForm({ step, onClose }: { step: Step; onClose: () => void }) {
  const t = useT();
  const record = useDetailMutation('registry:recordStepLetter');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: { letterDate: dateText(step.letterDate), letterNo: step.letterNo ?? '', file: null } });
  useUnsavedGuard(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const own = { ...dates.errors, ...(values.file && !/\.pdf$/i.test(values.file.name) ? { contentBase64: t('registry.stepLetter.pdfOnly') } : {}) };
    const base = { historyId: step.id, letterDate: dates.values.letterDate, letterNo: values.letterNo.trim() };
    // Every problem at once, by the channel's own schema, before the file is read or anything is sent.
    const problems = inputErrors(contract['registry:recordStepLetter'].input, base, FIELDS, { own });
    if (problems) {
      form.setErrors({ ...problems.fields, ...(problems.fields.contentBase64 ? { file: problems.fields.contentBase64 } : {}) });
      setGeneral(problems.general);
      return;
    }
    const file = values.file ? { fileName: values.file.name, contentBase64: await readFileBase64(values.file) } : {};
    record.mutate({ ...base, letterDate: base.letterDate!, ...file }, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: t('registry.stepLetter.savedTitle'), message: t('registry.stepLetter.saved', { no: base.letterNo }) });
        onClose();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors({ letterDate: fields.letterDate, letterNo: fields.letterNo, file: fields.contentBase64 });
        setGeneral(message);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('registry.stepLetter.intro')}</Text>
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('registry.workflow.refused')}>
            {general}
          </Alert>
        )}
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} withAsterisk data-autofocus {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} withAsterisk placeholder="E-12345678-903.07.02-4752" translate="no" {...form.getInputProps('letterNo')} />
        </Group>
        <FileInput
          label={t('registry.stepLetter.file')}
          description={step.letterFile ? t('registry.stepLetter.fileReplaces', { file: step.letterFile.fileName }) : t('registry.stepLetter.fileHelp')}
          accept="application/pdf,.pdf"
          placeholder={t('registry.stepLetter.choose')}
          clearable
          {...form.getInputProps('file')}
        />
        <FormActions onCancel={onClose} saving={record.isPending} mt="sm" />
      </Stack>
    </form>
  );
}
