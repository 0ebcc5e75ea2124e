import { Group, Select } from '@mantine/core';
import { memo } from 'react';
import { ACTIVITY_AREAS, CLUB_TYPES, type ActivityArea, type ClubType } from '../../../shared/registry/fields';
import { VISA_STATUSES, type VisaStatus } from '../../../shared/registry/visa';
import { DistrictSelect } from '../../components/DistrictSelect';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { turkishOptionsFilter } from '../../lib/turkishFilter';
import { useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import type { RegistryFilterValues } from './filters';
import { useRegistryLabels } from './labels';
import { SearchBox } from './SearchBox';

interface RegistryFiltersProps {
  value: RegistryFilterValues;
  onChange: (patch: Partial<RegistryFilterValues>) => void;
}

/** Years a visa status can be asked for: this one and the ten before it. */
export function visaYearOptions(): { value: string; label: string }[] {
  const year = Number(todayIso().slice(0, 4));
  return Array.from({ length: 11 }, (_, i) => String(year - i)).map((y) => ({ value: y, label: y }));
}

/** The fields the filters show; the search text is the search box's own (see SearchBox). */
const SHOWN = ['provincePlate', 'districtId', 'clubType', 'activityArea', 'visaStatus', 'visaYear'] as const;

/**
 * The search box and the filters in one row. Memoised on the filters it shows: a search typed into the box
 * changes the list's filters but re-renders none of the selects (issue #17: a key re-rendered them all).
 */
export const RegistryFilters = memo(function RegistryFilters({ value, onChange }: RegistryFiltersProps) {
  const t = useT();
  const labels = useRegistryLabels();
  return (
    // One row at 1280 px (small inputs, narrow selects) so the table below gets the height (issue #17).
    <Group align="flex-end" gap={8} wrap="wrap">
      <SearchBox />
      <ProvinceSelect
        label={t('registry.filter.province')}
        placeholder={t('common.all')}
        value={value.provincePlate}
        onChange={(provincePlate) => onChange({ provincePlate, districtId: null })}
        clearable
        size="xs"
        w={130}
      />
      <DistrictSelect
        label={t('registry.filter.district')}
        placeholder={t('common.all')}
        provincePlate={value.provincePlate}
        value={value.districtId}
        onChange={(districtId) => onChange({ districtId })}
        clearable
        size="xs"
        w={120}
      />
      <Select
        label={t('registry.filter.clubType')}
        placeholder={t('common.all')}
        data={CLUB_TYPES.map((c) => ({ value: c, label: labels.clubType(c) }))}
        value={value.clubType}
        onChange={(v) => onChange({ clubType: v as ClubType | null })}
        clearable
        size="xs"
        w={140}
      />
      <Select
        label={t('registry.filter.activityArea')}
        placeholder={t('common.all')}
        data={ACTIVITY_AREAS.map((a) => ({ value: a, label: labels.area(a) }))}
        value={value.activityArea}
        onChange={(v) => onChange({ activityArea: v as ActivityArea | null })}
        clearable
        size="xs"
        searchable
        filter={turkishOptionsFilter}
        w={140}
      />
      <Select
        label={t('registry.filter.visaStatus')}
        placeholder={t('common.all')}
        data={VISA_STATUSES.map((s) => ({ value: s, label: labels.visa(s) }))}
        value={value.visaStatus}
        onChange={(v) => onChange({ visaStatus: v as VisaStatus | null })}
        clearable
        size="xs"
        w={120}
      />
      <Select
        label={t('registry.filter.visaYear')}
        placeholder={t('registry.filter.thisYear')}
        data={visaYearOptions()}
        value={value.visaYear ? String(value.visaYear) : null}
        onChange={(v) => onChange({ visaYear: v ? Number(v) : null })}
        clearable
        size="xs"
        w={84}
      />
    </Group>
  );
}, (before, after) => before.onChange === after.onChange && SHOWN.every((key) => before.value[key] === after.value[key]));
