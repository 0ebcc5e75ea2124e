import { Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Report, ReportScope } from '../../../shared/contract/reports';
import { REGIONS, type RegionName } from '../../../shared/regions';
import { DateTextInput } from '../../components/DateTextInput';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { checkDateTr, dateText, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { useIdentity } from '../../lib/identity';
import { useCall, useCallMutation } from '../../lib/query';

type Level = ReportScope['level'];
const MEETING_KEYS = new Set(['meetingsHeld', 'provincesWithMeeting', 'youthCentresWithMeeting', 'csoAttendances', 'csoRepresentatives', 'uniqueCsos', 'requests', 'decisions', 'decisionsCompleted']);
/** Cooperation meetings began in 2017 (DOMAIN.md §5): "all time" starts there. */
const ALL_TIME_FROM = '2017-01-01';

export function ReportsPage() {
  const t = useT();
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

  const setPeriod = (a: string, b: string) => {
    setFromText(dateText(a));
    setToText(dateText(b));
  };
  const dateError = (check: ReturnType<typeof checkDateTr>, text: string) =>
    check.problem === 'impossible' ? t('date.impossible', { text }) : check.problem === 'format' || !check.iso ? t('date.format') : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('reports.title')}</Title>
          <Text size="sm" c="dimmed">{t('reports.intro')}</Text>
        </Stack>
        <Group gap="xs">
          <ExportButton input={input} format="xlsx" label={t('reports.excel')} />
          <ExportButton input={input} format="pdf" label={t('reports.pdf')} />
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
            <Select label={t('reports.region')} placeholder={t('reports.chooseRegion')} data={[...REGIONS]} value={region} onChange={(v) => setRegion(v as RegionName | null)} w={220} />
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
      {!periodOk ? (
        <EmptyText>{t('reports.fixPeriod')}</EmptyText>
      ) : !scope ? (
        <EmptyText>{t('reports.chooseScope')}</EmptyText>
      ) : (
        <QueryState query={report}>{(r) => <ReportView r={r} />}</QueryState>
      )}
    </Stack>
  );
}

function ExportButton({ input, format, label }: { input: { from: string; to: string; scope: ReportScope } | null; format: 'xlsx' | 'pdf'; label: string }) {
  const t = useT();
  const exporter = useCallMutation('reports:export', { onSuccess: (file) => downloadFile(file) });
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

function ReportView({ r }: { r: Report }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => v.toLocaleString(locale);
  const groups = [
    { title: t('reports.group.meetings'), figures: r.figures.filter((f) => MEETING_KEYS.has(f.key)) },
    { title: t('reports.group.workshops'), figures: r.figures.filter((f) => !MEETING_KEYS.has(f.key)) },
  ];
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={3} data-testid="report-heading">{t('reports.heading', { scope: r.scopeLabel, period: `${dateText(r.from)} – ${dateText(r.to)}` })}</Title>
        <Text data-testid="first-meeting">
          {r.firstMeeting
            ? t('reports.firstMeeting', { date: dateText(r.firstMeeting.date), province: r.firstMeeting.provinceName, centre: r.firstMeeting.youthCentreName })
            : t('reports.noMeeting')}
        </Text>
      </Stack>
      {groups.map((g) => (
        <Stack key={g.title} gap="xs">
          <Title order={4}>{g.title}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {g.figures.map((f) => (
              <Card key={f.key} withBorder padding="sm" data-testid={`figure-${f.key}`}>
                <Group gap="xs" align="baseline" wrap="nowrap">
                  <Text fz={28} fw={700} lh={1.1}>{n(f.value)}</Text>
                  <Text fw={600}>{f.label}</Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>{f.definition}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {r.breakdown && (
        <Stack gap="xs">
          <Title order={4}>{t('reports.breakdown', { level: t(`reports.breakdown.${r.breakdown.level}`) })}</Title>
          <Table striped withTableBorder maw={900} data-testid="breakdown-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`reports.level.${r.breakdown.level}`)}</Table.Th>
                <Table.Th ta="right">{t('reports.col.meetingsHeld')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.csoAttendances')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.csoRepresentatives')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.uniqueCsos')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.breakdown.rows.map((row) => (
                <Table.Tr key={row.id} c={row.meetingsHeld === 0 ? 'dimmed' : undefined}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right">{n(row.meetingsHeld)}</Table.Td>
                  <Table.Td ta="right">{n(row.csoAttendances)}</Table.Td>
                  <Table.Td ta="right">{n(row.csoRepresentatives)}</Table.Td>
                  <Table.Td ta="right">{n(row.uniqueCsos)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="xs">
          <Title order={4}>{t('reports.perTerm')}</Title>
          {r.perTerm.length === 0 ? <EmptyText>{t('reports.perTerm.empty')}</EmptyText> : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.col.term')}</Table.Th>
                  <Table.Th ta="right">{t('reports.col.meetingsHeld')}</Table.Th>
                  <Table.Th ta="right">{t('reports.col.youthCentres')}</Table.Th>
                  <Table.Th ta="right">{t('reports.col.provinces')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.perTerm.map((p) => (
                  <Table.Tr key={`${p.year}-${p.no}`}>
                    <Table.Td>{t('reports.termName', { year: String(p.year), no: p.no })}</Table.Td>
                    <Table.Td ta="right">{n(p.meetingsHeld)}</Table.Td>
                    <Table.Td ta="right">{n(p.youthCentres)}</Table.Td>
                    <Table.Td ta="right">{n(p.provinces)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={4}>{t('reports.requestsByCategory')}</Title>
          {r.requestsByCategory.length === 0 ? <EmptyText>{t('reports.requests.empty')}</EmptyText> : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.col.category')}</Table.Th>
                  <Table.Th ta="right">{t('reports.col.requests')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.requestsByCategory.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Td>{c.category}</Table.Td>
                    <Table.Td ta="right">{n(c.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={4}>{t('reports.workshopsByRegion')}</Title>
        {r.workshopsByRegion.length === 0 ? <EmptyText>{t('reports.workshops.empty')}</EmptyText> : (
          <Table striped withTableBorder maw={900} data-testid="workshops-by-region">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.col.region')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.workshops')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.participants')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.organisations')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.participantProvinces')}</Table.Th>
                <Table.Th ta="right">{t('reports.col.hostProvinces')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.workshopsByRegion.map((w) => (
                <Table.Tr key={w.region} c={w.workshops === 0 ? 'dimmed' : undefined}>
                  <Table.Td>{w.region}</Table.Td>
                  <Table.Td ta="right">{n(w.workshops)}</Table.Td>
                  <Table.Td ta="right">{n(w.participants)}</Table.Td>
                  <Table.Td ta="right">{n(w.organisations)}</Table.Td>
                  <Table.Td ta="right">{n(w.provinces)}</Table.Td>
                  <Table.Td ta="right">{n(w.hostProvinces)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
