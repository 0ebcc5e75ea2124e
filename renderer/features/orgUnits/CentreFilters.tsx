import { Group, Select, Switch, TextInput } from '@mantine/core';
import { YOUTH_CENTRE_STATUSES } from '../../../shared/contract/orgUnits';
import { DistrictSelect } from '../../components/DistrictSelect';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { useT } from '../../i18n';

export interface CentreFilterValues {
  search: string;
  provincePlate: string | null;
  districtId: string | null;
  status: (typeof YOUTH_CENTRE_STATUSES)[number] | null;
  includeRetired: boolean;
}

interface CentreFiltersProps {
  value: CentreFilterValues;
  onChange: (patch: Partial<CentreFilterValues>) => void;
}

export function CentreFilters({ value, onChange }: CentreFiltersProps) {
  const t = useT();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('centres.search')}
        placeholder={t('centres.searchPlaceholder')}
        value={value.search}
        onChange={(e) => onChange({ search: e.currentTarget.value })}
        type="search"
        data-shortcut="search"
        aria-keyshortcuts="Control+F"
        style={{ flex: '1 1 260px' }}
      />
      <ProvinceSelect
        label={t('centres.filter.province')}
        placeholder={t('common.all')}
        value={value.provincePlate}
        onChange={(provincePlate) => onChange({ provincePlate, districtId: null })}
        clearable
        w={200}
      />
      <DistrictSelect
        label={t('centres.filter.district')}
        placeholder={t('common.all')}
        provincePlate={value.provincePlate}
        value={value.districtId}
        onChange={(districtId) => onChange({ districtId })}
        clearable
        w={200}
      />
      <Select
        label={t('centres.filter.status')}
        placeholder={t('common.all')}
        data={YOUTH_CENTRE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.status}
        onChange={(status) => onChange({ status: status as CentreFilterValues['status'] })}
        clearable
        w={150}
      />
      <Switch
        label={t('centres.filter.showRetired')}
        checked={value.includeRetired}
        onChange={(e) => onChange({ includeRetired: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
