import { Title } from '@mantine/core';
import { useT } from '../../i18n';

// SCAFFOLD: replaced by the real screen.
export function ReportsPage() {
  const t = useT();
  return <Title order={2}>{t('nav.reports')}</Title>;
}
