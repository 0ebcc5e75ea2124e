import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ExchangeFileRef, PersonCandidate, PersonRecord, PersonReport } from '../../../shared/contract/privacy';
import { CARRIED_RULE, formatDateTimeTr, looksLikeTcKimlikNo, PERSON_CATEGORY_LABELS, PERSON_FIELD_LABELS, type PersonField } from '../../../shared/privacy/personReport';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { usePreview } from '../../components/DocumentPreview';
import { QueryState } from '../../components/QueryState';
import { isMessageKey, useLanguage, useT, type Translate } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { hrefOf } from '../../lib/hashRoute';
import { useCall, useCallMutation } from '../../lib/query';
import { jsonFile } from './jsonFile';

// The data subject's report (KVKK Art. 11): search by name or TC number, pick the person when several match,
// read everything held with where it came from and where it went, print it (PDF) or export it (JSON). An
// unknown person is an answer too, and printable. Correction goes through each record's own screen.

type Query = { fullName?: string; tcKimlikNo?: string; requestedOn?: string };

export function PersonReportSection() {
  const t = useT();
  const [text, setText] = useState('');
  const [requested, setRequested] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const [search, setSearch] = useState<{ query: string; requestedOn?: string } | null>(null);
  const [chosen, setChosen] = useState<Query | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dates = isoDates(t, { requested });
    setDateError(dates.errors.requested);
    if (!dates.ok || text.trim().length === 0) return;
    setChosen(null);
    setSearch({ query: text.trim(), ...(dates.values.requested ? { requestedOn: dates.values.requested } : {}) });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('privacy.tab.person')}>
      <Text size="sm" c="dimmed" mb="md" maw={860}>
        {t('privacy.person.hint')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('privacy.person.query')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={420} autoComplete="off" data-testid="person-query" />
          <DateTextInput label={t('privacy.person.requestedOn')} value={requested} onChange={(e) => setRequested(e.currentTarget.value)} error={dateError} />
          <Button type="submit">{t('privacy.person.search')}</Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4} mb="md" maw={860}>
          {t('privacy.person.queryHint')}
        </Text>
      </form>
      {search && !chosen && <Candidates search={search} onOpen={setChosen} />}
      {chosen && <ReportView query={chosen} onBack={() => setChosen(null)} />}
    </Paper>
  );
}

/** The query of a report: the TC number typed, or the chosen candidate's name. */
function queryOf(search: { query: string; requestedOn?: string }, candidate: PersonCandidate | null): Query {
  const extra = search.requestedOn ? { requestedOn: search.requestedOn } : {};
  if (looksLikeTcKimlikNo(search.query)) return { tcKimlikNo: search.query.replace(/\s+/g, ''), ...extra };
  return { fullName: candidate?.fullName ?? search.query, ...extra };
}

function Candidates({ search, onOpen }: { search: { query: string; requestedOn?: string }; onOpen: (q: Query) => void }) {
  const t = useT();
  const language = useLanguage();
  const found = useCall('privacy:findPerson', { query: search.query });
  return (
    <QueryState query={found}>
      {({ candidates }) =>
        candidates.length === 0 ? (
          <NothingHeld query={queryOf(search, null)} />
        ) : (
          <Stack gap="xs" data-testid="person-candidates">
            <Title order={4} size="h5">
              {t('privacy.person.candidates', { count: candidates.length })}
            </Title>
            <Table withTableBorder verticalSpacing="xs" maw={960}>
              <Table.Tbody>
                {candidates.map((c) => (
                  <Table.Tr key={c.fullName}>
                    <Table.Td fw={500}>{c.fullName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.matchedBy === 'tc' && (
                          <Badge variant="light" color="teal">
                            {t('privacy.person.byTc')}
                          </Badge>
                        )}
                        {c.categories.map((cat) => (
                          <Badge key={cat} variant="light" color="gray">
                            {PERSON_CATEGORY_LABELS[cat][language]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {t('privacy.person.candidateRecords', { count: c.records })} · {c.places.join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => onOpen(queryOf(search, c))} aria-label={`${t('privacy.person.open')}: ${c.fullName}`}>
                        {t('privacy.person.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )
      }
    </QueryState>
  );
}

function PdfButton({ query }: { query: Query }) {
  const t = useT();
  const preview = usePreview();
  const pdf = useCallMutation('privacy:personReportPdf', { onSuccess: (file) => preview.open(file, t('privacy.person.pdfTitle')) });
  return (
    <Button
      loading={pdf.isPending}
      onClick={() => pdf.mutate(query, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {t('privacy.person.pdf')}
    </Button>
  );
}

function NothingHeld({ query }: { query: Query }) {
  const t = useT();
  return (
    <Alert color="gray" variant="light" maw={860} data-testid="person-none" title={t('privacy.person.none')}>
      <Text size="sm" mb="sm">
        {t('privacy.person.noneHint')}
      </Text>
      <PdfButton query={query} />
    </Alert>
  );
}

function ReportView({ query, onBack }: { query: Query; onBack: () => void }) {
  const t = useT();
  const report = useCall('privacy:personReport', query);
  return (
    <QueryState query={report}>
      {(value) =>
        !value.found ? (
          <NothingHeld query={query} />
        ) : (
          <Stack gap="md" data-testid="person-report">
            <ReportHeader report={value} />
            <Group gap="sm">
              <PdfButton query={query} />
              <Button variant="default" onClick={() => downloadFile(jsonFile('Kişi raporu', value))}>
                {t('privacy.person.json')}
              </Button>
              <Button variant="subtle" onClick={onBack}>
                {t('privacy.person.back')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('privacy.person.editHint')}
            </Text>
            {value.records.map((r) => (
              <RecordCard key={`${r.table}:${r.id}`} record={r} />
            ))}
            <RuleNote title={t('privacy.person.rule')} />
          </Stack>
        )
      }
    </QueryState>
  );
}

function ReportHeader({ report }: { report: PersonReport }) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="sm" bg="gray.0" maw={960}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {report.records[0]?.fullName ?? report.query.fullName}
            {report.query.tcMasked ? ` · ${report.query.tcMasked}` : ''}
          </Title>
          <Text size="sm">{t('privacy.person.found', { count: report.records.length })}</Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text size="sm">{t('privacy.person.producedBy', { unit: report.installation.unitName })}</Text>
          <Text size="sm">{t('privacy.person.generatedAt', { at: formatDateTimeTr(report.generatedAt) })}</Text>
          <Text size="sm" fw={500}>
            {report.requestedOn && report.dueOn
              ? t('privacy.person.due', { requested: formatDateTr(report.requestedOn), due: formatDateTr(report.dueOn) })
              : t('privacy.person.dueUnknown')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function FileText({ file }: { file: ExchangeFileRef }) {
  const t = useT();
  return (
    <>
      {t('privacy.person.sentFile', { file: file.fileName, at: formatDateTimeTr(file.at), peer: file.peerName ?? '—' })}
      {file.direction === 'export' && ` · ${file.receivedAt ? t('privacy.person.receivedAt', { date: formatDateTr(file.receivedAt) }) : t('privacy.person.noReceipt')}`}
    </>
  );
}

/** A held value in the interface language: by its dictionary words when it has them, else as stored. */
function fieldValue(t: Translate, field: PersonRecord['fields'][number]): string {
  const words = field.words;
  return words?.length && words.every(isMessageKey) ? words.map((w) => t(w)).join(', ') : field.value;
}

function RecordCard({ record: r }: { record: PersonRecord }) {
  const t = useT();
  const language = useLanguage();
  const span = (o: PersonRecord['origins'][number]) => (o.firstAt.slice(0, 10) === o.lastAt.slice(0, 10) ? formatDateTr(o.firstAt) : `${formatDateTr(o.firstAt)} – ${formatDateTr(o.lastAt)}`);
  const fieldLabel = (key: string) => PERSON_FIELD_LABELS[key as PersonField]?.[language] ?? key;
  return (
    <Paper withBorder p="md" radius="sm" maw={960} data-record={r.table} aria-label={PERSON_CATEGORY_LABELS[r.category][language]}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light">{PERSON_CATEGORY_LABELS[r.category][language]}</Badge>
            {r.context && (
              <Text fw={500}>
                {t(`privacy.person.context.${r.context.kind}`)}: {r.context.name}
                {r.context.date ? `, ${formatDateTr(r.context.date)}` : ''}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('privacy.person.created', { created: formatDateTr(r.createdAt), updated: formatDateTr(r.updatedAt) })}
            {r.removedAt ? ` · ${t('privacy.person.removed', { date: formatDateTr(r.removedAt) })}` : ''}
            {r.erasurePending ? ` · ${t('privacy.person.erasurePending')}` : ''}
            {' · '}
            {r.matchedBy === 'tc' ? t('privacy.person.matchedByTc') : t('privacy.person.matchedByName')}
          </Text>
        </Stack>
        {r.editLink && (
          <Button component="a" href={hrefOf(...r.editLink)} size="xs" variant="default">
            {t('privacy.person.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Table withRowBorders={false} verticalSpacing={2} data-testid="person-fields">
          <Table.Tbody>
            {r.fields.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td c="dimmed" w={150}>
                  {fieldLabel(f.key)}
                </Table.Td>
                <Table.Td>{fieldValue(t, f)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={6}>
          <div>
            <Text size="sm" fw={500}>
              {t('privacy.person.origins')}
            </Text>
            <List size="sm" spacing={2}>
              {r.origins.map((o) => (
                <List.Item key={o.node}>
                  {o.own
                    ? t('privacy.person.originOwn', { unit: o.unitName, changes: o.changes, span: span(o) })
                    : t('privacy.person.originOther', { unit: o.unknownNode ? t('privacy.person.unknownUnit', { node: o.unknownNode }) : o.unitName, changes: o.changes, span: span(o) })}
                  {o.broughtBy.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('privacy.person.broughtBy', { files: o.broughtBy.map((f) => `${f.fileName} (${formatDateTimeTr(f.at)})`).join('; ') })}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
          <div data-testid="person-sent">
            <Text size="sm" fw={500}>
              {t('privacy.person.sentIn')}
            </Text>
            {r.sentIn.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('privacy.person.notSent')}
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {r.sentIn.map((s) => (
                  <List.Item key={s.ledgerId}>
                    <FileText file={s} />
                    <Text size="xs" c="dimmed">
                      {s.fields.map(fieldLabel).join(', ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          {r.reveals.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                {t('privacy.person.reveals')}
              </Text>
              <List size="sm" spacing={2}>
                {r.reveals.map((v, i) => (
                  <List.Item key={i}>
                    {formatDateTimeTr(v.at)}
                    {v.actorName ? `, ${v.actorName}` : ''}: {v.purpose}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {r.destructions.length > 0 && (
            <div>
              <Text size="sm" fw={500}>
                {t('privacy.person.destructions')}
              </Text>
              <List size="sm" spacing={2}>
                {r.destructions.map((d, i) => (
                  <List.Item key={i}>
                    {formatDateTimeTr(d.at)}: {d.reason}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

export function RuleNote({ title }: { title: string }) {
  const language = useLanguage();
  return (
    <Paper p="sm" radius="sm" bg="gray.0" maw={960}>
      <Text size="sm" fw={500} mb={4}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {CARRIED_RULE[language]}
      </Text>
    </Paper>
  );
}
