import { Anchor, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import { formatPhone } from '../../../shared/identifiers';
import { useT } from '../../i18n';
import { StatusBadge } from './StatusBadge';

interface YouthCentresTableProps {
  items: YouthCentre[];
  onOpen: (id: string) => void;
  /** Fewer columns, for the province detail panel. */
  compact?: boolean;
  /** A province column, where the list spans several provinces (the ministry's, unfiltered). */
  showProvince?: boolean;
}

/** Rows in the order the server returned them (Turkish alphabetical, sorted in SQL). */
export function YouthCentresTable({ items, onOpen, compact = false, showProvince = false }: YouthCentresTableProps) {
  const t = useT();
  // Below 1200 px (1024×768 with the menu) the e-mail and hall capacity give way, so the name, province,
  // district, phone and state stay in view without scrolling sideways; both are on the record and in the export.
  const narrow = useMediaQuery('(max-width: 1199px)') ?? false;
  const wide = !compact && !narrow;
  return (
    <Table.ScrollContainer minWidth={compact ? 360 : wide ? 860 : 600}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="youth-centres-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('centres.col.name')}</Table.Th>
            {showProvince && <Table.Th>{t('centres.col.province')}</Table.Th>}
            <Table.Th>{t('centres.col.district')}</Table.Th>
            {!compact && <Table.Th>{t('centres.col.phone')}</Table.Th>}
            {wide && <Table.Th>{t('centres.col.email')}</Table.Th>}
            {wide && <Table.Th ta="right">{t('centres.col.hallCapacity')}</Table.Th>}
            <Table.Th>{t('centres.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((centre) => (
            <Table.Tr key={centre.id}>
              <Table.Td>
                <Anchor component="button" type="button" fw={500} ta="left" onClick={() => onOpen(centre.id)}>
                  {centre.name}
                </Anchor>
              </Table.Td>
              {showProvince && <Table.Td>{centre.provinceName}</Table.Td>}
              <Table.Td>{centre.districtName}</Table.Td>
              {!compact && <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPhone(centre.phone)}</Table.Td>}
              {wide && <Table.Td>{centre.email}</Table.Td>}
              {wide && <Table.Td ta="right">{centre.hallCapacity ?? ''}</Table.Td>}
              <Table.Td>
                <StatusBadge centre={centre} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
