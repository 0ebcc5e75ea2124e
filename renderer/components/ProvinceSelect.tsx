import { Select, type SelectProps } from '@mantine/core';
import { PROVINCES } from '../../shared/regions';
import { compareTurkish } from '../../shared/turkish';
import { useT } from '../i18n';
import { turkishOptionsFilter } from '../lib/turkishFilter';

// The 81 provinces in Turkish alphabetical order, labelled with their plate so either can be typed.
const OPTIONS = [...PROVINCES]
  .sort((a, b) => compareTurkish(a.name, b.name))
  .map((p) => ({ value: p.plate, label: `${p.plate} — ${p.name}` }));

type ProvinceSelectProps = Omit<SelectProps, 'data' | 'filter' | 'onChange' | 'value'> & {
  value: string | null;
  onChange: (plate: string | null) => void;
};

export function ProvinceSelect({ value, onChange, ...props }: ProvinceSelectProps) {
  const t = useT();
  return (
    <Select
      searchable
      data={OPTIONS}
      filter={turkishOptionsFilter}
      value={value}
      onChange={(plate) => onChange(plate)}
      nothingFoundMessage={t('setup.provinceNothingFound')}
      maxDropdownHeight={280}
      {...props}
    />
  );
}
