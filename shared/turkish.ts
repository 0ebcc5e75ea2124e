// Turkish text rules shared by every layer: casing, folding for search, alphabetical sort keys, dates.
// SQLite's LOWER/NOCASE are ASCII-only, so the database stores the outputs of these functions in
// columns (sort_key, search_text) and sorts and filters on those.

const TR = 'tr-TR';

/** The only characters whose lower case differs in Turkish: I (→ ı), İ (→ i) and a dot above after I. */
const TURKISH_LOWER_SPECIAL = /I|\u0130|\u0307/;

export function trLower(text: string): string {
  // The locale-aware call costs ~20× the plain one; without those characters both give the same string.
  return TURKISH_LOWER_SPECIAL.test(text) ? text.toLocaleLowerCase(TR) : text.toLowerCase();
}

export function trUpper(text: string): string {
  return text.toLocaleUpperCase(TR);
}

const FOLD: Record<string, string> = {
  ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u', ê: 'e', ô: 'o',
};

/**
 * Characters whose folded form and sort-key piece are looked up in a table: ASCII, Latin-1 and Latin
 * Extended-A, which hold every Turkish letter and nearly all text. (Folding and keys are computed for
 * every stored row: 83,000 youth centres in an exchange file cost 0.5 s before the tables, 0.2 s after.)
 */
const COMMON = 0x180;

/** What one character (code point) of lower-cased text becomes when folded: itself, a letter, '' or a break (' '). */
function foldCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    // ASCII (most of any text): letters and digits stay (NFD leaves them alone), anything else is a break.
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? ch : ' ';
  }
  const mapped = FOLD[ch];
  if (mapped !== undefined) return mapped;
  if (/[\p{L}\p{N}]/u.test(ch)) return ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (/\p{M}/u.test(ch)) return ''; // a combining mark (e.g. from 'İ'.toLowerCase() without a locale) is not a word break
  return ' ';
}

const FOLDED = Array.from({ length: COMMON }, (_, code) => foldCharacter(String.fromCharCode(code)));

/** Calls `each` with what `table`/`rule` make of every code point of `text`, in order. */
function pieces(text: string, table: readonly string[], rule: (ch: string) => string, each: (piece: string) => void): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < COMMON) {
      each(table[code]!);
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++;
    each(rule(String.fromCodePoint(point)));
  }
}

/**
 * Folds text the way Turkish users type when searching: case- and diacritic-insensitive,
 * so `genclik` matches `Gençlik`, `IZMIR` matches `İzmir` and `isik` matches `Işık`.
 * Punctuation becomes a space so that `PP-NNN-NNN` and `GSB/06/2026` split into searchable tokens;
 * runs of breaks become one space, none at either end.
 */
export function foldTurkish(text: string): string {
  let out = '';
  let space = false;
  pieces(trLower(text.normalize('NFC')), FOLDED, foldCharacter, (piece) => {
    if (piece === ' ') space = out.length > 0;
    else if (piece !== '') {
      if (space) out += ' ';
      space = false;
      out += piece;
    }
  });
  return out;
}

/** The Turkish alphabet, with q, w and x where Turkish dictionaries place them. */
const ALPHABET = 'abcçdefgğhıijklmnoöpqrsştuüvwxyz';

/** What one character of lower-cased text adds to a sort key: a letter's rank, a digit, a space, or nothing. */
function sortCharacter(ch: string): string {
  const index = ALPHABET.indexOf(ch);
  if (index >= 0) return String.fromCharCode(0x41 + index);
  if (ch >= '0' && ch <= '9') return ch;
  if (/\s/.test(ch)) return ' ';
  if (/\p{L}/u.test(ch)) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const baseIndex = ALPHABET.indexOf(base);
    return baseIndex >= 0 ? String.fromCharCode(0x41 + baseIndex) : base;
  }
  return '';
}

const SORTED = Array.from({ length: COMMON }, (_, code) => sortCharacter(String.fromCharCode(code)));

/**
 * A binary-comparable key that orders strings in Turkish alphabetical order:
 * `Cadde` < `Çağ`, `Işık` < `İzmir`, `Sahil` < `Şafak`, `Uzun` < `Ümit`.
 * Spaces sort before digits, digits before letters; other symbols are ignored for the primary order.
 * The original text is appended after a separator so equal keys tie-break deterministically.
 */
export function turkishSortKey(text: string): string {
  let key = '';
  let space = false;
  pieces(trLower(text.normalize('NFC')).trim(), SORTED, sortCharacter, (piece) => {
    if (piece === ' ') {
      if (!space) key += ' ';
      space = true;
    } else if (piece !== '') {
      key += piece;
      space = false;
    }
  });
  return `${key}\u0001${text}`;
}

/** Compares two strings in Turkish alphabetical order (for small in-memory lists such as dropdowns). */
export function compareTurkish(a: string, b: string): number {
  const ka = turkishSortKey(a);
  const kb = turkishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Builds an FTS5 MATCH expression from what the user typed: every folded token must match as a prefix.
 * Returns null when nothing searchable remains (the caller then lists without a text filter).
 */
export function ftsQuery(userText: string): string | null {
  const tokens = foldTurkish(userText).split(' ').filter(Boolean);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
}

/** ISO date (YYYY-MM-DD or a full ISO timestamp) → `GG.AA.YYYY`. */
export function formatDateTr(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** `GG.AA.YYYY` (also `G.A.YYYY`, `/` or `-` separators) → ISO `YYYY-MM-DD`, or null when not a real date. */
export function parseDateTr(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
