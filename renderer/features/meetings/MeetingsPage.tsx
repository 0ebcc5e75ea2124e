import { Title } from '@mantine/core';
import { useT } from '../../i18n';

// SCAFFOLD: replaced by the real screen.
export function MeetingsPage() {
  const t = useT();
  return <Title order={2}>{t('nav.meetings')}</Title>;
}
