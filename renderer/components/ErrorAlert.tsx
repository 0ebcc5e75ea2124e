import { Alert } from '@mantine/core';
import { useLanguage, useT } from '../i18n';
import { errorMessage } from '../lib/errors';

/** The one way an error is shown: the server's message, in the interface language, in a red alert. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      {errorMessage(error, language)}
    </Alert>
  );
}
