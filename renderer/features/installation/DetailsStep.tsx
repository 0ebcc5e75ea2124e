import { Stack, Text, TextInput } from '@mantine/core';
import { DistrictSelect } from '../../components/DistrictSelect';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { useT } from '../../i18n';
import type { SetupDraft, SetupField } from './setupState';

interface DetailsStepProps {
  draft: SetupDraft;
  errors: Partial<Record<SetupField, string>>;
  onChange: (patch: Partial<SetupDraft>) => void;
}

export function DetailsStep({ draft, errors, onChange }: DetailsStepProps) {
  const t = useT();
  if (draft.role === 'ministry') return <Text>{t('setup.ministryDetails')}</Text>;
  return (
    <Stack>
      <ProvinceSelect
        label={t('setup.province')}
        placeholder={t('setup.provincePlaceholder')}
        value={draft.provincePlate}
        onChange={(plate) => onChange({ provincePlate: plate, districtName: null })}
        error={errors.provincePlate}
        withAsterisk
      />
      {draft.role === 'youth-center' && (
        <>
          <DistrictSelect
            label={t('setup.district')}
            placeholder={t('setup.districtPlaceholder')}
            provincePlate={draft.provincePlate}
            valueKind="name"
            value={draft.districtName}
            onChange={(districtName) => onChange({ districtName })}
            error={errors.districtName}
            withAsterisk
          />
          <TextInput
            label={t('setup.centreName')}
            placeholder={t('setup.centreNamePlaceholder')}
            value={draft.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={errors.name}
            withAsterisk
          />
        </>
      )}
    </Stack>
  );
}
