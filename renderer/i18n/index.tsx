import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import type { Language } from '../../shared/contract/settings';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { callKey, useCall, useCallMutation } from '../lib/query';
import { en } from './en';
import { tr, type MessageKey } from './tr';

// The i18n layer: the language is the `settings:get` preference, switching it writes the preference and
// updates the cached settings, so every `useT()` re-renders in the new language without a reload.

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { tr, en };
const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };

const LanguageContext = createContext<Language>('tr');

export function I18nProvider({ children }: { children: ReactNode }) {
  const settings = useCall('settings:get', {});
  const language: Language = settings.data?.language ?? 'tr';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // Wait for the stored preference so an English user never sees a Turkish flash; on error fall back to Turkish.
  if (settings.isPending) return null;
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

/**
 * A language chosen on a screen shown before the database can be read (the stored preference is inside it):
 * the screen's own switch sets it for what it wraps.
 */
export function LanguageOverride({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

/** Whether a key built at run time (e.g. from a server code) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return key in tr;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
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

export type TranslatePlural = (base: PluralBase, count: number, params?: Record<string, string | number>) => string;

/** `tn('registry.total', 1)` → "1 association"; the count is also the `{count}` parameter. */
export function useTn(): TranslatePlural {
  const language = useLanguage();
  return useCallback<TranslatePlural>((base, count, params) => translatePlural(language, base, count, params), [language]);
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

/** The locale for numbers and dates in the interface language. */
export function useLocale(): string {
  return LOCALES[useLanguage()];
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}

export function useSetLanguage() {
  const queryClient = useQueryClient();
  return useCallMutation('settings:setLanguage', {
    onSuccess: (settings) => queryClient.setQueryData(callKey('settings:get', {}), settings),
  });
}
