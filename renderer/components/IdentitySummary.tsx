import { Badge, DataList } from '@mantine/core';
import type { Identity } from '../../shared/contract/installation';
import { provinceByPlate } from '../../shared/regions';
import { formatDateTr } from '../../shared/turkish';
import { useT } from '../i18n';
import { MonoBox } from './MonoBox';

/** Who this installation is: shown after first-run setup and in Settings. */
export function IdentitySummary({ identity }: { identity: Identity }) {
  const t = useT();
  const province = identity.provincePlate ? provinceByPlate(identity.provincePlate) : undefined;
  return (
    <DataList labelWidth={170} data-testid="identity-summary">
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.unit')}</DataList.ItemLabel>
        <DataList.ItemValue>{identity.unitName}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.role')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Badge variant="light">{t(`role.${identity.role}`)}</Badge>
        </DataList.ItemValue>
      </DataList.Item>
      {province && (
        <DataList.Item>
          <DataList.ItemLabel>{t('identity.province')}</DataList.ItemLabel>
          <DataList.ItemValue>{`${province.plate} — ${province.name}`}</DataList.ItemValue>
        </DataList.Item>
      )}
      {identity.districtName && (
        <DataList.Item>
          <DataList.ItemLabel>{t('identity.district')}</DataList.ItemLabel>
          <DataList.ItemValue>{identity.districtName}</DataList.ItemValue>
        </DataList.Item>
      )}
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.createdAt')}</DataList.ItemLabel>
        <DataList.ItemValue>{formatDateTr(identity.createdAt)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.nodeId')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <MonoBox label={t('identity.nodeId')}>{identity.nodeId}</MonoBox>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('identity.fingerprint')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <MonoBox label={t('identity.fingerprint')}>{identity.fingerprint}</MonoBox>
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
