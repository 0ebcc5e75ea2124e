import { describe, expect, test } from 'vitest';
import { SYNCED_TABLES } from '../../db/sync/tables';
import { en } from '../../renderer/i18n/en';
import { translate, translatePlural } from '../../renderer/i18n/translate';
import type { MessageKey } from '../../renderer/i18n/tr';
import { tr } from '../../renderer/i18n/tr';

// Issue #17: English is complete. The types already demand an English entry per Turkish key; this checks
// what types cannot — keys built at run time from server vocabularies, empty or untranslated strings,
// parameters lost in translation, Turkish left in English, plural forms.

const keys = Object.keys(tr) as MessageKey[];

/** Strings that are rightly the same in both languages: names, formats, international words. */
const SAME_IN_BOTH = new Set<string>([
  'app.name', // Köprü, the product's name
  'language.tr', // each language by its own name
  'language.en',
  'region.Marmara', // the region's name is Marmara in English too
  'centre.placeholder.phone', // examples of a phone number and an e-mail address
  'centre.placeholder.email',
  'directory.subtype.PLATFORM',
  'meetings.tab.plan',
  'reports.excel',
  'reports.pdf',
]);

/** Proper names the English interface writes as they are: the product, state systems, the law, its articles. */
const PROPER_TERMS = /Köprü|DERBİS|VERBİS|DETSİS|KVKK|\(ç\)|Türkiye/g;
/** English strings that quote Turkish on purpose: an endonym, examples of names, the letters to mind. */
const QUOTES_TURKISH = new Set<string>(['language.tr', 'unlock.reason.wrong-passphrase', 'setup.centreNamePlaceholder', 'workshops.paste.placeholder']);

const TURKISH_LETTERS = /[ğĞşŞıİçÇöÖüÜ]/;
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** What is left of a message once its parameters and punctuation are taken out. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]+/gu, '');

describe('the English dictionary', () => {
  test('has exactly the Turkish keys, none of them empty', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    const empty = keys.filter((k) => tr[k].trim() === '' || en[k].trim() === '');
    expect(empty).toEqual([]);
  });

  test('translates every message that has words (unless the same in both languages by nature)', () => {
    const untranslated = keys.filter((k) => en[k] === tr[k] && words(en[k]) !== '' && !SAME_IN_BOTH.has(k));
    expect(untranslated).toEqual([]);
  });

  test('keeps every parameter of the Turkish message', () => {
    const lost = keys.filter((k) => params(en[k]).join() !== params(tr[k]).join()).map((k) => `${k}: ${tr[k]} → ${en[k]}`);
    expect(lost).toEqual([]);
  });

  test('has no Turkish letters outside proper names', () => {
    const turkish = keys.filter((k) => !QUOTES_TURKISH.has(k) && TURKISH_LETTERS.test(en[k].replace(PROPER_TERMS, ''))).map((k) => `${k}: ${en[k]}`);
    expect(turkish).toEqual([]);
  });

  test('counted messages come in pairs: a form for one and a form for any other count', () => {
    const ones = keys.filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -'.one'.length));
    // (`.other` alone is no plural: e.g. `registry.documents.other`, the "other documents" section.)
    expect(ones.filter((base) => !(`${base}.other` in tr))).toEqual([]);
    // English says the noun differently for one: a pair with the same English twice is a missed plural.
    // (Except a home line that is always about one thing: the installation not yet bound to its centre.)
    const unchanged = ones.filter((base) => base !== 'home.line.centreUnbound' && en[`${base}.one` as MessageKey] === en[`${base}.other` as MessageKey]);
    expect(unchanged).toEqual([]);
  });
});

describe('table names', () => {
  test('every table that travels in exchange files has words in both languages (never `meeting_participants`)', () => {
    const missing = SYNCED_TABLES.flatMap((spec) => [`sync.table.${spec.name}`, `sync.tables.${spec.name}`, `sync.count.${spec.name}.one`, `sync.count.${spec.name}.other`]).filter((key) => !(key in tr));
    expect(missing).toEqual([]);
  });
});

describe('translatePlural', () => {
  test('chooses the form by the language’s plural rules and fills the count', () => {
    expect(translatePlural('en', 'registry.total', 1)).toBe('1 association');
    expect(translatePlural('en', 'registry.total', 0)).toBe('0 associations');
    expect(translatePlural('en', 'registry.total', 2_454)).toBe('2,454 associations');
    expect(translatePlural('tr', 'registry.total', 1)).toBe('1 dernek');
    expect(translatePlural('tr', 'registry.total', 2_454)).toBe('2.454 dernek');
    expect(translatePlural('en', 'centres.total', 1)).toBe('1 youth centre');
  });

  test('passes the other parameters through', () => {
    expect(translatePlural('en', 'registry.export.done', 1, { fileName: 'dernekler.xlsx' })).toBe('1 association exported to “dernekler.xlsx”.');
    expect(translate('en', 'registry.reminder.visaAwaited', { year: '2026' })).toBe('Visa application for 2026 awaited.');
  });
});
