import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { plansEditable, recordsMinutes, type MeetingAction } from '../../../shared/meetings/fields';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useT, useTn, type MessageKey } from '../../i18n';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useCall } from '../../lib/query';
import { ActionDialog } from './ActionDialog';
import { AttendanceTab } from './AttendanceTab';
import { FilesTab } from './FilesTab';
import { InviteesTab } from './InviteesTab';
import { STATE_COLOURS, useMeetingLabels } from './labels';
import { MinutesTab } from './MinutesTab';
import { PlanTab } from './PlanTab';

export const MEETING_TABS = ['plan', 'invitees', 'attendance', 'minutes', 'files'] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

const TAB_LABELS: Record<MeetingTab, MessageKey> = {
  plan: 'meetings.tab.plan',
  invitees: 'meetings.tab.invitees',
  attendance: 'meetings.tab.attendance',
  minutes: 'meetings.tab.minutes',
  files: 'meetings.tab.files',
};

const DESTRUCTIVE: readonly MeetingAction[] = ['postpone', 'cancel'];

/** One meeting: header with its state and allowed steps, and a tab per stage (plan, invitees, attendance, minutes, files). */
export function MeetingPage({ id, tab }: { id: string; tab: string | undefined }) {
  const t = useT();
  const detail = useCall('meetings:get', { id });
  return (
    <Stack gap="md">
      <Anchor href={hrefOf('meetings')} size="sm">
        ← {t('meetings.backToHome')}
      </Anchor>
      <QueryState query={detail}>{(m) => <MeetingView m={m} tab={tab} />}</QueryState>
    </Stack>
  );
}

function MeetingView({ m, tab }: { m: MeetingDetail; tab: string | undefined }) {
  const t = useT();
  const tn = useTn();
  const labels = useMeetingLabels();
  const [action, setAction] = useState<MeetingAction | null>(null);
  const held = recordsMinutes(m.state);
  const tabs = MEETING_TABS.filter((name) => (name !== 'attendance' && name !== 'minutes') || held);
  const current: MeetingTab = (tabs as readonly string[]).includes(tab ?? '') ? (tab as MeetingTab) : held ? 'minutes' : 'plan';
  return (
    <Stack gap="md" data-testid="meeting-page">
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={2} size="h3">
                {m.youthCentreName}
              </Title>
              <Group gap="xs">
                <Badge color={STATE_COLOURS[m.state]} variant="light" tt="none" size="lg" data-testid="meeting-state">
                  {labels.state(m.state)}
                </Badge>
                <Badge variant="default" tt="none" size="lg" data-testid="meeting-term">
                  {t('meetings.termBadge', { term: labels.term(m.termYear, m.termNo) })}
                </Badge>
              </Group>
              <Group gap="lg" style={{ rowGap: 2 }}>
                <Text size="sm" data-testid="meeting-when">
                  {formatDateTr(m.date)} · {m.startTime}–{m.endTime}
                </Text>
                <Text size="sm">
                  {t('meetings.field.hall')}: {m.hall}
                </Text>
                <Text size="sm" c="dimmed">
                  {m.provinceName}
                </Text>
              </Group>
            </Stack>
          </Group>
          {m.canEdit && m.actions.length > 0 && (
            <Group gap="xs" role="group" aria-label={t('meetings.actions')} data-testid="meeting-actions">
              <Text size="sm" c="dimmed">
                {t('meetings.actions')}:
              </Text>
              {m.actions.map((name) => (
                <Button key={name} size="xs" variant={DESTRUCTIVE.includes(name) ? 'outline' : 'filled'} color={name === 'cancel' ? 'red' : name === 'postpone' ? 'orange' : undefined} onClick={() => setAction(name)}>
                  {labels.action(name)}
                </Button>
              ))}
            </Group>
          )}
          {!m.canEdit && (
            <Text size="xs" c="dimmed">
              {t('meetings.readOnly')}
            </Text>
          )}
        </Stack>
      </Paper>
      {m.stateReason && (m.state === 'ERTELENDI' || m.state === 'IPTAL') && (
        <Alert color={m.state === 'IPTAL' ? 'gray' : 'orange'} variant="light" title={labels.state(m.state)}>
          {m.stateReason}
        </Alert>
      )}
      {held && m.earlierOpenDecisions.some((d) => d.reviewedInMeetingId !== m.id) && current !== 'minutes' && (
        <Alert color="blue" variant="light">
          {tn('meetings.review.pending', m.earlierOpenDecisions.filter((d) => d.reviewedInMeetingId !== m.id).length)} <Anchor href={hrefOf('meetings', m.id, 'minutes')}>{t('meetings.review.go')}</Anchor>
        </Alert>
      )}
      <Tabs value={current} onChange={(v) => navigate('meetings', m.id, v ?? 'plan')} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(TAB_LABELS[name])}
              {name === 'invitees' && m.participants.length > 0 ? ` (${m.participants.filter((p) => p.invited).length})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          <PlanTab m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="invitees" pt="md">
          <InviteesTab m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceTab m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MinutesTab m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <FilesTab m={m} />
        </Tabs.Panel>
      </Tabs>
      <ActionDialog meeting={m} action={action} onClose={() => setAction(null)} />
    </Stack>
  );
}

export function planEditable(m: MeetingDetail): boolean {
  return m.canEdit && plansEditable(m.state);
}
