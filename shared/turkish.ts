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
 * Folds text the way Turkish users type when searching: case- and diacritic-insensitive,
 * so `genclik` matches `Gençlik`, `IZMIR` matches `İzmir` and `isik` matches `Işık`.
 * Punctuation becomes a space so that `PP-NNN-NNN` and `GSB/06/2026` split into searchable tokens.
 */
export function foldTurkish(text: string): string {
  const lower = trLower(text.normalize('NFC'));
  let out = '';
  for (const ch of lower) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      // ASCII (most of any text): letters and digits stay (NFD leaves them alone), anything else is a break.
      out += (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? ch : ' ';
      continue;
    }
    const mapped = FOLD[ch];
    if (mapped !== undefined) out += mapped;
    else if (/[\p{L}\p{N}]/u.test(ch)) out += ch.normalize('NFD').replace(/\p{M}/gu, '');
    else if (/\p{M}/u.test(ch)) continue; // a combining mark (e.g. from 'İ'.toLowerCase() without a locale) is not a word break
    else out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The Turkish alphabet, with q, w and x where Turkish dictionaries place them. */
const ALPHABET = 'abcçdefgğhıijklmnoöpqrsştuüvwxyz';

/**
 * A binary-comparable key that orders strings in Turkish alphabetical order:
 * `Cadde` < `Çağ`, `Işık` < `İzmir`, `Sahil` < `Şafak`, `Uzun` < `Ümit`.
 * Spaces sort before digits, digits before letters; other symbols are ignored for the primary order.
 * The original text is appended after a separator so equal keys tie-break deterministically.
 */
export function turkishSortKey(text: string): string {
  const lower = trLower(text.normalize('NFC')).trim();
  let key = '';
  for (const ch of lower) {
    const index = ALPHABET.indexOf(ch);
    if (index >= 0) key += String.fromCharCode(0x41 + index);
    else if (ch >= '0' && ch <= '9') key += ch;
    else if (/\s/.test(ch)) key += ' ';
    else if (/\p{L}/u.test(ch)) {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      const baseIndex = ALPHABET.indexOf(base);
      key += baseIndex >= 0 ? String.fromCharCode(0x41 + baseIndex) : base;
    }
  }
  return `${key.replace(/ +/g, ' ')}\u0001${text}`;
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
