import { describe, expect, it } from 'vitest';
import { dayWarning } from '../../shared/meetings/calendar';

// The meeting form warns of a weekend or a fixed national holiday (issue #17) and still saves.

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
});
