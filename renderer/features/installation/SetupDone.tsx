import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { Identity } from '../../../shared/contract/installation';
import { IdentitySummary } from '../../components/IdentitySummary';
import { useT } from '../../i18n';

export function SetupDone({ identity, adminName, onEnter }: { identity: Identity; adminName: string; onEnter: () => void }) {
  const t = useT();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('setup.done.title')}
      </Title>
      <Text>{t('setup.done.text')}</Text>
      <IdentitySummary identity={identity} />
      <Text>{t('setup.done.signedIn', { name: adminName })}</Text>
      <Group justify="flex-end">
        <Button onClick={onEnter}>{t('setup.done.enter')}</Button>
      </Group>
    </Stack>
  );
}
