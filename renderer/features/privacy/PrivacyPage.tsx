import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { navigate, useHashSegments } from '../../lib/hashRoute';
import { InventorySection } from './InventorySection';
import { NoticeSection } from './NoticeSection';
import { RetentionSection } from './RetentionSection';

const TABS = ['retention', 'notice', 'inventory'] as const;
type Tab = (typeof TABS)[number];

/** `#/privacy[/retention|notice|inventory]`: the ministry's retention rules and notice, and the data inventory. */
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
      </Tabs>
    </Stack>
  );
}
