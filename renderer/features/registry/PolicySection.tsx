import { ActionIcon, Alert, Button, Checkbox, DataList, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ChecklistItem, RegistryPolicy } from '../../../shared/registry/policy';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useLanguage, useLocale, useT } from '../../i18n';
import { checklistLabel } from './labels';
import { CallError } from '../../lib/api';
import { errorMessage, issueMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/files';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';

// The registry policy is ministry reference data: the ministry edits it here, every other installation
// sees what is in force (it reaches them through the file exchange).

const MB = 1024 * 1024;

/** `MM-DD` ↔ `GG.AA`, the way a day of the year is written in Turkish. */
const toDayText = (monthDay: string) => {
  const [m, d] = monthDay.split('-');
  return `${d}.${m}`;
};
const fromDayText = (text: string): string | null => {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2024, month, 0)).getUTCDate()) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export function RegistryPolicySection() {
  const t = useT();
  const identity = useIdentity();
  const policy = useCall('registry:getPolicy', {});
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-policy">
      <Title order={3} size="h4" mb="xs" id="settings-policy">
        {t('policy.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {identity.role === 'ministry' ? t('policy.hintMinistry') : t('policy.hintOthers')}
      </Text>
      <QueryState query={policy}>
        {(p) =>
          identity.role === 'ministry' ? (
            <Stack gap="xl">
              <PolicyForm policy={p} />
              <PlausibilityForm policy={p} />
            </Stack>
          ) : (
            <PolicySummary policy={p} />
          )
        }
      </QueryState>
    </Paper>
  );
}

function PolicySummary({ policy }: { policy: RegistryPolicy & { updatedAt: string | null } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataList labelWidth={260} data-testid="policy-summary">
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.approvingLevel')}</DataList.ItemLabel>
        <DataList.ItemValue>{t(policy.approvingLevel === 'ministry' ? 'policy.level.ministry' : 'policy.level.province')}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.visaWindow')}</DataList.ItemLabel>
        <DataList.ItemValue>
          {toDayText(policy.visaWindow.start)} – {toDayText(policy.visaWindow.end)}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.yearsWithoutVisa')}</DataList.ItemLabel>
        <DataList.ItemValue>{policy.yearsWithoutVisaForCancellation}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.organDays')}</DataList.ItemLabel>
        <DataList.ItemValue>{policy.organNotificationDays}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.maxAttachment')}</DataList.ItemLabel>
        <DataList.ItemValue>{formatBytes(policy.maxAttachmentBytes, locale)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.plausibility.nonWorkingDay')}</DataList.ItemLabel>
        <DataList.ItemValue>{t(`policy.plausibility.${policy.plausibility.nonWorkingDay}`)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.plausibility.kutukPlate')}</DataList.ItemLabel>
        <DataList.ItemValue>{t(`policy.plausibility.${policy.plausibility.kutukPlateMismatch}`)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.plausibility.maxLetterAge')}</DataList.ItemLabel>
        <DataList.ItemValue>{policy.plausibility.maxLetterAgeDays ?? t('policy.plausibility.noLimit')}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('policy.updatedAt')}</DataList.ItemLabel>
        <DataList.ItemValue>{policy.updatedAt ? formatDateTr(policy.updatedAt) : t('policy.defaults')}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

interface Values {
  approvingLevel: 'ministry' | 'province';
  windowStart: string;
  windowEnd: string;
  yearsWithoutVisaForCancellation: number | string;
  organNotificationDays: string;
  generalAssemblyIntervalYears: number | string;
  maxAttachmentMb: number | string;
  registrationChecklist: ChecklistItem[];
  visaChecklist: ChecklistItem[];
}

function valuesOf(p: RegistryPolicy): Values {
  return {
    approvingLevel: p.approvingLevel,
    windowStart: toDayText(p.visaWindow.start),
    windowEnd: toDayText(p.visaWindow.end),
    yearsWithoutVisaForCancellation: p.yearsWithoutVisaForCancellation,
    organNotificationDays: String(p.organNotificationDays),
    generalAssemblyIntervalYears: p.generalAssemblyIntervalYears,
    maxAttachmentMb: Math.round((p.maxAttachmentBytes / MB) * 10) / 10,
    registrationChecklist: p.registrationChecklist,
    visaChecklist: p.visaChecklist,
  };
}

/** Server issue paths → form fields (`visaWindow.end` is typed in `windowEnd`, and so on). */
function fieldOf(path: string): string {
  if (path.startsWith('visaWindow.start')) return 'windowStart';
  if (path.startsWith('visaWindow.end')) return 'windowEnd';
  if (path.startsWith('maxAttachmentBytes')) return 'maxAttachmentMb';
  return path;
}

function PolicyForm({ policy }: { policy: RegistryPolicy & { updatedAt: string | null } }) {
  const t = useT();
  const update = useCallMutation('registry:updatePolicy', { invalidates: ['registry:getPolicy', 'registry:get', 'registry:search', 'registry:visaDashboard'] });
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(policy) });

  const submit = form.onSubmit((v) => {
    setGeneral(null);
    const start = fromDayText(v.windowStart);
    const end = fromDayText(v.windowEnd);
    const dayErrors: Record<string, string> = {};
    if (!start) dayErrors.windowStart = t('policy.dayFormat');
    if (!end) dayErrors.windowEnd = t('policy.dayFormat');
    if (!start || !end) {
      form.setErrors(dayErrors);
      return;
    }
    update.mutate(
      {
        approvingLevel: v.approvingLevel,
        visaWindow: { start, end },
        yearsWithoutVisaForCancellation: Number(v.yearsWithoutVisaForCancellation),
        organNotificationDays: Number(v.organNotificationDays) as 30 | 45,
        generalAssemblyIntervalYears: Number(v.generalAssemblyIntervalYears),
        maxAttachmentBytes: Math.round(Number(v.maxAttachmentMb) * MB),
        registrationChecklist: v.registrationChecklist.map((i) => ({ ...i, label: i.label.trim() })),
        visaChecklist: v.visaChecklist.map((i) => ({ ...i, label: i.label.trim() })),
      },
      {
        onSuccess: (saved) => {
          form.setValues(valuesOf(saved));
          form.resetDirty(valuesOf(saved));
          notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('policy.saved') });
        },
        onError: (error) => {
          const issues = error instanceof CallError ? (error.error.issues ?? []) : [];
          const fields: Record<string, string> = {};
          for (const issue of issues) fields[fieldOf(issue.path)] ??= issueMessage(issue);
          form.setErrors(fields);
          setGeneral(issues.length ? null : errorMessage(error));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" data-testid="policy-form">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <Radio.Group label={t('policy.approvingLevel')} {...form.getInputProps('approvingLevel')}>
          <Group mt="xs">
            <Radio value="ministry" label={t('policy.level.ministry')} />
            <Radio value="province" label={t('policy.level.province')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
          <TextInput label={t('policy.windowStart')} placeholder="GG.AA" maxLength={5} {...form.getInputProps('windowStart')} />
          <TextInput label={t('policy.windowEnd')} placeholder="GG.AA" maxLength={5} {...form.getInputProps('windowEnd')} />
          <NumberInput label={t('policy.yearsWithoutVisa')} min={1} max={10} allowDecimal={false} {...form.getInputProps('yearsWithoutVisaForCancellation')} />
          <Select label={t('policy.organDays')} data={['30', '45']} allowDeselect={false} {...form.getInputProps('organNotificationDays')} />
          <NumberInput label={t('policy.assemblyYears')} min={1} max={5} allowDecimal={false} {...form.getInputProps('generalAssemblyIntervalYears')} />
          <NumberInput label={t('policy.maxAttachmentMb')} min={0.1} max={200} decimalScale={1} decimalSeparator="," {...form.getInputProps('maxAttachmentMb')} />
        </SimpleGrid>
        <ChecklistEditor title={t('policy.registrationChecklist')} field="registrationChecklist" form={form} />
        <ChecklistEditor title={t('policy.visaChecklist')} field="visaChecklist" form={form} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {policy.updatedAt ? t('policy.lastSaved', { date: formatDateTr(policy.updatedAt) }) : t('policy.defaults')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => form.setValues(valuesOf(policy))} disabled={!form.isDirty() || update.isPending}>
              {t('policy.reset')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function ChecklistEditor({ title, field, form }: { title: string; field: 'registrationChecklist' | 'visaChecklist'; form: UseFormReturnType<Values> }) {
  const t = useT();
  const language = useLanguage();
  const items = form.values[field];
  const error = form.errors[field];
  return (
    <Stack gap={6} role="group" aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {/* The items are the ministry's own wording, printed in official letters: edited in Turkish. */}
      {language === 'en' && (
        <Text size="xs" c="dimmed">
          {t('policy.checklistTurkish')}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {items.map((item, index) => (
        <Group key={item.key} gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('policy.itemLabel', { n: index + 1 })}
            style={{ flex: 1 }}
            {...form.getInputProps(`${field}.${index}.label`)}
          />
          <Checkbox label={t('policy.mandatory')} {...form.getInputProps(`${field}.${index}.mandatory`, { type: 'checkbox' })} />
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => form.removeListItem(field, index)}
            disabled={items.length <= 1}
            aria-label={t('policy.removeItem', { label: checklistLabel(t, field === 'registrationChecklist' ? 'TESCIL' : 'VIZE', item.label, item.key) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => form.insertListItem(field, { key: `item-${Date.now().toString(36)}-${items.length}`, label: '', mandatory: false })}
        >
          {t('policy.addItem')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The plausibility rules where offices may differ (shared/registry/policy.ts `PlausibilityPolicy`): saved on their
 * own, with the rest of the policy as it is in force.
 */
function PlausibilityForm({ policy }: { policy: RegistryPolicy & { updatedAt: string | null } }) {
  const t = useT();
  const update = useCallMutation('registry:updatePolicy', { invalidates: ['registry:getPolicy'] });
  const [nonWorkingDay, setNonWorkingDay] = useState(policy.plausibility.nonWorkingDay);
  const [kutukPlateMismatch, setKutukPlateMismatch] = useState(policy.plausibility.kutukPlateMismatch);
  const [maxLetterAgeDays, setMaxLetterAgeDays] = useState<number | string>(policy.plausibility.maxLetterAgeDays ?? '');
  const [general, setGeneral] = useState<string | null>(null);
  const choices = [
    { value: 'warn', label: t('policy.plausibility.warn') },
    { value: 'refuse', label: t('policy.plausibility.refuse') },
  ];
  const save = () => {
    setGeneral(null);
    const { updatedAt: _updatedAt, ...current } = policy;
    const days = maxLetterAgeDays === '' ? null : Number(maxLetterAgeDays);
    update.mutate(
      { ...current, plausibility: { nonWorkingDay, kutukPlateMismatch, maxLetterAgeDays: days } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('policy.saved') }),
        onError: (error) => setGeneral(errorMessage(error)),
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="plausibility-policy">
      <Title order={4} size="h5">
        {t('policy.plausibility.title')}
      </Title>
      {general && (
        <Alert color="red" variant="light" role="alert">
          {general}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select label={t('policy.plausibility.nonWorkingDay')} data={choices} allowDeselect={false} value={nonWorkingDay} onChange={(v) => v && setNonWorkingDay(v as 'warn' | 'refuse')} />
        <Select label={t('policy.plausibility.kutukPlate')} data={choices} allowDeselect={false} value={kutukPlateMismatch} onChange={(v) => v && setKutukPlateMismatch(v as 'warn' | 'refuse')} />
        <NumberInput
          label={t('policy.plausibility.maxLetterAge')}
          description={t('policy.plausibility.maxLetterAgeHelp')}
          min={1}
          max={36500}
          allowDecimal={false}
          value={maxLetterAgeDays}
          onChange={setMaxLetterAgeDays}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={save} loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
