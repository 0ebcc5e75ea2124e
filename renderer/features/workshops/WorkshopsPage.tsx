import { Title } from '@mantine/core';
import { useT } from '../../i18n';

// SCAFFOLD: replaced by the real screen.
export function WorkshopsPage() {
  const t = useT();
  return <Title order={2}>{t('nav.workshops')}</Title>;
}
