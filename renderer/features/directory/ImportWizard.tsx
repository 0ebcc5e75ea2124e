import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Radio, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/fields';
import { DIRECTORY_IMPORT_FIELDS, type DirectoryImportField } from '../../../shared/directory/importFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isMessageKey, useLocale, useT, type MessageKey } from '../../i18n';
import { readFileBase64 } from '../../lib/files';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useCallMutation } from '../../lib/query';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { DIRECTORY_READS } from './calls';

// A CSO list import in four steps: file → column mapping → dry-run report → apply. Only the last step writes.
// Adapted from the registry's import wizard (renderer/features/registry/ImportWizard.tsx): the same steps
// and report, without saved mappings (the directory contract has none) and with the directory's fields
// (shared/directory/importFields.ts).

type Outcome = ImportReport['rows'][number]['outcome'];
type Mapping = Record<string, string>;

const OUTCOME: Record<Outcome, { label: MessageKey; colour: string }> = {
  new: { label: 'import.outcome.new', colour: 'teal' },
  update: { label: 'import.outcome.update', colour: 'blue' },
  'duplicate-skip': { label: 'import.outcome.duplicate-skip', colour: 'gray' },
  unchanged: { label: 'import.outcome.unchanged', colour: 'gray' },
  invalid: { label: 'import.outcome.invalid', colour: 'red' },
};

/** The option that leaves a field out of the import (Select values cannot be empty). */
const UNMAPPED = '__kopru_unmapped__';

const FIELDS = Object.keys(DIRECTORY_IMPORT_FIELDS) as DirectoryImportField[];
const REQUIRED = FIELDS.filter((f) => DIRECTORY_IMPORT_FIELDS[f].required);

/** An import field (or a field a row error names) in the interface language; the name itself if unknown. */
function useFieldLabel() {
  const t = useT();
  return (field: string) => {
    const key = `directory.importField.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
}

export function ImportWizard() {
  const t = useT();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [duplicates, setDuplicates] = useState<'skip' | 'update'>('skip');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const read = useCallMutation('directory:importPreview');
  const check = useCallMutation('directory:importPreview');
  const apply = useCallMutation('directory:importApply', { invalidates: [...DIRECTORY_READS, 'directory:get'] });

  const readFile = async () => {
    if (!file) return;
    const next = { fileName: file.name, contentBase64: await readFileBase64(file) };
    read.mutate(next, {
      onSuccess: (report) => {
        setPayload(next);
        setHeaders(report.headers);
        setMapping(report.mapping);
        setMissing([]);
        setStep(1);
      },
    });
  };

  const runPreview = () => {
    if (!payload) return;
    const unmapped = REQUIRED.filter((f) => !mapping[f]);
    setMissing(unmapped);
    if (unmapped.length) return;
    check.mutate({ ...payload, mapping: cleaned(mapping), duplicates }, { onSuccess: (report) => (setPreview(report), setStep(2)) });
  };

  const runApply = () => {
    if (!payload) return;
    apply.mutate(
      { ...payload, mapping: cleaned(mapping), duplicates },
      {
        onSuccess: (report) => {
          setResult(report);
          setStep(3);
          notifications.show({ color: 'teal', title: t('import.doneTitle'), message: t('directory.import.done', { new: report.totals.new, update: report.totals.update }) });
        },
      },
    );
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setPayload(null);
    setPreview(null);
    setResult(null);
    read.reset();
    check.reset();
    apply.reset();
  };
  const writable = preview ? preview.totals.new + preview.totals.update : 0;

  return (
    <Stack gap="md" maw={1200}>
      <Anchor href={hrefOf('directory')} size="sm">
        ← {t('directory.backToList')}
      </Anchor>
      <Title order={2}>{t('directory.import.title')}</Title>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.step.file')}>
          <Paper withBorder p="lg" radius="md">
            <Stack maw={560}>
              <Text size="sm">{t('directory.import.fileHint')}</Text>
              <FileInput
                label={t('import.file')}
                placeholder={t('import.filePlaceholder')}
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                value={file}
                onChange={(f) => {
                  read.reset();
                  setFile(f);
                }}
                clearable
              />
              {read.isError && <ErrorAlert error={read.error} />}
              <Group justify="flex-end">
                <Button onClick={() => void readFile()} disabled={!file} loading={read.isPending}>
                  {t('common.next')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>

        <Stepper.Step label={t('import.step.mapping')}>
          <MappingStep headers={headers} missing={missing} mapping={mapping} onMapping={setMapping} duplicates={duplicates} onDuplicates={setDuplicates} />
          {check.isError && <ErrorAlert error={check.error} />}
          <Group justify="space-between" mt="md">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('common.back')}
            </Button>
            <Button onClick={runPreview} loading={check.isPending}>
              {t('import.previewButton')}
            </Button>
          </Group>
        </Stepper.Step>

        <Stepper.Step label={t('import.step.preview')}>
          {preview && <PreviewStep report={preview} />}
          {apply.isError && <ErrorAlert error={apply.error} />}
          <Group justify="space-between" mt="md">
            <Button variant="default" onClick={() => setStep(1)} disabled={apply.isPending}>
              {t('common.back')}
            </Button>
            <Group gap="sm">
              {preview && writable === 0 && (
                <Text size="sm" c="dimmed">
                  {t('import.nothingToWrite')}
                </Text>
              )}
              <Button onClick={runApply} loading={apply.isPending} disabled={writable === 0}>
                {t('import.applyButton')}
              </Button>
            </Group>
          </Group>
        </Stepper.Step>

        <Stepper.Completed>
          {result && (
            <Paper withBorder p="lg" radius="md" data-testid="import-result">
              <Stack>
                <Title order={3} size="h4">
                  {t('import.resultTitle')}
                </Title>
                <Totals report={result} />
                <Text>{t('directory.import.resultText', { new: result.totals.new, update: result.totals.update, skipped: result.totals.rows - result.totals.new - result.totals.update })}</Text>
                <Group>
                  <Button onClick={() => navigate('directory')}>{t('directory.import.back')}</Button>
                  <Button variant="default" onClick={restart}>
                    {t('import.again')}
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

/** Fields left unmapped are left out, so the server falls back to nothing rather than to a guess. */
function cleaned(mapping: Mapping): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, header]) => header));
}

interface MappingStepProps {
  headers: string[];
  missing: string[];
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  duplicates: 'skip' | 'update';
  onDuplicates: (d: 'skip' | 'update') => void;
}

function MappingStep({ headers, missing, mapping, onMapping, duplicates, onDuplicates }: MappingStepProps) {
  const t = useT();
  const fieldLabel = useFieldLabel();
  const options = headers.map((h) => ({ value: h, label: h }));
  return (
    <Stack gap="md">
      <Paper withBorder p="lg" radius="md">
        <Stack gap={2} mb="md">
          <Title order={3} size="h5">
            {t('import.mapping.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('directory.import.mappingHint', { count: headers.length })}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="import-mapping">
          {FIELDS.map((f) => (
            <Select
              key={f}
              label={fieldLabel(f)}
              withAsterisk={DIRECTORY_IMPORT_FIELDS[f].required}
              data={[{ value: UNMAPPED, label: t('import.mapping.unmapped') }, ...options]}
              value={mapping[f] || UNMAPPED}
              onChange={(v) => onMapping({ ...mapping, [f]: !v || v === UNMAPPED ? '' : v })}
              allowDeselect={false}
              searchable
              filter={turkishOptionsFilter}
              error={missing.includes(f) && !mapping[f] ? t('import.mapping.required') : undefined}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Radio.Group label={t('directory.import.duplicatesTitle')} value={duplicates} onChange={(v) => onDuplicates(v as 'skip' | 'update')}>
          <Stack gap="xs" mt="xs">
            <Radio value="skip" label={t('import.duplicates.skip')} description={t('directory.import.skipHint')} />
            <Radio value="update" label={t('import.duplicates.update')} description={t('directory.import.updateHint')} />
          </Stack>
        </Radio.Group>
      </Paper>
    </Stack>
  );
}

function Totals({ report }: { report: ImportReport }) {
  const t = useT();
  const locale = useLocale();
  const cards: [MessageKey, number, string][] = [
    ['import.totals.rows', report.totals.rows, 'gray'],
    ['import.totals.new', report.totals.new, 'teal'],
    ['import.totals.update', report.totals.update, 'blue'],
    ['import.totals.duplicateSkip', report.totals.duplicateSkip, 'gray'],
    ['import.totals.unchanged', report.totals.unchanged, 'gray'],
    ['import.totals.invalid', report.totals.invalid, 'red'],
  ];
  return (
    <SimpleGrid cols={{ base: 3, md: 6 }} spacing="sm" data-testid="import-totals">
      {cards.map(([label, count, colour]) => (
        <Paper key={label} withBorder p="sm" radius="md" style={{ borderTop: `4px solid var(--mantine-color-${colour}-6)` }} aria-label={`${t(label)}: ${count}`}>
          <Text size="xs" c="dimmed">
            {t(label)}
          </Text>
          <Text fw={700} fz={24}>
            {count.toLocaleString(locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const SHOWN_ROWS = 500;

function PreviewStep({ report }: { report: ImportReport }) {
  const t = useT();
  const fieldLabel = useFieldLabel();
  const [filter, setFilter] = useState<'all' | Outcome>('all');
  const rows = report.rows.filter((r) => filter === 'all' || r.outcome === filter);
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('import.preview.dryRun')}
      </Alert>
      {report.unmappedRequired.length > 0 && (
        <Alert color="red" variant="light">
          {t('import.preview.unmapped', { fields: report.unmappedRequired.map(fieldLabel).join(', ') })}
        </Alert>
      )}
      <Totals report={report} />
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('import.preview.rows')}
          </Title>
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            data={[{ value: 'all', label: t('common.all') }, ...(Object.keys(OUTCOME) as Outcome[]).map((o) => ({ value: o, label: t(OUTCOME[o].label) }))]}
          />
        </Group>
        <ScrollArea.Autosize mah={520}>
          <Table fz="sm" verticalSpacing={4} stickyHeader data-testid="import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('import.preview.row')}</Table.Th>
                <Table.Th>{t('directory.import.name')}</Table.Th>
                <Table.Th w={150}>{t('import.preview.outcome')}</Table.Th>
                <Table.Th>{t('import.preview.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, SHOWN_ROWS).map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.name ?? t('common.notGiven')}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME[r.outcome].colour} variant="light" tt="none">
                      {t(OUTCOME[r.outcome].label)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.errors.map((e) => (
                      <Text key={`${e.field}-${e.message}`} size="sm" c="red.8">
                        {t('directory.import.rowError', { field: fieldLabel(e.field), message: e.message })}
                      </Text>
                    ))}
                    {r.existingId && (r.outcome === 'duplicate-skip' || r.outcome === 'update' || r.outcome === 'unchanged') && (
                      <Anchor href={hrefOf('directory', r.existingId)} size="sm">
                        {t('directory.import.existing')}
                      </Anchor>
                    )}
                    {r.warnings.map((w) => (
                      <Text key={w} size="sm" c="orange.8">
                        {w}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {rows.length > SHOWN_ROWS && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('import.preview.more', { shown: SHOWN_ROWS, total: rows.length })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
