import { Alert, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { Person } from '../../../shared/contract/registry';
import { formatPhone } from '../../../shared/identifiers';
import { PERSON_KINDS, type PersonKind } from '../../../shared/registry/fields';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useDetailMutation } from './calls';
import { useRegistryLabels } from './labels';
import { useUnsavedGuard } from '../../components/FormModal';

const FIELDS = ['kind', 'membership', 'role', 'fullName', 'tcKimlikNo', 'phone', 'email', 'profession', 'certificateNo', 'termStart', 'termEnd'] as const;
const BOARDS: PersonKind[] = ['YONETIM', 'DENETIM'];

interface Values {
  kind: PersonKind;
  membership: 'ASIL' | 'YEDEK';
  role: string;
  fullName: string;
  tcKimlikNo: string;
  phone: string;
  email: string;
  profession: string;
  certificateNo: string;
  termStart: string;
  termEnd: string;
}

export function PersonForm({ associationId, person, onDone }: { associationId: string; person?: Person; onDone: () => void }) {
  const t = useT();
  const labels = useRegistryLabels();
  const save = useDetailMutation('registry:savePerson');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: person?.kind ?? 'YONETIM',
      membership: person?.membership ?? 'ASIL',
      role: person?.role ?? '',
      fullName: person?.fullName ?? '',
      // A stored TC Kimlik No is never sent to the screen; an empty field on edit keeps it.
      tcKimlikNo: '',
      phone: formatPhone(person?.phone),
      email: person?.email ?? '',
      profession: person?.profession ?? '',
      certificateNo: person?.certificateNo ?? '',
      termStart: dateText(person?.termStart),
      termEnd: dateText(person?.termEnd),
    },
  });
  useUnsavedGuard(form.isDirty());
  const board = BOARDS.includes(form.values.kind);

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { termStart: values.termStart, termEnd: values.termEnd });
    const tc = values.tcKimlikNo.replace(/\s/g, '');
    const input = {
      associationId,
      ...(person ? { id: person.id } : {}),
      kind: values.kind,
      membership: board ? values.membership : null,
      role: values.role.trim() || null,
      fullName: values.fullName,
      ...(tc || !person ? { tcKimlikNo: tc || null } : {}),
      phone: values.phone.trim() || null,
      email: values.email.trim() || null,
      profession: values.profession.trim() || null,
      certificateNo: values.certificateNo.trim() || null,
      termStart: dates.ok ? dates.values.termStart : null,
      termEnd: dates.ok ? dates.values.termEnd : null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:savePerson'].input, input, FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    save.mutate(
      input,
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('registry.person.saved', { name: values.fullName.trim() }) });
          onDone();
        },
        onError: (error) => {
          const { fields, general: message } = formErrorsFrom(error, FIELDS);
          form.setErrors(fields);
          setGeneral(message);
        },
      },
    );
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
            label={t('registry.person.kind')}
            data={PERSON_KINDS.map((k) => ({ value: k, label: labels.personKind(k) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('kind')}
          />
          {board ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="membership-label">
                {t('registry.person.membership')}
              </Text>
              <SegmentedControl
                aria-labelledby="membership-label"
                data={[
                  { value: 'ASIL', label: t('registry.person.asil') },
                  { value: 'YEDEK', label: t('registry.person.yedek') },
                ]}
                {...form.getInputProps('membership')}
              />
            </Stack>
          ) : (
            <TextInput label={t('registry.person.certificateNo')} {...form.getInputProps('certificateNo')} />
          )}
        </SimpleGrid>
        <TextInput label={t('registry.person.fullName')} withAsterisk data-autofocus {...form.getInputProps('fullName')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('registry.person.role')} placeholder={t('registry.person.rolePlaceholder')} {...form.getInputProps('role')} />
          <TextInput
            label={t('registry.person.tc')}
            inputMode="numeric"
            maxLength={11}
            autoComplete="off"
            placeholder={person?.tcMasked ?? undefined}
            description={person?.tcMasked ? t('registry.person.tcKeep') : t('registry.person.tcHint')}
            {...form.getInputProps('tcKimlikNo')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('registry.field.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('registry.field.email')} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <SimpleGrid cols={board ? 3 : 3} spacing="sm">
          <TextInput label={t('registry.person.profession')} {...form.getInputProps('profession')} />
          <DateTextInput label={t('registry.person.termStart')} w="auto" {...form.getInputProps('termStart')} />
          <DateTextInput label={t('registry.person.termEnd')} w="auto" {...form.getInputProps('termEnd')} />
        </SimpleGrid>
        <FormActions onCancel={onDone} saving={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}
