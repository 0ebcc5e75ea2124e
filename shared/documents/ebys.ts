// The sayı EBYS gives a letter when it is signed: `E-<DETSİS no of the unit>-<standard file plan code>-<record no>`,
// e.g. `E-67915368-903.07.02-4752` (DOMAIN.md §9a). Köprü never invents one: a draft says so, and the clerk records
// the number EBYS gave afterwards. This module checks what the clerk typed.

export const EBYS_PENDING = '(EBYS tarafından verilecektir)';

export interface EbysNumber {
  detsisNo: string;
  /** Standard file plan (SDP) code, e.g. "903.07.02". */
  fileCode: string;
  recordNo: string;
}

/** Why a typed sayı does not fit; each has a message in the catalogue (`documents.ebys<Problem>`). */
export type EbysProblem = 'empty' | 'shape' | 'detsis' | 'fileCode' | 'recordNo' | 'otherUnit';

const DETSIS = /^\d{8}$/;
/** A main code of three digits, then up to four sub-levels of two digits. */
const FILE_CODE = /^\d{3}(\.\d{2}){0,4}$/;
const RECORD_NO = /^\d{1,10}$/;

/** Tidies what a clerk typed or pasted: spaces dropped, a lower-case "e-" raised, dashes of any kind made hyphens. */
export function normaliseEbysNumber(text: string): string {
  return text
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^e-/, 'E-');
}

export function isDetsisNo(text: string): boolean {
  return DETSIS.test(text);
}

export function parseEbysNumber(text: string): { ok: true; value: EbysNumber; normalised: string } | { ok: false; problem: EbysProblem } {
  const s = normaliseEbysNumber(text);
  if (!s) return { ok: false, problem: 'empty' };
  const parts = s.split('-');
  if (parts.length !== 4 || parts[0] !== 'E') return { ok: false, problem: 'shape' };
  const [, detsisNo, fileCode, recordNo] = parts as [string, string, string, string];
  if (!DETSIS.test(detsisNo)) return { ok: false, problem: 'detsis' };
  if (!FILE_CODE.test(fileCode)) return { ok: false, problem: 'fileCode' };
  if (!RECORD_NO.test(recordNo)) return { ok: false, problem: 'recordNo' };
  return { ok: true, value: { detsisNo, fileCode, recordNo }, normalised: s };
}

/**
 * Checks a sayı recorded for a letter the given unit signed: its shape, and that its DETSİS part is that unit's.
 * `expectedDetsis` null: the unit's number is not known here, so only the shape is checked.
 */
export function checkEbysNumber(text: string, expectedDetsis: string | null): { ok: true; normalised: string } | { ok: false; problem: EbysProblem } {
  const parsed = parseEbysNumber(text);
  if (!parsed.ok) return parsed;
  if (expectedDetsis && parsed.value.detsisNo !== expectedDetsis) return { ok: false, problem: 'otherUnit' };
  return { ok: true, normalised: parsed.normalised };
}

/** Is this text an EBYS sayı at all (older records hold free-form numbers, shown as they are)? */
export function looksLikeEbysNumber(text: string | null | undefined): boolean {
  return !!text && parseEbysNumber(text).ok;
}
