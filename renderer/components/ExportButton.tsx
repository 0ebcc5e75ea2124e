import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { useT } from '../i18n';
import { downloadFile } from '../lib/files';
import { useCallMutation } from '../lib/query';
import { ErrorAlert } from './ErrorAlert';

type ExportChannel = {
  [C in Channel]: ChannelOutput<C> extends { fileName: string; mimeType: string; contentBase64: string; rows: number } ? C : never;
}[Channel];

/**
 * "Excel'e aktar" for a list: asks the list's export channel for the rows the list shows with the same
 * filters (all of them, not the page), saves the file and says how many rows it holds. An error shows
 * below the button.
 */
export function ExportButton<C extends ExportChannel>({ channel, input, disabled, label, ...props }: { channel: C; input: ChannelInput<C>; disabled?: boolean; label?: string } & Omit<ButtonProps, 'children'>) {
  const t = useT();
  const exportXlsx = useCallMutation(channel, {
    onSuccess: (file) => {
      const f = file as ChannelOutput<ExportChannel>;
      downloadFile(f);
      notifications.show({ color: 'teal', title: t('lists.export.doneTitle'), message: t('lists.export.done', { count: f.rows, fileName: f.fileName }) });
    },
  });
  return (
    <>
      <Button variant="default" onClick={() => exportXlsx.mutate(input)} loading={exportXlsx.isPending} disabled={disabled} {...props}>
        {label ?? t('lists.export.button')}
      </Button>
      {exportXlsx.isError && <ErrorAlert error={exportXlsx.error} />}
    </>
  );
}
