import { useMemo } from 'react';
import { provinceByPlate } from '../../../shared/regions';
import { CLUB_TYPES, TRANSFER_STATES, type ActivityArea, type ClubType, type PersonKind, type TransferState } from '../../../shared/registry/fields';
import type { RegistryImportField } from '../../../shared/registry/importFields';
import { REGISTRATION_STATES, type CancellationReason, type RegistrationActionName, type RegistrationState } from '../../../shared/registry/registration';
import { VISA_APPLICATION_STATES, type VisaApplicationState, type VisaStatus } from '../../../shared/registry/visa';
import type { Verdict } from '../../../shared/registry/workflow';
import type { ReminderKey } from '../../../shared/contract/registry';
import { DEFAULT_REGISTRY_POLICY } from '../../../shared/registry/policy';
import { isMessageKey, translate, useT, useTn, type Translate } from '../../i18n';
import { dateText } from '../../lib/dates';

// Every registry code the server sends (states, types, actions) shown in the interface language.

export type FacilityDocument = 'TAPU' | 'KIRA' | 'TAHSIS';

export function registryLabels(t: Translate) {
  return {
    state: (s: RegistrationState) => t(`registry.state.${s}`),
    visa: (s: VisaStatus) => t(`registry.visa.${s}`),
    visaApp: (s: VisaApplicationState) => t(`registry.visaApp.${s}`),
    clubType: (c: ClubType) => t(`registry.clubType.${c}`),
    area: (a: ActivityArea) => t(`registry.area.${a}`),
    personKind: (k: PersonKind) => t(`registry.personKind.${k}`),
    facility: (f: FacilityDocument) => t(`registry.facility.${f}`),
    transferState: (s: TransferState) => t(`registry.transferState.${s}`),
    action: (a: RegistrationActionName) => t(`registry.action.${a}`),
    cancelReason: (c: CancellationReason) => t(`registry.cancelReason.${c}`),
    importField: (f: RegistryImportField) => t(`registry.importField.${f}`),
    /** A code from a list the server may extend later: its label if known, the code otherwise. */
    anyArea: (code: string) => (isMessageKey(`registry.area.${code}`) ? t(`registry.area.${code}` as `registry.area.${ActivityArea}`) : code),
    /** The unit that did something: `ministry`, `province:06`, `youth-center:…`. */
    unit: (unitId: string) => {
      if (unitId === 'ministry') return t('registry.unit.ministry');
      const plate = /^province:(\d{2})$/.exec(unitId)?.[1];
      if (plate) return t('registry.unit.province', { province: provinceByPlate(plate)?.name ?? plate });
      if (unitId.startsWith('youth-center:')) return t('registry.unit.youthCentre');
      return unitId;
    },
    province: (plate: string) => {
      const p = provinceByPlate(plate);
      return p ? `${p.plate} — ${p.name}` : plate;
    },
  };
}

export type RegistryLabels = ReturnType<typeof registryLabels>;

const is = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A state code in the vocabulary of a history entry's kind (or a verdict's workflow). */
export function historyStateLabel(labels: RegistryLabels, kind: string, code: string | null): string | null {
  if (code === null) return null;
  if ((kind === 'REGISTRATION' || kind === 'RECORD') && is(REGISTRATION_STATES, code)) return labels.state(code);
  if (kind === 'VISA' && is(VISA_APPLICATION_STATES, code)) return labels.visaApp(code);
  if (kind === 'TRANSFER' && is(TRANSFER_STATES, code)) return labels.transferState(code);
  if (kind === 'CLUB_TYPE' && is(CLUB_TYPES, code)) return labels.clubType(code);
  return code;
}

/** Why a workflow step does not count, in the interface language: its units and states named by their labels. */
export function verdictReason(t: Translate, labels: RegistryLabels, verdict: Verdict): string {
  const { author, needed, expected, current, workflow } = verdict.params;
  const state = (code: string | undefined) => (code === undefined ? '' : (historyStateLabel(labels, workflow ?? 'REGISTRATION', code) ?? code));
  return t(`registry.history.verdictReason.${verdict.code}`, {
    author: author ? labels.unit(author) : '',
    needed: needed ? labels.unit(needed) : '',
    expected: state(expected),
    current: state(current),
  });
}

/** The verdict as one line, "Not applied: lost a race (…)": what the exchange's import report shows for a step. */
export function verdictText(t: Translate, verdict: Verdict): string {
  return `${t(`registry.history.verdict.${verdict.kind}`)} (${verdictReason(t, registryLabels(t), verdict)})`;
}

export function useRegistryLabels(): RegistryLabels {
  const t = useT();
  return useMemo(() => registryLabels(t), [t]);
}

const DEFAULT_CHECKLISTS = { TESCIL: DEFAULT_REGISTRY_POLICY.registrationChecklist, VIZE: DEFAULT_REGISTRY_POLICY.visaChecklist } as const;

/**
 * A checklist item in the interface language: a default item (same key, or found by its text, and still worded
 * as the default) by its message key; an item the ministry added or reworded as the ministry wrote it.
 */
export function checklistLabel(t: Translate, step: 'TESCIL' | 'VIZE', label: string, itemKey?: string): string {
  // The row the server adds for attachments that belong to no checklist item.
  if (itemKey === 'other' && label === translate('tr', 'registry.documents.other')) return t('registry.documents.other');
  const item = DEFAULT_CHECKLISTS[step].find((i) => (itemKey === undefined || i.key === itemKey) && i.label === label.trim());
  const key = item ? `registry.checklist.${step}.${item.key}` : null;
  return key && isMessageKey(key) ? t(key) : label;
}

/** A reminder the server made (key and parameters, dates as ISO), worded in the interface language. */
export function useReminderText(): (r: { key: ReminderKey; params: Record<string, string | number>; message: string }) => string {
  const t = useT();
  const tn = useTn();
  return (r) => {
    const params = { ...r.params, ...(typeof r.params.date === 'string' ? { date: dateText(r.params.date) } : {}) };
    const count = typeof r.params.count === 'number' ? r.params.count : 0;
    switch (r.key) {
      case 'generalAssembly':
      case 'organNotification':
      case 'visaAwaited':
        return t(`registry.reminder.${r.key}`, params);
      case 'visaMissing':
        return tn('registry.reminder.visaMissing', Number(r.params.years ?? 0), params);
      case 'visaWindowClosing':
      case 'visaReview':
      case 'visaCancellation':
        return tn(`registry.reminder.${r.key}`, count, params);
      default:
        return r.message;
    }
  };
}
