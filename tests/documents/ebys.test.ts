import { describe, expect, it } from 'vitest';
import { checkEbysNumber, looksLikeEbysNumber, normaliseEbysNumber, parseEbysNumber } from '../../shared/documents/ebys';
import { messageText } from '../../shared/contract/errors';

// The EBYS sayı a clerk records after signing: E-<DETSİS no>-<standard file plan code>-<record no>.

describe('recorded EBYS numbers', () => {
  it('reads the example of the rules into its parts', () => {
    expect(parseEbysNumber('E-67915368-903.07.02-4752')).toEqual({
      ok: true, normalised: 'E-67915368-903.07.02-4752', value: { detsisNo: '67915368', fileCode: '903.07.02', recordNo: '4752' },
    });
  });

  it('tidies what was typed or pasted: spaces, a lower-case e, typographic dashes', () => {
    expect(normaliseEbysNumber(' e-67915368 – 903.07.02 – 4752 ')).toBe('E-67915368-903.07.02-4752');
    expect(checkEbysNumber('e-67915368-903.07.02-4752', '67915368')).toEqual({ ok: true, normalised: 'E-67915368-903.07.02-4752' });
  });

  it('names what does not fit', () => {
    const problem = (text: string, detsis: string | null = null) => {
      const r = checkEbysNumber(text, detsis);
      return r.ok ? null : r.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem('V-2026-0042')).toBe('shape');
    expect(problem('67915368-903.07.02-4752')).toBe('shape');
    expect(problem('E-6791536-903.07.02-4752')).toBe('detsis');
    expect(problem('E-67915368-9030702-4752')).toBe('fileCode');
    expect(problem('E-67915368-903.07.02-47a')).toBe('recordNo');
    expect(problem('E-67915368-903.07.02-4752', '12345678')).toBe('otherUnit');
    expect(problem('E-67915368-903.07.02-4752', '67915368')).toBeNull();
    expect(problem('E-67915368-010.01-1', null)).toBeNull();
  });

  it('every problem has a message a clerk understands, in Turkish and English', () => {
    for (const key of ['documents.ebysEmpty', 'documents.ebysShape', 'documents.ebysDetsis', 'documents.ebysFileCode', 'documents.ebysRecordNo']) {
      expect(messageText(key, undefined, 'tr')).toMatch(/EBYS/);
      expect(messageText(key, undefined, 'en')).toMatch(/EBYS/);
    }
    expect(messageText('documents.ebysOtherUnit', { detsis: '67915368', unit: 'Ankara Gençlik ve Spor İl Müdürlüğü', expected: '12345678' }, 'tr')).toBe(
      'Bu EBYS sayısı başka bir birimin (67915368); Ankara Gençlik ve Spor İl Müdürlüğü biriminin DETSİS numarası 12345678. Sayıyı imzalanan yazıdan kontrol edin.',
    );
  });

  it('tells older free-form numbers from EBYS ones', () => {
    expect(looksLikeEbysNumber('E-67915368-903.07.02-4752')).toBe(true);
    expect(looksLikeEbysNumber('V-2026-0042')).toBe(false);
    expect(looksLikeEbysNumber(null)).toBe(false);
  });
});
