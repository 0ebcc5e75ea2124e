import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { REGIONS } from '../../../shared/regions';
import { TurkeyMap, type MapLegendItem } from '../../components/TurkeyMap';
import { regionLabel, useLocale, useT } from '../../i18n';
import { navigate } from '../../lib/hashRoute';
import { useMeetingLabels } from './labels';

// The ministry board drawn: the provinces on the map coloured by the share of their youth centres that held a
// meeting in one term, and the same per region as bars. The table below keeps every number.

type Board = ChannelOutput<'meetings:board'>;

/** Lower bounds of the share classes: 0, then under a quarter, under a half, under all, all. */
const SHARE_BOUNDS = [0, 0.01, 0.25, 0.5, 1] as const;

export function shareClass(held: number, centres: number): number {
  const share = held / centres;
  if (held === 0) return 0;
  if (share >= 1) return 4;
  return share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;
}

/** The term the pictures show: the current one in the current year, else the year's last (past) or first (future). */
export function boardTermIndex(b: Board): number {
  if (b.year === b.currentTerm.year) return Math.max(0, b.terms.indexOf(b.currentTerm.no));
  return b.year < b.currentTerm.year ? b.terms.length - 1 : 0;
}

export function BoardCharts({ board: b }: { board: Board }) {
  const t = useT();
  const locale = useLocale();
  const labels = useMeetingLabels();
  const index = boardTermIndex(b);
  const term = labels.term(b.year, b.terms[index] ?? 1);
  const { provinces, legend, regions } = useMemo(() => {
    const pct = (v: number) => v.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
    const legend: MapLegendItem[] = SHARE_BOUNDS.map((min, i) => {
      const next = SHARE_BOUNDS[i + 1];
      const label = i === 0 || next === undefined ? pct(min) : `${pct(min)}–${pct(next - 0.01)}`;
      return { label, min };
    });
    const withCentres = b.provinces.filter((p) => p.centres > 0);
    const provinces = withCentres.map((p) => {
      const held = p.heldByTerm[index] ?? 0;
      return {
        plate: p.plate,
        cls: shareClass(held, p.centres),
        valueText: t('meetings.board.map.value', { held: held.toLocaleString(locale), centres: p.centres.toLocaleString(locale), share: pct(held / p.centres) }),
      };
    });
    const regions = REGIONS.filter((r) => b.provinces.some((p) => p.region === r)).map((region) => {
      const inRegion = b.provinces.filter((p) => p.region === region);
      const centres = inRegion.reduce((sum, p) => sum + p.centres, 0);
      const held = inRegion.reduce((sum, p) => sum + (p.heldByTerm[index] ?? 0), 0);
      return { region: regionLabel(t, region), held, notHeld: centres - held };
    });
    return { provinces, legend, regions };
  }, [b, index, locale, t]);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="board-charts">
      <Paper withBorder p="sm" radius="md">
        <TurkeyMap
          provinces={provinces}
          legend={legend}
          title={t('meetings.board.map.figure', { term })}
          noDataLabel={t('meetings.board.map.outside')}
          onSelect={(plate) => navigate('meetings', 'planner', plate)}
          selectHint={t('meetings.board.map.hint')}
          idleText={t('meetings.board.map.idle')}
          testId="board-map"
        />
      </Paper>
      <Paper withBorder p="sm" radius="md" data-testid="board-region-chart" role="figure" aria-label={t('meetings.board.chart.title', { term })}>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('meetings.board.chart.title', { term })}
          </Text>
          <BarChart
            h={300}
            data={regions}
            dataKey="region"
            type="stacked"
            orientation="vertical"
            series={[
              { name: 'held', label: t('meetings.board.chart.held'), color: 'blue.7' },
              { name: 'notHeld', label: t('meetings.board.chart.notHeld'), color: 'gray.4' },
            ]}
            valueFormatter={(v) => v.toLocaleString(locale)}
            withLegend
            barProps={{ isAnimationActive: false }}
            yAxisProps={{ width: 150, tick: { fontSize: 11 } }}
          />
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
