import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/query';

type OrganisationPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  /** The chosen organisation's name, shown before any search has run. */
  valueName?: string | null;
  /** Records not to offer (e.g. the record itself when picking a duplicate). */
  excludeIds?: readonly string[];
};

/**
 * Chooses an organisation by typing part of its name: the directory is searched on the server (folded,
 * diacritic-insensitive, Turkish order), 20 at a time, so the list never holds the whole directory.
 */
export function OrganisationPicker({ value, onChange, valueName, excludeIds = [], ...props }: OrganisationPickerProps) {
  const t = useT();
  const [search, setSearch] = useState(valueName ?? '');
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useCall('directory:search', { ...(query && query !== valueName ? { query } : {}), limit: 20, offset: 0 }, { keepPrevious: true });
  const data = useMemo(() => {
    const rows = (found.data?.rows ?? []).filter((o) => !excludeIds.includes(o.id));
    const options = rows.map((o) => ({ value: o.id, label: o.name, province: o.provinceName }));
    if (value && valueName && !options.some((o) => o.value === value)) options.unshift({ value, label: valueName, province: '' });
    return options.map(({ value: v, label }) => ({ value: v, label }));
  }, [found.data, excludeIds, value, valueName]);
  return (
    <Select
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the folded query: show what it answered.
      filter={({ options }) => options}
      onChange={(id) => onChange(id, data.find((o) => o.value === id)?.label ?? null)}
      nothingFoundMessage={found.isError ? errorMessage(found.error) : t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
    />
  );
}
