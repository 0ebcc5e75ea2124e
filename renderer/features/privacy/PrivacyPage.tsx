import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { navigate, useHashSegments } from '../../lib/hashRoute';
import { useCan } from '../../lib/session';
import { RevealLogSection } from '../users';
import { DestructionSection } from './DestructionSection';
import { InventorySection } from './InventorySection';
import { LostFileSection } from './LostFileSection';
import { NoticeSection } from './NoticeSection';
import { PersonReportSection } from './PersonReportSection';
import { RetentionSection } from './RetentionSection';

const TABS = ['retention', 'notice', 'inventory', 'destruction', 'person', 'lostFile', 'revealLog'] as const;
type Tab = (typeof TABS)[number];
/** What only an administrator may open (issue #16): destruction, the reports about people, the reveal log. */
const ADMIN_TABS: readonly Tab[] = ['destruction', 'person', 'lostFile', 'revealLog'];

/**
 * `#/privacy[/retention|notice|inventory|destruction|person|lostFile|revealLog]`: the ministry's retention rules and
 * notice, the data inventory, destruction (what is past its period, the destruction log), the data subject's person
 * report, the lost-file report and who saw which TC Kimlik No.
 */
export function PrivacyPage() {
  const t = useT();
  const [, section] = useHashSegments();
  const admin = useCan('administer');
  const tabs = admin ? TABS : TABS.filter((key) => !ADMIN_TABS.includes(key));
  const tab: Tab = (tabs as readonly string[]).includes(section ?? '') ? (section as Tab) : 'retention';
  return (
    <Stack gap="md">
      <Title order={2}>{t('privacy.title')}</Title>
      <Text c="dimmed" maw={860}>
        {t('privacy.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => v && navigate('privacy', v)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`privacy.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="retention" pt="md">
          <RetentionSection />
        </Tabs.Panel>
        <Tabs.Panel value="notice" pt="md">
          <NoticeSection />
        </Tabs.Panel>
        <Tabs.Panel value="inventory" pt="md">
          <InventorySection />
        </Tabs.Panel>
        {admin && (
          <>
            <Tabs.Panel value="destruction" pt="md">
              <DestructionSection />
            </Tabs.Panel>
            <Tabs.Panel value="person" pt="md">
              <PersonReportSection />
            </Tabs.Panel>
            <Tabs.Panel value="lostFile" pt="md">
              <LostFileSection />
            </Tabs.Panel>
            <Tabs.Panel value="revealLog" pt="md">
              <RevealLogSection />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}
