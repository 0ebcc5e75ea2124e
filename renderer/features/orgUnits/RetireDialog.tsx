import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { useRetireYouthCentre } from './youthCentreCalls';

interface RetireDialogProps {
  centre: YouthCentre | null;
  onClose: () => void;
}

export function RetireDialog({ centre, onClose }: RetireDialogProps) {
  const t = useT();
  const retire = useRetireYouthCentre();
  const close = () => {
    retire.reset();
    onClose();
  };
  const confirm = () => {
    if (!centre) return;
    retire.mutate(
      { id: centre.id },
      {
        onSuccess: (retired) => {
          notifications.show({
            color: 'teal',
            title: t('centre.retire.doneTitle'),
            message: t('centre.retire.done', { name: retired.name }),
          });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={centre !== null} onClose={close} title={t('centre.retire.title')} centered>
      <Stack>
        <Text>{t('centre.retire.text', { name: centre?.name ?? '' })}</Text>
        {retire.isError && <ErrorAlert error={retire.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={retire.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={retire.isPending}>
            {t('centre.retire.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
