import { Alert, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import { YOUTH_CENTRE_STATUSES, type YouthCentre } from '../../../shared/contract/orgUnits';
import { formatPhone } from '../../../shared/identifiers';
import { DistrictSelect } from '../../components/DistrictSelect';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useIdentity } from '../../lib/identity';
import { useCreateYouthCentre, useUpdateYouthCentre } from './youthCentreCalls';
import { FormActions } from '../../components/FormActions';
import { useUnsavedGuard } from '../../components/FormModal';

type Status = (typeof YOUTH_CENTRE_STATUSES)[number];

interface Values {
  name: string;
  districtId: string | null;
  address: string;
  phone: string;
  email: string;
  hallCapacity: number | string;
  status: Status;
}

// The contract's field names: the server's `issues[].path` lands on the input of the same name.
const FIELDS = ['name', 'districtId', 'address', 'phone', 'email', 'hallCapacity', 'status'] as const;

function initialValues(centre?: YouthCentre): Values {
  return {
    name: centre?.name ?? '',
    districtId: centre?.districtId ?? null,
    address: centre?.address ?? '',
    phone: formatPhone(centre?.phone),
    email: centre?.email ?? '',
    hallCapacity: centre?.hallCapacity ?? '',
    status: centre?.status ?? 'active',
  };
}

/** Empty inputs are sent as null ("not given"). */
function toInput(values: Values) {
  return {
    name: values.name,
    districtId: values.districtId ?? '',
    address: values.address.trim() || null,
    phone: values.phone.trim() || null,
    email: values.email.trim() || null,
    hallCapacity: typeof values.hallCapacity === 'number' ? values.hallCapacity : null,
    status: values.status,
  };
}

interface YouthCentreFormProps {
  /** Absent when creating a new centre. */
  centre?: YouthCentre;
  onDone: () => void;
  onCancel: () => void;
}

export function YouthCentreForm({ centre, onDone, onCancel }: YouthCentreFormProps) {
  const t = useT();
  const identity = useIdentity();
  const create = useCreateYouthCentre();
  const update = useUpdateYouthCentre();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: initialValues(centre) });
  useUnsavedGuard(form.isDirty());
  const saving = create.isPending || update.isPending;

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const input = toInput(values);
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = centre
      ? inputErrors(contract['orgUnits:updateYouthCentre'].input, { id: centre.id, ...input }, FIELDS)
      : inputErrors(contract['orgUnits:createYouthCentre'].input, input, FIELDS);
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    const handlers = {
      onSuccess: (saved: YouthCentre) => {
        notifications.show({
          color: 'teal',
          title: t('centre.form.savedTitle'),
          message: t(centre ? 'centre.form.updated' : 'centre.form.created', { name: saved.name }),
        });
        onDone();
      },
      onError: (error: Error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    };
    if (centre) update.mutate({ id: centre.id, ...input }, handlers);
    else create.mutate(input, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <TextInput label={t('centre.field.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <DistrictSelect
          label={t('centre.field.district')}
          placeholder={t('centre.placeholder.district')}
          provincePlate={identity.provincePlate}
          withAsterisk
          {...form.getInputProps('districtId')}
          value={form.values.districtId}
          onChange={(districtId) => form.setFieldValue('districtId', districtId)}
        />
        <Textarea label={t('centre.field.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <Group grow align="flex-start">
          <TextInput
            label={t('centre.field.phone')}
            placeholder={t('centre.placeholder.phone')}
            type="tel"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('centre.field.email')}
            placeholder={t('centre.placeholder.email')}
            type="email"
            {...form.getInputProps('email')}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('centre.field.hallCapacity')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('hallCapacity')}
          />
          <Select
            label={t('centre.field.status')}
            data={YOUTH_CENTRE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('status')}
          />
        </Group>
        <FormActions onCancel={onCancel} saving={saving} mt="sm" />
      </Stack>
    </form>
  );
}
