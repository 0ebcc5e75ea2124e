import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { LostFileReport } from '../../../shared/contract/privacy';
import { formatDateTimeTr, PERSON_CATEGORY_LABELS, PERSON_FIELD_LABELS, type PersonField } from '../../../shared/privacy/personReport';
import { formatDateTr } from '../../../shared/turkish';
import { usePreview } from '../../components/DocumentPreview';
import { QueryState } from '../../components/QueryState';
import { personName, useLanguage, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { useCall, useCallMutation } from '../../lib/query';
import { jsonFile } from './jsonFile';
import { RuleNote } from './PersonReportSection';

// The lost-file report (breach notification within 72 hours): an exchange file from the ledger (or the path
// of a .kopru this installation wrote or read) → the people whose data it likely carried, by category, with
// the kinds of data (never the values), printable and exportable.

type Input = { ledgerId: number } | { path: string };

export function LostFileSection() {
  const t = useT();
  const language = useLanguage();
  const files = useCall('privacy:lostFileCandidates', {});
  const [ledgerId, setLedgerId] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [input, setInput] = useState<Input | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) setInput({ path: path.trim() });
    else if (ledgerId) setInput({ ledgerId: Number(ledgerId) });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('privacy.tab.lostFile')}>
      <Text size="sm" c="dimmed" mb="md" maw={860}>
        {t('privacy.lost.hint')}
      </Text>
      <QueryState query={files}>
        {({ files: list }) => (
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm" mb="md">
              <Select
                label={t('privacy.lost.file')}
                placeholder={list.length ? t('privacy.lost.filePlaceholder') : t('privacy.lost.none')}
                data={list.map((f) => ({
                  value: String(f.ledgerId),
                  label: t('privacy.lost.option', {
                    direction: f.direction === 'export' ? t('privacy.lost.sent') : t('privacy.lost.received'),
                    at: formatDateTimeTr(f.at),
                    peer: f.peerName ?? '—',
                    file: f.fileName,
                  }),
                }))}
                value={ledgerId}
                onChange={(v) => {
                  setLedgerId(v);
                  setPath('');
                }}
                w={620}
                comboboxProps={{ withinPortal: true }}
                maxDropdownHeight={320}
              />
              <Text size="sm" c="dimmed" pb={8}>
                {t('privacy.lost.or')}
              </Text>
              <TextInput label={t('privacy.lost.path')} value={path} onChange={(e) => setPath(e.currentTarget.value)} w={300} autoComplete="off" />
              <Button type="submit" disabled={!ledgerId && !path.trim()}>
                {t('privacy.lost.show')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={-8} mb="md">
              {t('privacy.lost.pathHint')}
            </Text>
          </form>
        )}
      </QueryState>
      {input && <Report key={JSON.stringify(input)} input={input} language={language} />}
    </Paper>
  );
}

function Report({ input, language }: { input: Input; language: 'tr' | 'en' }) {
  const t = useT();
  const report = useCall('privacy:lostFileReport', input);
  const preview = usePreview();
  const pdf = useCallMutation('privacy:lostFileReportPdf', { onSuccess: (file) => preview.open(file, t('privacy.lost.pdfTitle')) });
  const fieldLabel = (key: string) => PERSON_FIELD_LABELS[key as PersonField]?.[language] ?? key;
  return (
    <QueryState query={report}>
      {(value) => (
        <Stack gap="md" data-testid="lost-file-report">
          <FileMeta report={value} />
          <Group gap="sm">
            <Button
              loading={pdf.isPending}
              onClick={() => pdf.mutate(input, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
            >
              {t('privacy.person.pdf')}
            </Button>
            <Button variant="default" onClick={() => downloadFile(jsonFile('Kayıp dosya raporu', value))}>
              {t('privacy.person.json')}
            </Button>
          </Group>
          {value.groups.length === 0 ? (
            <Text fw={500}>{t('privacy.lost.noPeople')}</Text>
          ) : (
            <Group gap="xs">
              <Text fw={500}>{t('privacy.lost.people', { count: value.people })}</Text>
              {value.groups.map((g) => (
                <Badge key={g.category} variant="light">
                  {PERSON_CATEGORY_LABELS[g.category][language]}: {g.count}
                </Badge>
              ))}
            </Group>
          )}
          {value.groups.map((g) => (
            <div key={g.category} data-group={g.category}>
              <Title order={4} size="h5" mb={4}>
                {PERSON_CATEGORY_LABELS[g.category][language]} ({g.count})
              </Title>
              <Table withTableBorder verticalSpacing="xs" maw={960}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="24%">{t('privacy.lost.col.name')}</Table.Th>
                    <Table.Th w="30%">{t('privacy.lost.col.context')}</Table.Th>
                    <Table.Th>{t('privacy.lost.col.fields')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.people.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{personName(t, p.fullName)}</Table.Td>
                      <Table.Td>{p.context ?? '—'}</Table.Td>
                      <Table.Td>{p.fields.map(fieldLabel).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
          {value.notHeld > 0 && (
            <Text size="sm" c="dimmed">
              {t('privacy.lost.notHeld', { count: value.notHeld })}
            </Text>
          )}
          <RuleNote title={t('privacy.lost.rule')} />
        </Stack>
      )}
    </QueryState>
  );
}

function FileMeta({ report }: { report: LostFileReport }) {
  const t = useT();
  const f = report.file;
  const rows: [string, string][] = [
    [t('privacy.lost.meta.file'), f.fileName],
    [t('privacy.lost.meta.at'), formatDateTimeTr(f.at)],
    [t('privacy.lost.meta.sender'), f.sender],
    [t('privacy.lost.meta.recipient'), f.recipient],
    ...(f.direction === 'export'
      ? ([[t('privacy.lost.meta.receipt'), f.receivedAt ? t('privacy.person.receivedAt', { date: formatDateTr(f.receivedAt) }) : t('privacy.person.noReceipt')]] as [string, string][])
      : []),
    [t('privacy.lost.meta.carrier'), f.carrier ?? t('privacy.lost.carrierUnknown')],
    [t('privacy.lost.meta.changes'), f.changes === null ? '—' : String(f.changes)],
    [t('privacy.lost.meta.producedBy'), report.installation.unitName],
    [t('privacy.lost.meta.generatedAt'), formatDateTimeTr(report.generatedAt)],
  ];
  return (
    <Paper withBorder p="md" radius="sm" bg="gray.0" maw={960}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4}>
        {rows.map(([label, value]) => (
          <Text key={label} size="sm">
            <Text span c="dimmed">
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
