import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { useT } from '../../i18n';
import { todayIso, dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useDetailMutation } from './calls';

const FIELDS = ['asOf', 'source', 'legalStatus', 'lastGeneralAssemblyOn', 'organsElectedOn', 'organsNotifiedOn', 'declarationYear', 'note'] as const;

/** Dated DERBİS facts ("as of <date>, source: …"), from which the reminders are computed. */
export function SnapshotForm({ associationId, onDone }: { associationId: string; onDone: () => void }) {
  const t = useT();
  const add = useDetailMutation('registry:addSnapshot');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      asOf: dateText(todayIso()),
      source: t('registry.snapshot.defaultSource'),
      legalStatus: t('registry.snapshot.defaultLegalStatus'),
      lastGeneralAssemblyOn: '',
      organsElectedOn: '',
      organsNotifiedOn: '',
      declarationYear: '' as number | string,
      note: '',
    },
  });
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, {
      asOf: values.asOf,
      lastGeneralAssemblyOn: values.lastGeneralAssemblyOn,
      organsElectedOn: values.organsElectedOn,
      organsNotifiedOn: values.organsNotifiedOn,
    });
    const input = {
      associationId,
      asOf: dates.values.asOf ?? '',
      source: values.source,
      legalStatus: values.legalStatus,
      lastGeneralAssemblyOn: dates.values.lastGeneralAssemblyOn,
      organsElectedOn: dates.values.organsElectedOn,
      organsNotifiedOn: dates.values.organsNotifiedOn,
      declarationYear: typeof values.declarationYear === 'number' ? values.declarationYear : null,
      note: values.note.trim() || null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:addSnapshot'].input, input, FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    add.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mb="md">
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={3} spacing="xs">
          <DateTextInput label={t('registry.snapshot.asOf')} withAsterisk w="auto" {...form.getInputProps('asOf')} />
          <TextInput label={t('registry.snapshot.source')} withAsterisk {...form.getInputProps('source')} />
          <TextInput label={t('registry.snapshot.legalStatus')} withAsterisk {...form.getInputProps('legalStatus')} />
          <DateTextInput label={t('registry.snapshot.lastAssembly')} w="auto" {...form.getInputProps('lastGeneralAssemblyOn')} />
          <DateTextInput label={t('registry.snapshot.organsElected')} w="auto" {...form.getInputProps('organsElectedOn')} />
          <DateTextInput label={t('registry.snapshot.organsNotified')} w="auto" {...form.getInputProps('organsNotifiedOn')} />
        </SimpleGrid>
        <Group grow align="flex-start">
          <NumberInput label={t('registry.snapshot.declarationYear')} min={1990} max={2100} allowDecimal={false} {...form.getInputProps('declarationYear')} />
          <Textarea label={t('registry.snapshot.note')} autosize minRows={1} {...form.getInputProps('note')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
