import { Alert, DataList, Stack } from '@mantine/core';
import { provinceByPlate } from '../../../shared/regions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import type { SetupDraft } from './setupState';

export function ConfirmStep({ draft, error }: { draft: SetupDraft; error: string | null }) {
  const t = useT();
  const province = draft.provincePlate ? provinceByPlate(draft.provincePlate) : undefined;
  return (
    <Stack>
      <DataList labelWidth={170} data-testid="setup-summary">
        <DataList.Item>
          <DataList.ItemLabel>{t('identity.role')}</DataList.ItemLabel>
          <DataList.ItemValue>{draft.role ? t(`setup.role.${draft.role}`) : ''}</DataList.ItemValue>
        </DataList.Item>
        {draft.role !== 'ministry' && province && (
          <DataList.Item>
            <DataList.ItemLabel>{t('identity.province')}</DataList.ItemLabel>
            <DataList.ItemValue>{`${province.plate} — ${province.name}`}</DataList.ItemValue>
          </DataList.Item>
        )}
        {draft.role === 'youth-center' && (
          <>
            <DataList.Item>
              <DataList.ItemLabel>{t('identity.district')}</DataList.ItemLabel>
              <DataList.ItemValue>{draft.districtName}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('identity.unit')}</DataList.ItemLabel>
              <DataList.ItemValue>{draft.name}</DataList.ItemValue>
            </DataList.Item>
          </>
        )}
        <DataList.Item>
          <DataList.ItemLabel>{t('setup.confirm.admin')}</DataList.ItemLabel>
          <DataList.ItemValue>{`${draft.admin.displayName.trim()} (${draft.admin.username.trim()})`}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('setup.confirm.recovery')}</DataList.ItemLabel>
          <DataList.ItemValue>{t('setup.confirm.recoverySet')}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Alert color="orange" variant="light" title={t('setup.confirm.warningTitle')}>
        {t('setup.confirm.warning')}
      </Alert>
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}
