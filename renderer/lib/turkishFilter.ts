import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldTurkish } from '../../shared/turkish';

/** Select filter that matches the way Turkish users type: `izmir`, `İZMİR` and `35` all find “35 — İzmir”. */
export const turkishOptionsFilter: OptionsFilter = ({ options, search }) => {
  const wanted = foldTurkish(search);
  if (!wanted) return options;
  return options.filter(
    (option: ComboboxParsedItem): option is ComboboxItem => 'label' in option && foldTurkish(option.label).includes(wanted),
  );
};
