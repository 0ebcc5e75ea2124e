import type { IssueInput } from '../contract/core';
import { msg } from '../contract/errors';
import type { ApprovingLevel } from './policy';

// The tescil (registration) state machine of DOMAIN.md §4.1, as data: which action leads from which state
// to which, who may take it, and what it must carry. Handlers enforce it; the UI shows only allowed actions.

export const REGISTRATION_STATES = [
  'TASLAK',
  'BASVURU_ALINDI',
  'EKSIK_EVRAK',
  'ONAYDA',
  'TESCILLI',
  'REDDEDILDI',
  'ASKIDA',
  'TESCIL_IPTAL',
  'AKTARILDI',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = {
  TASLAK: 'Taslak',
  BASVURU_ALINDI: 'Başvuru alındı',
  EKSIK_EVRAK: 'Eksik evrak',
  ONAYDA: 'Onayda',
  TESCILLI: 'Tescilli',
  REDDEDILDI: 'Reddedildi',
  ASKIDA: 'Askıda',
  TESCIL_IPTAL: 'Tescil iptal',
  AKTARILDI: 'Aktarıldı',
};

/** Who takes an action: the owning province, or the approving level (ministry or province, by policy). */
export type Actor = 'owner' | 'approver' | 'system';

export const CANCELLATION_REASONS = ['DERBIS_FESIH', 'KENDI_TALEBI', 'TAAHHUT_IHLALI', 'VIZESIZLIK'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];
export const CANCELLATION_REASON_LABELS: Record<CancellationReason, string> = {
  DERBIS_FESIH: "DERBİS'te feshedilmiş",
  KENDI_TALEBI: 'Derneğin kendi talebi',
  TAAHHUT_IHLALI: 'Taahhüdün ihlali',
  VIZESIZLIK: 'Vize yapılmayan yıllar',
};

export interface RegistrationAction {
  from: readonly RegistrationState[];
  to: RegistrationState;
  actor: Actor;
  /** Requires official letter date and number (evrak tarihi/sayısı). */
  letter: boolean;
  /** Requires a written reason. */
  reason: boolean;
  label: string;
}

export const REGISTRATION_ACTIONS = {
  logApplication: { from: ['TASLAK'], to: 'BASVURU_ALINDI', actor: 'owner', letter: true, reason: false, label: 'Başvuruyu kaydet' },
  markMissing: { from: ['BASVURU_ALINDI'], to: 'EKSIK_EVRAK', actor: 'owner', letter: false, reason: true, label: 'Eksik evrak bildir' },
  documentsCompleted: { from: ['EKSIK_EVRAK'], to: 'BASVURU_ALINDI', actor: 'owner', letter: false, reason: false, label: 'Evrak tamamlandı' },
  sendForApproval: { from: ['BASVURU_ALINDI'], to: 'ONAYDA', actor: 'owner', letter: true, reason: false, label: 'Onaya gönder' },
  returnForCompletion: { from: ['ONAYDA'], to: 'EKSIK_EVRAK', actor: 'approver', letter: false, reason: true, label: 'Eksik evrakla iade et' },
  approve: { from: ['ONAYDA'], to: 'TESCILLI', actor: 'approver', letter: true, reason: false, label: 'Onayla ve tescil et' },
  reject: { from: ['ONAYDA'], to: 'REDDEDILDI', actor: 'approver', letter: true, reason: true, label: 'Reddet' },
  suspend: { from: ['TESCILLI'], to: 'ASKIDA', actor: 'approver', letter: true, reason: true, label: 'Askıya al' },
  reinstate: { from: ['ASKIDA'], to: 'TESCILLI', actor: 'approver', letter: true, reason: false, label: 'Askıdan kaldır' },
  cancel: { from: ['TESCILLI', 'ASKIDA'], to: 'TESCIL_IPTAL', actor: 'approver', letter: true, reason: true, label: 'Tescili iptal et' },
  transferOut: { from: ['TESCILLI'], to: 'AKTARILDI', actor: 'system', letter: false, reason: false, label: 'Aktarıldı' },
} as const satisfies Record<string, RegistrationAction>;
export type RegistrationActionName = keyof typeof REGISTRATION_ACTIONS;
export const REGISTRATION_ACTION_NAMES = Object.keys(REGISTRATION_ACTIONS) as RegistrationActionName[];

/**
 * What a step's input lacks of what the step must carry: its letter's date and number, a written reason, a
 * cancellation's reason. The handler refuses these, and the step's dialog shows them before sending.
 */
export function missingStepInput(
  actionName: RegistrationActionName,
  input: { letterDate?: string | null; letterNo?: string | null; reason?: string | null; cancellationReason?: string | null },
): IssueInput[] {
  const action: RegistrationAction = REGISTRATION_ACTIONS[actionName];
  const issues: IssueInput[] = [];
  if (action.letter && !input.letterDate) issues.push({ path: 'letterDate', label: 'Evrak tarihi', message: msg('registry.buIslemIcinEvrak') });
  if (action.letter && !input.letterNo?.trim()) issues.push({ path: 'letterNo', label: 'Evrak sayısı', message: msg('registry.buIslemIcinEvrak2') });
  if (action.reason && !input.reason?.trim()) issues.push({ path: 'reason', label: 'Gerekçe', message: msg('registry.buIslemIcinGerekce') });
  if (actionName === 'cancel' && !input.cancellationReason) issues.push({ path: 'cancellationReason', label: 'İptal nedeni', message: msg('registry.iptalNedeniniSecin') });
  return issues;
}

export interface ActingUnit {
  role: 'ministry' | 'province' | 'youth-center';
  unitId: string;
}

/** Whether `unit` plays `actor` for a record owned by `ownerUnit` under the given approving level. */
export function playsActor(actor: Actor, unit: ActingUnit, ownerUnit: string, approvingLevel: ApprovingLevel): boolean {
  if (actor === 'system') return false;
  if (actor === 'owner') return unit.unitId === ownerUnit;
  return approvingLevel === 'ministry' ? unit.role === 'ministry' : unit.unitId === ownerUnit;
}

/** The actions `unit` may take now on a record in `state`. */
export function allowedRegistrationActions(
  state: RegistrationState,
  unit: ActingUnit,
  ownerUnit: string,
  approvingLevel: ApprovingLevel,
): RegistrationActionName[] {
  return REGISTRATION_ACTION_NAMES.filter((name) => {
    const action: RegistrationAction = REGISTRATION_ACTIONS[name];
    return action.from.includes(state) && playsActor(action.actor, unit, ownerUnit, approvingLevel);
  });
}

/** `GSB-<plate>-<year>-<4-digit sequence>`. */
export function formatRegistrationNo(plate: string, year: number, seq: number): string {
  return `GSB-${plate}-${year}-${String(seq).padStart(4, '0')}`;
}

export const REGISTRATION_NO = /^GSB-(0[1-9]|[1-7]\d|8[01])-(\d{4})-(\d{4})$/;
