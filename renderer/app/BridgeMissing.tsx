import { Alert, Container, Divider, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * Shown when the page has no way to reach the backend: in the desktop app that means its preload bridge did
 * not load (a broken build or a blocked preload), and every click would otherwise fail. There is no stored
 * language to read without the backend, so the screen speaks both, Turkish first.
 */
export function BridgeMissing() {
  return (
    <Container size={720} py={48}>
      <Paper withBorder shadow="xs" radius="md" p="xl" data-testid="bridge-missing">
        <Stack gap="lg">
          <div lang="tr">
            <Title order={1} size="h2" c="red.8">
              Köprü başlatılamadı
            </Title>
            <Alert mt="md" color="red" variant="light" role="alert">
              Pencere, uygulamanın arka planına bağlanamadı; bu durumda hiçbir kayıt okunamaz ya da kaydedilemez.
              Verileriniz etkilenmedi.
            </Alert>
            <Text mt="sm">Köprü’yü kapatıp yeniden açın. Sorun sürerse uygulamayı yeniden kurun ya da bilgi işlem sorumlunuza başvurun.</Text>
          </div>
          <Divider />
          <div lang="en">
            <Title order={2} size="h3" c="red.8">
              Köprü could not start
            </Title>
            <Text mt="sm">
              The window could not connect to the application’s backend, so nothing can be read or saved. Your data
              is unaffected. Close Köprü and open it again; if the problem persists, reinstall the application or
              contact your IT staff.
            </Text>
          </div>
        </Stack>
      </Paper>
    </Container>
  );
}
