import { Box, Group, Stack, Text } from '@mantine/core';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
// Only the geometry of `turkey-map-react` (MIT, © 2020 Erdi Gökçe): its component paints every province one
// colour and repaints the idle colour on mouse-out, has no keyboard access and fixed element ids, so the map is
// drawn here. The paths are absolute SVG coordinates in a 1050×585 box, keyed by plate number.
import { cities } from 'turkey-map-react/lib/data';
import { PROVINCES } from '../../shared/regions';

// The 81 provinces coloured by a figure (a choropleth). Not by colour alone: every province has a title with its
// name and value (the browser's tooltip, and what a screen reader reads), the figure of the province under the
// pointer or focus is written under the map, zero is hatched, and the caller keeps its table beside the map.

/** One province's entry: its class in the legend (null: no figure, drawn grey) and the text of its value. */
export interface MapProvince {
  plate: string;
  cls: number | null;
  valueText: string;
}

export interface MapLegendItem {
  label: string;
  /** Lower bound of the class, for tests and readers (`data-min`). */
  min: number;
}

/** Fills for the classes: zero (hatched), then four blues light to dark (ColorBrewer "Blues", colour-blind safe). */
export const MAP_FILLS = ['#f1f3f5', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const NO_DATA_FILL = '#dee2e6';
const STROKE = '#ffffff';

/**
 * Classes for counts: 0 on its own, then up to four ranges of the positive values split at their quartiles, so a
 * few large provinces do not leave all others in one class. `label` writes a number in the UI's locale.
 */
export function countClasses(values: readonly number[], format: (n: number) => string): { legend: MapLegendItem[]; classOf: (v: number) => number } {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const bounds: number[] = [];
  if (positive.length > 0) {
    const max = positive[positive.length - 1]!;
    for (const q of [0, 0.25, 0.5, 0.75]) {
      const b = Math.max(1, positive[Math.floor(q * (positive.length - 1))]!);
      if (bounds.length === 0 || b > bounds[bounds.length - 1]!) bounds.push(b);
    }
    // Each lower bound above the previous: a class never starts at the previous one's value.
    for (let i = 1; i < bounds.length; i++) if (bounds[i]! <= bounds[i - 1]!) bounds[i] = bounds[i - 1]! + 1;
    while (bounds.length > 1 && bounds[bounds.length - 1]! > max) bounds.pop();
  }
  const legend: MapLegendItem[] = [{ label: format(0), min: 0 }];
  bounds.forEach((b, i) => {
    const next = bounds[i + 1];
    const top = next === undefined ? positive[positive.length - 1]! : next - 1;
    legend.push({ label: top === b ? format(b) : `${format(b)}–${format(top)}`, min: b });
  });
  const classOf = (v: number) => {
    if (v <= 0) return 0;
    let cls = 1;
    bounds.forEach((b, i) => {
      if (v >= b) cls = i + 1;
    });
    return cls;
  };
  return { legend, classOf };
}

const GEOMETRY = new Map(cities.map((c) => [String(c.plateNumber).padStart(2, '0'), c.path]));
const NAMES = new Map(PROVINCES.map((p) => [p.plate, p.name]));

interface TurkeyMapProps {
  /** The provinces that have a figure; the others are drawn grey as "no figure" (e.g. outside the region). */
  provinces: readonly MapProvince[];
  legend: readonly MapLegendItem[];
  /** What the figure is, e.g. "Yapılan toplantı": heads the legend and names the map for screen readers. */
  title: string;
  /** The legend's text for grey provinces; omitted when every province has a figure. */
  noDataLabel?: string;
  /** A click or Enter on a province with a figure; its hint is the provinces' accessible description. */
  onSelect?: (plate: string) => void;
  selectHint?: string;
  /** Shown under the map when no province is pointed at. */
  idleText?: string;
  testId?: string;
}

export function TurkeyMap({ provinces, legend, title, noDataLabel, onSelect, selectHint, idleText, testId = 'turkey-map' }: TurkeyMapProps) {
  const uid = useId().replace(/:/g, '');
  const hatch = `hatch-${uid}`;
  const hintId = `hint-${uid}`;
  const [pointed, setPointed] = useState<string | null>(null);
  const byPlate = useMemo(() => new Map(provinces.map((p) => [p.plate, p])), [provinces]);
  const fillOf = (cls: number | null) => (cls === null ? NO_DATA_FILL : cls === 0 ? `url(#${hatch})` : MAP_FILLS[Math.min(cls, MAP_FILLS.length - 1)]);
  const describe = (plate: string) => {
    const p = byPlate.get(plate);
    return `${NAMES.get(plate) ?? plate} — ${p ? p.valueText : (noDataLabel ?? '—')}`;
  };
  const pointedEntry = pointed ? byPlate.get(pointed) : undefined;
  const plates = [...GEOMETRY.keys()];

  return (
    <Stack gap={6} data-testid={testId}>
      <Box style={{ position: 'relative' }}>
        <svg viewBox="15 135 1020 460" role="group" aria-label={title} style={{ width: '100%', height: 'auto', display: 'block' }}>
          <defs>
            <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={MAP_FILLS[0]} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#adb5bd" strokeWidth="1.5" />
            </pattern>
          </defs>
          {plates.map((plate) => {
            const entry = byPlate.get(plate);
            const active = !!entry && !!onSelect;
            const text = describe(plate);
            return (
              <path
                key={plate}
                d={GEOMETRY.get(plate)}
                data-plate={plate}
                data-class={entry?.cls ?? 'none'}
                fill={fillOf(entry?.cls ?? null)}
                stroke={STROKE}
                strokeWidth={0.8}
                strokeLinejoin="round"
                style={{ cursor: active ? 'pointer' : 'default', outline: 'none' }}
                tabIndex={active ? 0 : undefined}
                role={active ? 'button' : 'img'}
                aria-label={text}
                aria-describedby={active && selectHint ? hintId : undefined}
                onMouseEnter={() => setPointed(plate)}
                onMouseLeave={() => setPointed((p) => (p === plate ? null : p))}
                onFocus={() => setPointed(plate)}
                onBlur={() => setPointed((p) => (p === plate ? null : p))}
                onClick={active ? () => onSelect(plate) : undefined}
                onKeyDown={
                  active
                    ? (e: KeyboardEvent) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onSelect(plate);
                        }
                      }
                    : undefined
                }
              >
                <title>{text}</title>
              </path>
            );
          })}
          {/* The outline of the province pointed at, on top of its neighbours. A copy that takes no pointer events:
              moving the province's own path to the end would detach it between a press and its release, and the
              browser would then send the click to the map instead of the province. */}
          {pointed && <path d={GEOMETRY.get(pointed)} fill="none" stroke="#e8590c" strokeWidth={3} strokeLinejoin="round" pointerEvents="none" aria-hidden="true" />}
        </svg>
      </Box>
      <Text size="sm" mih={22} aria-live="polite" data-testid={`${testId}-pointed`}>
        {pointed ? (
          <>
            <b>{NAMES.get(pointed)}</b> — {pointedEntry ? pointedEntry.valueText : (noDataLabel ?? '—')}
          </>
        ) : (
          <Text span c="dimmed" size="sm">
            {idleText}
          </Text>
        )}
      </Text>
      {selectHint && (
        <Text id={hintId} hidden>
          {selectHint}
        </Text>
      )}
      <Group gap="md" wrap="wrap" data-testid={`${testId}-legend`} aria-label={title} role="list">
        <Text size="sm" fw={500}>
          {title}:
        </Text>
        {legend.map((item, i) => (
          <Group key={item.min} gap={6} wrap="nowrap" role="listitem" data-class={i} data-min={item.min}>
            <LegendSwatch fill={i === 0 ? undefined : MAP_FILLS[Math.min(i, MAP_FILLS.length - 1)]} />
            <Text size="sm">{item.label}</Text>
          </Group>
        ))}
        {noDataLabel && provinces.length < GEOMETRY.size && (
          <Group gap={6} wrap="nowrap" role="listitem" data-class="none">
            <LegendSwatch fill={NO_DATA_FILL} />
            <Text size="sm">{noDataLabel}</Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** A small square of a class's fill; no fill means the hatched zero. */
function LegendSwatch({ fill }: { fill: string | undefined }) {
  return (
    <svg width="18" height="14" aria-hidden="true" style={{ flex: 'none' }}>
      {fill ? (
        <rect width="18" height="14" rx="2" fill={fill} stroke="#adb5bd" />
      ) : (
        <>
          <rect width="18" height="14" rx="2" fill={MAP_FILLS[0]} stroke="#adb5bd" />
          <path d="M0 14 L14 0 M4 14 L18 0 M-4 10 L6 0 M10 14 L18 6" stroke="#adb5bd" strokeWidth="1.5" />
        </>
      )}
    </svg>
  );
}
