import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { downloadFile } from '../../lib/files';
import { useCallMutation } from '../../lib/query';

interface PdfButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  id: string;
  kind: 'certificate' | 'visa' | 'summary';
  year?: number;
  label: string;
}

/** Produces a printable PDF on demand and saves it through the browser's download. */
export function PdfButton({ id, kind, year, label, ...props }: PdfButtonProps) {
  const t = useT();
  const document = useCallMutation('registry:document', { onSuccess: (file) => downloadFile(file) });
  return (
    <Button
      variant="default"
      data-shortcut="print"
      aria-keyshortcuts="Control+P"
      {...props}
      loading={document.isPending}
      onClick={() =>
        document.mutate(
          { id, kind, ...(year ? { year } : {}) },
          { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) },
        )
      }
    >
      {label}
    </Button>
  );
}
