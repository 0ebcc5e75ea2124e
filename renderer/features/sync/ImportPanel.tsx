import { Alert, Anchor, Badge, Button, DataList, Group, List, Paper, ScrollArea, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { ImportResult } from '../../../shared/contract/sync';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MonoBox } from '../../components/MonoBox';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { hrefOf } from '../../lib/hashRoute';
import { useApplyImport, useInspect, usePreviewImport } from './calls';
import { Stat, Working } from './ExportPanel';
import { takeOpenedFileFromStore, useOpenedFile } from '../backend';
import { FilePathInput, useFilePath } from './FilePathInput';
import { FingerprintCheck, fingerprintMatch } from './FingerprintCheck';
import { formatDateTime, useSyncLabels } from './labels';
import { keyedText } from '../../lib/errors';

type Inspection = ChannelOutput<'sync:inspect'>;

/**
 * Nothing in the file was new to this installation. The server also says so when nothing was stored because
 * changes were held back or refused, which the trust notices explain instead.
 */
const allHeldAlready = (r: ImportResult) => r.nothingNew && r.report.quarantined.length === 0 && r.report.withheld.length === 0;

/** A welcome file from a sender this installation does not know yet needs the sender's fingerprint. */
const needsFingerprint = (i: Inspection) => i.welcome && !i.senderEnrolled && i.forThisInstallation && Boolean(i.fingerprint);

/**
 * Receiving a file in four steps: its header (who, when, for whom) → the sender's fingerprint when the file
 * is a welcome → a dry run the server computes and rolls back → apply, in one transaction. A refused file
 * shows the server's message and nothing else happens: the database is exactly as it was.
 */
export function ImportPanel() {
  const [attempt, setAttempt] = useState(0);
  // A file the operating system opened (double-click on a .kopru) starts the wizard with it, already read.
  const opened = useOpenedFile();
  const [current, setCurrent] = useState<{ path: string; at: number } | null>(null);
  useEffect(() => {
    if (!opened) return;
    setCurrent(opened);
    takeOpenedFileFromStore();
  }, [opened]);
  return <ImportWizard key={`${attempt}-${current?.at ?? 0}`} opened={current?.path ?? null} onRestart={() => setAttempt((n) => n + 1)} />;
}

function ImportWizard({ onRestart, opened }: { onRestart: () => void; opened: string | null }) {
  const t = useT();
  const labels = useSyncLabels();
  const file = useFilePath('open');
  const inspect = useInspect();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [step, setStep] = useState(0);
  const [path, setPath] = useState('');
  const [typed, setTyped] = useState('');

  const runPreview = (target: string, fingerprint: string | null) => {
    preview.mutate({ path: target, dryRun: true, ...(fingerprint ? { welcomeFingerprint: fingerprint } : {}) }, { onSuccess: () => setStep(2) });
  };

  const readFile = (target = file.value.trim()) => {
    preview.reset();
    apply.reset();
    inspect.mutate(
      { path: target },
      {
        onSuccess: (inspection) => {
          setPath(target);
          setStep(1);
          if (!needsFingerprint(inspection)) runPreview(target, null);
        },
      },
    );
  };

  // The opened file is read once, as if typed and "Dosyayı oku" pressed (the wizard is keyed by it).
  useEffect(() => {
    if (!opened) return;
    file.setValue(opened);
    readFile(opened);
  }, []);

  const inspection = inspect.data;
  const welcomeFingerprint = inspection && needsFingerprint(inspection) ? typed : null;

  const runApply = () => {
    apply.mutate({ path, dryRun: false, ...(welcomeFingerprint ? { welcomeFingerprint } : {}) }, { onSuccess: () => setStep(3) });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('sync.import.step.file')}>
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm" maw={720}>
              <Text size="sm">{t('sync.import.hint')}</Text>
              <FilePathInput kind="open" fileKind="exchange" path={file} label={t('sync.import.path')} />
              {inspect.isError && <ErrorAlert error={inspect.error} title={t('sync.import.refusedTitle')} />}
              <Group justify="flex-end">
                <Button onClick={() => readFile()} loading={inspect.isPending} disabled={!file.ready}>
                  {t('sync.import.inspect')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>

        <Stepper.Step label={t('sync.import.step.verify')}>
          {inspection && (
            <Stack gap="md">
              <InspectionSummary path={path} inspection={inspection} />
              {needsFingerprint(inspection) && (
                <Paper withBorder p="lg" radius="md">
                  <Stack gap="sm">
                    <Alert color="blue" variant="light" title={t('sync.import.welcomeTitle')}>
                      {t('sync.import.welcomeHint', { unit: inspection.senderName ?? '' })}
                    </Alert>
                    <FingerprintCheck
                      expected={inspection.fingerprint!}
                      unitName={inspection.senderName ?? t('sync.inspect.unknownSender')}
                      value={typed}
                      onChange={(v) => {
                        setTyped(v);
                        preview.reset();
                      }}
                    />
                  </Stack>
                </Paper>
              )}
              {preview.isPending && <Working label={t('sync.import.checking')} />}
              {preview.isError && <ErrorAlert error={preview.error} title={t('sync.import.refusedTitle')} />}
              <Group justify="space-between">
                <Button variant="default" onClick={onRestart}>
                  {t('sync.import.otherFile')}
                </Button>
                {needsFingerprint(inspection) && (
                  <Button
                    onClick={() => runPreview(path, typed)}
                    loading={preview.isPending}
                    disabled={fingerprintMatch(typed, inspection.fingerprint!) !== 'match'}
                  >
                    {t('sync.import.previewButton')}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('sync.import.step.preview')}>
          {inspection && preview.data && (
            <Stack gap="md">
              <InspectionSummary path={path} inspection={inspection} compact />
              <Alert color="blue" variant="light">
                {t('sync.import.dryRun')}
              </Alert>
              {allHeldAlready(preview.data) && (
                <Alert color="gray" variant="light" data-testid="nothing-new">
                  {t('sync.import.nothingNewPreview')}
                </Alert>
              )}
              <ReportView result={preview.data} />
              {apply.isPending && <Working label={t('sync.import.applying')} />}
              {apply.isError && <ErrorAlert error={apply.error} title={t('sync.import.refusedTitle')} />}
              <Group justify="space-between">
                <Button variant="default" onClick={onRestart} disabled={apply.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={runApply} loading={apply.isPending}>
                  {t('sync.import.apply')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Completed>
          {apply.data && (
            <Paper withBorder p="lg" radius="md" data-testid="import-result">
              <Stack gap="md">
                <Title order={3} size="h4">
                  {t('sync.import.doneTitle', { unit: apply.data.sender.unitName })}
                </Title>
                {allHeldAlready(apply.data) ? (
                  <Alert color="gray" variant="light" data-testid="nothing-new">
                    {t('sync.import.nothingNew')}
                  </Alert>
                ) : (
                  <DoneSummary result={apply.data} />
                )}
                {apply.data.stale && (
                  <Alert color="orange" variant="light">
                    {t('sync.import.stale')}
                  </Alert>
                )}
                <ReportView result={apply.data} />
                {apply.data.report.conflicts > 0 && (
                  <Alert color="orange" variant="light" title={t('sync.import.conflictsTitle')}>
                    {labels.plural('sync.import.conflicts', apply.data.report.conflicts)}{' '}
                    <Anchor href={hrefOf('exchange', 'conflicts')}>{t('sync.import.toConflicts')}</Anchor>
                  </Alert>
                )}
                <Group>
                  <Button variant="default" onClick={onRestart}>
                    {t('sync.import.again')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

function YesNo({ yes, yesColour = 'teal', noColour = 'red' }: { yes: boolean; yesColour?: string; noColour?: string }) {
  const t = useT();
  return (
    <Badge variant="light" color={yes ? yesColour : noColour} tt="none">
      {t(yes ? 'sync.value.yes' : 'sync.value.no')}
    </Badge>
  );
}

/** What the file's header says, before anything is decrypted or applied. */
function InspectionSummary({ path, inspection, compact = false }: { path: string; inspection: Inspection; compact?: boolean }) {
  const t = useT();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="inspection">
      <Title order={3} size="h5" mb="sm">
        {t('sync.inspect.title')}
      </Title>
      <DataList labelWidth={220}>
        {!compact && (
          <DataList.Item>
            <DataList.ItemLabel>{t('sync.file')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <MonoBox label={t('sync.file')}>{path}</MonoBox>
            </DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel>{t('sync.inspect.sender')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text span fw={600}>
              {inspection.senderName ?? t('sync.inspect.unknownSender')}
            </Text>{' '}
            <Text span ff="monospace" size="xs" c="dimmed">
              {inspection.sender}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('sync.inspect.createdAt')}</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(inspection.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('sync.inspect.kind')}</DataList.ItemLabel>
          <DataList.ItemValue>{t(inspection.welcome ? 'sync.inspect.kind.welcome' : 'sync.inspect.kind.changes')}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('sync.inspect.forThis')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="inspect-for-this">
            <YesNo yes={inspection.forThisInstallation} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('sync.inspect.enrolled')}</DataList.ItemLabel>
          <DataList.ItemValue data-testid="inspect-enrolled">
            <YesNo yes={inspection.senderEnrolled} noColour={inspection.welcome ? 'blue' : 'red'} />
            {!inspection.senderEnrolled && inspection.welcome && (
              <Text span size="sm" c="dimmed" ml="xs">
                {t('sync.inspect.enrolsOnImport')}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        {inspection.fingerprint && !compact && (
          <DataList.Item>
            <DataList.ItemLabel>{t('sync.inspect.fingerprint')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text span ff="monospace" size="sm">
                {inspection.fingerprint}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
    </Paper>
  );
}

type CountKey = keyof ImportResult['report']['tables'][string];

/** Per table: records new, updated, unchanged, waiting for their parent; changes refused. */
const COUNT_COLUMNS: { key: CountKey; label: MessageKey; colour: string }[] = [
  { key: 'new', label: 'sync.report.new', colour: 'teal' },
  { key: 'updated', label: 'sync.report.updated', colour: 'blue' },
  { key: 'unchanged', label: 'sync.report.unchanged', colour: 'gray' },
  { key: 'rejected', label: 'sync.report.rejected', colour: 'red' },
  { key: 'held', label: 'sync.report.held', colour: 'orange' },
];

/** The per-table counts added up: what the header and the table's total row show. */
function totals(result: ImportResult): Record<CountKey, number> {
  const sum: Record<CountKey, number> = { new: 0, updated: 0, unchanged: 0, rejected: 0, held: 0 };
  for (const counts of Object.values(result.report.tables)) for (const c of COUNT_COLUMNS) sum[c.key] += counts[c.key];
  return sum;
}

/** Rows removed because they left this installation's scope, tables in the report's order. */
function removedRows(result: ImportResult): [string, number][] {
  return Object.entries(result.report.removed ?? {}).filter(([, count]) => count > 0);
}

/** What an applied file did to the records, in one sentence: `3 yeni kayıt eklendi, 1 kayıt güncellendi.` */
function DoneSummary({ result }: { result: ImportResult }) {
  const t = useT();
  const labels = useSyncLabels();
  const sum = totals(result);
  const removed = removedRows(result).reduce((n, [, count]) => n + count, 0);
  const parts = (
    [
      ['sync.import.doneNew', sum.new],
      ['sync.import.doneUpdated', sum.updated],
      ['sync.import.doneRejected', sum.rejected],
      ['sync.import.doneHeld', sum.held],
      ['sync.import.doneRemoved', removed],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => labels.plural(key, count));
  return <Text data-testid="import-done">{parts.length > 0 ? `${parts.join(', ')}.` : t('sync.import.doneNothing')}</Text>;
}

/** Example names of new or updated records; rows without a name come as bare ids, which tell people nothing. */
function readableExamples(examples: string[] | undefined): string[] {
  return (examples ?? []).filter((e) => !/^[0-9a-f:-]+$/i.test(e));
}

/**
 * Changes the file carries that were not (or, in a preview, will not be) applied because of who wrote them or
 * when: held back for a clock far ahead, or refused after a revoked key or from an installation not known yet.
 * The warnings below name the installations; these say what to do.
 */
function TrustNotices({ result }: { result: ImportResult }) {
  const t = useT();
  const labels = useSyncLabels();
  const total = (list: { count: number }[]) => list.reduce((sum, x) => sum + x.count, 0);
  const quarantined = total(result.report.quarantined);
  const revoked = total(result.report.withheld.filter((w) => w.reason === 'revoked'));
  const unknown = total(result.report.withheld.filter((w) => w.reason === 'unknown'));
  return (
    <>
      {quarantined > 0 && (
        <Alert color="orange" variant="light" title={t('sync.report.quarantinedTitle')} data-testid="import-quarantined">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{labels.plural(result.dryRun ? 'sync.report.quarantinedPreview' : 'sync.report.quarantined', quarantined)}</Text>
            {!result.dryRun && (
              <Button size="xs" color="orange" variant="white" component="a" href={hrefOf('exchange', 'held')}>
                {t('sync.report.toHeld')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {revoked > 0 && (
        <Alert color="red" variant="light" title={t('sync.report.revokedTitle')} data-testid="import-revoked">
          {labels.plural('sync.report.revoked', revoked)}
        </Alert>
      )}
      {unknown > 0 && (
        <Alert color="gray" variant="light" title={t('sync.report.unknownTitle')} data-testid="import-unknown">
          {labels.plural('sync.report.unknown', unknown)}
        </Alert>
      )}
    </>
  );
}

/**
 * The server's report of an import (or its dry run). The header adds up the table: records new, updated,
 * unchanged and waiting, and changes refused, per table and in total. Below it, how the file's changes were
 * taken: already here + new to this installation + not taken (held back, withheld or missing before them) make
 * up the changes in the file. Then rows removed from the scope, the refusals with their reasons, and warnings.
 */
function ReportView({ result }: { result: ImportResult }) {
  const t = useT();
  const locale = useLocale();
  const labels = useSyncLabels();
  const { report } = result;
  const tables = Object.entries(report.tables);
  const sum = totals(result);
  const removed = removedRows(result);
  const notTaken = Math.max(0, report.received - report.alreadyHeld - report.stored);
  const refusedCount = sum.rejected;
  const n = (v: number) => v.toLocaleString(locale);
  const changes: [MessageKey, number][] = [
    ['sync.report.received', report.received],
    ['sync.report.alreadyHeld', report.alreadyHeld],
    ['sync.report.stored', report.stored],
    ...(notTaken > 0 ? ([['sync.report.notTaken', notTaken]] as [MessageKey, number][]) : []),
    ['sync.report.attachments', result.blobs],
  ];
  return (
    <Stack gap="md" data-testid="import-report">
      <TrustNotices result={result} />
      {result.warnings.length > 0 && (
        <Alert color="orange" variant="light" title={t('sync.report.warnings')} data-testid="import-warnings">
          <List size="sm">
            {result.warnings.map((w) => (
              <List.Item key={w.message}>{keyedText(w)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="sm" data-testid="import-totals">
        {COUNT_COLUMNS.map((c) => (
          <Stat key={c.key} label={t(c.label)} value={n(sum[c.key])} colour={sum[c.key] > 0 ? c.colour : 'gray'} />
        ))}
        <Stat label={t('sync.report.conflicts')} value={n(report.conflicts)} colour={report.conflicts ? 'orange' : 'gray'} />
      </SimpleGrid>
      <Group gap="lg" data-testid="import-changes">
        {changes.map(([label, value]) => (
          <Text key={label} size="sm" c="dimmed" aria-label={`${t(label)}: ${n(value)}`}>
            {t(label)}:{' '}
            <Text span fw={600} c="var(--mantine-color-text)">
              {n(value)}
            </Text>
          </Text>
        ))}
      </Group>
      {removed.length > 0 && (
        <Alert color="gray" variant="light" title={t(result.dryRun ? 'sync.report.removedTitlePreview' : 'sync.report.removedTitle')} data-testid="import-removed">
          {t('sync.report.removed', { list: removed.map(([table, count]) => labels.count(table, count)).join(', ') })}
        </Alert>
      )}
      {tables.length > 0 && (
        <Paper withBorder radius="md">
          <ScrollArea>
            <Table fz="sm" verticalSpacing={6} data-testid="import-tables" miw={760}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.col.table')}</Table.Th>
                  {COUNT_COLUMNS.map((c) => (
                    <Table.Th key={c.key} ta="right">
                      {t(c.label)}
                    </Table.Th>
                  ))}
                  <Table.Th>{t('sync.report.examples')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tables.map(([name, counts]) => (
                  <Table.Tr key={name}>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {labels.table(name)}
                    </Table.Td>
                    {COUNT_COLUMNS.map((c) => (
                      <Table.Td key={c.key} ta="right" c={counts[c.key] > 0 && c.colour !== 'gray' ? `${c.colour}.8` : undefined} fw={counts[c.key] > 0 ? 600 : undefined}>
                        {n(counts[c.key])}
                      </Table.Td>
                    ))}
                    <Table.Td c="dimmed">{readableExamples(report.examples[name]).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr data-testid="import-tables-total">
                  <Table.Th>{t('sync.report.total')}</Table.Th>
                  {COUNT_COLUMNS.map((c) => (
                    <Table.Th key={c.key} ta="right">
                      {n(sum[c.key])}
                    </Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea>
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            {t('sync.report.countsNote')}
          </Text>
        </Paper>
      )}
      {report.rejected.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={4} size="h5" mb="xs" c="red.8">
            {t('sync.report.rejectedTitle')}
          </Title>
          {refusedCount > report.rejected.length && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('sync.report.rejectedFirst', { shown: report.rejected.length, total: refusedCount })}
            </Text>
          )}
          <Table fz="sm" verticalSpacing={4} data-testid="import-rejected">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.col.field')}</Table.Th>
                <Table.Th>{t('sync.col.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rejected.map((r) => (
                <Table.Tr key={`${r.table}-${r.row}-${r.column}-${r.origin}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.field(r.table, r.column)}</Table.Td>
                  <Table.Td>{labels.reason(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
