import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { PARTICIPANT_KINDS } from '../../../shared/meetings/fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { personName, useT, useTn } from '../../i18n';
import { DocumentButton } from './DocumentButton';
import { useMeetingMutation } from './calls';
import { useMeetingLabels } from './labels';
import { ParticipantForm } from './ParticipantForm';
import { SheetAttendanceButton } from './SheetAttendance';

/** Who came: a checkbox per person (select all), saved in one go; walk-ins added here; counts by kind. */
export function AttendanceTab({ m }: { m: MeetingDetail }) {
  const t = useT();
  const tn = useTn();
  const labels = useMeetingLabels();
  const save = useMeetingMutation('meetings:setAttendance');
  // Only what the clerk has ticked here and not saved yet: everything else follows the meeting as stored, so
  // attendance entered from the signed sheet shows at once.
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const marked = (id: string) => marks[id] ?? m.participants.find((p) => p.id === id)?.attended ?? false;
  const all = m.participants.length > 0 && m.participants.every((p) => marked(p.id));
  const some = m.participants.some((p) => marked(p.id));
  const changed = m.participants.some((p) => marked(p.id) !== p.attended);
  const counts = PARTICIPANT_KINDS.map((k) => ({
    kind: k,
    invited: m.participants.filter((p) => p.kind === k && p.invited).length,
    attended: m.participants.filter((p) => p.kind === k && p.attended).length,
  })).filter((c) => c.invited > 0 || c.attended > 0);

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.attendance.title')}>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('meetings.attendance.title')}
          </Title>
          <Group gap="xs">
            <DocumentButton id={m.id} kind="attendanceSheet" label={t('meetings.pdf.attendanceSheet')} />
            {m.canEdit && m.participants.some((p) => p.invited) && <SheetAttendanceButton m={m} />}
            {m.canEdit && (
              <Button
                size="xs"
                disabled={!changed}
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { meetingId: m.id, attended: m.participants.map((p) => ({ participantId: p.id, attended: marked(p.id) })) },
                    {
                      onSuccess: (saved) => {
                        setMarks({});
                        notifications.show({ color: 'teal', message: tn('meetings.attendance.saved', saved.attended) });
                      },
                    },
                  )
                }
              >
                {t('meetings.attendance.save')}
              </Button>
            )}
          </Group>
        </Group>
        {save.error && <ErrorAlert error={save.error} />}
        {m.participants.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="empty-state">
            {t('meetings.attendance.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="attendance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('meetings.attendance.selectAll')}
                    checked={all}
                    indeterminate={some && !all}
                    disabled={!m.canEdit}
                    onChange={() => setMarks(Object.fromEntries(m.participants.map((p) => [p.id, !all])))}
                  />
                </Table.Th>
                <Table.Th>{t('meetings.participant.fullName')}</Table.Th>
                <Table.Th>{t('meetings.participant.organisation')}</Table.Th>
                <Table.Th>{t('meetings.participant.kind')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.participants.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('meetings.attendance.came', { name: p.fullName })}
                      checked={marked(p.id)}
                      disabled={!m.canEdit}
                      onChange={(e) => setMarks({ ...marks, [p.id]: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{personName(t, p.fullName)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.organisationName ?? t('common.notGiven')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labels.kind(p.kind)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {p.walkIn && (
                      <Badge variant="light" color="gray" tt="none">
                        {t('meetings.participant.walkIn')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {counts.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.attendance.byKind')}>
          <Title order={3} size="h5" mb="xs">
            {t('meetings.attendance.byKind')}
          </Title>
          <Table verticalSpacing={4} data-testid="attendance-counts" maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.participant.kind')}</Table.Th>
                <Table.Th ta="right">{t('meetings.participant.invited')}</Table.Th>
                <Table.Th ta="right">{t('meetings.participant.attended')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map((c) => (
                <Table.Tr key={c.kind}>
                  <Table.Td>{labels.kind(c.kind)}</Table.Td>
                  <Table.Td ta="right">{c.invited}</Table.Td>
                  <Table.Td ta="right">{c.attended}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('meetings.board.totals')}</Table.Td>
                <Table.Td ta="right">{m.invited}</Table.Td>
                <Table.Td ta="right">{m.attended}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {m.canEdit && <ParticipantForm m={m} mode="walkIn" />}
    </Stack>
  );
}
