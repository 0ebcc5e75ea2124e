// Days a meeting or workshop is unlikely to be held on (issue #17): a weekend, one of Turkey's national holidays
// with a fixed date (Law 2429), or a religious holiday (Ramazan and Kurban Bayramı), whose eve (arife) is a half
// day off from 13.00. Whether such a day is only a warning or refused is each office's policy
// (`PlausibilityPolicy.nonWorkingDay`, default: a warning, since a youth centre may well meet on a Saturday).

export interface NamedDay {
  tr: string;
  en: string;
}

export interface FixedHoliday extends NamedDay {
  /** `MM-DD`. */
  day: string;
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

/** Law 2429: the afternoon before Republic Day is off too. */
const FIXED_EVES: readonly FixedHoliday[] = [{ day: '10-28', tr: 'Cumhuriyet Bayramı arifesi', en: 'Eve of Republic Day' }];

/**
 * First day of each religious holiday, 2020–2035, from the Diyanet İşleri Başkanlığı's "Dini Günler" calendar
 * (https://vakithesaplama.diyanet.gov.tr/dini_gunler.php). 2020–2027 are published dates (observed up to 2026);
 * 2028–2035 are the Diyanet's computed dates as transcribed (not read from the Diyanet's page here), checked
 * against the Umm al-Qura calendar (`Intl`, `islamic-umalqura`): they agree except January 2033, March 2033
 * and February 2035, where the Diyanet's global criterion starts the month a day earlier. The Ramazan Bayramı
 * lasts 3 days, the Kurban Bayramı 4; the day before each (arife) is a half day.
 * Extend the list when the Diyanet publishes further years; `RELIGIOUS_HOLIDAY_YEARS` says what it covers.
 */
export const RELIGIOUS_HOLIDAYS: readonly { feast: 'ramazan' | 'kurban'; firstDay: string }[] = [
  { feast: 'ramazan', firstDay: '2020-05-24' }, { feast: 'kurban', firstDay: '2020-07-31' },
  { feast: 'ramazan', firstDay: '2021-05-13' }, { feast: 'kurban', firstDay: '2021-07-20' },
  { feast: 'ramazan', firstDay: '2022-05-02' }, { feast: 'kurban', firstDay: '2022-07-09' },
  { feast: 'ramazan', firstDay: '2023-04-21' }, { feast: 'kurban', firstDay: '2023-06-28' },
  { feast: 'ramazan', firstDay: '2024-04-10' }, { feast: 'kurban', firstDay: '2024-06-16' },
  { feast: 'ramazan', firstDay: '2025-03-30' }, { feast: 'kurban', firstDay: '2025-06-06' },
  { feast: 'ramazan', firstDay: '2026-03-20' }, { feast: 'kurban', firstDay: '2026-05-27' },
  { feast: 'ramazan', firstDay: '2027-03-09' }, { feast: 'kurban', firstDay: '2027-05-16' },
  { feast: 'ramazan', firstDay: '2028-02-26' }, { feast: 'kurban', firstDay: '2028-05-05' },
  { feast: 'ramazan', firstDay: '2029-02-14' }, { feast: 'kurban', firstDay: '2029-04-24' },
  { feast: 'ramazan', firstDay: '2030-02-04' }, { feast: 'kurban', firstDay: '2030-04-13' },
  { feast: 'ramazan', firstDay: '2031-01-24' }, { feast: 'kurban', firstDay: '2031-04-02' },
  { feast: 'ramazan', firstDay: '2032-01-14' }, { feast: 'kurban', firstDay: '2032-03-22' },
  { feast: 'ramazan', firstDay: '2033-01-02' }, { feast: 'kurban', firstDay: '2033-03-11' },
  { feast: 'ramazan', firstDay: '2033-12-23' }, { feast: 'kurban', firstDay: '2034-03-01' },
  { feast: 'ramazan', firstDay: '2034-12-12' }, { feast: 'kurban', firstDay: '2035-02-18' },
  { feast: 'ramazan', firstDay: '2035-12-01' },
];

export const RELIGIOUS_HOLIDAY_YEARS = { from: 2020, to: 2035 } as const;

const FEASTS = {
  ramazan: { days: 3, tr: 'Ramazan Bayramı', en: 'Eid al-Fitr' },
  kurban: { days: 4, tr: 'Kurban Bayramı', en: 'Eid al-Adha' },
} as const;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The religious holiday `iso` falls on (`eve` for its arife), or null. */
function religiousHoliday(iso: string): { eve: boolean; day: NamedDay } | null {
  const n = dayNumber(iso);
  for (const { feast, firstDay } of RELIGIOUS_HOLIDAYS) {
    const offset = n - dayNumber(firstDay);
    const { days, tr, en } = FEASTS[feast];
    if (offset === -1) return { eve: true, day: { tr: `${tr} arifesi`, en: `Eve of ${en}` } };
    if (offset >= 0 && offset < days) return { eve: false, day: { tr: `${tr} ${offset + 1}. gün`, en: `${en}, day ${offset + 1}` } };
  }
  return null;
}

export type DayWarning =
  | { kind: 'holiday'; holiday: NamedDay }
  | { kind: 'eve'; holiday: NamedDay }
  | { kind: 'weekend'; saturday: boolean }
  | null;

/**
 * What to warn about a meeting on `iso` (`YYYY-MM-DD`): a public holiday first (fixed or religious), then a
 * weekend, then the eve of a holiday (its afternoon is off).
 */
export function dayWarning(iso: string): DayWarning {
  const fixed = FIXED_HOLIDAYS.find((h) => h.day === iso.slice(5, 10));
  if (fixed) return { kind: 'holiday', holiday: fixed };
  const religious = religiousHoliday(iso);
  if (religious && !religious.eve) return { kind: 'holiday', holiday: religious.day };
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
  if (weekday === 6 || weekday === 0) return { kind: 'weekend', saturday: weekday === 6 };
  if (religious) return { kind: 'eve', holiday: religious.day };
  const eve = FIXED_EVES.find((h) => h.day === iso.slice(5, 10));
  return eve ? { kind: 'eve', holiday: eve } : null;
}

/**
 * The first holiday or holiday eve from `from` to `to` (inclusive ISO dates), for a workshop that spans days.
 * Weekends are left out: a programme of several days usually runs over one.
 */
export function firstDayWarning(from: string, to: string): { date: string; warning: NonNullable<DayWarning> } | null {
  const last = dayNumber(to);
  for (let n = dayNumber(from); n <= last && n - dayNumber(from) < 60; n++) {
    const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
    const warning = dayWarning(date);
    if (warning && warning.kind !== 'weekend') return { date, warning };
  }
  return null;
}
