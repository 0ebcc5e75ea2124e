import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { MeetingDetail, Participant } from '../../../shared/contract/meetings';
import { foldTurkish } from '../../../shared/turkish';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { personName, translate, useT, useTn, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/query';
import { useMeetingMutation } from './calls';
import { DocumentButton, InvitationFilesButton } from './DocumentButton';
import { ExportButton } from '../../components/ExportButton';
import { useMeetingLabels } from './labels';
import { ParticipantForm } from './ParticipantForm';

type Suggestion = ChannelOutput<'meetings:suggestInvitees'>[number];
const REASONS = ['CAME_BEFORE', 'DISTRICT', 'PROVINCE'] as const;
const REASON_LABELS: Record<(typeof REASONS)[number], MessageKey> = {
  CAME_BEFORE: 'meetings.suggest.CAME_BEFORE',
  DISTRICT: 'meetings.suggest.DISTRICT',
  PROVINCE: 'meetings.suggest.PROVINCE',
};

const suggestionKey = (s: Suggestion) => `${s.organisationId}|${s.contactId ?? ''}`;

/** Whether a suggestion is already on the list (the same contact, or the organisation with no named person). */
function alreadyListed(s: Suggestion, participants: Participant[]): boolean {
  return participants.some((p) => (s.contactId ? p.contactId === s.contactId : p.organisationId === s.organisationId && (!s.fullName || foldTurkish(p.fullName) === foldTurkish(s.fullName))));
}

/** The invitation list: people suggested from the directory and earlier meetings, added by hand, and the letters. */
export function InviteesTab({ m }: { m: MeetingDetail }) {
  const t = useT();
  const editable = m.canEdit && m.state !== 'IPTAL';
  return (
    <Stack gap="md">
      <Group gap="xs">
        <DocumentButton id={m.id} kind="invitation" label={t('meetings.pdf.invitation')} />
        <DocumentButton id={m.id} kind="invitations" label={t('meetings.pdf.invitations')} data-shortcut={undefined} aria-keyshortcuts={undefined} />
        <InvitationFilesButton id={m.id} />
        <DocumentButton id={m.id} kind="attendanceSheet" label={t('meetings.pdf.attendanceSheet')} data-shortcut={undefined} aria-keyshortcuts={undefined} />
        <DocumentButton id={m.id} kind="labels" label={t('meetings.pdf.labels')} data-shortcut={undefined} aria-keyshortcuts={undefined} />
        <DocumentButton id={m.id} kind="badges" label={t('meetings.pdf.badges')} data-shortcut={undefined} aria-keyshortcuts={undefined} />
        <ExportButton channel="meetings:addresseesXlsx" input={{ id: m.id }} size="xs" label={t('meetings.xlsx.addressees')} />
      </Group>
      <ParticipantTable m={m} />
      {editable && <Suggestions m={m} />}
      {editable && <ParticipantForm m={m} mode="invitee" />}
    </Stack>
  );
}

function ParticipantTable({ m }: { m: MeetingDetail }) {
  const t = useT();
  const labels = useMeetingLabels();
  const remove = useMeetingMutation('meetings:removeParticipant');
  const invitees = m.participants.filter((p) => p.invited || !p.walkIn);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.invitees.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('meetings.invitees.title')} ({invitees.length})
      </Title>
      {remove.error && <ErrorAlert error={remove.error} />}
      {invitees.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="empty-state">
          {t('meetings.invitees.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} data-testid="invitees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.participant.fullName')}</Table.Th>
                <Table.Th>{t('meetings.participant.organisation')}</Table.Th>
                <Table.Th>{t('meetings.participant.kind')}</Table.Th>
                <Table.Th>{t('meetings.participant.status')}</Table.Th>
                {m.canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitees.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {personName(t, p.fullName)}
                    </Text>
                    {p.title && (
                      <Text size="xs" c="dimmed">
                        {p.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.organisationName ?? t('common.notGiven')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labels.kind(p.kind)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.invited && (
                        <Badge variant="light" tt="none" color="violet">
                          {t('meetings.participant.invited')}
                        </Badge>
                      )}
                      {p.attended && (
                        <Badge variant="light" tt="none" color="green">
                          {t('meetings.participant.attended')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {m.canEdit && (
                    <Table.Td ta="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate({ id: p.id })}
                        loading={remove.isPending && remove.variables?.id === p.id}
                        aria-label={t('meetings.participant.remove', { name: p.fullName })}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function Suggestions({ m }: { m: MeetingDetail }) {
  const t = useT();
  const tn = useTn();
  const suggestions = useCall('meetings:suggestInvitees', { meetingId: m.id });
  const save = useMeetingMutation('meetings:saveParticipants');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const fresh = useMemo(() => (suggestions.data ?? []).filter((s) => !alreadyListed(s, m.participants)), [suggestions.data, m.participants]);

  const invite = () => {
    const chosen = fresh.filter((s) => picked.has(suggestionKey(s)));
    save.mutate(
      {
        meetingId: m.id,
        participants: chosen.map((s) => ({
          kind: 'STK' as const,
          // An organisation with no named person is invited through its representative (stored in Turkish, as data).
          fullName: s.fullName ?? translate('tr', 'meetings.suggest.representativeOf', { organisation: s.organisationName }),
          title: s.title,
          organisationId: s.organisationId,
          contactId: s.contactId,
          invited: true,
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: tn('meetings.suggest.invited', chosen.length) });
          setPicked(new Set());
        },
        onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.suggest.title')}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('meetings.suggest.title')}
        </Title>
        <Button size="xs" disabled={picked.size === 0} loading={save.isPending} onClick={invite}>
          {t('meetings.suggest.invite', { count: picked.size })}
        </Button>
      </Group>
      <QueryState query={suggestions}>
        {() =>
          fresh.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('meetings.suggest.empty')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="suggestions">
              {REASONS.map((reason) => {
                const group = fresh.filter((s) => s.reason === reason);
                if (group.length === 0) return null;
                const allPicked = group.every((s) => picked.has(suggestionKey(s)));
                return (
                  <Stack key={reason} gap={4}>
                    <Checkbox
                      label={
                        <Text size="sm" fw={700}>
                          {t(REASON_LABELS[reason])} ({group.length})
                        </Text>
                      }
                      checked={allPicked}
                      indeterminate={!allPicked && group.some((s) => picked.has(suggestionKey(s)))}
                      onChange={() => {
                        const next = new Set(picked);
                        for (const s of group) {
                          if (allPicked) next.delete(suggestionKey(s));
                          else next.add(suggestionKey(s));
                        }
                        setPicked(next);
                      }}
                    />
                    <Stack gap={2} pl="lg">
                      {group.map((s) => {
                        const key = suggestionKey(s);
                        return (
                          <Checkbox
                            key={key}
                            checked={picked.has(key)}
                            onChange={() => {
                              const next = new Set(picked);
                              if (next.has(key)) next.delete(key);
                              else next.add(key);
                              setPicked(next);
                            }}
                            label={
                              <Text size="sm">
                                {s.fullName ? `${personName(t, s.fullName)}${s.title ? `, ${s.title}` : ''} — ` : ''}
                                {s.organisationName}
                                {s.timesAttended > 0 && (
                                  <Text span size="xs" c="dimmed">
                                    {' '}
                                    · {tn('meetings.suggest.timesAttended', s.timesAttended)}
                                  </Text>
                                )}
                              </Text>
                            }
                          />
                        );
                      })}
                    </Stack>
                  </Stack>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
