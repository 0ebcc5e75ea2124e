import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { Decision, MeetingDetail } from '../../../shared/contract/meetings';
import { DECISION_STATES, REQUEST_CATEGORIES, type DecisionState, type RequestCategory } from '../../../shared/meetings/fields';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors, type FormErrors } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useMeetingMutation } from './calls';
import { DocumentButton } from './DocumentButton';
import { DECISION_COLOURS, useMeetingLabels } from './labels';
import { OrganisationInput, type OrganisationChoice } from './ParticipantForm';

/** A held meeting's record: first the follow-up of earlier decisions, then minutes, requests and decisions. */
export function MinutesTab({ m }: { m: MeetingDetail }) {
  const t = useT();
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <DocumentButton id={m.id} kind="minutes" label={t('meetings.pdf.minutes')} />
      </Group>
      <ReviewSection m={m} />
      <MinutesSection key={m.minutes ?? ''} m={m} />
      <RequestsSection m={m} />
      <DecisionsSection m={m} />
    </Stack>
  );
}

function ReviewSection({ m }: { m: MeetingDetail }) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.review.title')} data-testid="review">
      <Title order={3} size="h5">
        {t('meetings.review.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('meetings.review.hint')}
      </Text>
      {m.earlierOpenDecisions.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="review-empty">
          {t('meetings.review.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {m.earlierOpenDecisions.map((d) => (
            <ReviewRow key={`${d.id}-${d.state}-${d.stateNote ?? ''}`} m={m} d={d} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function ReviewRow({ m, d }: { m: MeetingDetail; d: Decision }) {
  const t = useT();
  const labels = useMeetingLabels();
  const review = useMeetingMutation('meetings:reviewDecision');
  const [state, setState] = useState<DecisionState>(d.state);
  const [note, setNote] = useState(d.stateNote ?? '');
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="review-item" bg={d.overdue ? 'var(--mantine-color-red-light)' : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="outline" tt="none" ff="monospace" style={{ flexShrink: 0 }}>
            {d.code}
          </Badge>
          <Text size="sm" style={{ flex: 1 }}>
            {d.text}
          </Text>
        </Group>
        <Text size="xs" c={d.overdue ? 'red' : 'dimmed'}>
          {t('meetings.review.meta', { date: formatDateTr(d.meetingDate), responsible: d.responsible ?? t('common.notGiven'), due: labels.date(d.dueOn) })}
          {d.overdue ? ` · ${t('meetings.decision.overdue')}` : ''} · <a href={hrefOf('meetings', d.meetingId, 'minutes')}>{t('meetings.review.openMeeting')}</a>
        </Text>
        {m.canEdit && (
          <Group gap="xs" align="flex-end">
            <Select
              label={t('meetings.decision.state')}
              aria-label={t('meetings.review.stateOf', { code: d.code })}
              data={DECISION_STATES.map((s) => ({ value: s, label: labels.decision(s) }))}
              value={state}
              onChange={(v) => v && setState(v as DecisionState)}
              allowDeselect={false}
              w={180}
              size="xs"
            />
            <TextInput label={t('meetings.review.note')} aria-label={t('meetings.review.noteOf', { code: d.code })} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} size="xs" />
            <Button
              size="xs"
              loading={review.isPending}
              onClick={() =>
                review.mutate(
                  { decisionId: d.id, meetingId: m.id, state, note: note.trim() || null },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('meetings.review.saved', { code: d.code, state: labels.decision(state) }) }) },
                )
              }
            >
              {t('meetings.review.save')}
            </Button>
          </Group>
        )}
        {review.error && <ErrorAlert error={review.error} />}
      </Stack>
    </Paper>
  );
}

function MinutesSection({ m }: { m: MeetingDetail }) {
  const t = useT();
  const save = useMeetingMutation('meetings:saveMinutes');
  const [general, setGeneral] = useState(m.minutes ?? '');
  const [items, setItems] = useState<Record<string, string>>(() => Object.fromEntries(m.agenda.map((a) => [a.id, a.minutes ?? ''])));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.minutes.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('meetings.minutes.title')}
      </Title>
      <Stack gap="sm">
        <Textarea label={t('meetings.minutes.general')} autosize minRows={3} value={general} onChange={(e) => setGeneral(e.currentTarget.value)} readOnly={!m.canEdit} />
        {m.agenda.map((a) => (
          <Textarea
            key={a.id}
            label={t('meetings.minutes.item', { n: a.position, title: a.title })}
            autosize
            minRows={2}
            value={items[a.id] ?? ''}
            onChange={(e) => setItems({ ...items, [a.id]: e.currentTarget.value })}
            readOnly={!m.canEdit}
          />
        ))}
        {save.error && <ErrorAlert error={save.error} />}
        {m.canEdit && (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { meetingId: m.id, minutes: general.trim() || null, items: m.agenda.map((a) => ({ id: a.id, minutes: (items[a.id] ?? '').trim() || null })) },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('meetings.minutes.saved') }) },
                )
              }
            >
              {t('meetings.minutes.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const REQUEST_FIELDS = ['category', 'organisationId', 'text'] as const;

function RequestsSection({ m }: { m: MeetingDetail }) {
  const t = useT();
  const labels = useMeetingLabels();
  const save = useMeetingMutation('meetings:saveRequest');
  const remove = useMeetingMutation('meetings:removeRequest');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ category: RequestCategory | null; organisation: OrganisationChoice; text: string }>({
    mode: 'controlled',
    initialValues: { category: null, organisation: { organisationId: null, organisationName: '' }, text: '' },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const input = { meetingId: m.id, category: v.category as RequestCategory, organisationId: v.organisation.organisationId, text: v.text };
    const show = ({ fields, general }: FormErrors<(typeof REQUEST_FIELDS)[number]>) => {
      form.setErrors({ category: fields.category, organisation: fields.organisationId, text: fields.text });
      setProblem(general);
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['meetings:saveRequest'].input, input, REQUEST_FIELDS);
    if (problems) show(problems);
    else save.mutate(input, { onSuccess: () => form.reset(), onError: (error) => show(formErrorsFrom(error, REQUEST_FIELDS)) });
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.requests.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('meetings.requests.title')} ({m.requests.length})
      </Title>
      {m.requests.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('meetings.requests.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} mb="sm" data-testid="requests">
          <Table.Tbody>
            {m.requests.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td w={240}>
                  <Badge variant="light" tt="none" color="cyan" style={{ minWidth: 'max-content' }}>
                    {labels.category(r.category)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.text}</Text>
                  {r.organisationName && (
                    <Text size="xs" c="dimmed">
                      {r.organisationName}
                    </Text>
                  )}
                </Table.Td>
                {m.canEdit && (
                  <Table.Td ta="right" w={40}>
                    <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate({ id: r.id })} aria-label={t('meetings.requests.remove')}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {m.canEdit && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {problem && (
              <Alert color="red" variant="light" role="alert">
                {problem}
              </Alert>
            )}
            <Group grow align="flex-start">
              <Select label={t('meetings.requests.category')} withAsterisk data={REQUEST_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} {...form.getInputProps('category')} />
              <OrganisationInput
                label={t('meetings.participant.organisation')}
                value={form.values.organisation}
                onChange={(v) => form.setFieldValue('organisation', v)}
                error={form.errors.organisation as string | undefined}
              />
            </Group>
            <Textarea label={t('meetings.requests.text')} withAsterisk autosize minRows={2} {...form.getInputProps('text')} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('meetings.requests.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

const DECISION_FIELDS = ['text', 'responsible', 'dueOn'] as const;

function DecisionsSection({ m }: { m: MeetingDetail }) {
  const t = useT();
  const labels = useMeetingLabels();
  const save = useMeetingMutation('meetings:saveDecision');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ text: string; responsible: string; dueOn: string }>({ mode: 'controlled', initialValues: { text: '', responsible: '', dueOn: '' } });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const dates = isoDates(t, { dueOn: v.dueOn });
    const input = { meetingId: m.id, text: v.text, responsible: v.responsible.trim() || null, dueOn: dates.values.dueOn };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['meetings:saveDecision'].input, input, DECISION_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setProblem(problems.general);
      return;
    }
    save.mutate(input, {
      onSuccess: (saved) => {
        const last = saved.decisions.at(-1);
        notifications.show({ color: 'teal', message: t('meetings.decision.saved', { code: last?.code ?? '' }) });
        form.reset();
      },
      onError: (error) => {
        const { fields, general } = formErrorsFrom(error, DECISION_FIELDS);
        form.setErrors(fields);
        setProblem(general);
      },
    });
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.decision.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('meetings.decision.title')} ({m.decisions.length})
      </Title>
      {m.decisions.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('meetings.decision.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} mb="sm" data-testid="decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.decision.code')}</Table.Th>
              <Table.Th>{t('meetings.decision.text')}</Table.Th>
              <Table.Th>{t('meetings.decision.responsible')}</Table.Th>
              <Table.Th>{t('meetings.decision.dueOn')}</Table.Th>
              <Table.Th>{t('meetings.decision.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td ff="monospace">{d.code}</Table.Td>
                <Table.Td>
                  <Text size="sm">{d.text}</Text>
                  {d.stateNote && (
                    <Text size="xs" c="dimmed">
                      {d.stateNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.responsible ?? t('common.notGiven')}</Table.Td>
                <Table.Td c={d.overdue ? 'red' : undefined}>{labels.date(d.dueOn)}</Table.Td>
                <Table.Td>
                  <Badge color={DECISION_COLOURS[d.state]} variant="light" tt="none">
                    {labels.decision(d.state)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {m.canEdit && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {problem && (
              <Alert color="red" variant="light" role="alert">
                {problem}
              </Alert>
            )}
            <Textarea label={t('meetings.decision.text')} withAsterisk autosize minRows={2} {...form.getInputProps('text')} />
            <Group align="flex-start">
              <TextInput label={t('meetings.decision.responsible')} style={{ flex: 1 }} {...form.getInputProps('responsible')} />
              <DateTextInput label={t('meetings.decision.dueOn')} {...form.getInputProps('dueOn')} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('meetings.decision.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
