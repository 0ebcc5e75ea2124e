import { Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** The frame of the screens shown before the app shell: first-run setup, the database error, signing in. */
export function CenteredPage({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  const t = useT();
  return (
    <Container size={720} py={48}>
      <Group mb="lg" justify="space-between">
        <Group gap="xs">
          <Title order={2} c="gsb.8">
            {t('app.name')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('app.ministry')}
          </Text>
        </Group>
        {aside}
      </Group>
      <Paper withBorder shadow="xs" radius="md" p="xl">
        {children}
      </Paper>
    </Container>
  );
}
