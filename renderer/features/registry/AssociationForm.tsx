import { Alert, Button, Divider, Group, List, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { createAssociationInput, updateAssociationInput, type AssociationDetail } from '../../../shared/contract/registry';
import { formatPhone } from '../../../shared/identifiers';
import { ACTIVITY_AREAS, CLUB_TYPES, FACILITY_DOCUMENTS, type ActivityArea, type ClubType } from '../../../shared/registry/fields';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { DistrictSelect } from '../../components/DistrictSelect';
import { FormActions } from '../../components/FormActions';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { KutukPlateWarning } from './KutukPlateWarning';
import { useCall } from '../../lib/query';
import { useDetailMutation } from './calls';
import { useRegistryLabels, type FacilityDocument } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

interface Values {
  name: string;
  shortName: string;
  clubType: ClubType;
  kutukNo: string;
  vkn: string;
  taxOffice: string;
  foundedOn: string;
  districtId: string | null;
  neighbourhood: string;
  street: string;
  phone: string;
  email: string;
  website: string;
  activityAreas: ActivityArea[];
  memberCount: number | string;
  activityPlace: string;
  activityPlaceDocument: FacilityDocument | null;
}

// The contract's field names, so the server's `issues[].path` lands on the input of the same name.
const FIELDS = [
  'name', 'shortName', 'clubType', 'kutukNo', 'vkn', 'taxOffice', 'foundedOn', 'districtId', 'neighbourhood', 'street',
  'phone', 'email', 'website', 'activityAreas', 'memberCount', 'activityPlace', 'activityPlaceDocument',
] as const;

function initialValues(a?: AssociationDetail): Values {
  return {
    name: a?.name ?? '',
    shortName: a?.shortName ?? '',
    clubType: a?.clubType ?? 'GENCLIK_KULUBU',
    kutukNo: a?.kutukNo ?? '',
    vkn: a?.vkn ?? '',
    taxOffice: a?.taxOffice ?? '',
    foundedOn: dateText(a?.foundedOn),
    districtId: a?.districtId ?? null,
    neighbourhood: a?.neighbourhood ?? '',
    street: a?.street ?? '',
    phone: formatPhone(a?.phone),
    email: a?.email ?? '',
    website: a?.website ?? '',
    activityAreas: (a?.activityAreas ?? []) as ActivityArea[],
    memberCount: a?.memberCount ?? '',
    activityPlace: a?.activityPlace ?? '',
    activityPlaceDocument: a?.activityPlaceDocument ?? null,
  };
}

/** Empty inputs travel as null ("not given"); the rules themselves are the contract's, in Turkish. */
function toInput(values: Values, foundedOn: string | null) {
  const blank = (v: string) => v.trim() || null;
  return {
    name: values.name,
    shortName: blank(values.shortName),
    clubType: values.clubType,
    kutukNo: blank(values.kutukNo),
    vkn: blank(values.vkn),
    taxOffice: blank(values.taxOffice),
    foundedOn,
    districtId: values.districtId ?? '',
    neighbourhood: blank(values.neighbourhood),
    street: blank(values.street),
    phone: blank(values.phone),
    email: blank(values.email),
    website: blank(values.website),
    activityAreas: values.activityAreas,
    memberCount: typeof values.memberCount === 'number' ? values.memberCount : null,
    activityPlace: blank(values.activityPlace),
    activityPlaceDocument: values.activityPlaceDocument,
  };
}

interface AssociationFormModalProps {
  opened: boolean;
  /** Absent when recording a new association. */
  association?: AssociationDetail;
  onClose: () => void;
  onSaved: (saved: AssociationDetail) => void;
}

export function AssociationFormModal({ opened, association, onClose, onSaved }: AssociationFormModalProps) {
  const t = useT();
  return (
    <FormModal opened={opened} onClose={onClose} title={t(association ? 'registry.form.editTitle' : 'registry.form.createTitle')} size="xl">
      {opened && <AssociationForm key={association?.id ?? 'new'} association={association} onCancel={onClose} onSaved={onSaved} />}
    </FormModal>
  );
}

function AssociationForm({ association, onCancel, onSaved }: { association?: AssociationDetail; onCancel: () => void; onSaved: (saved: AssociationDetail) => void }) {
  const t = useT();
  const labels = useRegistryLabels();
  const identity = useIdentity();
  const create = useDetailMutation('registry:create');
  const update = useDetailMutation('registry:update');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: initialValues(association) });
  useUnsavedGuard(form.isDirty());
  const saving = create.isPending || update.isPending;
  const duplicates = useDuplicateCheck(form.values, association?.id);
  const blocked = (duplicates?.blocking.length ?? 0) > 0;
  const clubTypeLocked = !!association && association.status !== 'TASLAK';

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { foundedOn: values.foundedOn });
    const input = toInput(values, dates.ok ? dates.values.foundedOn : null);
    const { clubType, ...rest } = input;
    const payload = association ? { id: association.id, ...rest, ...(clubTypeLocked ? {} : { clubType }) } : input;
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(association ? updateAssociationInput : createAssociationInput, payload, FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    const handlers = {
      onSuccess: (saved: AssociationDetail) => {
        notifications.show({
          color: 'teal',
          title: t('registry.form.savedTitle'),
          message: t(association ? 'registry.form.updated' : 'registry.form.created', { name: saved.name }),
        });
        onSaved(saved);
      },
      onError: (error: Error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    };
    if (association) update.mutate({ id: association.id, ...rest, ...(clubTypeLocked ? {} : { clubType }) }, handlers);
    else create.mutate(input, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          // Saved from the bottom of a long form: bring the answer into view.
          <Alert ref={(el) => el?.scrollIntoView({ block: 'nearest' })} color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <Divider label={t('registry.form.section.identity')} labelPosition="left" />
        <TextInput label={t('registry.field.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('registry.field.shortName')} {...form.getInputProps('shortName')} />
          <Select
            label={t('registry.field.clubType')}
            data={CLUB_TYPES.map((c) => ({ value: c, label: labels.clubType(c) }))}
            allowDeselect={false}
            withAsterisk
            disabled={clubTypeLocked}
            description={clubTypeLocked ? t('registry.form.clubTypeLocked') : undefined}
            {...form.getInputProps('clubType')}
          />
          <DateTextInput label={t('registry.field.foundedOn')} w="auto" {...form.getInputProps('foundedOn')} />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('registry.field.kutukNo')} placeholder="06-123-456" {...form.getInputProps('kutukNo')} />
          <TextInput label={t('registry.field.vkn')} placeholder="1234567890" inputMode="numeric" maxLength={10} {...form.getInputProps('vkn')} />
          <TextInput label={t('registry.field.taxOffice')} {...form.getInputProps('taxOffice')} />
        </SimpleGrid>
        <DuplicateAlerts result={duplicates} onOpen={(id) => navigate('registry', id)} />
        <KutukPlateWarning kutukNo={form.values.kutukNo} provincePlate={association?.provincePlate ?? identity.provincePlate} />

        <Divider label={t('registry.form.section.address')} labelPosition="left" mt="xs" />
        <SimpleGrid cols={3} spacing="sm">
          <DistrictSelect
            label={t('registry.field.district')}
            placeholder={t('registry.form.districtPlaceholder')}
            provincePlate={association?.provincePlate ?? identity.provincePlate}
            withAsterisk
            {...form.getInputProps('districtId')}
            value={form.values.districtId}
            onChange={(districtId) => form.setFieldValue('districtId', districtId)}
          />
          <TextInput label={t('registry.field.neighbourhood')} {...form.getInputProps('neighbourhood')} />
          <TextInput label={t('registry.field.street')} {...form.getInputProps('street')} />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('registry.field.phone')} placeholder="0 (312) 555 12 34" type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('registry.field.email')} placeholder="dernek@ornek.org.tr" type="email" {...form.getInputProps('email')} />
          <TextInput label={t('registry.field.website')} {...form.getInputProps('website')} />
        </SimpleGrid>

        <Divider label={t('registry.form.section.activity')} labelPosition="left" mt="xs" />
        <MultiSelect
          label={t('registry.field.activityAreas')}
          placeholder={form.values.activityAreas.length ? undefined : t('registry.form.activityAreasPlaceholder')}
          data={ACTIVITY_AREAS.map((a) => ({ value: a, label: labels.area(a) }))}
          searchable
          filter={turkishOptionsFilter}
          clearable
          {...form.getInputProps('activityAreas')}
        />
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label={t('registry.field.memberCount')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('memberCount')}
          />
          <TextInput label={t('registry.field.activityPlace')} {...form.getInputProps('activityPlace')} />
          <Select
            label={t('registry.field.activityPlaceDocument')}
            placeholder={t('common.notGiven')}
            data={FACILITY_DOCUMENTS.map((f) => ({ value: f, label: labels.facility(f) }))}
            clearable
            {...form.getInputProps('activityPlaceDocument')}
          />
        </SimpleGrid>
        <FormActions onCancel={onCancel} saving={saving} submitDisabled={blocked} mt="sm">
          {blocked && (
            <Text size="sm" c="red" mr="auto">
              {t('registry.duplicates.saveBlocked')}
            </Text>
          )}
        </FormActions>
      </Stack>
    </form>
  );
}

/** While typing: the same kütük no / VKN elsewhere blocks, a similar name in the province warns. */
function useDuplicateCheck(values: Values, excludeId: string | undefined) {
  const [watched] = useDebouncedValue({ name: values.name.trim(), kutukNo: values.kutukNo.trim(), vkn: values.vkn.trim() }, 400);
  const input = {
    ...(watched.name.length >= 3 ? { name: watched.name } : {}),
    ...(watched.kutukNo ? { kutukNo: watched.kutukNo } : {}),
    ...(watched.vkn ? { vkn: watched.vkn } : {}),
    ...(excludeId ? { excludeId } : {}),
  };
  const enabled = !!(input.name || input.kutukNo || input.vkn);
  const check = useCall('registry:checkDuplicates', input, { enabled, keepPrevious: true });
  return enabled ? check.data : undefined;
}

type DuplicateResult = ReturnType<typeof useDuplicateCheck>;

function DuplicateAlerts({ result, onOpen }: { result: DuplicateResult; onOpen: (id: string) => void }) {
  const t = useT();
  if (!result) return null;
  return (
    <>
      {result.blocking.length > 0 && (
        <Alert color="red" variant="light" title={t('registry.duplicates.blockingTitle')} data-testid="duplicate-blocking">
          <Stack gap={6}>
            {result.blocking.map((hit) => (
              <Group key={`${hit.field}-${hit.id}`} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">
                  {t(hit.field === 'kutukNo' ? 'registry.duplicates.sameKutuk' : 'registry.duplicates.sameVkn', { name: hit.name, province: hit.provinceName })}
                </Text>
                <Button size="compact-sm" variant="light" color="red" onClick={() => onOpen(hit.id)}>
                  {t('registry.duplicates.open')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {result.similar.length > 0 && (
        <Alert color="yellow" variant="light" title={t('registry.duplicates.similarTitle')} data-testid="duplicate-similar">
          <Text size="sm" mb={4}>
            {t('registry.duplicates.similarText')}
          </Text>
          <List size="sm">
            {result.similar.map((s) => (
              <List.Item key={s.id}>
                {s.name} — {s.districtName}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
