import { Stack, Text } from '@mantine/core';
import { LanguageControl } from '../../components/LanguageControl';
import { useT } from '../../i18n';

export function LanguageSwitch() {
  const t = useT();
  return (
    <Stack gap="xs">
      <Text fw={600} id="language-label">
        {t('settings.language')}
      </Text>
      <LanguageControl aria-labelledby="language-label" w={260} />
      <Text size="sm" c="dimmed">
        {t('settings.languageHint')}
      </Text>
    </Stack>
  );
}
