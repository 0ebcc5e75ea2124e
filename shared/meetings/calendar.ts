// Days a meeting is unlikely to be held on (issue #17): a weekend, or one of Turkey's national holidays with a
// fixed date (Law 2429). The form warns and still lets the clerk save: a youth centre may well meet on a
// Saturday. The religious holidays (Ramazan and Kurban Bayramı) move every year and are not listed here yet.

export interface FixedHoliday {
  /** `MM-DD`. */
  day: string;
  tr: string;
  en: string;
}

export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { day: '01-01', tr: 'Yılbaşı', en: 'New Year’s Day' },
  { day: '04-23', tr: 'Ulusal Egemenlik ve Çocuk Bayramı', en: 'National Sovereignty and Children’s Day' },
  { day: '05-01', tr: 'Emek ve Dayanışma Günü', en: 'Labour and Solidarity Day' },
  { day: '05-19', tr: 'Atatürk’ü Anma, Gençlik ve Spor Bayramı', en: 'Commemoration of Atatürk, Youth and Sports Day' },
  { day: '07-15', tr: 'Demokrasi ve Millî Birlik Günü', en: 'Democracy and National Unity Day' },
  { day: '08-30', tr: 'Zafer Bayramı', en: 'Victory Day' },
  { day: '10-29', tr: 'Cumhuriyet Bayramı', en: 'Republic Day' },
];

export type DayWarning = { kind: 'holiday'; holiday: FixedHoliday } | { kind: 'weekend'; saturday: boolean } | null;

/** What to warn about a meeting on `iso` (`YYYY-MM-DD`): a fixed national holiday first, then a weekend. */
export function dayWarning(iso: string): DayWarning {
  const holiday = FIXED_HOLIDAYS.find((h) => h.day === iso.slice(5, 10));
  if (holiday) return { kind: 'holiday', holiday };
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return weekday === 6 || weekday === 0 ? { kind: 'weekend', saturday: weekday === 6 } : null;
}
