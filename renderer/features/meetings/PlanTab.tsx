import { Alert, Button, DataList, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { formatDateTr } from '../../../shared/turkish';
import { useT } from '../../i18n';
import { useMeetingLabels } from './labels';
import { MeetingFormModal } from './MeetingForm';
import { planEditable } from './MeetingPage';

/** The plan as recorded: when, where, who chairs, the agenda and the invitation letter; editable until held. */
export function PlanTab({ m }: { m: MeetingDetail }) {
  const t = useT();
  const labels = useMeetingLabels();
  const [editing, setEditing] = useState(false);
  const notGiven = t('common.notGiven');
  return (
    <Stack gap="md">
      {m.clashes.length > 0 && (
        <Alert color="yellow" variant="light" title={t('meetings.clash.title')} data-testid="clash-warning">
          {m.clashes.map((c) => (
            <Text key={c.meetingId} size="sm">
              {t('meetings.clash.item', { date: formatDateTr(c.date), start: c.startTime, end: c.endTime, hall: c.hall, state: labels.state(c.state) })}
            </Text>
          ))}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <Title order={3} size="h5">
            {t('meetings.plan.title')}
          </Title>
          {planEditable(m) && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('meetings.plan.edit')}
            </Button>
          )}
        </Group>
        <DataList labelWidth={170}>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.date')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatDateTr(m.date)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.time')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {m.startTime}–{m.endTime}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.hall')}</DataList.ItemLabel>
            <DataList.ItemValue>{m.hall}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.chair')}</DataList.ItemLabel>
            <DataList.ItemValue>{m.chair ?? notGiven}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.rapporteur')}</DataList.ItemLabel>
            <DataList.ItemValue>{m.rapporteur ?? notGiven}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('meetings.field.letter')}</DataList.ItemLabel>
            <DataList.ItemValue data-testid="meeting-letter">{m.letterNo ? t('meetings.plan.letter', { date: labels.date(m.letterDate), no: m.letterNo }) : t('meetings.plan.noLetter')}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('meetings.field.agenda')}
        </Title>
        {m.agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.plan.noAgenda')}
          </Text>
        ) : (
          <List type="ordered" spacing={4} data-testid="agenda">
            {m.agenda.map((a) => (
              <List.Item key={a.id}>{a.title}</List.Item>
            ))}
          </List>
        )}
      </Paper>
      <MeetingFormModal opened={editing} meeting={m} onClose={() => setEditing(false)} />
    </Stack>
  );
}
