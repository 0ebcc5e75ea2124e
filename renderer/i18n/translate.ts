import type { Language } from '../../shared/contract/settings';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { en } from './en';
import { tr, type MessageKey } from './tr';

// Message lookup without React (index.tsx wraps it in hooks; tests call it directly).

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { tr, en };
export const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

/** Whether a key built at run time (e.g. from a server code) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return key in tr;
}

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[language][key];
  if (!params) return template;
  const locale = LOCALES[language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** Message keys with a form for one (`<base>.one`) and for any other count (`<base>.other`). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never }[MessageKey];

const PLURAL_RULES = new Map<Language, Intl.PluralRules>();

/**
 * The form of a counted message for `count` in `language`, chosen by the language's plural rules
 * (`Intl.PluralRules`): English says "1 association" / "2 associations"; Turkish keeps the noun singular after
 * a number, so its two forms are usually the same. Categories other than `one` (a language with `few`, `many`)
 * fall back to `other`.
 */
export function translatePlural(language: Language, base: PluralBase, count: number, params?: Record<string, string | number>): string {
  let rules = PLURAL_RULES.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    PLURAL_RULES.set(language, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${base}.${form}` as MessageKey, { count, ...params });
}

/** A person's name as stored: the name destruction leaves (`Anonim`) reads "Anonymous" in English. */
export function personName(t: Translate, fullName: string): string {
  return fullName === ANONYMOUS_NAME ? t('privacy.anonymousName') : fullName;
}

/** A geographic region (its Turkish name, as the data carries it) in the interface language. */
export function regionLabel(t: Translate, region: string): string {
  const key = `region.${region}`;
  return isMessageKey(key) ? t(key) : region;
}

/** The regions for a select: the Turkish name as the value, the interface language's name as the label. */
export function regionOptions(t: Translate, regions: readonly string[]): { value: string; label: string }[] {
  return regions.map((r) => ({ value: r, label: regionLabel(t, r) }));
}
