import type { IssueInput } from '../contract/core';
import { msg } from '../contract/errors';
import { monthDayInYear, type RegistryPolicy } from './policy';

// Annual visa (vize): application states and the derived visa status of an association for a year
// (DOMAIN.md §4.2). The status is computed, never stored: one pure function, used by SQL-backed lists
// through the same rules (see db/registry) and by the screens.

export const VISA_APPLICATION_STATES = ['BASVURU', 'INCELEME', 'ONAY', 'EKSIK', 'RED'] as const;
export type VisaApplicationState = (typeof VISA_APPLICATION_STATES)[number];

export const VISA_STATUSES = ['VIZELI', 'DONEM_ACIK', 'INCELEMEDE', 'GECIKMIS', 'VIZESIZ_N_YIL', 'KAPSAM_DISI'] as const;
export type VisaStatus = (typeof VISA_STATUSES)[number];

export const VISA_STATUS_LABELS: Record<VisaStatus, string> = {
  VIZELI: 'Vizeli',
  DONEM_ACIK: 'Dönem açık',
  INCELEMEDE: 'İncelemede',
  GECIKMIS: 'Gecikmiş',
  VIZESIZ_N_YIL: 'Vizesiz',
  KAPSAM_DISI: 'Kapsam dışı',
};

export interface VisaFacts {
  /** ISO date the association was registered (TESCİLLİ), or null if never. */
  registeredOn: string | null;
  /** Whether the registration is currently in force (TESCİLLİ or ASKIDA). */
  inForce: boolean;
  /** The state of the association's visa application for each year it applied. */
  applications: ReadonlyMap<number, VisaApplicationState> | Record<number, VisaApplicationState>;
}

export interface VisaStatusResult {
  status: VisaStatus;
  /** Consecutive years without visa up to and including `year` (0 unless GECİKMİŞ / VİZESİZ). */
  yearsWithout: number;
  /** Whether cancellation should be proposed (VİZESİZ_N_YIL). */
  proposeCancellation: boolean;
}

function applicationFor(facts: VisaFacts, year: number): VisaApplicationState | undefined {
  const apps = facts.applications;
  return apps instanceof Map ? apps.get(year) : (apps as Record<number, VisaApplicationState>)[year];
}

/**
 * The visa status of an association for `year`, judged on `today` (ISO date):
 * - not registered, or registered after that year → KAPSAM_DISI; the registration year itself needs no visa → VIZELI;
 * - an approved application → VIZELI; one under review (BASVURU, INCELEME, EKSIK) → INCELEMEDE;
 * - otherwise, until the window's last day → DONEM_ACIK; after it → GECIKMIS, or VIZESIZ_N_YIL once the
 *   consecutive years without visa reach the policy's N.
 */
export function visaStatus(facts: VisaFacts, year: number, today: string, policy: Pick<RegistryPolicy, 'visaWindow' | 'yearsWithoutVisaForCancellation'>): VisaStatusResult {
  const none = (status: VisaStatus): VisaStatusResult => ({ status, yearsWithout: 0, proposeCancellation: false });
  if (!facts.registeredOn || !facts.inForce) return none('KAPSAM_DISI');
  const registeredYear = Number(facts.registeredOn.slice(0, 4));
  if (year < registeredYear) return none('KAPSAM_DISI');
  if (year === registeredYear) return none('VIZELI');

  const state = applicationFor(facts, year);
  if (state === 'ONAY') return none('VIZELI');
  if (state === 'BASVURU' || state === 'INCELEME' || state === 'EKSIK') return none('INCELEMEDE');
  if (today <= monthDayInYear(policy.visaWindow.end, year)) return none('DONEM_ACIK');

  let yearsWithout = 0;
  for (let y = year; y > registeredYear; y--) {
    if (applicationFor(facts, y) === 'ONAY') break;
    yearsWithout++;
  }
  const proposeCancellation = yearsWithout >= policy.yearsWithoutVisaForCancellation;
  return { status: proposeCancellation ? 'VIZESIZ_N_YIL' : 'GECIKMIS', yearsWithout, proposeCancellation };
}

export const VISA_ACTIONS = {
  startReview: { from: ['BASVURU'], to: 'INCELEME' },
  approve: { from: ['INCELEME'], to: 'ONAY' },
  markMissing: { from: ['INCELEME'], to: 'EKSIK' },
  resubmit: { from: ['EKSIK'], to: 'INCELEME' },
  reject: { from: ['INCELEME'], to: 'RED' },
} as const satisfies Record<string, { from: readonly VisaApplicationState[]; to: VisaApplicationState }>;
export type VisaActionName = keyof typeof VISA_ACTIONS;

/** The visa steps that need a written reason (documents missing, refusal). */
export const VISA_ACTIONS_WITH_REASON: readonly VisaActionName[] = ['markMissing', 'reject'];

/** What a visa step's input lacks; the handler refuses it, the step's dialog shows it before sending. */
export function missingVisaStepInput(action: VisaActionName, input: { reason?: string | null }): IssueInput[] {
  if (VISA_ACTIONS_WITH_REASON.includes(action) && !input.reason?.trim()) return [{ path: 'reason', label: 'Gerekçe', message: msg('registry.buIslemIcinGerekce') }];
  return [];
}
