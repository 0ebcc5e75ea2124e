import { Alert, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { WorkshopDetail } from '../../../shared/contract/workshops';
import { WORKSHOP_KINDS, type WorkshopKind } from '../../../shared/meetings/fields';
import { REGIONS } from '../../../shared/regions';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { firstDayWarning } from '../../../shared/meetings/calendar';
import { workshopPlanIssues } from '../../../shared/meetings/workshops';
import { formatDateTr } from '../../../shared/turkish';
import { regionOptions, useLanguage, useT } from '../../i18n';
import { checkDateTr, dateText } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { useCall, useCallMutation } from '../../lib/query';
import { FormActions } from '../../components/FormActions';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

const FIELDS = ['kind', 'title', 'region', 'hostPlate', 'startOn', 'endOn', 'venue', 'programme', 'findings'] as const;
type Field = (typeof FIELDS)[number];

/** "09:30 Açılış" per line ↔ programme items. A line without a leading time is a titled item with no time. */
export function programmeFromText(text: string): { time: string; title: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?)\s+(.+)$/.exec(line);
      return match ? { time: match[1]!.replace(/\./g, ':'), title: match[2]! } : { time: '', title: line };
    });
}

function programmeToText(items: { time: string; title: string }[]): string {
  return items.map((i) => (i.time ? `${i.time} ${i.title}` : i.title)).join('\n');
}

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (w: WorkshopDetail) => void;
  workshop?: WorkshopDetail;
}

export function WorkshopFormModal({ opened, onClose, onSaved, workshop }: Props) {
  const t = useT();
  return (
    <FormModal opened={opened} onClose={onClose} title={workshop ? t('workshops.form.editTitle') : t('workshops.form.newTitle')} size="lg">
      {opened && <WorkshopForm workshop={workshop} onSaved={onSaved} onCancel={onClose} />}
    </FormModal>
  );
}

function WorkshopForm({ workshop, onSaved, onCancel }: { workshop?: WorkshopDetail; onSaved: (w: WorkshopDetail) => void; onCancel: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<WorkshopKind>(workshop?.kind ?? 'BOLGE_CALISTAYI');
  const [title, setTitle] = useState(workshop?.title ?? '');
  const [region, setRegion] = useState<string | null>(workshop?.region ?? null);
  const [hostPlate, setHostPlate] = useState<string | null>(workshop?.hostPlate ?? null);
  const [startText, setStartText] = useState(dateText(workshop?.startOn));
  const [endText, setEndText] = useState(dateText(workshop?.endOn));
  const [venue, setVenue] = useState(workshop?.venue ?? '');
  const [programme, setProgramme] = useState(programmeToText(workshop?.programme ?? []));
  const [findings, setFindings] = useState(workshop?.findings ?? '');
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; general: string | null }>({ fields: {}, general: null });
  const current = JSON.stringify([kind, title, region, hostPlate, startText, endText, venue, programme, findings]);
  const [initial] = useState(current);
  useUnsavedGuard(current !== initial);
  const save = useCallMutation('workshops:save', { invalidates: ['workshops:list', 'workshops:get', 'reports:figures'], onSuccess: onSaved });

  const submit = () => {
    const dates = isoDates(t, { startOn: startText, endOn: endText });
    const input = {
      ...(workshop ? { id: workshop.id } : {}),
      kind,
      title,
      region: kind === 'ULUSAL_ZIRVE' ? null : (region as (typeof REGIONS)[number] | null),
      hostPlate,
      startOn: dates.values.startOn ?? '',
      endOn: dates.values.endOn ?? '',
      venue,
      programme: programmeFromText(programme),
      findings,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['workshops:save'].input, input, FIELDS, { own: dates.errors, rules: workshopPlanIssues(input) });
    setErrors(problems ?? { fields: {}, general: null });
    if (problems) return;
    save.mutate(input, { onError: (error) => setErrors(formErrorsFrom(error, FIELDS)) });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {errors.general && (
          <Alert color="red" variant="light" role="alert">
            {errors.general}
          </Alert>
        )}
        <Select
          label={t('workshops.form.kind')}
          data={WORKSHOP_KINDS.map((k) => ({ value: k, label: t(`workshops.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as WorkshopKind)}
          allowDeselect={false}
          error={errors.fields.kind}
        />
        <TextInput label={t('workshops.form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fields.title} required />
        <Group grow align="flex-start">
          <Select
            label={t('workshops.form.region')}
            description={t('workshops.form.regionHelp')}
            data={regionOptions(t, REGIONS)}
            value={kind === 'ULUSAL_ZIRVE' ? null : region}
            onChange={setRegion}
            disabled={kind === 'ULUSAL_ZIRVE'}
            clearable
            error={errors.fields.region}
          />
          <ProvinceSelect label={t('workshops.form.host')} description={t('workshops.form.hostHelp')} value={hostPlate} onChange={setHostPlate} clearable error={errors.fields.hostPlate} />
        </Group>
        <Group align="flex-start">
          <DateTextInput label={t('workshops.form.startOn')} value={startText} onChange={(e) => setStartText(e.currentTarget.value)} error={errors.fields.startOn} required />
          <DateTextInput label={t('workshops.form.endOn')} value={endText} onChange={(e) => setEndText(e.currentTarget.value)} error={errors.fields.endOn} required />
          <TextInput label={t('workshops.form.venue')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} error={errors.fields.venue} style={{ flex: 1 }} />
        </Group>
        <HolidayNote startText={startText} endText={endText} />
        <Textarea label={t('workshops.form.programme')} description={t('workshops.form.programmeHelp')} autosize minRows={4} maxRows={12} value={programme} onChange={(e) => setProgramme(e.currentTarget.value)} error={errors.fields.programme} />
        <Textarea label={t('workshops.form.findings')} autosize minRows={3} maxRows={10} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={errors.fields.findings} />
        <FormActions onCancel={onCancel} saving={save.isPending} />
      </Stack>
    </form>
  );
}

/**
 * A workshop day on a public holiday (fixed or religious) or a holiday's eve: warned before saving, refused where
 * the ministry's plausibility policy says so (the server applies the same rule). Weekends are not warned: a
 * programme of several days usually runs over one.
 */
function HolidayNote({ startText, endText }: { startText: string; endText: string }) {
  const t = useT();
  const language = useLanguage();
  const policy = useCall('registry:getPolicy', {});
  const start = checkDateTr(startText).iso;
  const end = checkDateTr(endText).iso ?? start;
  const hit = start && end && end >= start ? firstDayWarning(start, end) : null;
  if (!hit || hit.warning.kind === 'weekend') return null;
  const refused = policy.data?.plausibility.nonWorkingDay === 'refuse';
  const params = { date: formatDateTr(hit.date), name: hit.warning.holiday[language] };
  return (
    <Alert color={refused ? 'red' : 'yellow'} variant="light" data-testid="day-warning">
      {t(hit.warning.kind === 'eve' ? 'workshops.form.eve' : 'workshops.form.holiday', params)} {t(refused ? 'workshops.form.dayRefused' : 'workshops.form.daySaves')}
    </Alert>
  );
}
