import { Anchor, Table } from '@mantine/core';
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
  return (
    <Table.ScrollContainer minWidth={compact ? 360 : 860}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="youth-centres-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('centres.col.name')}</Table.Th>
            {showProvince && <Table.Th>{t('centres.col.province')}</Table.Th>}
            <Table.Th>{t('centres.col.district')}</Table.Th>
            {!compact && <Table.Th>{t('centres.col.phone')}</Table.Th>}
            {!compact && <Table.Th>{t('centres.col.email')}</Table.Th>}
            {!compact && <Table.Th ta="right">{t('centres.col.hallCapacity')}</Table.Th>}
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
              {!compact && <Table.Td>{centre.email}</Table.Td>}
              {!compact && <Table.Td ta="right">{centre.hallCapacity ?? ''}</Table.Td>}
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
