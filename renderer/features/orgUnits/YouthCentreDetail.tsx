import { Alert, Button, DataList, Drawer, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import { formatPhone } from '../../../shared/identifiers';
import { formatDateTr } from '../../../shared/turkish';
import { QueryState } from '../../components/QueryState';
import { useT, type MessageKey } from '../../i18n';
import { useIdentity } from '../../lib/identity';
import { useCall } from '../../lib/query';
import { StatusBadge } from './StatusBadge';
import { canEditCentre, canManageCentres } from './youthCentreCalls';

interface YouthCentreDetailProps {
  id: string | null;
  onClose: () => void;
  onEdit: (centre: YouthCentre) => void;
  onRetire: (centre: YouthCentre) => void;
}

export function YouthCentreDetail({ id, onClose, onEdit, onRetire }: YouthCentreDetailProps) {
  const t = useT();
  const centre = useCall('orgUnits:getYouthCentre', { id: id ?? '' }, { enabled: id !== null });
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={centre.data?.name ?? t('centre.detail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryState query={centre}>{(c) => <CentreFields centre={c} onEdit={onEdit} onRetire={onRetire} />}</QueryState>
    </Drawer>
  );
}

function CentreFields({ centre, onEdit, onRetire }: { centre: YouthCentre; onEdit: YouthCentreDetailProps['onEdit']; onRetire: YouthCentreDetailProps['onRetire'] }) {
  const t = useT();
  const identity = useIdentity();
  const rows: [MessageKey, ReactNode][] = [
    ['centre.field.name', centre.name],
    ['centre.field.province', `${centre.provincePlate} — ${centre.provinceName}`],
    ['centre.field.district', centre.districtName],
    ['centre.field.address', centre.address],
    ['centre.field.phone', formatPhone(centre.phone)],
    ['centre.field.email', centre.email],
    ['centre.field.hallCapacity', centre.hallCapacity],
    ['centre.field.status', <StatusBadge centre={centre} />],
    ['centre.field.createdAt', formatDateTr(centre.createdAt)],
    ['centre.field.updatedAt', formatDateTr(centre.updatedAt)],
  ];
  if (centre.retiredAt) rows.push(['centre.field.retiredAt', formatDateTr(centre.retiredAt)]);
  const editable = canEditCentre(identity, centre);

  return (
    <Stack gap="lg" data-testid="centre-detail">
      <DataList labelWidth={190} withDivider>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
            <DataList.ItemValue>{value === null || value === '' ? t('common.notGiven') : value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {centre.retiredAt && (
        <Alert color="gray" variant="light">
          {t('centre.detail.retiredNote')}
        </Alert>
      )}
      {!centre.retiredAt && canManageCentres(identity) && !editable && (
        <Alert color="gray" variant="light">
          {t('centre.detail.notOwner')}
        </Alert>
      )}
      {editable && (
        <Group justify="flex-end">
          <Button variant="outline" color="red" onClick={() => onRetire(centre)}>
            {t('centre.detail.retire')}
          </Button>
          <Button onClick={() => onEdit(centre)}>{t('centre.detail.edit')}</Button>
        </Group>
      )}
    </Stack>
  );
}
