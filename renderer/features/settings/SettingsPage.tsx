import { Alert, DataList, Paper, Stack, Title } from '@mantine/core';
import { IdentitySummary } from '../../components/IdentitySummary';
import { MonoBox } from '../../components/MonoBox';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { useCall } from '../../lib/query';
import { BackupsPanel } from '../backups';
import { LetterheadSection } from '../documents';
import { MeetingTermsSection } from '../meetings';
import { RegistryPolicySection } from '../registry';
import { UsersSection } from '../users';
import { LanguageSwitch } from './LanguageSwitch';
import { SecuritySection } from './SecuritySection';
import { SupportBundleSection } from './SupportBundleSection';

export function SettingsPage() {
  const t = useT();
  const identity = useIdentity();
  const settings = useCall('settings:get', {});
  const admin = useCan('administer');
  return (
    <Stack maw={860} gap="lg">
      <Title order={2}>{t('settings.title')}</Title>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-identity">
        <Title order={3} size="h4" mb="md" id="settings-identity">
          {t('settings.identity')}
        </Title>
        <IdentitySummary identity={identity} />
        <Alert variant="light" color="gray" mt="md">
          {t('settings.unitLocked')}
        </Alert>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section">
        <LanguageSwitch />
      </Paper>

      {admin && <UsersSection />}

      <RegistryPolicySection />

      <MeetingTermsSection />

      <LetterheadSection />

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-storage">
        <Title order={3} size="h4" mb="md" id="settings-storage">
          {t('settings.storage')}
        </Title>
        <QueryState query={settings}>
          {(s) => (
            <DataList labelWidth={200} data-testid="settings-storage">
              <DataList.Item>
                <DataList.ItemLabel>{t('settings.dataDir')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  <MonoBox label={t('settings.dataDir')}>{s.dataDir}</MonoBox>
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('settings.databasePath')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  <MonoBox label={t('settings.databasePath')}>{s.databasePath}</MonoBox>
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('settings.appVersion')}</DataList.ItemLabel>
                <DataList.ItemValue>{s.appVersion}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('settings.schemaVersion')}</DataList.ItemLabel>
                <DataList.ItemValue>{s.schemaVersion}</DataList.ItemValue>
              </DataList.Item>
            </DataList>
          )}
        </QueryState>
      </Paper>

      <SecuritySection />

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-backups">
        <Title order={3} size="h4" mb="md" id="settings-backups">
          {t('backups.title')}
        </Title>
        <BackupsPanel canCreate />
      </Paper>

      <SupportBundleSection />
    </Stack>
  );
}
