import { useMemo } from 'react';
import type { DecisionState, MeetingAction, MeetingFileKind, MeetingState, ParticipantKind, RequestCategory, TermCellState } from '../../../shared/meetings/fields';
import type { MeetingTerm } from '../../../shared/meetings/terms';
import { formatDateTr } from '../../../shared/turkish';
import { isMessageKey, useLocale, useT, type Translate } from '../../i18n';

// Every meeting code the server sends (states, kinds, categories, actions) in the interface language, and
// the colours that carry their meaning: green = done, blue = planned, orange = needs action, red = missed.

export const CELL_COLOURS: Record<TermCellState, string> = { YAPILDI: 'green', PLANLANDI: 'blue', GECIKTI: 'orange', EKSIK: 'red', BEKLIYOR: 'gray' };
export const STATE_COLOURS: Record<MeetingState, string> = { PLANLANDI: 'blue', DAVET_GONDERILDI: 'violet', YAPILDI: 'green', ERTELENDI: 'orange', IPTAL: 'gray' };
export const DECISION_COLOURS: Record<DecisionState, string> = { ACIK: 'blue', DEVAM: 'violet', TAMAMLANDI: 'green', IPTAL: 'gray' };
export const WORKSHOP_COLOUR = 'grape';

function monthName(locale: string, month: number): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 1)));
}

export function meetingLabels(t: Translate, locale: string) {
  return {
    state: (s: MeetingState) => t(`meetings.state.${s}`),
    cell: (s: TermCellState) => t(`meetings.cellShort.${s}`),
    cellLong: (s: TermCellState) => t(`meetings.cell.${s}`),
    kind: (k: ParticipantKind) => t(`meetings.kind.${k}`),
    category: (c: RequestCategory) => t(`meetings.category.${c}`),
    decision: (s: DecisionState) => t(`meetings.decisionState.${s}`),
    fileKind: (k: MeetingFileKind) => t(`meetings.fileKind.${k}`),
    action: (a: MeetingAction) => t(`meetings.action.${a}`),
    workshopKind: (k: string) => (isMessageKey(`meetings.workshopKind.${k}`) ? t(`meetings.workshopKind.${k}` as 'meetings.workshopKind.BOLGE_CALISTAYI') : k),
    month: (m: number) => monthName(locale, m),
    /** `2026/1 Ocak–Nisan`. */
    termHeading: (year: number, term: MeetingTerm) => `${year}/${term.no} ${capitalise(monthName(locale, term.fromMonth), locale)}–${capitalise(monthName(locale, term.toMonth), locale)}`,
    term: (year: number, no: number) => `${year}/${no}`,
    date: (iso: string | null | undefined) => (iso ? formatDateTr(iso) : t('common.notGiven')),
  };
}

export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

export type MeetingLabels = ReturnType<typeof meetingLabels>;

export function useMeetingLabels(): MeetingLabels {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => meetingLabels(t, locale), [t, locale]);
}
