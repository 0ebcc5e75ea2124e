import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { usePreview } from '../../components/DocumentPreview';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useCallMutation } from '../../lib/query';

/** Produces one of a meeting's printable PDFs and opens it in the print preview (print or save from there). */
export function DocumentButton({ id, kind, label, ...props }: { id: string; kind: 'invitation' | 'invitations' | 'attendanceSheet' | 'minutes' | 'labels' | 'badges'; label: string } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const t = useT();
  const preview = usePreview();
  const document = useCallMutation('meetings:document', { onSuccess: (file) => preview.open(file, label) });
  return (
    <Button
      variant="default"
      data-shortcut="print"
      aria-keyshortcuts="Control+P"
      size="xs"
      {...props}
      loading={document.isPending}
      onClick={() => document.mutate({ id, kind }, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {label}
    </Button>
  );
}
