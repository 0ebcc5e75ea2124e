import { ActionIcon, Anchor, Badge, Button, FileButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { MEETING_FILE_KINDS, type MeetingFileKind } from '../../../shared/meetings/fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { downloadFile, formatBytes, readFileBase64 } from '../../lib/files';
import { useCallMutation } from '../../lib/query';
import { useMeetingMutation } from './calls';
import { useMeetingLabels } from './labels';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/** The signed attendance sheet, photos, signed minutes and the letter, stored with the meeting. */
export function FilesTab({ m }: { m: MeetingDetail }) {
  const t = useT();
  const locale = useLocale();
  const labels = useMeetingLabels();
  const [kind, setKind] = useState<MeetingFileKind | null>(m.state === 'YAPILDI' ? 'HAZIRUN' : 'DAVET');
  const attach = useMeetingMutation('meetings:attachFile');
  const remove = useMeetingMutation('meetings:removeFile');
  const [reading, setReading] = useState(false);
  const download = useCallMutation('meetings:file', { onSuccess: (file) => downloadFile(file) });

  const upload = async (file: File | null) => {
    if (!file || !kind) return;
    setReading(true);
    try {
      const contentBase64 = await readFileBase64(file);
      attach.mutate({ meetingId: m.id, kind, fileName: file.name, contentBase64 }, { onSuccess: () => notifications.show({ color: 'teal', message: t('meetings.files.attached', { name: file.name }) }) });
    } finally {
      setReading(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('meetings.files.title')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('meetings.files.title')}
        </Title>
        {m.canEdit && (
          <Group align="flex-end">
            <Select label={t('meetings.files.kind')} data={MEETING_FILE_KINDS.map((k) => ({ value: k, label: labels.fileKind(k) }))} value={kind} onChange={(v) => setKind(v as MeetingFileKind | null)} allowDeselect={false} w={260} />
            <FileButton onChange={(f) => void upload(f)} accept={ACCEPT}>
              {(props) => (
                <Button {...props} loading={reading || attach.isPending} disabled={!kind}>
                  {t('meetings.files.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('meetings.files.types')}
            </Text>
          </Group>
        )}
        {attach.error && <ErrorAlert error={attach.error} />}
        {remove.error && <ErrorAlert error={remove.error} />}
        {m.files.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="empty-state">
            {m.state === 'YAPILDI' ? t('meetings.files.emptyHeld') : t('meetings.files.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="files">
            <Table.Tbody>
              {m.files.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td w={220}>
                    <Badge variant="light" tt="none">
                      {labels.fileKind(f.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      size="sm"
                      onClick={() => download.mutate({ id: f.id }, { onError: (error) => notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error) }) })}
                    >
                      {f.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatBytes(f.size, locale)}
                    </Text>
                  </Table.Td>
                  {m.canEdit && (
                    <Table.Td ta="right" w={40}>
                      <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate({ id: f.id })} aria-label={t('meetings.files.remove', { name: f.fileName })}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
