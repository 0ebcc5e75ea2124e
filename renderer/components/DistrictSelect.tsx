import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../i18n';
import { errorMessage } from '../lib/errors';
import { useCall } from '../lib/query';
import { turkishOptionsFilter } from '../lib/turkishFilter';

type DistrictSelectProps = Omit<SelectProps, 'data' | 'filter' | 'onChange' | 'value'> & {
  provincePlate: string | null;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Whether the value is the district's id (records) or its name (first-run setup). */
  valueKind?: 'id' | 'name';
};

/** A province's districts, in the Turkish order the server returns. */
export function DistrictSelect({
  provincePlate,
  value,
  onChange,
  valueKind = 'id',
  placeholder,
  disabled,
  ...props
}: DistrictSelectProps) {
  const t = useT();
  const districts = useCall('orgUnits:listDistricts', { provincePlate: provincePlate ?? '' }, { enabled: !!provincePlate });
  const data = useMemo(
    () => (districts.data ?? []).map((d) => ({ value: valueKind === 'id' ? d.id : d.name, label: d.name })),
    [districts.data, valueKind],
  );
  return (
    <Select
      searchable
      data={data}
      filter={turkishOptionsFilter}
      value={value}
      onChange={(v) => onChange(v)}
      disabled={!provincePlate || disabled}
      placeholder={provincePlate ? placeholder : t('setup.districtNeedsProvince')}
      nothingFoundMessage={districts.isError ? errorMessage(districts.error) : t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
    />
  );
}
