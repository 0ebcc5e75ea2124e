import { SegmentedControl, Stack, Text } from '@mantine/core';
import { LANGUAGES, type Language } from '../../../shared/contract/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useSetLanguage, useT } from '../../i18n';

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const setLanguage = useSetLanguage();
  return (
    <Stack gap="xs">
      <Text fw={600} id="language-label">
        {t('settings.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={language}
        onChange={(value) => setLanguage.mutate({ language: value as Language })}
        disabled={setLanguage.isPending}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        w={260}
      />
      <Text size="sm" c="dimmed">
        {t('settings.languageHint')}
      </Text>
      {setLanguage.isError && <ErrorAlert error={setLanguage.error} />}
    </Stack>
  );
}
