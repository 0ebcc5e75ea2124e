import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OrganisationDetail } from '../../../shared/contract/directory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { navigate } from '../../lib/hashRoute';
import { useCall, useCallMutation } from '../../lib/query';
import { DIRECTORY_READS } from './calls';
import { useDirectoryLabels } from './labels';
import { OrganisationPicker } from './OrganisationPicker';

/**
 * Merges a duplicate into the record on screen: pick it by name, see both side by side, confirm. The
 * duplicate's people, relations and interactions move here; its meetings and workshops resolve here.
 */
export function MergeDialog({ keep, opened, onClose }: { keep: OrganisationDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const [mergeId, setMergeId] = useState<string | null>(null);
  const other = useCall('directory:get', { id: mergeId ?? '' }, { enabled: !!mergeId });
  const merge = useCallMutation('directory:merge', { invalidates: [...DIRECTORY_READS, 'directory:get'] });
  const close = () => {
    setMergeId(null);
    merge.reset();
    onClose();
  };
  const dropped = other.data && other.data.id !== keep.id ? other.data : null;
  return (
    <Modal opened={opened} onClose={close} title={t('directory.merge.title')} size="xl">
      <Stack gap="md">
        <Alert color="blue" variant="light">
          {t('directory.merge.intro', { name: keep.name })}
        </Alert>
        <OrganisationPicker
          label={t('directory.merge.pick')}
          placeholder={t('directory.merge.pickPlaceholder')}
          value={mergeId}
          excludeIds={[keep.id]}
          onChange={(id) => {
            merge.reset();
            setMergeId(id);
          }}
          data-autofocus
        />
        {other.isError && <ErrorAlert error={other.error} />}
        {dropped && (
          <SimpleGrid cols={2} spacing="md" data-testid="merge-compare">
            <Side title={t('directory.merge.keep')} o={keep} colour="teal" />
            <Side title={t('directory.merge.drop')} o={dropped} colour="orange" />
          </SimpleGrid>
        )}
        {merge.isError && <ErrorAlert error={merge.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={merge.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!dropped}
            loading={merge.isPending}
            onClick={() =>
              dropped &&
              merge.mutate(
                { keepId: keep.id, mergeId: dropped.id },
                {
                  onSuccess: (kept) => {
                    notifications.show({ color: 'teal', title: t('directory.merge.doneTitle'), message: t('directory.merge.done', { merged: dropped.name, kept: kept.name }) });
                    close();
                    navigate('directory', kept.id, 'contacts');
                  },
                },
              )
            }
          >
            {t('directory.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Side({ title, o, colour }: { title: string; o: OrganisationDetail; colour: string }) {
  const t = useT();
  const labels = useDirectoryLabels();
  return (
    <Paper withBorder p="sm" radius="md" style={{ borderTop: `4px solid var(--mantine-color-${colour}-6)` }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {title}
      </Text>
      <Text fw={600}>{o.name}</Text>
      <Text size="sm">{labels.kindAndSubtype(o.kind, o.subtype)}</Text>
      <Text size="sm">{o.districtName ? `${o.provinceName} / ${o.districtName}` : o.provinceName}</Text>
      {o.vkn && (
        <Text size="sm">
          {t('directory.field.vkn')}: {o.vkn}
        </Text>
      )}
      {o.kutukNo && (
        <Text size="sm">
          {t('directory.field.kutukNo')}: {o.kutukNo}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt={4}>
        {t('directory.merge.counts', { contacts: o.contacts.length, meetings: o.meetings.length })}
      </Text>
      {o.contacts.length > 0 && (
        <Text size="xs" c="dimmed">
          {o.contacts.map((c) => c.fullName).join(', ')}
        </Text>
      )}
    </Paper>
  );
}
