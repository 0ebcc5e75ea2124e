import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { navigate, useHashSegments } from '../../lib/hashRoute';
import { DestructionSection } from './DestructionSection';
import { InventorySection } from './InventorySection';
import { LostFileSection } from './LostFileSection';
import { NoticeSection } from './NoticeSection';
import { PersonReportSection } from './PersonReportSection';
import { RetentionSection } from './RetentionSection';

const TABS = ['retention', 'notice', 'inventory', 'destruction', 'person', 'lostFile'] as const;
type Tab = (typeof TABS)[number];

/**
 * `#/privacy[/retention|notice|inventory|destruction|person|lostFile]`: the ministry's retention rules and notice,
 * the data inventory, destruction (what is past its period, the destruction log), the data subject's person report
 * and the lost-file report.
 */
export function PrivacyPage() {
  const t = useT();
  const [, section] = useHashSegments();
  const tab: Tab = (TABS as readonly string[]).includes(section ?? '') ? (section as Tab) : 'retention';
  return (
    <Stack gap="md">
      <Title order={2}>{t('privacy.title')}</Title>
      <Text c="dimmed" maw={860}>
        {t('privacy.intro')}
      </Text>
      <Tabs value={tab} onChange={(v) => v && navigate('privacy', v)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
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
        <Tabs.Panel value="destruction" pt="md">
          <DestructionSection />
        </Tabs.Panel>
        <Tabs.Panel value="person" pt="md">
          <PersonReportSection />
        </Tabs.Panel>
        <Tabs.Panel value="lostFile" pt="md">
          <LostFileSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
