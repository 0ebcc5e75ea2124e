import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import type { Language } from '../../shared/contract/settings';
import { callKey, useCall, useCallMutation } from '../lib/query';
import { setErrorLanguage } from '../lib/errors';
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
  setErrorLanguage(language);
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

/**
 * A language chosen on a screen shown before the database can be read (the stored preference is inside it):
 * the screen's own switch sets it for what it wraps.
 */
export function LanguageOverride({ language, children }: { language: Language; children: ReactNode }) {
  setErrorLanguage(language);
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
