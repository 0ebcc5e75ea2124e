import { Alert } from '@mantine/core';
import { useT } from '../i18n';
import { errorMessage } from '../lib/errors';

/** The one way an error is shown: the server's Turkish message in a red alert. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
