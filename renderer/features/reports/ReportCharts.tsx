import { BarChart } from '@mantine/charts';
import { Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Report } from '../../../shared/contract/reports';
import { countClasses, TurkeyMap } from '../../components/TurkeyMap';
import { useLocale, useT } from '../../i18n';
import { reportLabels } from './labels';

// Charts and the province map of a report. They sit beside the tables and the figures with their definitions,
// never instead of them: the same numbers, drawn.

/** No animation: a chart is read at once, and screenshots and tests see the final bars. */
const STILL = { isAnimationActive: false } as const;

function useNumber() {
  const locale = useLocale();
  return (v: number) => v.toLocaleString(locale);
}

/** A titled chart; `label` names it for screen readers (the table beside it has the numbers). */
function ChartBox({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} role="figure" aria-label={title}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Meetings held per province on the map; a click opens the province's report when `onSelect` is given. */
export function ProvinceMeetingsMap({ rows, onSelect }: { rows: readonly { plate: string; meetingsHeld: number }[]; onSelect?: (plate: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const { legend, provinces } = useMemo(() => {
    const n = (v: number) => v.toLocaleString(locale);
    const classes = countClasses(rows.map((r) => r.meetingsHeld), n);
    return {
      legend: classes.legend,
      provinces: rows.map((r) => ({ plate: r.plate, cls: classes.classOf(r.meetingsHeld), valueText: `${t('reports.map.figure')}: ${n(r.meetingsHeld)}` })),
    };
  }, [rows, t, locale]);
  return (
    <Stack gap="xs" maw={1000}>
      <TurkeyMap
        provinces={provinces}
        legend={legend}
        title={t('reports.map.figure')}
        noDataLabel={t('reports.map.outside')}
        onSelect={onSelect}
        selectHint={onSelect ? t('reports.map.hint') : undefined}
        idleText={t(onSelect ? 'reports.map.idle' : 'reports.map.idleStatic')}
        testId="report-map"
      />
    </Stack>
  );
}

/** The breakdown's meetings and CSO attendances per child unit, as bars (long lists of centres lie down). */
export function BreakdownChart({ breakdown }: { breakdown: NonNullable<Report['breakdown']> }) {
  const t = useT();
  const n = useNumber();
  const lying = breakdown.rows.length > 12;
  return (
    <ChartBox title={t('reports.chart.breakdown')} testId="breakdown-chart">
      <BarChart
        h={lying ? Math.max(220, breakdown.rows.length * 28) : 260}
        data={breakdown.rows.map((r) => ({ name: reportLabels(t).region(r.name), meetingsHeld: r.meetingsHeld, csoAttendances: r.csoAttendances }))}
        dataKey="name"
        orientation={lying ? 'vertical' : 'horizontal'}
        series={[
          { name: 'meetingsHeld', label: t('reports.col.meetingsHeld'), color: 'blue.6' },
          { name: 'csoAttendances', label: t('reports.col.csoAttendances'), color: 'teal.5' },
        ]}
        valueFormatter={n}
        withLegend
        barProps={STILL}
        xAxisProps={lying ? undefined : { interval: 0, tick: { fontSize: 11 } }}
        yAxisProps={lying ? { width: 180, tick: { fontSize: 11 } } : undefined}
      />
    </ChartBox>
  );
}

export function PerTermChart({ perTerm }: { perTerm: Report['perTerm'] }) {
  const t = useT();
  const n = useNumber();
  return (
    <ChartBox title={t('reports.chart.perTerm')} testId="per-term-chart">
      <BarChart
        h={220}
        data={perTerm.map((p) => ({ term: t('reports.termName', { year: String(p.year), no: p.no }), meetingsHeld: p.meetingsHeld, youthCentres: p.youthCentres }))}
        dataKey="term"
        series={[
          { name: 'meetingsHeld', label: t('reports.col.meetingsHeld'), color: 'blue.6' },
          { name: 'youthCentres', label: t('reports.col.youthCentres'), color: 'grape.5' },
        ]}
        valueFormatter={n}
        withLegend
        barProps={STILL}
      />
    </ChartBox>
  );
}

export function RequestsChart({ rows }: { rows: Report['requestsByCategory'] }) {
  const t = useT();
  const n = useNumber();
  return (
    <ChartBox title={t('reports.chart.requests')} testId="requests-chart">
      <BarChart
        h={Math.max(140, rows.length * 34)}
        data={rows.map((r) => ({ category: reportLabels(t).category(r.category), count: r.count }))}
        dataKey="category"
        orientation="vertical"
        series={[{ name: 'count', label: t('reports.col.requests'), color: 'orange.6' }]}
        valueFormatter={n}
        barProps={STILL}
        yAxisProps={{ width: 190, tick: { fontSize: 11 } }}
      />
    </ChartBox>
  );
}

export function WorkshopsChart({ rows }: { rows: Report['workshopsByRegion'] }) {
  const t = useT();
  const n = useNumber();
  return (
    <ChartBox title={t('reports.chart.workshops')} testId="workshops-chart">
      <BarChart
        h={240}
        data={rows.map((r) => ({ region: reportLabels(t).region(r.region), participants: r.participants, organisations: r.organisations }))}
        dataKey="region"
        series={[
          { name: 'participants', label: t('reports.col.participants'), color: 'cyan.6' },
          { name: 'organisations', label: t('reports.col.organisations'), color: 'indigo.4' },
        ]}
        valueFormatter={n}
        withLegend
        barProps={STILL}
        xAxisProps={{ interval: 0, tick: { fontSize: 11 } }}
      />
    </ChartBox>
  );
}
