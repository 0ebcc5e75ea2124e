import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { usePreview } from '../../components/DocumentPreview';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useCallMutation } from '../../lib/query';

interface PdfButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  id: string;
  kind: 'certificate' | 'visa' | 'summary';
  year?: number;
  label: string;
}

/** Produces a printable PDF on demand and opens it in the print preview (print or save from there). */
export function PdfButton({ id, kind, year, label, ...props }: PdfButtonProps) {
  const t = useT();
  const preview = usePreview();
  const document = useCallMutation('registry:document', { onSuccess: (file) => preview.open(file, label) });
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
