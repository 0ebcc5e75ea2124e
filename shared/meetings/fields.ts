// Meeting vocabularies (DOMAIN.md §5): statuses and the workflow between them, participant kinds, request
// categories, decision statuses, attachment kinds, workshop kinds. Handlers enforce the workflow; the screens
// show only the actions it allows.

import type { IssueInput } from '../contract/core';
import { msg, type Msg } from '../contract/errors';

export const MEETING_STATES = ['PLANLANDI', 'DAVET_GONDERILDI', 'YAPILDI', 'ERTELENDI', 'IPTAL'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  PLANLANDI: 'Planlandı',
  DAVET_GONDERILDI: 'Davet gönderildi',
  YAPILDI: 'Yapıldı',
  ERTELENDI: 'Ertelendi',
  IPTAL: 'İptal',
};

export const MEETING_ACTION_NAMES = ['invite', 'hold', 'postpone', 'reschedule', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTION_NAMES)[number];

export interface MeetingActionDef {
  from: readonly MeetingState[];
  to: MeetingState;
  label: string;
  /** Fields the action must carry (checked by the handler, named in its message). */
  requires: readonly ('letterDate' | 'letterNo' | 'reason' | 'date')[];
}

export const MEETING_ACTIONS: Record<MeetingAction, MeetingActionDef> = {
  invite: { from: ['PLANLANDI'], to: 'DAVET_GONDERILDI', label: 'Davet gönderildi olarak işaretle', requires: ['letterDate', 'letterNo'] },
  hold: { from: ['PLANLANDI', 'DAVET_GONDERILDI'], to: 'YAPILDI', label: 'Toplantı yapıldı', requires: [] },
  postpone: { from: ['PLANLANDI', 'DAVET_GONDERILDI'], to: 'ERTELENDI', label: 'Ertele', requires: ['reason'] },
  reschedule: { from: ['ERTELENDI'], to: 'PLANLANDI', label: 'Yeni tarih ver', requires: ['date'] },
  cancel: { from: ['PLANLANDI', 'DAVET_GONDERILDI', 'ERTELENDI'], to: 'IPTAL', label: 'İptal et', requires: ['reason'] },
};

const REQUIRED: Record<MeetingActionDef['requires'][number], { label: string; message: Msg }> = {
  letterDate: { label: 'Evrak tarihi', message: msg('meetings.davetYazisininTarihiniGirin') },
  letterNo: { label: 'Evrak sayısı', message: msg('meetings.davetYazisininSayisiniGirin') },
  reason: { label: 'Gerekçe', message: msg('meetings.buIslemIcinGerekce') },
  date: { label: 'Yeni tarih', message: msg('meetings.toplantininYeniTarihiniGirin') },
};

/** What a step's input lacks of what the step requires; the handler refuses these, the dialog shows them first. */
export function missingMeetingStepInput(
  action: MeetingAction,
  input: Partial<Record<MeetingActionDef['requires'][number], string | null>>,
): IssueInput[] {
  return MEETING_ACTIONS[action].requires.filter((field) => !input[field]?.trim()).map((field) => ({ path: field, ...REQUIRED[field] }));
}

export function meetingActionsFrom(state: MeetingState): MeetingAction[] {
  return MEETING_ACTION_NAMES.filter((a) => MEETING_ACTIONS[a].from.includes(state));
}

/** Minutes, requests and decisions are recorded for a meeting that took place. */
export function recordsMinutes(state: MeetingState): boolean {
  return state === 'YAPILDI';
}

/** The plan (date, hall, agenda, invitees) can change until the meeting is held or cancelled. */
export function plansEditable(state: MeetingState): boolean {
  return state === 'PLANLANDI' || state === 'DAVET_GONDERILDI' || state === 'ERTELENDI';
}

export const PARTICIPANT_KINDS = ['KAMU_PERSONELI', 'GENCLIK_MERKEZI', 'STK', 'YEREL_YONETIM', 'UNIVERSITE', 'GENC', 'DIGER'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_LABELS: Record<ParticipantKind, string> = {
  KAMU_PERSONELI: 'Bakanlık / il müdürlüğü personeli',
  GENCLIK_MERKEZI: 'Gençlik merkezi personeli',
  STK: 'STK temsilcisi',
  YEREL_YONETIM: 'Yerel yönetim temsilcisi',
  UNIVERSITE: 'Üniversite temsilcisi',
  GENC: 'Genç katılımcı',
  DIGER: 'Diğer',
};

export const REQUEST_CATEGORIES = ['PROJE_DESTEGI', 'MEKAN_KULLANIMI', 'EGITIM_KAPASITE', 'MEVZUAT', 'ORTAK_ETKINLIK', 'DIGER'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  PROJE_DESTEGI: 'Proje desteği',
  MEKAN_KULLANIMI: 'Gençlik merkezi mekânının kullanımı',
  EGITIM_KAPASITE: 'Eğitim / kapasite geliştirme',
  MEVZUAT: 'Mevzuat / bürokrasi',
  ORTAK_ETKINLIK: 'Ortak etkinlik',
  DIGER: 'Diğer',
};

export const DECISION_STATES = ['ACIK', 'DEVAM', 'TAMAMLANDI', 'IPTAL'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];
export const DECISION_STATE_LABELS: Record<DecisionState, string> = {
  ACIK: 'Açık',
  DEVAM: 'Devam ediyor',
  TAMAMLANDI: 'Tamamlandı',
  IPTAL: 'İptal',
};
/** Decisions a later meeting must review. */
export const OPEN_DECISION_STATES: readonly DecisionState[] = ['ACIK', 'DEVAM'];

export const MEETING_FILE_KINDS = ['HAZIRUN', 'FOTOGRAF', 'TUTANAK', 'DAVET', 'DIGER'] as const;
export type MeetingFileKind = (typeof MEETING_FILE_KINDS)[number];
export const MEETING_FILE_KIND_LABELS: Record<MeetingFileKind, string> = {
  HAZIRUN: 'İmzalı hazirun listesi',
  FOTOGRAF: 'Fotoğraf',
  TUTANAK: 'İmzalı tutanak',
  DAVET: 'Davet yazısı',
  DIGER: 'Diğer',
};

export const WORKSHOP_KINDS = ['BOLGE_CALISTAYI', 'ULUSAL_ZIRVE'] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];
export const WORKSHOP_KIND_LABELS: Record<WorkshopKind, string> = {
  BOLGE_CALISTAYI: 'Bölge çalıştayı',
  ULUSAL_ZIRVE: 'Ulusal zirve',
};

/** The planner's verdict on one youth centre in one term. */
export const TERM_CELL_STATES = ['YAPILDI', 'PLANLANDI', 'GECIKTI', 'EKSIK', 'BEKLIYOR'] as const;
export type TermCellState = (typeof TERM_CELL_STATES)[number];
export const TERM_CELL_STATE_LABELS: Record<TermCellState, string> = {
  YAPILDI: 'Yapıldı',
  PLANLANDI: 'Planlandı',
  GECIKTI: 'Gecikti (tarihi geçti, yapıldı kaydı yok)',
  EKSIK: 'Yapılmadı (dönem bitti)',
  BEKLIYOR: 'Henüz planlanmadı',
};
