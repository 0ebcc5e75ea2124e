import { formatDateTr, parseDateTr } from '../../shared/turkish';

// Dates are typed and shown as GG.AA.YYYY and travel as ISO-8601. An input holds the typed text; the form
// converts it on submit and reports a text that is no date at all, or a date that does not exist.

export type DateProblem = 'format' | 'impossible';

export interface DateCheck {
  /** ISO date, or null when the text is empty or not a date. */
  iso: string | null;
  problem: DateProblem | null;
}

export function checkDateTr(text: string): DateCheck {
  const trimmed = text.trim();
  if (!trimmed) return { iso: null, problem: null };
  const iso = parseDateTr(trimmed);
  if (iso) return { iso, problem: null };
  const looksLikeDate = /^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(trimmed);
  return { iso: null, problem: looksLikeDate ? 'impossible' : 'format' };
}

/** ISO → the text an input starts with. */
export function dateText(iso: string | null | undefined): string {
  return formatDateTr(iso);
}

/** Today in Turkey (UTC+3), as ISO. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
}

/** An ISO instant as Turkey's wall clock, GG.AA.YYYY SS:DD (e.g. when a backup was taken). */
export function dateTimeTr(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Istanbul', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}
