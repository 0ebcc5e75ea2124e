import { Alert, Anchor, Button, Divider, Group, List, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { OrganisationDetail } from '../../../shared/contract/directory';
import { ORG_KINDS, SUBTYPES_OF, type OrgKind, type OrgSubtype } from '../../../shared/directory/fields';
import { formatPhone } from '../../../shared/identifiers';
import { ACTIVITY_AREAS, type ActivityArea } from '../../../shared/registry/fields';
import { DistrictSelect } from '../../components/DistrictSelect';
import { FormActions } from '../../components/FormActions';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { useDetailMutation } from './calls';
import { useDirectoryLabels } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

interface Values {
  kind: OrgKind;
  subtype: OrgSubtype | null;
  name: string;
  shortName: string;
  provincePlate: string | null;
  districtId: string | null;
  activityAreas: ActivityArea[];
  youthFocus: boolean;
  vkn: string;
  kutukNo: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  notes: string;
}

// The contract's field names, so the server's `issues[].path` lands on the input of the same name.
const FIELDS = [
  'kind', 'subtype', 'name', 'shortName', 'provincePlate', 'districtId', 'activityAreas', 'youthFocus', 'vkn', 'kutukNo',
  'phone', 'email', 'website', 'address', 'notes',
] as const;

function initialValues(o: OrganisationDetail | undefined, provincePlate: string | null): Values {
  return {
    kind: o?.kind ?? 'STK',
    subtype: o?.subtype ?? (o ? null : 'DERNEK'),
    name: o?.name ?? '',
    shortName: o?.shortName ?? '',
    provincePlate: o?.provincePlate ?? provincePlate,
    districtId: o?.districtId ?? null,
    activityAreas: (o?.activityAreas ?? []) as ActivityArea[],
    youthFocus: o?.youthFocus ?? false,
    vkn: o?.vkn ?? '',
    kutukNo: o?.kutukNo ?? '',
    phone: formatPhone(o?.phone),
    email: o?.email ?? '',
    website: o?.website ?? '',
    address: o?.address ?? '',
    notes: o?.notes ?? '',
  };
}

/** Empty inputs travel as null ("not given"); the rules themselves are the contract's, in Turkish. */
function toInput(values: Values) {
  const blank = (v: string) => v.trim() || null;
  return {
    kind: values.kind,
    subtype: SUBTYPES_OF[values.kind].length ? values.subtype : null,
    name: values.name,
    shortName: blank(values.shortName),
    provincePlate: values.provincePlate ?? '',
    districtId: values.districtId,
    activityAreas: values.activityAreas,
    youthFocus: values.youthFocus,
    vkn: blank(values.vkn),
    kutukNo: blank(values.kutukNo),
    phone: blank(values.phone),
    email: blank(values.email),
    website: blank(values.website),
    address: blank(values.address),
    notes: blank(values.notes),
  };
}

interface OrganisationFormModalProps {
  opened: boolean;
  /** Absent when recording a new organisation. */
  organisation?: OrganisationDetail;
  onClose: () => void;
  onSaved: (saved: OrganisationDetail) => void;
}

export function OrganisationFormModal({ opened, organisation, onClose, onSaved }: OrganisationFormModalProps) {
  const t = useT();
  return (
    <FormModal opened={opened} onClose={onClose} title={t(organisation ? 'directory.form.editTitle' : 'directory.form.createTitle')} size="xl">
      {opened && <OrganisationForm key={organisation?.id ?? 'new'} organisation={organisation} onCancel={onClose} onSaved={onSaved} />}
    </FormModal>
  );
}

function OrganisationForm({ organisation, onCancel, onSaved }: { organisation?: OrganisationDetail; onCancel: () => void; onSaved: (saved: OrganisationDetail) => void }) {
  const t = useT();
  const labels = useDirectoryLabels();
  const identity = useIdentity();
  const create = useDetailMutation('directory:create');
  const update = useDetailMutation('directory:update');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: initialValues(organisation, identity.provincePlate) });
  useUnsavedGuard(form.isDirty());
  const saving = create.isPending || update.isPending;
  const duplicates = useDuplicateCheck(form.values, organisation?.id);
  const blocked = (duplicates?.blocking.length ?? 0) > 0;
  const subtypes = SUBTYPES_OF[form.values.kind];

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const handlers = {
      onSuccess: (saved: OrganisationDetail) => {
        notifications.show({
          color: 'teal',
          title: t('directory.form.savedTitle'),
          message: t(organisation ? 'directory.form.updated' : 'directory.form.created', { name: saved.name }),
        });
        onSaved(saved);
      },
      onError: (error: Error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    };
    const input = toInput(values);
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = organisation
      ? inputErrors(contract['directory:update'].input, { id: organisation.id, ...input }, FIELDS)
      : inputErrors(contract['directory:create'].input, input, FIELDS);
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    if (organisation) update.mutate({ id: organisation.id, ...input }, handlers);
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
        <Divider label={t('directory.form.section.identity')} labelPosition="left" />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('directory.field.kind')}
            data={ORG_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('kind')}
            onChange={(v) => {
              const kind = (v ?? 'STK') as OrgKind;
              form.setValues({ kind, subtype: SUBTYPES_OF[kind][0] ?? null });
            }}
          />
          <Select
            label={t('directory.field.subtype')}
            data={subtypes.map((s) => ({ value: s, label: labels.subtype(s) }))}
            placeholder={subtypes.length ? undefined : t('directory.form.noSubtype')}
            disabled={subtypes.length === 0}
            allowDeselect={false}
            {...form.getInputProps('subtype')}
            value={subtypes.length ? form.values.subtype : null}
          />
        </SimpleGrid>
        <TextInput label={t('directory.field.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('directory.field.shortName')} {...form.getInputProps('shortName')} />
          <TextInput label={t('directory.field.vkn')} placeholder="1234567890" inputMode="numeric" maxLength={10} {...form.getInputProps('vkn')} />
          <TextInput label={t('directory.field.kutukNo')} placeholder="06-123-456" {...form.getInputProps('kutukNo')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <ProvinceSelect
            label={t('directory.field.province')}
            withAsterisk
            error={form.errors.provincePlate}
            value={form.values.provincePlate}
            onChange={(plate) => form.setValues({ provincePlate: plate, districtId: null })}
          />
          <DistrictSelect
            label={t('directory.field.district')}
            placeholder={t('directory.form.districtPlaceholder')}
            provincePlate={form.values.provincePlate}
            clearable
            error={form.errors.districtId}
            value={form.values.districtId}
            onChange={(districtId) => form.setFieldValue('districtId', districtId)}
          />
        </SimpleGrid>
        <DuplicateAlerts result={duplicates} />

        <Divider label={t('directory.form.section.activity')} labelPosition="left" mt="xs" />
        <MultiSelect
          label={t('directory.field.activityAreas')}
          placeholder={form.values.activityAreas.length ? undefined : t('directory.form.activityAreasPlaceholder')}
          data={ACTIVITY_AREAS.map((a) => ({ value: a, label: labels.area(a) }))}
          searchable
          filter={turkishOptionsFilter}
          clearable
          {...form.getInputProps('activityAreas')}
        />
        <Switch label={t('directory.field.youthFocus')} {...form.getInputProps('youthFocus', { type: 'checkbox' })} />

        <Divider label={t('directory.form.section.contact')} labelPosition="left" mt="xs" />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('directory.field.phone')} placeholder="0 (312) 555 12 34" type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('directory.field.email')} placeholder="iletisim@ornek.org.tr" type="email" {...form.getInputProps('email')} />
          <TextInput label={t('directory.field.website')} {...form.getInputProps('website')} />
        </SimpleGrid>
        <TextInput label={t('directory.field.address')} {...form.getInputProps('address')} />
        <Textarea label={t('directory.field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <FormActions onCancel={onCancel} saving={saving} submitDisabled={blocked} mt="sm">
          {blocked && (
            <Text size="sm" c="red" mr="auto">
              {t('directory.duplicates.saveBlocked')}
            </Text>
          )}
        </FormActions>
      </Stack>
    </form>
  );
}

/** While typing: the same VKN / kütük no elsewhere blocks, a similar name in the province warns. */
function useDuplicateCheck(values: Values, excludeId: string | undefined) {
  const [watched] = useDebouncedValue(
    { name: values.name.trim(), kutukNo: values.kutukNo.trim(), vkn: values.vkn.trim(), provincePlate: values.provincePlate },
    400,
  );
  const input = {
    ...(watched.name.length >= 3 ? { name: watched.name } : {}),
    ...(watched.kutukNo ? { kutukNo: watched.kutukNo } : {}),
    ...(watched.vkn ? { vkn: watched.vkn } : {}),
    ...(watched.provincePlate ? { provincePlate: watched.provincePlate } : {}),
    ...(excludeId ? { excludeId } : {}),
  };
  const enabled = !!(input.name || input.kutukNo || input.vkn);
  const check = useCall('directory:checkDuplicates', input, { enabled, keepPrevious: true });
  return enabled ? check.data : undefined;
}

type DuplicateResult = ReturnType<typeof useDuplicateCheck>;

function DuplicateAlerts({ result }: { result: DuplicateResult }) {
  const t = useT();
  if (!result) return null;
  // A record already blocking (same identifier) is not listed again as merely similar.
  const similar = result.similar.filter((s) => !result.blocking.some((b) => b.id === s.id));
  return (
    <>
      {result.blocking.length > 0 && (
        <Alert color="red" variant="light" title={t('directory.duplicates.blockingTitle')} data-testid="duplicate-blocking">
          <Stack gap={6}>
            {result.blocking.map((hit) => (
              <Group key={`${hit.field}-${hit.id}`} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">
                  {t(hit.field === 'kutukNo' ? 'directory.duplicates.sameKutuk' : 'directory.duplicates.sameVkn', { name: hit.name, province: hit.provinceName })}
                </Text>
                <Button size="compact-sm" variant="light" color="red" component="a" href={hrefOf('directory', hit.id)}>
                  {t('directory.duplicates.open')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {(result.registry?.length ?? 0) > 0 && (
        <Alert color="blue" variant="light" title={t('directory.registry.matchTitle')} data-testid="duplicate-registry">
          <Text size="sm" mb={4}>
            {t('directory.registry.matchText')}
          </Text>
          <List size="sm">
            {result.registry!.map((hit) => (
              <List.Item key={hit.id}>
                <Anchor href={hit.organisationId ? hrefOf('directory', hit.organisationId) : hrefOf('registry', hit.id)} size="sm">
                  {hit.name}
                </Anchor>{' '}
                — {hit.provinceName} · {t(hit.organisationId ? 'directory.registry.inDirectory' : 'directory.registry.onlyInRegistry')}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {similar.length > 0 && (
        <Alert color="yellow" variant="light" title={t('directory.duplicates.similarTitle')} data-testid="duplicate-similar">
          <Text size="sm" mb={4}>
            {t('directory.duplicates.similarText')}
          </Text>
          <List size="sm">
            {similar.map((s) => (
              <List.Item key={s.id}>
                <Anchor href={hrefOf('directory', s.id)} size="sm">
                  {s.name}
                </Anchor>{' '}
                — {s.districtName ? `${s.provinceName} / ${s.districtName}` : s.provinceName}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}
