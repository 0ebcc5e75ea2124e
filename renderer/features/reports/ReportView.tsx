import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Report } from '../../../shared/contract/reports';
import { EmptyText } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { dateText } from '../../lib/dates';
import { reportLabels } from './labels';
import { BreakdownChart, PerTermChart, ProvinceMeetingsMap, RequestsChart, WorkshopsChart } from './ReportCharts';

// A report as the page shows it: every figure with its definition, the breakdown, terms, requests and
// workshops. The same view for figures computed here and for those the ministry published.

const MEETING_KEYS = new Set(['meetingsHeld', 'provincesWithMeeting', 'youthCentresWithMeeting', 'csoAttendances', 'csoRepresentatives', 'uniqueCsos', 'requests', 'decisions', 'decisionsCompleted']);

/**
 * `provinces`: every province's meetings (the ministry's national map); without it, a breakdown by province
 * (a region) is mapped. `onProvince`: a click on the map opens that province's report.
 */
export function ReportView({ r, provinces, onProvince }: { r: Report; provinces?: readonly { plate: string; meetingsHeld: number }[]; onProvince?: (plate: string) => void }) {
  const t = useT();
  const mapRows = provinces ?? (r.breakdown?.level === 'province' ? r.breakdown.rows.map((row) => ({ plate: row.id, meetingsHeld: row.meetingsHeld })) : null);
  const locale = useLocale();
  const n = (v: number) => v.toLocaleString(locale);
  const labels = reportLabels(t);
  const groups = [
    { title: t('reports.group.meetings'), figures: r.figures.filter((f) => MEETING_KEYS.has(f.key)) },
    { title: t('reports.group.workshops'), figures: r.figures.filter((f) => !MEETING_KEYS.has(f.key)) },
  ];
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={3} data-testid="report-heading">{t('reports.heading', { scope: labels.scope(r.scopeLabel), period: `${dateText(r.from)} – ${dateText(r.to)}` })}</Title>
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
                  <Text fw={600}>{labels.figure(f.key, f.label)}</Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>{labels.definition(f.key, f.definition)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {mapRows && (
        <Stack gap="xs">
          <Title order={4}>{t('reports.map.title')}</Title>
          <ProvinceMeetingsMap rows={mapRows} onSelect={onProvince} />
        </Stack>
      )}
      {r.breakdown && (
        <Stack gap="xs">
          <Title order={4}>{t('reports.breakdown', { level: t(`reports.breakdown.${r.breakdown.level}`) })}</Title>
          {r.breakdown.rows.length > 0 && (
            <Stack maw={900}>
              <BreakdownChart breakdown={r.breakdown} />
            </Stack>
          )}
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
                  <Table.Td>{r.breakdown?.level === 'region' ? labels.region(row.name) : row.name}</Table.Td>
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
          {r.perTerm.length > 0 && <PerTermChart perTerm={r.perTerm} />}
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
          {r.requestsByCategory.length > 0 && <RequestsChart rows={r.requestsByCategory} />}
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
                    <Table.Td>{labels.category(c.category)}</Table.Td>
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
        {r.workshopsByRegion.some((w) => w.participants > 0) && (
          <Stack maw={900}>
            <WorkshopsChart rows={r.workshopsByRegion} />
          </Stack>
        )}
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
                  <Table.Td>{labels.region(w.region)}</Table.Td>
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
