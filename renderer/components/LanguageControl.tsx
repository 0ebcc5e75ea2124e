import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { LANGUAGES, type Language } from '../../shared/contract/settings';
import { useLanguage, useSetLanguage, useT } from '../i18n';

/** Türkçe / English, stored as this machine's preference and applied at once. */
export function LanguageControl(props: Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'>) {
  const t = useT();
  const language = useLanguage();
  const setLanguage = useSetLanguage();
  return (
    <SegmentedControl
      {...props}
      value={language}
      onChange={(value) => setLanguage.mutate({ language: value as Language })}
      disabled={setLanguage.isPending}
      // Each language by its own name, marked as such (screen readers say it in that language; not translated).
      data={LANGUAGES.map((l) => ({ value: l, label: <span lang={l} translate="no">{t(`language.${l}`)}</span> }))}
    />
  );
}
