import { Anchor, Box, Skeleton, Text } from '@mantine/core';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { AssociationSummary, SearchAssociationsInput } from '../../../shared/contract/registry';
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
const ROW_HEIGHT = 44;
const COLUMNS = 'minmax(220px, 3fr) minmax(100px, 1fr) 160px 150px 164px 108px';

type SearchOutput = { total: number; items: AssociationSummary[]; visaYear: number };
type Filters = Omit<SearchAssociationsInput, 'limit' | 'offset'>;

interface AssociationTableProps {
  filters: Filters;
  /** Page 0, read by the list (it also carries the total and the per-status counts). */
  first: UseQueryResult<SearchOutput & { countsByStatus: Record<string, number> }, Error>;
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

export function AssociationTable({ filters, first }: AssociationTableProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef);
  const total = first.data?.total ?? 0;
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
  if (first.data) pageItems.set(0, first.data.items);
  wanted.forEach((page, i) => {
    const data = pages[i]?.data;
    if (data) pageItems.set(page, data.items);
  });
  const rowAt = (index: number) => pageItems.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const visaYear = first.data?.visaYear;

  return (
    <Box
      role="table"
      aria-label={t('registry.list.tableLabel')}
      aria-rowcount={total + 1}
      data-testid="registry-table"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', opacity: first.isPlaceholderData ? 0.6 : 1 }}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          style={{ display: 'grid', gridTemplateColumns: COLUMNS, minHeight: 38, paddingTop: 6, paddingBottom: 6, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-default-border)', paddingRight: 12 }}
        >
          {[
            t('registry.col.name'),
            t('registry.col.district'),
            t('registry.col.status'),
            visaYear ? t('registry.col.visaYear', { year: String(visaYear) }) : t('registry.col.visa'),
            t('registry.col.registrationNo'),
            t('registry.col.kutukNo'),
          ].map((label) => (
            <Text key={label} role="columnheader" fw={700} size="sm" style={{ ...cell, lineHeight: 1.25 }}>
              {label}
            </Text>
          ))}
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
                {a ? <AssociationRow a={a} /> : <LoadingRow />}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

function AssociationRow({ a }: { a: AssociationSummary }) {
  return (
    <>
      <div role="cell" style={cell}>
        <Anchor href={hrefOf('registry', a.id)} fw={500} size="sm" truncate="end" title={a.name}>
          {a.name}
        </Anchor>
      </div>
      <Text role="cell" size="sm" style={cell} truncate="end">
        {a.districtName}
      </Text>
      <div role="cell" style={cell}>
        <StateBadge state={a.status} />
      </div>
      <div role="cell" style={cell}>
        <VisaBadge status={a.visaStatus} years={a.yearsWithoutVisa} />
      </div>
      <Text role="cell" size="sm" ff="monospace" style={cell}>
        {a.registrationNo ?? ''}
      </Text>
      <Text role="cell" size="sm" ff="monospace" style={cell}>
        {a.kutukNo ?? ''}
      </Text>
    </>
  );
}

function LoadingRow() {
  return (
    <>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} role="cell" style={cell}>
          <Skeleton height={12} radius="xl" />
        </div>
      ))}
    </>
  );
}
