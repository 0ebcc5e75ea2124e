// A key fingerprint as people read it out and type it (issue #17): 32 hex digits in groups of four. Spaces,
// dashes and case do not matter, and the letters people type for the digits they heard (O for 0; I, ı, İ or L
// for 1) are read as those digits; any other letter is named back to them instead of being dropped silently.

/** A fingerprint is 32 hex digits (8 groups of 4). */
export const FINGERPRINT_DIGITS = 32;

const MISREAD: Record<string, string> = { o: '0', O: '0', i: '1', I: '1', ı: '1', İ: '1', l: '1', L: '1' };

/** Hex digits only, upper case, misread letters as their digits: `ab12 cd34` and `AB12CD34` are the same. */
export function normaliseFingerprint(text: string): string {
  return [...text]
    .map((ch) => MISREAD[ch] ?? ch)
    .join('')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase();
}

/** The characters typed that can be no part of a fingerprint (not a digit, A–F, a misread letter or a separator). */
export function foreignCharacters(text: string): string[] {
  return [...new Set([...text].filter((ch) => !(ch in MISREAD) && !/[0-9a-f\s\-.:]/i.test(ch)))];
}
