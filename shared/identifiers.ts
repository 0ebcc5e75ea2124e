// Validation and normalisation of Turkish identifiers (DOMAIN.md §7). Pure functions, no I/O.

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { msg, renderMsg, type Msg } from './contract/errors';

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

export type PhoneKind = 'mobile' | 'landline' | 'service' | 'international';

// Phone numbers are checked against libphonenumber-js's `max` metadata: only its per-type patterns know Turkey's
// area codes (`min` accepts any 10 digits starting 2–5 or 8, so 0200 … would pass). The metadata version is
// pinned by package-lock, and the stored form depends only on the digits typed, so every installation stores
// the same value for the same number.
//
// Stored forms (unchanged from earlier versions, so old databases and exchange files need no migration):
// - Turkish numbers: E.164, `+90` + the national number (`+905321234567`, `+908502221234`);
// - `444 x xxx` short numbers (valid everywhere in Turkey without an area code): their 7 digits, `4441444`;
// - foreign numbers: E.164 (`+49301234567`).

/** `0822` numbers are in BTK's numbering plan but not in libphonenumber's metadata for Turkey. */
const EXTRA_TURKISH_NUMBER = /^822\d{7}$/;

// What is wrong is a catalogue message (shared/contract/errors/schema.ts, `schema.phone.*`): the form shows it in
// the interface language; the Turkish is the zod issue's text and the import report's.
type PhoneReading = { ok: true; stored: string } | { ok: false; problem: Msg };

function readPhone(value: string): PhoneReading {
  const written = value.trim();
  const compact = written.replace(/[\s().\-/]/g, '');
  const wrong = (problem: Msg): PhoneReading => ({ ok: false, problem });
  if (!compact) return wrong(msg('schema.phone.empty'));
  if (!/^(\+|00)?\d+$/.test(compact)) return wrong(msg('schema.phone.characters', { written }));
  let international: string | null = null;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (compact.startsWith('90') && compact.length === 12) international = `+${compact}`;
  if (international && !international.startsWith('+90')) {
    const parsed = parsePhoneNumberFromString(international);
    if (!parsed) return wrong(msg('schema.phone.countryUnknown', { start: international.slice(0, 4) }));
    if (!parsed.isValid()) return wrong(msg('schema.phone.foreignInvalid', { number: parsed.formatInternational(), country: parsed.country ?? `+${parsed.countryCallingCode}` }));
    return { ok: true, stored: parsed.number };
  }
  const national = international ? international.slice(3) : compact.replace(/^0/, '');
  if (national === '') return wrong(msg('schema.phone.missing'));
  if (EXTRA_TURKISH_NUMBER.test(national)) return { ok: true, stored: `+90${national}` };
  const parsed = parsePhoneNumberFromString(national, 'TR');
  if (parsed?.isValid()) return { ok: true, stored: /^444\d{4}$/.test(parsed.nationalNumber) ? parsed.nationalNumber : `+90${parsed.nationalNumber}` };
  if (/^444/.test(national)) return wrong(msg('schema.phone444Length'));
  if (national.length < 10) return wrong(msg('schema.phone.tooShort', { count: national.length }));
  if (national.length > 10 && !national.startsWith('80')) return wrong(msg('schema.phone.tooLong', { count: national.length }));
  const prefix = national.slice(0, 3);
  const key = national.startsWith('5') ? 'schema.phone.noSuchMobile' : national.startsWith('8') || national.startsWith('9') ? 'schema.phone.noSuchService' : 'schema.phone.noSuchAreaCode';
  return wrong(msg(key, { prefix }));
}

/**
 * Normalises a phone number to its stored form (see above), accepting spaces, dashes, dots, parentheses and a
 * leading 0, 90, +90 or 0090; null when it is not a real number.
 */
export function normalisePhone(value: string): string | null {
  const reading = readPhone(value);
  return reading.ok ? reading.stored : null;
}

/** What is wrong with a phone number as typed, as a catalogue message; null when it is a real number. */
export function phoneProblem(value: string): Msg | null {
  const reading = readPhone(value);
  return reading.ok ? null : reading.problem;
}

/** The same in Turkish (the CLI, the tests that read it). */
export function phoneIssue(value: string): string | null {
  const problem = phoneProblem(value);
  return problem ? renderMsg(problem) : null;
}

export function phoneKind(stored: string): PhoneKind {
  if (/^444\d{4}$/.test(stored)) return 'service';
  if (!stored.startsWith('+90')) return 'international';
  if (stored.startsWith('+905')) return 'mobile';
  return /^\+90[89]/.test(stored) ? 'service' : 'landline';
}

/**
 * Displays a stored phone number: Turkish numbers as `0 (5xx) xxx xx xx`, `444 xx xx`, foreign ones in the
 * international format (`+49 30 1234567`). A value stored by an older version in another shape is shown as is.
 */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  if (/^444\d{4}$/.test(stored)) return `444 ${stored.slice(3, 5)} ${stored.slice(5)}`;
  const turkish = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})(\d*)$/.exec(stored);
  if (turkish) return `0 (${turkish[1]}) ${turkish[2]} ${turkish[3]} ${turkish[4]}${turkish[5] ? ` ${turkish[5]}` : ''}`;
  if (stored.startsWith('+')) return parsePhoneNumberFromString(stored)?.formatInternational() ?? stored;
  return stored;
}

/** Postal code: 5 digits whose first two are a plate code (01–81). */
export function isValidPostalCode(value: string, plate?: string): boolean {
  if (!/^\d{5}$/.test(value)) return false;
  const p = Number(value.slice(0, 2));
  if (p < 1 || p > 81) return false;
  return plate === undefined || value.slice(0, 2) === plate;
}
