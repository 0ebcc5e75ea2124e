import { Badge } from '@mantine/core';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import { useT } from '../../i18n';

export function StatusBadge({ centre }: { centre: Pick<YouthCentre, 'status' | 'retiredAt'> }) {
  const t = useT();
  if (centre.retiredAt) {
    return (
      <Badge color="red" variant="light">
        {t('status.retired')}
      </Badge>
    );
  }
  return (
    <Badge color={centre.status === 'active' ? 'teal' : 'gray'} variant="light">
      {t(`status.${centre.status}`)}
    </Badge>
  );
}
