import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import type { Language } from '../../shared/contract/settings';
import { callKey, useCall, useCallMutation } from '../lib/query';
import { setErrorLanguage } from '../lib/errors';
import type { MessageKey } from './tr';
import { LOCALES, translate, translatePlural, type PluralBase, type Translate } from './translate';

// The i18n layer: the language is the `settings:get` preference, switching it writes the preference and
// updates the cached settings, so every `useT()` re-renders in the new language without a reload.

export type { MessageKey };
export { isMessageKey, personName, regionLabel, regionOptions, translate, translatePlural, type PluralBase, type Translate } from './translate';

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

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export type TranslatePlural = (base: PluralBase, count: number, params?: Record<string, string | number>) => string;

/** `tn('registry.total', 1)` → "1 association"; the count is also the `{count}` parameter. */
export function useTn(): TranslatePlural {
  const language = useLanguage();
  return useCallback<TranslatePlural>((base, count, params) => translatePlural(language, base, count, params), [language]);
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
