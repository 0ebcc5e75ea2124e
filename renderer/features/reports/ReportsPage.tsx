import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReportScope } from '../../../shared/contract/reports';
import { REGIONS, type RegionName } from '../../../shared/regions';
import { DateTextInput } from '../../components/DateTextInput';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { usePreview } from '../../components/DocumentPreview';
import { EmptyText, QueryState } from '../../components/QueryState';
import { regionOptions, useLanguage, useT } from '../../i18n';
import { checkDateTr, dateText, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { hrefOf, navigate, useHashSegments } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';
import { PublishButton } from './PublishButton';
import { PublishedReports } from './PublishedReports';
import { ReportView } from './ReportView';

type Level = ReportScope['level'];
/** Cooperation meetings began in 2017 (DOMAIN.md §5): "all time" starts there. */
const ALL_TIME_FROM = '2017-01-01';

/**
 * `#/reports`: figures computed from this installation's records; `#/reports/published[/<id>]`: the national
 * and regional figures the ministry published (at the ministry: those it sent).
 */
export function ReportsPage() {
  const t = useT();
  const ministry = useIdentity().role === 'ministry';
  const [, section, openId] = useHashSegments();
  const tab = section === 'published' ? 'published' : 'figures';
  return (
    <Stack gap="md">
      <Title order={2}>{t('reports.title')}</Title>
      {/* Kept mounted: the period and scope chosen stay when the other tab is looked at. */}
      <Tabs value={tab} onChange={(v) => (v === 'published' ? navigate('reports', 'published') : navigate('reports'))}>
        <Tabs.List>
          <Tabs.Tab value="figures">{t('reports.tab.figures')}</Tabs.Tab>
          <Tabs.Tab value="published">{t(ministry ? 'reports.tab.sent' : 'reports.tab.published')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="figures" pt="md">
          <FiguresPanel />
        </Tabs.Panel>
        <Tabs.Panel value="published" pt="md">
          <PublishedReports openId={tab === 'published' ? openId : undefined} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function FiguresPanel() {
  const t = useT();
  const language = useLanguage();
  const identity = useIdentity();
  const today = todayIso();
  const year = today.slice(0, 4);
  const [fromText, setFromText] = useState(dateText(`${year}-01-01`));
  const [toText, setToText] = useState(dateText(today));
  const [level, setLevel] = useState<Level>(identity.role === 'ministry' ? 'national' : 'province');
  const [region, setRegion] = useState<RegionName | null>(null);
  const [plate, setPlate] = useState<string | null>(identity.provincePlate);
  const [centre, setCentre] = useState<string | null>(null);
  const centres = useCall('orgUnits:searchYouthCentres', { provincePlate: plate ?? undefined, includeRetired: true, limit: 500 }, { enabled: level === 'youthCentre' && !!plate });

  const from = checkDateTr(fromText);
  const to = checkDateTr(toText);
  const scope: ReportScope | null =
    level === 'national' ? { level }
    : level === 'region' ? (region ? { level, region } : null)
    : level === 'province' ? (plate ? { level, provincePlate: plate } : null)
    : centre ? { level, youthCentreId: centre } : null;
  const periodOk = !!from.iso && !!to.iso && !from.problem && !to.problem;
  const input = periodOk && scope ? { from: from.iso!, to: to.iso!, scope } : null;
  const report = useCall('reports:figures', input ?? { from: today, to: today, scope: { level: 'national' } }, { enabled: !!input, keepPrevious: true });
  // The ministry's national map: every province's figures for the same period (a province holds only its own).
  const nationalMap = identity.role === 'ministry' && level === 'national' && periodOk;
  const provinces = useCall('reports:provinces', { from: from.iso ?? today, to: to.iso ?? today }, { enabled: nationalMap, keepPrevious: true });
  const openProvince = (p: string) => {
    setLevel('province');
    setPlate(p);
    setCentre(null);
    window.scrollTo({ top: 0 });
  };

  const setPeriod = (a: string, b: string) => {
    setFromText(dateText(a));
    setToText(dateText(b));
  };
  const dateError = (check: ReturnType<typeof checkDateTr>, text: string) =>
    check.problem === 'impossible' ? t('date.impossible', { text }) : check.problem === 'format' || !check.iso ? t('date.format') : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">{t('reports.intro')}</Text>
          {/* The files are official documents: Turkish whatever the interface language. */}
          {language === 'en' && <Text size="xs" c="dimmed" data-testid="reports-documents-turkish">{t('reports.documentsTurkish')}</Text>}
        </Stack>
        <Group gap="xs">
          <ExportButton input={input} format="xlsx" label={t('reports.excel')} />
          <ExportButton input={input} format="pdf" label={t('reports.pdf')} />
          {identity.role === 'ministry' && <PublishButton input={input} report={report.isPlaceholderData ? undefined : report.data} />}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateTextInput label={t('reports.from')} value={fromText} onChange={(e) => setFromText(e.currentTarget.value)} error={fromText ? dateError(from, fromText) : t('date.format')} />
          <DateTextInput label={t('reports.to')} value={toText} onChange={(e) => setToText(e.currentTarget.value)} error={toText ? dateError(to, toText) : t('date.format')} />
          <Group gap={4} pb={2}>
            <Button size="xs" variant="light" onClick={() => setPeriod(`${year}-01-01`, today)}>{t('reports.thisYear')}</Button>
            <Button size="xs" variant="light" onClick={() => setPeriod(`${Number(year) - 1}-01-01`, `${Number(year) - 1}-12-31`)}>{t('reports.lastYear')}</Button>
            <Button size="xs" variant="light" onClick={() => setPeriod(ALL_TIME_FROM, today)}>{t('reports.allTime')}</Button>
          </Group>
        </Group>
        <Group align="flex-end" gap="md" mt="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('reports.scope')}</Text>
            <SegmentedControl
              value={level}
              onChange={(v) => setLevel(v as Level)}
              data={(['national', 'region', 'province', 'youthCentre'] as const).map((l) => ({ value: l, label: t(`reports.level.${l}`) }))}
            />
          </Stack>
          {level === 'region' && (
            <Select label={t('reports.region')} placeholder={t('reports.chooseRegion')} data={regionOptions(t, REGIONS)} value={region} onChange={(v) => setRegion(v as RegionName | null)} w={220} />
          )}
          {(level === 'province' || level === 'youthCentre') && (
            <ProvinceSelect label={t('reports.province')} placeholder={t('reports.chooseProvince')} value={plate} onChange={(p) => { setPlate(p); setCentre(null); }} w={220} />
          )}
          {level === 'youthCentre' && (
            <Select
              label={t('reports.youthCentre')}
              placeholder={t('reports.chooseCentre')}
              data={(centres.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={centre}
              onChange={setCentre}
              searchable
              disabled={!plate}
              w={320}
            />
          )}
        </Group>
      </Paper>
      {identity.role !== 'ministry' && (level === 'national' || level === 'region') && (
        <Alert color="orange" variant="light" data-testid="own-rows-only">
          {t('reports.ownRowsOnly')} <Anchor href={hrefOf('reports', 'published')}>{t('reports.tab.published')}</Anchor>
        </Alert>
      )}
      {!periodOk ? (
        <EmptyText>{t('reports.fixPeriod')}</EmptyText>
      ) : !scope ? (
        <EmptyText>{t('reports.chooseScope')}</EmptyText>
      ) : (
        <QueryState query={report}>
          {(r) => <ReportView r={r} provinces={nationalMap ? provinces.data?.provinces : undefined} onProvince={openProvince} />}
        </QueryState>
      )}
    </Stack>
  );
}

function ExportButton({ input, format, label }: { input: { from: string; to: string; scope: ReportScope } | null; format: 'xlsx' | 'pdf'; label: string }) {
  const t = useT();
  const preview = usePreview();
  // Excel is a file to work on, so it downloads; the PDF is for reading and printing, so it opens in the preview.
  const exporter = useCallMutation('reports:export', { onSuccess: (file) => (format === 'pdf' ? preview.open(file, t('reports.title')) : downloadFile(file)) });
  return (
    <Button
      variant="default"
      disabled={!input}
      loading={exporter.isPending}
      onClick={() => input && exporter.mutate({ ...input, format }, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {label}
    </Button>
  );
}
