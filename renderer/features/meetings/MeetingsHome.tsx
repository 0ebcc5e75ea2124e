import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { navigate } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCan } from '../../lib/session';
import { BoardTab } from './BoardTab';
import { CalendarTab } from './CalendarTab';
import { canHold } from './calls';
import { MeetingFormModal, type PlanPrefill } from './MeetingForm';
import { OpenDecisionsTab } from './OpenDecisionsTab';
import { PlannerTab } from './PlannerTab';

export const HOME_TABS = ['planner', 'board', 'calendar', 'decisions'] as const;
export type HomeTab = (typeof HOME_TABS)[number];

const TAB_LABELS: Record<HomeTab, MessageKey> = {
  planner: 'meetings.tab.planner',
  board: 'meetings.tab.board',
  calendar: 'meetings.tab.calendar',
  decisions: 'meetings.tab.decisions',
};

/** The meetings home: one tab per view, the tab (and the ministry's chosen province) kept in the hash. */
export function MeetingsHome({ tab, plate }: { tab: HomeTab; plate: string | undefined }) {
  const t = useT();
  const identity = useIdentity();
  const mayWrite = useCan('write');
  const [plan, setPlan] = useState<PlanPrefill | null>(null);
  // The board compares provinces: only the ministry holds them all (a province saw 80 empty rows there).
  const tabs = HOME_TABS.filter((name) => name !== 'board' || identity.role === 'ministry');
  const current = tabs.includes(tab) ? tab : 'planner';
  const ownPlate = identity.role === 'ministry' ? (plate ?? null) : identity.provincePlate;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('meetings.title')}</Title>
        {canHold(identity) && mayWrite && <Button onClick={() => setPlan({})} data-shortcut="new" aria-keyshortcuts="Control+N">{t('meetings.new')}</Button>}
      </Group>
      <Tabs value={current} onChange={(v) => navigate('meetings', v ?? 'planner', ...(identity.role === 'ministry' && plate && v !== 'board' && v !== 'decisions' ? [plate] : []))} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(TAB_LABELS[name])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="planner" pt="md">
          <PlannerTab plate={ownPlate} onPlan={setPlan} />
        </Tabs.Panel>
        <Tabs.Panel value="board" pt="md">
          <BoardTab />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarTab plate={ownPlate} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions" pt="md">
          <OpenDecisionsTab plate={ownPlate} />
        </Tabs.Panel>
      </Tabs>
      <MeetingFormModal opened={plan !== null} prefill={plan ?? {}} onClose={() => setPlan(null)} />
    </Stack>
  );
}
