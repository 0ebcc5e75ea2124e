import { Anchor, Box, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { AssociationSort, AssociationSummary, SearchAssociationsInput } from '../../../shared/contract/registry';
import { useT } from '../../i18n';
import { callOrThrow } from '../../lib/api';
import { hrefOf } from '../../lib/hashRoute';
import { callKey } from '../../lib/query';
import { StateBadge, VisaBadge } from './Badges';
import { listScroll } from './filters';

// The registry list: a virtualised table over pages fetched on demand. Only the rows in view (plus a few)
// are in the DOM and only the pages they fall in are read (LIMIT/OFFSET in SQL, Turkish order from the
// server, never re-sorted here), so 100,000 associations scroll as smoothly as 100.

export const PAGE_SIZE = 100;
const ROW_HEIGHT = 38;

type SearchOutput = { total: number; items: AssociationSummary[]; visaYear: number };
type Filters = Omit<SearchAssociationsInput, 'limit' | 'offset'>;
type Direction = 'asc' | 'desc';

interface AssociationTableProps {
  filters: Filters;
  /** Page 0, read by the list (it also carries the total). */
  first: SearchOutput;
  /** Page 0 is an earlier search's answer standing in while this one is read (shown dimmed). */
  placeholder: boolean;
  /** A column for the province where the list spans several (the ministry's). */
  showProvince: boolean;
  sort: { column: AssociationSort; direction: Direction };
  onSort: (column: AssociationSort, direction: Direction) => void;
}

type ColumnKey = AssociationSort | 'visa';

/**
 * The columns in order. On a narrow window (1024×768) the kütük number goes, and beside a province column the
 * registration number too, so the name, place, state and visa stay readable without scrolling sideways; both
 * numbers stay searchable, on the record and in the Excel export.
 */
function columnsOf(showProvince: boolean, narrow: boolean): { key: ColumnKey; width: string }[] {
  const all: { key: ColumnKey; width: string }[] = [
    { key: 'name', width: 'minmax(200px, 3fr)' },
    ...(showProvince ? [{ key: 'province' as const, width: 'minmax(90px, 1fr)' }] : []),
    { key: 'district', width: 'minmax(90px, 1fr)' },
    { key: 'status', width: '136px' },
    { key: 'visa', width: '136px' },
    { key: 'registrationNo', width: '168px' },
    { key: 'kutukNo', width: '116px' },
  ];
  const hidden = new Set<ColumnKey>(narrow ? (showProvince ? ['kutukNo', 'registrationNo'] : ['kutukNo']) : []);
  return all.filter((c) => !hidden.has(c.key));
}

/** Fills the window below the table's top edge, so the page itself never scrolls. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(320, window.innerHeight - top - 24));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return height;
}

const cell: CSSProperties = { padding: '0 10px', display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' };

/** Memoised (its props are kept stable by the list): re-rendered for a new answer, not for every render of the list. */
export const AssociationTable = memo(function AssociationTable({ filters, first, placeholder, showProvince, sort, onSort }: AssociationTableProps) {
  const t = useT();
  const narrow = useMediaQuery('(max-width: 1199px)') ?? false;
  const columns = useMemo(() => columnsOf(showProvince, narrow), [showProvince, narrow]);
  // One array while the columns stay, so a row whose association did not change is not rendered again.
  const columnKeys = useMemo(() => columns.map((c) => c.key), [columns]);
  const COLUMNS = columns.map((c) => c.width).join(' ');
  const label = (key: ColumnKey) =>
    key === 'visa' ? (visaYear ? t('registry.col.visaYear', { year: String(visaYear) }) : t('registry.col.visa')) : t(`registry.col.${key}`);
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef);
  const total = first.total;
  const filterKey = JSON.stringify(filters);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: listScroll.get,
  });

  // A new search or filter starts at the top.
  const lastKey = useRef(filterKey);
  useEffect(() => {
    if (lastKey.current !== filterKey) {
      lastKey.current = filterKey;
      scrollRef.current?.scrollTo({ top: 0 });
    }
  }, [filterKey]);

  const rows = virtualizer.getVirtualItems();
  const wanted = [...new Set(rows.map((r) => Math.floor(r.index / PAGE_SIZE)))].filter((p) => p > 0);
  const pages = useQueries({
    queries: wanted.map((page) => {
      const input = { ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
      return { queryKey: callKey('registry:search', input), queryFn: () => callOrThrow('registry:search', input) };
    }),
  });
  const pageItems = new Map<number, AssociationSummary[]>();
  pageItems.set(0, first.items);
  wanted.forEach((page, i) => {
    const data = pages[i]?.data;
    if (data) pageItems.set(page, data.items);
  });
  const rowAt = (index: number) => pageItems.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const visaYear = first.visaYear;

  return (
    <Box
      role="table"
      aria-label={t('registry.list.tableLabel')}
      aria-rowcount={total + 1}
      data-testid="registry-table"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', opacity: placeholder ? 0.6 : 1 }}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          style={{ display: 'grid', gridTemplateColumns: COLUMNS, minHeight: 38, paddingTop: 6, paddingBottom: 6, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-default-border)', paddingRight: 12 }}
        >
          {columns.map(({ key }) =>
            key === 'visa' ? (
              <Text key={key} role="columnheader" fw={700} size="sm" style={{ ...cell, lineHeight: 1.25 }}>
                {label(key)}
              </Text>
            ) : (
              <SortHeader key={key} label={label(key)} active={sort.column === key} direction={sort.direction} onSort={(direction) => onSort(key, direction)} />
            ),
          )}
        </div>
      </div>
      <div
        ref={scrollRef}
        style={{ height: Math.min(height, Math.max(ROW_HEIGHT * Math.max(total, 1), ROW_HEIGHT) + 2), overflowY: 'auto', scrollbarGutter: 'stable' }}
        onScroll={(e) => listScroll.set(e.currentTarget.scrollTop)}
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const a = rowAt(row.index);
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 2}
                style={{
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  background: row.index % 2 ? 'var(--mantine-color-gray-0)' : undefined,
                }}
              >
                {a ? <AssociationRow a={a} columns={columnKeys} /> : <LoadingRow cells={columns.length} />}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
});

/** A column header that orders the list by its column (the server sorts, in Turkish order); again reverses it. */
function SortHeader({ label, active, direction, onSort }: { label: string; active: boolean; direction: Direction; onSort: (direction: Direction) => void }) {
  const t = useT();
  return (
    <div role="columnheader" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ ...cell, padding: '0 4px' }}>
      <UnstyledButton
        onClick={() => onSort(active && direction === 'asc' ? 'desc' : 'asc')}
        title={t('list.sortBy', { column: label })}
        style={{ display: 'flex', alignItems: 'center', gap: 4, padding: '2px 6px', borderRadius: 4, minWidth: 0 }}
      >
        <Text fw={700} size="sm" style={{ lineHeight: 1.25 }}>
          {label}
        </Text>
        <Text span size="xs" aria-hidden style={{ flexShrink: 0, opacity: active ? 1 : 0.4 }}>
          {!active ? '↕' : direction === 'asc' ? '▲' : '▼'}
        </Text>
      </UnstyledButton>
    </div>
  );
}

/** The same association in two answers (each answer is new objects): equal in every value the row shows. */
function sameSummary(before: AssociationSummary, after: AssociationSummary): boolean {
  if (before === after) return true;
  const keys = Object.keys(after) as (keyof AssociationSummary)[];
  return keys.length === Object.keys(before).length && keys.every((key) => key === 'activityAreas' || before[key] === after[key]);
}

/**
 * One row's cells. Memoised on what it shows: a search typed a key further mostly answers with the rows already
 * on screen, which then are not rendered again (issue #17: every key re-rendered every row in view).
 */
const AssociationRow = memo(function AssociationRow({ a, columns }: { a: AssociationSummary; columns: ColumnKey[] }) {
  const cells: Record<ColumnKey, ReactNode> = {
    name: (
      <div role="cell" style={cell}>
        <Anchor href={hrefOf('registry', a.id)} fw={500} size="sm" truncate="end" title={a.name}>
          {a.name}
        </Anchor>
      </div>
    ),
    province: (
      <Text role="cell" size="sm" style={cell} truncate="end">
        {a.provinceName}
      </Text>
    ),
    district: (
      <Text role="cell" size="sm" style={cell} truncate="end">
        {a.districtName}
      </Text>
    ),
    status: (
      <div role="cell" style={cell}>
        <StateBadge state={a.status} />
      </div>
    ),
    visa: (
      <div role="cell" style={cell}>
        <VisaBadge status={a.visaStatus} years={a.yearsWithoutVisa} />
      </div>
    ),
    registrationNo: (
      <Text role="cell" size="sm" ff="monospace" style={{ ...cell, whiteSpace: 'nowrap' }}>
        {a.registrationNo ?? ''}
      </Text>
    ),
    kutukNo: (
      <Text role="cell" size="sm" ff="monospace" style={{ ...cell, whiteSpace: 'nowrap' }}>
        {a.kutukNo ?? ''}
      </Text>
    ),
    registeredOn: null,
  };
  return <>{columns.map((key) => <Fragment key={key}>{cells[key]}</Fragment>)}</>;
}, (before, after) => before.columns === after.columns && sameSummary(before.a, after.a));

function LoadingRow({ cells }: { cells: number }) {
  return (
    <>
      {Array.from({ length: cells }, (_, i) => (
        <div key={i} role="cell" style={cell}>
          <Skeleton height={12} radius="xl" />
        </div>
      ))}
    </>
  );
}
