import { describe, expect, it } from 'vitest';
import { normaliseSheetCode, parseRowNumbers, sheetCode, sheetRows } from '../../shared/meetings/sheet';

// The attendance sheet's way back to data: numbered rows, a code for the exact printed list.

const p = (id: string, kind: 'STK' | 'KAMU_PERSONELI' | 'GENC', fullName: string, invited = true) => ({ id, kind, fullName, invited });

describe('the attendance sheet', () => {
  it('lists invitees by kind, then in Turkish alphabetical order; walk-ins are not printed', () => {
    const rows = sheetRows([p('1', 'STK', 'Zeynep Çelik'), p('2', 'STK', 'Çağrı Uzun'), p('3', 'STK', 'Cem Ak'), p('4', 'GENC', 'Şule Öz', false)]);
    expect(rows.map((r) => r.fullName)).toEqual(['Cem Ak', 'Çağrı Uzun', 'Zeynep Çelik']);
  });

  it('its code names the meeting and changes when the printed list would differ', () => {
    const a = [p('1', 'STK', 'Ali'), p('2', 'STK', 'Veli')];
    const code = sheetCode('0190f2a1-0000-7000-8000-00000000abcd', a);
    expect(code).toMatch(/^00ABCD-[0-9A-Z]{5}$/);
    expect(sheetCode('0190f2a1-0000-7000-8000-00000000abcd', a)).toBe(code);
    expect(sheetCode('0190f2a1-0000-7000-8000-00000000abcd', [...a, p('3', 'STK', 'Can')])).not.toBe(code);
    expect(sheetCode('0190f2a1-0000-7000-8000-00000000abcd', [a[1]!, a[0]!])).not.toBe(code);
    expect(normaliseSheetCode(` ${code.toLowerCase()} `)).toBe(code);
  });

  it('reads row numbers as a clerk types them', () => {
    expect(parseRowNumbers('1, 3 5-7;9')).toEqual({ ok: true, rows: [1, 3, 5, 6, 7, 9] });
    expect(parseRowNumbers('2,2, 1')).toEqual({ ok: true, rows: [1, 2] });
    expect(parseRowNumbers('1, iki')).toEqual({ ok: false, bad: 'iki' });
    expect(parseRowNumbers('0')).toEqual({ ok: false, bad: '0' });
    expect(parseRowNumbers('7-5')).toEqual({ ok: false, bad: '7-5' });
  });
});
