import { Badge, Chip, Group } from '@mantine/core';
import { memo } from 'react';
import { REGISTRATION_STATES, type RegistrationState } from '../../../shared/registry/registration';
import { useLocale, useT } from '../../i18n';
import { STATE_COLOURS } from './Badges';
import { useRegistryLabels } from './labels';

interface StatusChipsProps {
  counts: Record<string, number> | undefined;
  value: RegistrationState[];
  onChange: (statuses: RegistrationState[]) => void;
  /** The counts shown are an earlier search's (the chips count once typing pauses): shown dimmed and busy. */
  stale?: boolean;
}

/**
 * One chip per state with its count (under the other filters); chips select states, none selected = all.
 * Memoised: the list re-renders for every search it makes, the chips only when their counts or states change.
 */
export const StatusChips = memo(function StatusChips({ counts, value, onChange, stale = false }: StatusChipsProps) {
  const t = useT();
  const locale = useLocale();
  const labels = useRegistryLabels();
  return (
    <Group
      gap={6}
      role="group"
      aria-label={t('registry.filter.status')}
      aria-busy={stale}
      data-testid="status-chips"
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
    >
      <Chip checked={value.length === 0} onChange={() => onChange([])} size="xs" variant="outline">
        {t('registry.filter.allStates')}
      </Chip>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as RegistrationState[])}>
        {REGISTRATION_STATES.filter((s) => (counts?.[s] ?? 0) > 0 || value.includes(s)).map((s) => (
          <Chip key={s} value={s} size="sm" color={STATE_COLOURS[s]} variant="outline">
            {labels.state(s)}{' '}
            <Badge component="span" size="xs" variant="light" color={STATE_COLOURS[s]} ml={4} style={{ verticalAlign: 'baseline' }}>
              {(counts?.[s] ?? 0).toLocaleString(locale)}
            </Badge>
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
});
