import {
  Alert, Anchor, Badge, Button, FileInput, Group, Paper, Radio, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { labelIn, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import type { ImportReport, ImportRowError, importInput } from '../../shared/contract/fields';
import { untitledHeaderNumber } from '../../shared/registry/importFields';
import { isMessageKey, useLanguage, useLocale, useT, type MessageKey } from '../i18n';
import { keyedText } from '../lib/errors';
import { readFileBase64 } from '../lib/files';
import { hrefOf, navigate } from '../lib/hashRoute';
import { useCallMutation } from '../lib/query';
import { turkishOptionsFilter } from '../lib/turkishFilter';
import { ErrorAlert } from './ErrorAlert';

// The spreadsheet import wizard every feature shares: choose a file → map its columns to the feature's fields
// (required ones enforced) and choose what happens to duplicates → dry-run report per row → apply → summary.
// Only the last step writes; every earlier one is a preview the server computes without changes. A feature
// gives its preview/apply channels, its fields and its own texts (registry: renderer/features/registry,
// directory: renderer/features/directory).

/** A channel that takes a spreadsheet (shared/contract/fields.ts `importInput`) and answers an import report. */
export type ImportChannel = {
  [C in Channel]: z.input<typeof importInput> extends ChannelInput<C> ? (ChannelOutput<C> extends ImportReport ? C : never) : never;
}[Channel];

export interface ImportWizardField {
  /** The key the server knows the field by (the mapping's key). */
  name: string;
  /** The field in the interface language. */
  label: string;
  required: boolean;
}

/** The feature's own words; each a message key (with the parameters noted). */
export interface ImportWizardTexts {
  title: MessageKey;
  /** The link back to the feature's list, above the title. */
  backLink: MessageKey;
  fileHint: MessageKey;
  /** `{count}`: columns found in the file. */
  mappingHint: MessageKey;
  duplicatesTitle: MessageKey;
  skipHint: MessageKey;
  updateHint: MessageKey;
  /** The header of the preview's name column. */
  nameColumn: MessageKey;
  /** The notification after applying: `{new}`, `{update}`. */
  done: MessageKey;
  /** The summary: `{new}`, `{update}`, `{skipped}`. */
  resultText: MessageKey;
  /** The summary's button back to the feature's list. */
  finish: MessageKey;
}

/** Named mappings a feature keeps for reuse (optional: the registry has them, the directory does not). */
export interface SavedMappings {
  list: { name: string; mapping: Record<string, string> }[] | undefined;
  save: (name: string, mapping: Record<string, string>, onSaved: (name: string) => void) => void;
  saving: boolean;
  error: string | undefined;
}

export interface ExistingLink {
  href: (id: string) => string;
  label: MessageKey;
}

export interface ImportWizardProps {
  previewChannel: ImportChannel;
  applyChannel: ImportChannel;
  /** Channels whose cached reads a successful apply makes stale. */
  invalidates: readonly Channel[];
  fields: readonly ImportWizardField[];
  /** The feature's route: the back link and the summary's button lead there. */
  home: string;
  texts: ImportWizardTexts;
  /** A link to a row's existing record, shown next to duplicates, updates and unchanged rows. */
  existingLink?: ExistingLink;
  savedMappings?: SavedMappings;
}

type Mapping = Record<string, string>;
type Outcome = ImportReport['rows'][number]['outcome'];
type Duplicates = 'skip' | 'update';

const OUTCOME: Record<Outcome, { label: MessageKey; colour: string }> = {
  new: { label: 'import.outcome.new', colour: 'teal' },
  update: { label: 'import.outcome.update', colour: 'blue' },
  'duplicate-skip': { label: 'import.outcome.duplicate-skip', colour: 'gray' },
  unchanged: { label: 'import.outcome.unchanged', colour: 'gray' },
  invalid: { label: 'import.outcome.invalid', colour: 'red' },
};

/** The option that leaves a field out of the import (Select values cannot be empty). */
const UNMAPPED = '__kopru_unmapped__';

/** Every field present, unmapped ones as '' so the server leaves them out rather than guessing a column. */
const emptyMapping = (fields: readonly ImportWizardField[]): Mapping => Object.fromEntries(fields.map((f) => [f.name, '']));

export function ImportWizard({ previewChannel, applyChannel, invalidates, fields, home, texts, existingLink, savedMappings }: ImportWizardProps) {
  const t = useT();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>(() => emptyMapping(fields));
  const [missing, setMissing] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<Duplicates>('skip');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const read = useCallMutation(previewChannel);
  const check = useCallMutation(previewChannel);
  const apply = useCallMutation(applyChannel, { invalidates });

  const readFile = async () => {
    if (!file) return;
    const next = { fileName: file.name, contentBase64: await readFileBase64(file) };
    read.mutate(next, {
      onSuccess: (report) => {
        setPayload(next);
        setHeaders(report.headers);
        setMapping({ ...emptyMapping(fields), ...report.mapping });
        setMissing([]);
        setStep(1);
      },
    });
  };

  const runPreview = () => {
    if (!payload) return;
    const unmapped = fields.filter((f) => f.required && !mapping[f.name]).map((f) => f.name);
    setMissing(unmapped);
    if (unmapped.length) return;
    check.mutate({ ...payload, mapping, duplicates }, { onSuccess: (report) => (setPreview(report), setStep(2)) });
  };

  const runApply = () => {
    if (!payload) return;
    apply.mutate(
      { ...payload, mapping, duplicates },
      {
        onSuccess: (report) => {
          setResult(report);
          setStep(3);
          notifications.show({ color: 'teal', title: t('import.doneTitle'), message: t(texts.done, { new: report.totals.new, update: report.totals.update }) });
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
      <Anchor href={hrefOf(home)} size="sm">
        ← {t(texts.backLink)}
      </Anchor>
      <Title order={2}>{t(texts.title)}</Title>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.step.file')}>
          <Paper withBorder p="lg" radius="md">
            <Stack maw={560}>
              <Text size="sm">{t(texts.fileHint)}</Text>
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
          <MappingStep
            fields={fields}
            texts={texts}
            savedMappings={savedMappings}
            headers={headers}
            mapping={mapping}
            onMapping={(m) => {
              setMapping(m);
              setMissing((list) => list.filter((f) => !m[f]));
            }}
            missing={missing}
            duplicates={duplicates}
            onDuplicates={setDuplicates}
          />
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
          {preview && <PreviewStep report={preview} fields={fields} nameColumn={texts.nameColumn} existingLink={existingLink} />}
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
                <Text>{t(texts.resultText, { new: result.totals.new, update: result.totals.update, skipped: result.totals.rows - result.totals.new - result.totals.update })}</Text>
                <Group>
                  <Button onClick={() => navigate(home)}>{t(texts.finish)}</Button>
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

interface MappingStepProps {
  fields: readonly ImportWizardField[];
  texts: ImportWizardTexts;
  savedMappings: SavedMappings | undefined;
  headers: string[];
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  missing: string[];
  duplicates: Duplicates;
  onDuplicates: (d: Duplicates) => void;
}

function MappingStep({ fields, texts, savedMappings, headers, mapping, onMapping, missing, duplicates, onDuplicates }: MappingStepProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // A column without a header is named "Sütun N" by the server (the value stays; the label is in the interface language).
  const options = headers.map((h) => {
    const n = untitledHeaderNumber(h);
    return { value: h, label: n === null ? h : t('import.mapping.untitledColumn', { n }) };
  });
  const saved = savedMappings?.list;

  const load = (chosen: string | null) => {
    const m = saved?.find((s) => s.name === chosen);
    if (!m) return;
    const next = emptyMapping(fields);
    const lost: string[] = [];
    for (const f of fields) {
      const header = m.mapping[f.name];
      if (header && headers.includes(header)) next[f.name] = header;
      else if (header) lost.push(header);
    }
    onMapping(next);
    setName(m.name);
    setNotice(lost.length ? t('import.mapping.lost', { headers: lost.join(', ') }) : t('import.mapping.loaded', { name: m.name }));
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" align="flex-end" mb="md">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {t('import.mapping.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(texts.mappingHint, { count: headers.length })}
            </Text>
          </Stack>
          {savedMappings && (
            <Select
              label={t('import.mapping.saved')}
              placeholder={saved?.length ? t('import.mapping.choose') : t('import.mapping.none')}
              data={(saved ?? []).map((s) => s.name)}
              disabled={!saved?.length}
              value={null}
              onChange={load}
              w={260}
            />
          )}
        </Group>
        {notice && (
          <Alert color="blue" variant="light" mb="md" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="import-mapping">
          {fields.map((f) => (
            <Select
              key={f.name}
              label={f.label}
              withAsterisk={f.required}
              data={[{ value: UNMAPPED, label: t('import.mapping.unmapped') }, ...options]}
              value={mapping[f.name] || UNMAPPED}
              onChange={(v) => onMapping({ ...mapping, [f.name]: !v || v === UNMAPPED ? '' : v })}
              allowDeselect={false}
              searchable
              filter={turkishOptionsFilter}
              error={missing.includes(f.name) ? t('import.mapping.required') : undefined}
            />
          ))}
        </SimpleGrid>
        {savedMappings && (
          <Group align="flex-end" mt="md" gap="xs">
            <TextInput label={t('import.mapping.saveName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} error={savedMappings.error} />
            <Button
              variant="default"
              disabled={!name.trim()}
              loading={savedMappings.saving}
              onClick={() => savedMappings.save(name.trim(), mapping, (saved) => setNotice(t('import.mapping.savedNotice', { name: saved })))}
            >
              {t('import.mapping.save')}
            </Button>
          </Group>
        )}
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Radio.Group label={t(texts.duplicatesTitle)} value={duplicates} onChange={(v) => onDuplicates(v as Duplicates)}>
          <Stack gap="xs" mt="xs">
            <Radio value="skip" label={t('import.duplicates.skip')} description={t(texts.skipHint)} />
            <Radio value="update" label={t('import.duplicates.update')} description={t(texts.updateHint)} />
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

/** Rows whose existing record is worth opening from the report. */
const FOUND: ReadonlySet<Outcome> = new Set(['duplicate-skip', 'update', 'unchanged']);

interface PreviewStepProps {
  report: ImportReport;
  fields: readonly ImportWizardField[];
  nameColumn: MessageKey;
  existingLink: ExistingLink | undefined;
}

/** Required fields no column fills, named in the interface language (the report's labels are Turkish, for the CLI). */
function unmappedFieldsText(report: Pick<ImportReport, 'unmappedRequiredFields'>, fields: readonly ImportWizardField[]): string {
  return report.unmappedRequiredFields.map((name) => fields.find((f) => f.name === name)?.label ?? name).join(', ');
}

function PreviewStep({ report, fields, nameColumn, existingLink }: PreviewStepProps) {
  const t = useT();
  const language = useLanguage();
  const [filter, setFilter] = useState<'all' | Outcome>('all');
  const rows = report.rows.filter((r) => filter === 'all' || r.outcome === filter);
  /** "Field: problem" in the interface language: the field by its dictionary key, the problem by its catalogue key. */
  const rowErrorText = (e: ImportRowError) => {
    const field = e.fieldKey && isMessageKey(e.fieldKey) ? t(e.fieldKey) : labelIn(e.field, language);
    return `${field}: ${keyedText(e, language)}`;
  };
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('import.preview.dryRun')}
      </Alert>
      {report.unmappedRequiredFields.length > 0 && (
        <Alert color="red" variant="light">
          {t('import.preview.unmapped', { fields: unmappedFieldsText(report, fields) })}
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
                <Table.Th>{t(nameColumn)}</Table.Th>
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
                        {rowErrorText(e)}
                      </Text>
                    ))}
                    {existingLink && r.existingId && FOUND.has(r.outcome) && (
                      <Anchor href={existingLink.href(r.existingId)} size="sm">
                        {t(existingLink.label)}
                      </Anchor>
                    )}
                    {r.warnings.map((w) => (
                      <Text key={w.message} size="sm" c="orange.8">
                        {keyedText(w, language)}
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
