import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTurkish,
  foldTurkish,
  formatDateTr,
  ftsQuery,
  parseDateTr,
  trLower,
  trUpper,
  turkishSortKey,
} from '../../shared/turkish';

// DOMAIN.md §8: the Turkish alphabet, in order.
const TURKISH_ALPHABET = 'a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z'.split(' ');

/** Deterministic shuffle (so a failure is reproducible) that never returns the input order. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.every((v, i) => v === items[i])) out.reverse();
  return out;
}

describe('Turkish casing', () => {
  it('lower-cases dotted and dotless I the Turkish way', () => {
    expect(trLower('I')).toBe('ı');
    expect(trLower('İ')).toBe('i');
    expect(trLower('IŞIK')).toBe('ışık');
    expect(trLower('İZMİR')).toBe('izmir');
    expect(trLower('ISPARTA')).toBe('ısparta');
  });

  it('upper-cases dotted and dotless i the Turkish way', () => {
    expect(trUpper('i')).toBe('İ');
    expect(trUpper('ı')).toBe('I');
    expect(trUpper('istanbul')).toBe('İSTANBUL');
    expect(trUpper('ılık')).toBe('ILIK');
    expect(trUpper('çağ şafak öğün ümit')).toBe('ÇAĞ ŞAFAK ÖĞÜN ÜMİT');
  });

  it('round-trips every letter of the Turkish alphabet through upper and lower case', () => {
    for (const letter of TURKISH_ALPHABET) expect(trLower(trUpper(letter))).toBe(letter);
  });
});

describe('foldTurkish (search folding)', () => {
  it.each([
    ['genclik', 'Gençlik'],
    ['isik', 'Işık'],
    ['IZMIR', 'İzmir'],
    ['ogrenci', 'Öğrenci'],
    ['sisli', 'ŞİŞLİ'],
    ['uskudar', 'Üsküdar'],
    ['cankaya', 'ÇANKAYA'],
    ['dogu anadolu', 'Doğu Anadolu'],
    ['kazim', 'Kâzım'],
  ])('folds what the user types (%s) and the stored text (%s) to the same thing', (typed, stored) => {
    expect(foldTurkish(typed)).toBe(foldTurkish(stored));
  });

  it('makes typed text a prefix of the stored name, so prefix search works', () => {
    expect(foldTurkish('Işıklar Gençlik Merkezi').startsWith(foldTurkish('ISIK'))).toBe(true);
    expect(foldTurkish('Öğretmenler Gençlik Merkezi').startsWith(foldTurkish('ogret'))).toBe(true);
  });

  it('keeps different letters different (no over-folding)', () => {
    expect(foldTurkish('kara')).not.toBe(foldTurkish('kura'));
    expect(foldTurkish('Sahil')).not.toBe(foldTurkish('Şafak'));
  });

  it('turns punctuation into word breaks so identifiers split into tokens', () => {
    expect(foldTurkish('06-123-456').split(' ')).toEqual(['06', '123', '456']);
    expect(foldTurkish('GSB/06/2026').split(' ')).toEqual(['gsb', '06', '2026']);
    expect(foldTurkish('  Çankaya ,  Ankara  ')).toBe('cankaya ankara');
  });

  it('does not split a word on a combining mark: "İZMİR" lower-cased without the Turkish locale still folds like İzmir', () => {
    // 'İ'.toLowerCase() (no locale) is 'i' + U+0307 COMBINING DOT ABOVE; text pasted from software that
    // lower-cases that way must still be found by `izmir` / `istanbul`.
    const pasted = 'İSTANBUL İZMİR'.toLowerCase();
    expect(pasted).toContain('\u0307');
    expect(foldTurkish(pasted)).toBe(foldTurkish('İstanbul İzmir'));
  });

  it('is idempotent and only ever yields lower-case letters, digits and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = foldTurkish(s);
        expect(foldTurkish(once)).toBe(once);
        expect(once).not.toMatch(/\s{2}|^\s|\s$/);
        expect(once).not.toMatch(/[çğışöüÇĞİŞÖÜI]/);
      }),
    );
  });
});

describe('fast paths give exactly what the locale-aware, per-character rules give', () => {
  // The original definitions, kept here as the reference the faster ones are checked against.
  const referenceLower = (text: string) => text.toLocaleLowerCase('tr-TR');
  const REF_FOLD: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u', ê: 'e', ô: 'o' };
  const referenceFold = (text: string) => {
    let out = '';
    for (const ch of referenceLower(text.normalize('NFC'))) {
      const mapped = REF_FOLD[ch];
      if (mapped !== undefined) out += mapped;
      else if (/[\p{L}\p{N}]/u.test(ch)) out += ch.normalize('NFD').replace(/\p{M}/gu, '');
      else if (/\p{M}/u.test(ch)) continue;
      else out += ' ';
    }
    return out.replace(/\s+/g, ' ').trim();
  };
  const turkishText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'aAbcCçÇgGğĞıIiİoOöÖsSşŞuUüÜâÂîÎûêôzZ09 -./:@_\t\n\u0307\u0301\u00a0ΣσςẞßǅﬃⅫ'.split('')),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
    maxLength: 60,
  });

  it('trLower equals toLocaleLowerCase("tr-TR")', () => {
    fc.assert(fc.property(turkishText, (s) => trLower(s) === referenceLower(s)), { numRuns: 5000 });
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 97) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      for (const t of [s, `I${s}`, `${s}\u0307`, `Σ${s}`]) expect(trLower(t), `U+${c.toString(16)}`).toBe(referenceLower(t));
    }
  });

  const REF_ALPHABET = 'abcçdefgğhıijklmnoöpqrsştuüvwxyz';
  const referenceSortKey = (text: string) => {
    let key = '';
    for (const ch of referenceLower(text.normalize('NFC')).trim()) {
      const index = REF_ALPHABET.indexOf(ch);
      if (index >= 0) key += String.fromCharCode(0x41 + index);
      else if (ch >= '0' && ch <= '9') key += ch;
      else if (/\s/.test(ch)) key += ' ';
      else if (/\p{L}/u.test(ch)) {
        const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
        const baseIndex = REF_ALPHABET.indexOf(base);
        key += baseIndex >= 0 ? String.fromCharCode(0x41 + baseIndex) : base;
      }
    }
    return `${key.replace(/ +/g, ' ')}\u0001${text}`;
  };
  /** Every code point up to U+3000, then a sample, alone, between letters and after a dotless I. */
  const eachCodePoint = (check: (text: string, label: string) => void) => {
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 97) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      for (const t of [s, `a${s}b`, `I ${s}\u0307`]) check(t, `U+${c.toString(16)}`);
    }
  };

  it('foldTurkish equals the per-character rules', () => {
    fc.assert(fc.property(turkishText, (s) => foldTurkish(s) === referenceFold(s)), { numRuns: 5000 });
    eachCodePoint((t, label) => expect(foldTurkish(t), label).toBe(referenceFold(t)));
  });

  it('turkishSortKey equals the per-character rules', () => {
    fc.assert(fc.property(turkishText, (s) => turkishSortKey(s) === referenceSortKey(s)), { numRuns: 5000 });
    eachCodePoint((t, label) => expect(turkishSortKey(t), label).toBe(referenceSortKey(t)));
  });
});

describe('Turkish sort order', () => {
  const sortWithKey = (names: readonly string[]) =>
    [...names].sort((a, b) => (turkishSortKey(a) < turkishSortKey(b) ? -1 : turkishSortKey(a) > turkishSortKey(b) ? 1 : 0));

  it.each([
    ['Cadde', 'Çağ'],
    ['Işık', 'İzmir'],
    ['Sahil', 'Şafak'],
    ['Uzun', 'Ümit'],
    ['Oba', 'Ödemiş'],
    ['Gümüş', 'Ğ'],
    ['Hakkari', 'Iğdır'],
    ['Iğdır', 'İstanbul'],
    ['Zonguldak', 'ZZ'],
  ])('%s sorts before %s (key and comparator agree)', (first, second) => {
    expect(compareTurkish(first, second)).toBeLessThan(0);
    expect(compareTurkish(second, first)).toBeGreaterThan(0);
    expect(turkishSortKey(first) < turkishSortKey(second)).toBe(true);
  });

  it('sorts a shuffled list into Turkish alphabetical order', () => {
    const expected = ['Cadde', 'Çağ', 'Işık', 'İzmir', 'Sahil', 'Şafak', 'Uzun', 'Ümit'];
    const input = shuffled(expected);
    expect(input).not.toEqual(expected);
    expect([...input].sort(compareTurkish)).toEqual(expected);
    expect(sortWithKey(input)).toEqual(expected);
  });

  it('orders the whole alphabet, in both cases, as DOMAIN §8 lists it', () => {
    const lower = TURKISH_ALPHABET.map((l) => `${l}x`);
    expect(shuffled(lower).sort(compareTurkish)).toEqual(lower);
    const upper = TURKISH_ALPHABET.map((l) => `${trUpper(l)}X`);
    expect(shuffled(upper).sort(compareTurkish)).toEqual(upper);
  });

  it('is case-insensitive for the primary order (İzmir next to izmir, not after Zonguldak)', () => {
    const sorted = ['Zonguldak', 'izmir', 'İzmir', 'Ankara', 'ankara'].sort(compareTurkish);
    expect(sorted.slice(0, 2).map(trLower)).toEqual(['ankara', 'ankara']);
    expect(sorted.slice(2, 4).map(trLower)).toEqual(['izmir', 'izmir']);
    expect(sorted[4]).toBe('Zonguldak');
  });

  it('puts a shorter word before its extensions and numbers before letters', () => {
    expect(['Gençlik Merkezi 2', 'Gençlik', 'Gençlik Merkezi'].sort(compareTurkish)).toEqual([
      'Gençlik',
      'Gençlik Merkezi',
      'Gençlik Merkezi 2',
    ]);
    expect(['Ankara', '15 Temmuz'].sort(compareTurkish)).toEqual(['15 Temmuz', 'Ankara']);
  });

  it('is a consistent total order: antisymmetric, only equal strings compare equal, sort output is ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 12 }), (names) => {
        const sorted = [...names].sort(compareTurkish);
        for (let i = 1; i < sorted.length; i++) expect(compareTurkish(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
        for (const a of names) for (const b of names) {
          expect(Math.sign(compareTurkish(a, b)) + Math.sign(compareTurkish(b, a))).toBe(0);
          if (a !== b) expect(compareTurkish(a, b)).not.toBe(0);
        }
      }),
    );
  });

  it('sorts in SQLite by the key column exactly as compareTurkish sorts in memory', () => {
    const names = shuffled(['Çorum', 'Çankırı', 'Ağrı', 'Adana', 'Iğdır', 'İzmir', 'Isparta', 'Şanlıurfa', 'Siirt', 'Ordu', 'Ödemiş', 'Uşak', 'Ünye', 'Zonguldak']);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (name TEXT, sort_key TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const n of names) insert.run(n, turkishSortKey(n));
    const fromSql = (db.prepare('SELECT name FROM t ORDER BY sort_key').all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(fromSql).toEqual([...names].sort(compareTurkish));
    expect(fromSql.indexOf('Isparta')).toBeLessThan(fromSql.indexOf('İzmir'));
    expect(fromSql.indexOf('Iğdır')).toBeLessThan(fromSql.indexOf('Isparta'));
  });
});

describe('ftsQuery', () => {
  it('makes every folded token a quoted prefix term', () => {
    expect(ftsQuery('Gençlik Merkezi')).toBe('"genclik"* "merkezi"*');
    expect(ftsQuery('IŞIK')).toBe('"isik"*');
  });

  it('returns null when nothing searchable remains', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery('   ')).toBeNull();
    expect(ftsQuery('-- / ** ""')).toBeNull();
  });

  describe('against a real FTS5 index', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(t, tokenize='unicode61 remove_diacritics 2')");
    const rows = ['Işıklar Gençlik Merkezi', 'Çankaya Gençlik Merkezi', 'Öğretmenler Gençlik Merkezi', 'Near Or And Not'];
    const insert = db.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)');
    rows.forEach((r, i) => insert.run(i + 1, foldTurkish(r)));
    const search = (q: string) => {
      const match = ftsQuery(q);
      if (match === null) return null;
      return (db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => rows[r.rowid - 1]);
    };

    it('finds names the way Turkish users type them', () => {
      expect(search('isik')).toEqual(['Işıklar Gençlik Merkezi']);
      expect(search('CANKAYA genc')).toEqual(['Çankaya Gençlik Merkezi']);
      expect(search('ogretmen')).toEqual(['Öğretmenler Gençlik Merkezi']);
      expect(search('genclik')).toHaveLength(3);
    });

    it('treats FTS5 operators and syntax characters as plain words (never a syntax error)', () => {
      expect(search('near')).toEqual(['Near Or And Not']);
      expect(search('OR')).toEqual(['Near Or And Not']);
      expect(search('NOT')).toEqual(['Near Or And Not']);
      for (const q of ['"', 'a"b', '*', '^gen', 'gen*', 't:gen', '(gen', 'gen)', '-gen', '+', 'NEAR(gen merk)', "o'brien", '{t}: x']) {
        expect(() => search(q), q).not.toThrow();
      }
    });

    it('never produces an expression FTS5 rejects, whatever is typed', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (q) => {
          expect(() => search(q)).not.toThrow();
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('formatDateTr / parseDateTr', () => {
  it('shows ISO dates as GG.AA.YYYY', () => {
    expect(formatDateTr('2026-03-05')).toBe('05.03.2026');
    expect(formatDateTr('2019-02-05T10:00:00.000Z')).toBe('05.02.2019');
    expect(formatDateTr(null)).toBe('');
    expect(formatDateTr(undefined)).toBe('');
    expect(formatDateTr('not a date')).toBe('');
  });

  it('parses GG.AA.YYYY and its common variants into ISO', () => {
    expect(parseDateTr('05.02.2019')).toBe('2019-02-05');
    expect(parseDateTr('5.2.2019')).toBe('2019-02-05');
    expect(parseDateTr('05/02/2019')).toBe('2019-02-05');
    expect(parseDateTr('05-02-2019')).toBe('2019-02-05');
    expect(parseDateTr(' 31.12.2026 ')).toBe('2026-12-31');
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateTr('31.02.2026')).toBeNull();
    expect(parseDateTr('31.04.2026')).toBeNull();
    expect(parseDateTr('00.01.2026')).toBeNull();
    expect(parseDateTr('32.01.2026')).toBeNull();
    expect(parseDateTr('01.13.2026')).toBeNull();
    expect(parseDateTr('01.00.2026')).toBeNull();
  });

  it('knows leap years: 29.02.2024 exists, 29.02.2025 does not', () => {
    expect(parseDateTr('29.02.2024')).toBe('2024-02-29');
    expect(parseDateTr('29.02.2025')).toBeNull();
    expect(parseDateTr('29.02.2000')).toBe('2000-02-29');
    expect(parseDateTr('29.02.2100')).toBeNull();
  });

  it('refuses text that is not a date', () => {
    for (const bad of ['', 'bugün', '2026-03-05', '05.03.26', '05.03.2026x', '5 Mart 2026', '05..03.2026']) {
      expect(parseDateTr(bad), bad).toBeNull();
    }
  });

  it('round-trips every real date between 1950 and 2100', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateTr(formatDateTr(iso))).toBe(iso);
      }),
    );
  });
});
