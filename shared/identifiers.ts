// Validation and normalisation of Turkish identifiers (DOMAIN.md §7). Pure functions, no I/O.

const digitsOf = (s: string): number[] => [...s].map(Number);

/** TC Kimlik No: 11 digits, first ≠ 0, two check digits. */
export function isValidTcKimlikNo(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = digitsOf(value);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  if (d10 !== d[9]) return false;
  const d11 = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d11 === d[10];
}

/** Masks a TC Kimlik No for display: `123******46`. Never shows more than the first 3 and last 2 digits. */
export function maskTcKimlikNo(value: string): string {
  if (value.length !== 11) return '***********';
  return `${value.slice(0, 3)}******${value.slice(9)}`;
}

/** Vergi Kimlik No: 10 digits with the Revenue Administration's check digit. */
export function isValidVkn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const d = digitsOf(value);
  let sum = 0;
  for (let i = 1; i <= 9; i++) {
    const p = (d[i - 1]! + 10 - i) % 10;
    if (p === 0) continue;
    let v = (p * 2 ** (10 - i)) % 9;
    if (v === 0) v = 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10 === d[9];
}

/** DERBİS kütük no `PP-NNN-NNN` (also written with `/`), normalised to dashes; null when malformed. */
export function normaliseKutukNo(value: string): string | null {
  const m = /^\s*(\d{2})\s*[-/]\s*(\d{3})\s*[-/]\s*(\d{3})\s*$/.exec(value);
  if (!m) return null;
  const plate = Number(m[1]);
  if (plate < 1 || plate > 81) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export type PhoneKind = 'mobile' | 'landline' | 'service';

/**
 * Normalises a Turkish phone number to E.164 (`+905321234567`), accepting spaces, dashes, parentheses and a
 * leading 0, +90 or 0090. `444 xx xx` service numbers are kept as their 7 digits. Returns null when invalid.
 */
export function normalisePhone(value: string): string | null {
  const compact = value.replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  if (/^444\d{4}$/.test(compact)) return compact;
  let national = compact;
  if (national.startsWith('+90')) national = national.slice(3);
  else if (national.startsWith('0090')) national = national.slice(4);
  else if (national.startsWith('90') && national.length === 12) national = national.slice(2);
  else if (national.startsWith('0')) national = national.slice(1);
  if (!/^[2-5]\d{9}$/.test(national)) return null;
  return `+90${national}`;
}

export function phoneKind(e164: string): PhoneKind {
  if (/^444\d{4}$/.test(e164)) return 'service';
  return e164.startsWith('+905') ? 'mobile' : 'landline';
}

/** Displays a stored phone number as `0 (5xx) xxx xx xx` (service numbers as `444 xx xx`). */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  if (/^444\d{4}$/.test(stored)) return `444 ${stored.slice(3, 5)} ${stored.slice(5)}`;
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(stored);
  return m ? `0 (${m[1]}) ${m[2]} ${m[3]} ${m[4]}` : stored;
}

/** Postal code: 5 digits whose first two are a plate code (01–81). */
export function isValidPostalCode(value: string, plate?: string): boolean {
  if (!/^\d{5}$/.test(value)) return false;
  const p = Number(value.slice(0, 2));
  if (p < 1 || p > 81) return false;
  return plate === undefined || value.slice(0, 2) === plate;
}
