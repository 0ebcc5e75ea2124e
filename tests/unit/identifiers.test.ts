import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  isValidPostalCode,
  isValidTcKimlikNo,
  isValidVkn,
  maskTcKimlikNo,
  normaliseKutukNo,
  normalisePhone,
  phoneIssue,
  phoneKind,
} from '../../shared/identifiers';
import { phone } from '../../shared/contract/fields';
import { UUID_V7, uuidv7 } from '../../shared/ids';

/** Completes a 9-digit prefix with the two TC Kimlik check digits, as DOMAIN.md §7 defines them. */
function withTcCheckDigits(prefix: number[]): string {
  const odd = prefix[0]! + prefix[2]! + prefix[4]! + prefix[6]! + prefix[8]!;
  const even = prefix[1]! + prefix[3]! + prefix[5]! + prefix[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (prefix.reduce((a, b) => a + b, 0) + d10) % 10;
  return [...prefix, d10, d11].join('');
}

const tcPrefix = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
  .map(([first, rest]) => [first, ...rest]);

describe('TC Kimlik No', () => {
  it.each(['10000000146', '17291716060'])('accepts the valid number %s', (value) => {
    expect(isValidTcKimlikNo(value)).toBe(true);
  });

  it.each([
    ['17291716050', 'wrong check digits'],
    ['07291716092', 'first digit 0'],
    ['1729171606', '10 digits'],
    ['172917160600', '12 digits'],
    ['1729171606a', 'a letter'],
    ['17291 716060', 'a space'],
    [' 17291716060', 'leading space'],
    ['', 'empty'],
    ['١٧٢٩١٧١٦٠٦٠', 'non-ASCII digits'],
  ])('refuses %s (%s)', (value) => {
    expect(isValidTcKimlikNo(value)).toBe(false);
  });

  it('accepts every number built with the §7 check-digit rule', () => {
    fc.assert(
      fc.property(tcPrefix, (prefix) => {
        expect(isValidTcKimlikNo(withTcCheckDigits(prefix))).toBe(true);
      }),
    );
  });

  it('refuses any single-digit typo of a valid number', () => {
    fc.assert(
      fc.property(tcPrefix, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (prefix, position, delta) => {
        const valid = withTcCheckDigits(prefix);
        const digits = [...valid].map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        expect(isValidTcKimlikNo(digits.join(''))).toBe(false);
      }),
    );
  });

  it('masks as 123******46: first three and last two digits only', () => {
    expect(maskTcKimlikNo('17291716060')).toBe('172******60');
    expect(maskTcKimlikNo('10000000146')).toBe('100******46');
    fc.assert(
      fc.property(tcPrefix, (prefix) => {
        const value = withTcCheckDigits(prefix);
        const masked = maskTcKimlikNo(value);
        expect(masked).toMatch(/^\d{3}\*{6}\d{2}$/);
        expect(masked.slice(0, 3)).toBe(value.slice(0, 3));
        expect(masked.slice(9)).toBe(value.slice(9));
      }),
    );
  });

  it('never reveals digits of a malformed value when masking', () => {
    for (const value of ['1729171606', '172917160601', '']) {
      expect(maskTcKimlikNo(value)).not.toMatch(/\d/);
    }
  });
});

describe('Vergi Kimlik No', () => {
  it.each(['4540536920', '1234567890'])('accepts the valid number %s', (value) => {
    expect(isValidVkn(value)).toBe(true);
  });

  it.each(['4540536921', '454053692', '45405369200', '454053692a', '', '4540 536920'])('refuses %s', (value) => {
    expect(isValidVkn(value)).toBe(false);
  });

  it('has exactly one valid check digit for every 9-digit prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (prefix) => {
        const valid = Array.from({ length: 10 }, (_, d) => `${prefix.join('')}${d}`).filter(isValidVkn);
        expect(valid).toHaveLength(1);
      }),
    );
  });
});

describe('DERBİS kütük no', () => {
  it('normalises / to - and keeps dashes', () => {
    expect(normaliseKutukNo('06/123/456')).toBe('06-123-456');
    expect(normaliseKutukNo('06-123-456')).toBe('06-123-456');
    expect(normaliseKutukNo(' 34 / 001 - 002 ')).toBe('34-001-002');
    expect(normaliseKutukNo('81-999-999')).toBe('81-999-999');
    expect(normaliseKutukNo('01-000-001')).toBe('01-000-001');
  });

  it('refuses plate codes outside 01–81', () => {
    expect(normaliseKutukNo('00-123-456')).toBeNull();
    expect(normaliseKutukNo('82-123-456')).toBeNull();
    expect(normaliseKutukNo('99/123/456')).toBeNull();
  });

  it.each(['6-123-456', '06-12-456', '06-123-4567', '06123456', '06.123.456', 'AB-123-456', ''])('refuses the malformed %s', (value) => {
    expect(normaliseKutukNo(value)).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each([
    '0532 123 45 67',
    '05321234567',
    '5321234567',
    '0 (532) 123 45 67',
    '(0532) 123-45-67',
    '+90 532 123 45 67',
    '+905321234567',
    '0090 532 123 45 67',
    '00905321234567',
    '90 532 123 45 67',
    '  0532.123.45.67 ',
  ])('normalises the mobile number written as "%s" to E.164', (written) => {
    expect(normalisePhone(written)).toBe('+905321234567');
  });

  it.each([
    ['0 (312) 555 12 34', '+903125551234'],
    ['0312 555 1234', '+903125551234'],
    ['+90 (216) 444 00 00', '+902164440000'],
    ['0462 222 33 44', '+904622223344'],
  ])('normalises the landline %s', (written, e164) => {
    expect(normalisePhone(written)).toBe(e164);
  });

  it.each([
    ['0850 222 12 34', '+908502221234', 'service', '0 (850) 222 12 34'],
    ['0800 211 00 00', '+908002110000', 'service', '0 (800) 211 00 00'],
    ['0822 123 45 67', '+908221234567', 'service', '0 (822) 123 45 67'],
    ['444 1 444', '4441444', 'service', '444 14 44'],
    ['0444 1 444', '4441444', 'service', '444 14 44'],
    ['+90 444 1 444', '4441444', 'service', '444 14 44'],
    ['444 12 34', '4441234', 'service', '444 12 34'],
    ['0 (232) 489 10 00', '+902324891000', 'landline', '0 (232) 489 10 00'],
    ['0216 1234567', '+902161234567', 'landline', '0 (216) 123 45 67'],
    ['0442 231 00 00', '+904422310000', 'landline', '0 (442) 231 00 00'],
    ['0501 234 56 78', '+905012345678', 'mobile', '0 (501) 234 56 78'],
    ['0 510 123 45 67', '+905101234567', 'mobile', '0 (510) 123 45 67'],
    ['+49 30 1234567', '+49301234567', 'international', '+49 30 1234567'],
    ['0049 30 1234567', '+49301234567', 'international', '+49 30 1234567'],
    ['+1 212 555 1234', '+12125551234', 'international', '+1 212 555 1234'],
  ])('accepts the real number %s, stores %s (%s) and shows %s', (written, stored, kind, shown) => {
    expect(normalisePhone(written)).toBe(stored);
    expect(phoneIssue(written)).toBeNull();
    expect(phoneKind(stored)).toBe(kind);
    expect(formatPhone(stored)).toBe(shown);
    expect(normalisePhone(shown)).toBe(stored);
  });

  it.each([
    ['0200 123 45 67', '0200 ile başlayan bir alan kodu yok'],
    ['+90 211 123 45 67', '0211 ile başlayan bir alan kodu yok'],
    ['0132 123 45 67', '0132 ile başlayan bir alan kodu yok'],
    ['0632 123 45 67', '0632 ile başlayan bir alan kodu yok'],
    ['0590 123 45 67', '0590 ile başlayan bir GSM numarası yok'],
    ['0870 123 45 67', '0870 ile başlayan bir hizmet numarası yok'],
    ['0532 123 45 6', 'eksik: alan koduyla birlikte 10 hane olmalı, 9 hane yazıldı'],
    ['0532 123 45 678', 'fazla uzun'],
    ['444 12 3', '444 ile başlayan numaralar 7 hanelidir'],
    ['0532 123 45 6a', 'yalnız rakam'],
    ['+', 'yalnız rakam'],
    ['05321234567+', 'yalnız rakam'],
    ['', 'boş'],
    ['+999 123 4567', 'ülke kodu tanınmadı'],
    ['+49 30 12', 'geçerli bir DE numarası değil'],
  ])('refuses the impossible number "%s", saying %s', (written, says) => {
    expect(normalisePhone(written)).toBeNull();
    expect(phoneIssue(written)).toContain(says);
  });

  it('the phone field of every form refuses an impossible number with that message and accepts an empty one', () => {
    const refused = phone.safeParse('0200 123 45 67');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('0200 ile başlayan bir alan kodu yok');
    expect(phone.safeParse('').success).toBe(true);
    expect(phone.safeParse(null).success).toBe(true);
    expect(phone.safeParse('0850 222 12 34').success).toBe(true);
  });

  it('shows a value stored by an older version in another shape as it is', () => {
    expect(formatPhone('0312 555 12 34 dahili 12')).toBe('0312 555 12 34 dahili 12');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone(undefined)).toBe('');
  });

  it('reads its own display format back to the same stored number', () => {
    const areaCodes = ['212', '216', '232', '312', '322', '442', '488', '505', '532', '555', '850'];
    fc.assert(
      fc.property(fc.constantFrom(...areaCodes), fc.stringMatching(/^\d{7}$/), (area, rest) => {
        const stored = `+90${area}${rest}`;
        expect(normalisePhone(stored)).toBe(stored);
        expect(normalisePhone(formatPhone(stored))).toBe(stored);
      }),
    );
  });
});

describe('postal code', () => {
  it('accepts 5 digits whose first two are a plate code', () => {
    expect(isValidPostalCode('06100')).toBe(true);
    expect(isValidPostalCode('81000')).toBe(true);
    expect(isValidPostalCode('01000')).toBe(true);
  });

  it('checks the plate against the given province', () => {
    expect(isValidPostalCode('06100', '06')).toBe(true);
    expect(isValidPostalCode('06100', '34')).toBe(false);
  });

  it.each(['00100', '82100', '6100', '061000', '06 100', 'ABCDE', ''])('refuses %s', (value) => {
    expect(isValidPostalCode(value)).toBe(false);
  });
});

describe('uuidv7', () => {
  it('has the RFC 9562 v7 layout', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(UUID_V7);
  });

  it('carries its creation time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 25, 12, 30, 0, 123);
    const id = uuidv7(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts as text in creation-time order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 40 }), (t, gap) => {
        expect(uuidv7(t) < uuidv7(t + gap)).toBe(true);
      }),
    );
  });

  it('does not repeat within the same millisecond', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 2000 }, () => uuidv7(at)));
    expect(ids.size).toBe(2000);
  });
});
