import { describe, expect, it } from 'vitest';
import { dayWarning, firstDayWarning, RELIGIOUS_HOLIDAYS, RELIGIOUS_HOLIDAY_YEARS } from '../../shared/meetings/calendar';

// The meeting and workshop forms warn of a weekend, a fixed national holiday or a religious holiday and its eve
// (issue #17); whether the server refuses them is the policy's (tests/meetings/plausibility.test.ts).

describe('days a meeting is unlikely to be held on', () => {
  it('names Saturdays and Sundays, and none of the working days', () => {
    expect(dayWarning('2026-12-05')).toEqual({ kind: 'weekend', saturday: true });
    expect(dayWarning('2026-12-06')).toEqual({ kind: 'weekend', saturday: false });
    for (const day of ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) expect(dayWarning(day), day).toBeNull();
  });

  it('names the fixed national holidays, whatever the weekday, before the weekend', () => {
    expect(dayWarning('2026-10-29')).toMatchObject({ kind: 'holiday', holiday: { tr: 'Cumhuriyet Bayramı' } });
    expect(dayWarning('2027-05-19')).toMatchObject({ kind: 'holiday', holiday: { tr: 'Atatürk’ü Anma, Gençlik ve Spor Bayramı' } });
    // 23 April 2028 is a Sunday: the holiday is the better reason.
    expect(dayWarning('2028-04-23')).toMatchObject({ kind: 'holiday', holiday: { en: 'National Sovereignty and Children’s Day' } });
  });

  it.each([
    ['2024-04-10', 'Ramazan Bayramı 1. gün', 'Eid al-Fitr, day 1'],
    ['2024-04-12', 'Ramazan Bayramı 3. gün', 'Eid al-Fitr, day 3'],
    ['2025-06-09', 'Kurban Bayramı 4. gün', 'Eid al-Adha, day 4'],
    ['2026-03-20', 'Ramazan Bayramı 1. gün', 'Eid al-Fitr, day 1'],
    ['2026-05-27', 'Kurban Bayramı 1. gün', 'Eid al-Adha, day 1'],
    ['2033-12-23', 'Ramazan Bayramı 1. gün', 'Eid al-Fitr, day 1'],
  ])('names the religious holiday on %s (the Diyanet’s calendar), whatever the weekday', (date, tr, en) => {
    expect(dayWarning(date)).toEqual({ kind: 'holiday', holiday: { tr, en } });
  });

  it('warns of a holiday’s eve on a working day (its afternoon is off), and the weekend comes first', () => {
    expect(dayWarning('2026-05-26')).toEqual({ kind: 'eve', holiday: { tr: 'Kurban Bayramı arifesi', en: 'Eve of Eid al-Adha' } });
    expect(dayWarning('2026-10-28')).toMatchObject({ kind: 'eve', holiday: { tr: 'Cumhuriyet Bayramı arifesi' } });
    // 19 March 2026, the Ramazan Bayramı's eve, is a Thursday; 15 June 2024, the Kurban Bayramı's eve, a Saturday.
    expect(dayWarning('2026-03-19')).toMatchObject({ kind: 'eve' });
    expect(dayWarning('2024-06-15')).toEqual({ kind: 'weekend', saturday: true });
    // The day after a feast is a working day again.
    expect(dayWarning('2026-05-31')).toEqual({ kind: 'weekend', saturday: false });
    expect(dayWarning('2026-06-01')).toBeNull();
  });

  it('has both feasts of every year the app will meet, in order, about 354 days apart', () => {
    for (let year = RELIGIOUS_HOLIDAY_YEARS.from; year <= RELIGIOUS_HOLIDAY_YEARS.to; year++) {
      const feasts = RELIGIOUS_HOLIDAYS.filter((h) => h.firstDay.startsWith(`${year}-`)).map((h) => h.feast);
      expect(feasts, String(year)).toContain('ramazan');
      if (year < RELIGIOUS_HOLIDAY_YEARS.to) expect(feasts, String(year)).toContain('kurban');
    }
    for (const feast of ['ramazan', 'kurban'] as const) {
      const days = RELIGIOUS_HOLIDAYS.filter((h) => h.feast === feast).map((h) => Date.parse(h.firstDay) / 86_400_000);
      for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBeGreaterThanOrEqual(353);
      for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBeLessThanOrEqual(356);
    }
  });

  it('finds the first holiday within a workshop’s days, leaving weekends out', () => {
    expect(firstDayWarning('2027-03-05', '2027-03-07')).toBeNull();
    expect(firstDayWarning('2027-03-05', '2027-03-10')).toEqual({ date: '2027-03-08', warning: { kind: 'eve', holiday: { tr: 'Ramazan Bayramı arifesi', en: 'Eve of Eid al-Fitr' } } });
    expect(firstDayWarning('2026-10-29', '2026-10-29')).toMatchObject({ date: '2026-10-29', warning: { kind: 'holiday' } });
  });
});
