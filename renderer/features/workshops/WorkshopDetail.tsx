import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { contract } from '../../../shared/contract';
import type { WorkshopDetail } from '../../../shared/contract/workshops';
import { foldTurkish } from '../../../shared/turkish';
import { EmptyText, QueryState } from '../../components/QueryState';
import { personName, regionLabel, useT, useTn } from '../../i18n';
import { CallError } from '../../lib/api';
import { checkInput, errorMessage, issueLine, issueMessage } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useCall, useCallMutation } from '../../lib/query';
import { parsePastedParticipants, type PasteProblem } from './paste';
import { WorkshopFormModal } from './WorkshopForm';
import { datesText } from './WorkshopsPage';
import { FormModal, useFormModal, useUnsavedGuard } from '../../components/FormModal';
import { usePreview } from '../../components/DocumentPreview';

const INVALIDATES = ['workshops:list', 'workshops:get', 'reports:figures'] as const;

export function WorkshopDetailPage({ id }: { id: string }) {
  const t = useT();
  const query = useCall('workshops:get', { id });
  return (
    <Stack gap="sm">
      <Anchor href={hrefOf('workshops')} size="sm">← {t('workshops.back')}</Anchor>
      <QueryState query={query}>{(w) => <Detail w={w} />}</QueryState>
    </Stack>
  );
}

function PdfButton({ id, kind, label }: { id: string; kind: 'programme' | 'participants' | 'badges'; label: string }) {
  const t = useT();
  const preview = usePreview();
  const document = useCallMutation('workshops:document', { onSuccess: (file) => preview.open(file, label) });
  return (
    <Button
      variant="default"
      loading={document.isPending}
      onClick={() => document.mutate({ id, kind }, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {label}
    </Button>
  );
}

function Detail({ w }: { w: WorkshopDetail }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" color={w.kind === 'ULUSAL_ZIRVE' ? 'grape' : 'blue'}>{t(`workshops.kind.${w.kind}`)}</Badge>
            {w.region && <Badge variant="outline">{regionLabel(t, w.region)}</Badge>}
          </Group>
          <Title order={2}>{w.title}</Title>
          <Text>
            {datesText(w.startOn, w.endOn)}
            {w.venue ? ` · ${w.venue}` : ''}
            {w.hostName ? ` · ${t('workshops.host')}: ${w.hostName}` : ''}
          </Text>
          <Text size="sm" c="dimmed" data-testid="workshop-counts">
            {t('workshops.counts', { participants: w.participants, organisations: w.organisations, provinces: w.provinces })}
          </Text>
        </Stack>
        <Group gap="xs">
          <PdfButton id={w.id} kind="programme" label={t('workshops.pdf.programme')} />
          <PdfButton id={w.id} kind="participants" label={t('workshops.pdf.participants')} />
          <PdfButton id={w.id} kind="badges" label={t('workshops.pdf.badges')} />
          {w.canEdit && <Button variant="default" onClick={() => setEditing(true)}>{t('workshops.edit')}</Button>}
          {w.canEdit && <Button onClick={() => setAdding(true)}>{t('workshops.participants.add')}</Button>}
        </Group>
      </Group>
      <Tabs defaultValue="participants" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="participants">{t('workshops.tab.participants', { count: w.participants })}</Tabs.Tab>
          <Tabs.Tab value="programme">{t('workshops.tab.programme')}</Tabs.Tab>
          <Tabs.Tab value="findings">{t('workshops.tab.findings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="participants" pt="sm">
          <Participants w={w} />
        </Tabs.Panel>
        <Tabs.Panel value="programme" pt="sm">
          {w.programme.length === 0 ? (
            <EmptyText>{t('workshops.programme.empty')}</EmptyText>
          ) : (
            <Table withTableBorder maw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('workshops.programme.time')}</Table.Th>
                  <Table.Th>{t('workshops.programme.item')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {w.programme.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.time || t('common.notGiven')}</Table.Td>
                    <Table.Td>{p.title}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="findings" pt="sm">
          {w.findings ? <Paper withBorder p="md" maw={900}><Text style={{ whiteSpace: 'pre-wrap' }}>{w.findings}</Text></Paper> : <EmptyText>{t('workshops.findings.empty')}</EmptyText>}
        </Tabs.Panel>
      </Tabs>
      <WorkshopFormModal opened={editing} workshop={w} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('workshops.paste.title')} size="xl">
        {adding && <PasteParticipants workshopId={w.id} onDone={() => setAdding(false)} />}
      </FormModal>
    </Stack>
  );
}

function Participants({ w }: { w: WorkshopDetail }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const remove = useCallMutation('workshops:removeParticipant', { invalidates: INVALIDATES });
  const provinces = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of w.participantList) seen.set(p.provincePlate, p.provinceName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [w.participantList]);
  const folded = foldTurkish(search);
  const rows = w.participantList.filter(
    (p) => (!province || p.provincePlate === province) && (!folded || foldTurkish([p.fullName, p.title, p.organisationName].filter(Boolean).join(' ')).includes(folded)),
  );
  if (w.participantList.length === 0) return <EmptyText>{t('workshops.participants.empty')}</EmptyText>;
  return (
    <Stack gap="sm">
      <Group>
        <TextInput placeholder={t('workshops.participants.search')} aria-label={t('workshops.participants.search')} data-shortcut="search" aria-keyshortcuts="Control+F" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={340} />
        <Select placeholder={t('workshops.participants.allProvinces')} aria-label={t('workshops.participants.province')} data={provinces} value={province} onChange={setProvince} clearable searchable w={220} />
      </Group>
      {rows.length === 0 ? (
        <EmptyText>{t('workshops.participants.noMatch')}</EmptyText>
      ) : (
        <Table striped withTableBorder data-testid="participants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workshops.participants.province')}</Table.Th>
              <Table.Th>{t('workshops.participants.name')}</Table.Th>
              <Table.Th>{t('workshops.participants.title')}</Table.Th>
              <Table.Th>{t('workshops.participants.organisation')}</Table.Th>
              {w.canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.provinceName}</Table.Td>
                <Table.Td>{personName(t, p.fullName)}</Table.Td>
                <Table.Td>{p.title ?? t('common.notGiven')}</Table.Td>
                <Table.Td>{p.organisationName ?? t('common.notGiven')}</Table.Td>
                {w.canEdit && (
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        if (window.confirm(t('workshops.participants.removeConfirm', { name: p.fullName }))) remove.mutate({ id: p.id });
                      }}
                    >
                      {t('workshops.participants.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function PasteParticipants({ workshopId, onDone }: { workshopId: string; onDone: () => void }) {
  const t = useT();
  const tn = useTn();
  const [text, setText] = useState('');
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const parsed = useMemo(() => parsePastedParticipants(text), [text]);
  useUnsavedGuard(text.trim() !== '');
  const guard = useFormModal();
  const save = useCallMutation('workshops:saveParticipants', {
    invalidates: INVALIDATES,
    onSuccess: (_, input) => {
      notifications.show({ color: 'teal', message: tn('workshops.paste.done', input.participants.length) });
      onDone();
    },
  });
  const problemText = (p: PasteProblem) =>
    t('workshops.paste.rowError', {
      row: p.row,
      message:
        p.key === 'columns' ? t('workshops.paste.error.columns', { count: p.count })
        : p.key === 'province' ? t('workshops.paste.error.province', { text: p.text })
        : t(`workshops.paste.error.${p.key}`),
    });
  // Row problems by the pasted line number (the channel names rows by their position in the call), in the
  // interface language; from this side's check with the channel's schema or, failing that, from the server.
  const showProblems = (error: unknown) => {
    const issues = error instanceof CallError ? (error.error.issues ?? []) : [];
    const rowIssues = issues
      .map((i) => ({ i, m: /^participants\.(\d+)\./.exec(i.path) }))
      .filter((x) => x.m)
      .map(({ i, m }) => t('workshops.paste.rowError', { row: parsed.lineOf[Number(m![1])] ?? Number(m![1]) + 1, message: i.label && /satır$/.test(i.label) ? issueMessage(i) : issueLine(i) }));
    setServerErrors(rowIssues);
    setGeneral(rowIssues.length ? t('workshops.paste.fixRows') : errorMessage(error));
  };
  const submit = () => {
    setServerErrors([]);
    setGeneral(null);
    const input = { workshopId, participants: parsed.rows.map((r) => ({ fullName: r.fullName, title: r.title, organisationName: r.organisationName, provincePlate: r.provincePlate })) };
    const problems = checkInput(contract['workshops:saveParticipants'].input, input);
    if (problems) showProblems(problems);
    else save.mutate(input, { onError: showProblems });
  };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('workshops.paste.help')}</Text>
      <Textarea
        label={t('workshops.paste.label')}
        placeholder={t('workshops.paste.placeholder')}
        autosize
        minRows={8}
        maxRows={18}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
        data-testid="paste-area"
      />
      <Text size="sm" c="dimmed">{tn('workshops.paste.preview', parsed.rows.length)}</Text>
      {(parsed.problems.length > 0 || serverErrors.length > 0) && (
        <Alert color="red" variant="light" title={general ?? t('workshops.paste.fixRows')} data-testid="paste-errors">
          <List size="sm">
            {parsed.problems.map((p, i) => <List.Item key={`c${i}`}>{problemText(p)}</List.Item>)}
            {serverErrors.map((m, i) => <List.Item key={`s${i}`}>{m}</List.Item>)}
          </List>
        </Alert>
      )}
      {general && serverErrors.length === 0 && parsed.problems.length === 0 && <Alert color="red" variant="light">{general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => (guard ? guard.requestClose(onDone) : onDone())}>{t('common.cancel')}</Button>
        <Button onClick={submit} loading={save.isPending} disabled={parsed.rows.length === 0 || parsed.problems.length > 0}>
          {tn('workshops.paste.submit', parsed.rows.length)}
        </Button>
      </Group>
    </Stack>
  );
}
