import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { usePreview } from '../../components/DocumentPreview';
import { useT, useTn } from '../../i18n';
import { downloadFile } from '../../lib/files';
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

/**
 * The mail merge as separate files: one PDF per invited organisation, saved as one ZIP (a folder once opened).
 * Nothing to preview or print here (the one-PDF merge is for that), so the archive is saved straight away.
 */
export function InvitationFilesButton({ id, ...props }: { id: string } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const t = useT();
  const tn = useTn();
  const files = useCallMutation('meetings:invitationFiles', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', title: t('meetings.files.doneTitle'), message: tn('meetings.files.done', file.files, { fileName: file.fileName }) });
    },
  });
  return (
    <Button
      variant="default"
      size="xs"
      {...props}
      loading={files.isPending}
      onClick={() => files.mutate({ id }, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
    >
      {t('meetings.files.invitations')}
    </Button>
  );
}
