import {
  Alert, Anchor, Badge, Button, FileInput, Group, Paper, Radio, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImportReport } from '../../../shared/contract/registry';
import { REGISTRY_IMPORT_FIELD_NAMES, REGISTRY_IMPORT_FIELDS, type RegistryImportField } from '../../../shared/registry/importFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { readFileBase64 } from '../../lib/files';
import { hrefOf, navigate } from '../../lib/hashRoute';
import { useCall, useCallMutation } from '../../lib/query';
import { useRegistryMutation } from './calls';
import { useRegistryLabels } from './labels';

type Mapping = Record<RegistryImportField, string>;
type Outcome = ImportReport['rows'][number]['outcome'];

const OUTCOME: Record<Outcome, { label: MessageKey; colour: string }> = {
  new: { label: 'import.outcome.new', colour: 'teal' },
  update: { label: 'import.outcome.update', colour: 'blue' },
  'duplicate-skip': { label: 'import.outcome.duplicate-skip', colour: 'gray' },
  unchanged: { label: 'import.outcome.unchanged', colour: 'gray' },
  invalid: { label: 'import.outcome.invalid', colour: 'red' },
};

/** The option that leaves a field out of the import (Select values cannot be empty). */
const UNMAPPED = '__kopru_unmapped__';

const emptyMapping = (): Mapping => Object.fromEntries(REGISTRY_IMPORT_FIELD_NAMES.map((f) => [f, ''])) as Mapping;

/**
 * Spreadsheet import of an existing registry, in four steps: file → column mapping → dry-run preview →
 * apply. Only the last step writes; every earlier one is a preview the server computes without changes.
 */
export function ImportWizard() {
  const t = useT();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>(emptyMapping);
  const [duplicates, setDuplicates] = useState<'skip' | 'update'>('skip');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [missing, setMissing] = useState<RegistryImportField[]>([]);
  const read = useCallMutation('registry:importPreview');
  const check = useCallMutation('registry:importPreview');
  const apply = useRegistryMutation('registry:importApply');

  const readFile = async () => {
    if (!file) return;
    const next = { fileName: file.name, contentBase64: await readFileBase64(file) };
    read.mutate(next, {
      onSuccess: (report) => {
        setPayload(next);
        setHeaders(report.headers);
        setMapping({ ...emptyMapping(), ...report.mapping });
        setStep(1);
      },
    });
  };

  const runPreview = () => {
    if (!payload) return;
    const unmapped = REGISTRY_IMPORT_FIELD_NAMES.filter((f) => REGISTRY_IMPORT_FIELDS[f].required && !mapping[f]);
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
          notifications.show({ color: 'teal', title: t('import.doneTitle'), message: t('import.done', { new: report.totals.new, update: report.totals.update }) });
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

  return (
    <Stack gap="md" maw={1200}>
      <Anchor href={hrefOf('registry')} size="sm">
        ← {t('registry.backToList')}
      </Anchor>
      <Title order={2}>{t('import.title')}</Title>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.step.file')}>
          <Paper withBorder p="lg" radius="md">
            <Stack maw={560}>
              <Text size="sm">{t('import.fileHint')}</Text>
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
          {preview && <PreviewStep report={preview} />}
          {apply.isError && <ErrorAlert error={apply.error} />}
          <Group justify="space-between" mt="md">
            <Button variant="default" onClick={() => setStep(1)} disabled={apply.isPending}>
              {t('common.back')}
            </Button>
            <Group gap="sm">
              {preview && preview.totals.new + preview.totals.update === 0 && (
                <Text size="sm" c="dimmed">
                  {t('import.nothingToWrite')}
                </Text>
              )}
              <Button onClick={runApply} loading={apply.isPending} disabled={!preview || preview.totals.new + preview.totals.update === 0}>
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
                <Text>{t('import.resultText', { new: result.totals.new, update: result.totals.update, skipped: result.totals.rows - result.totals.new - result.totals.update })}</Text>
                <Group>
                  <Button onClick={() => navigate('registry')}>{t('import.backToRegistry')}</Button>
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
  headers: string[];
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  missing: RegistryImportField[];
  duplicates: 'skip' | 'update';
  onDuplicates: (d: 'skip' | 'update') => void;
}

function MappingStep({ headers, mapping, onMapping, missing, duplicates, onDuplicates }: MappingStepProps) {
  const t = useT();
  const labels = useRegistryLabels();
  const saved = useCall('registry:listMappings', {});
  const save = useCallMutation('registry:saveMapping', { invalidates: ['registry:listMappings'] });
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const options = headers.map((h) => ({ value: h, label: h }));

  const load = (chosen: string | null) => {
    const m = saved.data?.find((s) => s.name === chosen);
    if (!m) return;
    const next = emptyMapping();
    const lost: string[] = [];
    for (const f of REGISTRY_IMPORT_FIELD_NAMES) {
      const header = m.mapping[f];
      if (header && headers.includes(header)) next[f] = header;
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
              {t('import.mapping.hint', { count: headers.length })}
            </Text>
          </Stack>
          <Select
            label={t('import.mapping.saved')}
            placeholder={saved.data?.length ? t('import.mapping.choose') : t('import.mapping.none')}
            data={(saved.data ?? []).map((s) => s.name)}
            disabled={!saved.data?.length}
            value={null}
            onChange={load}
            w={260}
          />
        </Group>
        {notice && (
          <Alert color="blue" variant="light" mb="md" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="import-mapping">
          {REGISTRY_IMPORT_FIELD_NAMES.map((f) => (
            <Select
              key={f}
              label={labels.importField(f)}
              withAsterisk={REGISTRY_IMPORT_FIELDS[f].required}
              data={[{ value: UNMAPPED, label: t('import.mapping.unmapped') }, ...options]}
              value={mapping[f] || UNMAPPED}
              onChange={(v) => onMapping({ ...mapping, [f]: !v || v === UNMAPPED ? '' : v })}
              allowDeselect={false}
              searchable
              filter={turkishOptionsFilter}
              error={missing.includes(f) ? t('import.mapping.required') : undefined}
            />
          ))}
        </SimpleGrid>
        <Group align="flex-end" mt="md" gap="xs">
          <TextInput label={t('import.mapping.saveName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} error={save.isError ? save.error.message : undefined} />
          <Button
            variant="default"
            disabled={!name.trim()}
            loading={save.isPending}
            onClick={() => save.mutate({ name: name.trim(), mapping }, { onSuccess: (r) => setNotice(t('import.mapping.savedNotice', { name: r.name })) })}
          >
            {t('import.mapping.save')}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Radio.Group label={t('import.duplicates.title')} value={duplicates} onChange={(v) => onDuplicates(v as 'skip' | 'update')}>
          <Stack gap="xs" mt="xs">
            <Radio value="skip" label={t('import.duplicates.skip')} description={t('import.duplicates.skipHint')} />
            <Radio value="update" label={t('import.duplicates.update')} description={t('import.duplicates.updateHint')} />
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
  const [filter, setFilter] = useState<'all' | Outcome>('all');
  const rows = report.rows.filter((r) => filter === 'all' || r.outcome === filter);
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('import.preview.dryRun')}
      </Alert>
      {report.unmappedRequired.length > 0 && (
        <Alert color="red" variant="light">
          {t('import.preview.unmapped', { fields: report.unmappedRequired.join(', ') })}
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
                <Table.Th>{t('import.preview.name')}</Table.Th>
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
                        {e.field}: {e.message}
                      </Text>
                    ))}
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
