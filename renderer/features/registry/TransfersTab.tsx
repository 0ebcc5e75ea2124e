import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AssociationDetail, Transfer } from '../../../shared/contract/registry';
import { CLUB_TYPES, type ClubType } from '../../../shared/registry/fields';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { DistrictSelect } from '../../components/DistrictSelect';
import { FormActions } from '../../components/FormActions';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { EmptyText } from '../../components/QueryState';
import { useT, type MessageKey } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { hrefOf } from '../../lib/hashRoute';
import { useIdentity } from '../../lib/identity';
import { TransferBadge } from './Badges';
import { useDetailMutation, useRegistryMutation } from './calls';
import { useRegistryLabels } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';
import { KutukPlateWarning } from './KutukPlateWarning';

type TransferAction = 'senderApprove' | 'accept' | 'cancel';
const ACTION_LABELS: Record<TransferAction, MessageKey> = {
  senderApprove: 'registry.transfer.senderApprove',
  accept: 'registry.transfer.accept',
  cancel: 'registry.transfer.cancel',
};

/** İl nakli (inter-province transfer) and statü değişikliği (change of club type). */
export function TransfersTab({ a }: { a: AssociationDetail }) {
  const t = useT();
  const labels = useRegistryLabels();
  const identity = useIdentity();
  const [starting, setStarting] = useState(false);
  const [changingType, setChangingType] = useState(false);
  const [acting, setActing] = useState<{ transfer: Transfer; action: TransferAction } | null>(null);
  const open = a.transfers.some((tr) => tr.state === 'TALEP' || tr.state === 'GONDEREN_ONAYI' || tr.state === 'ALICI_KABULU');
  const isSender = (tr: Transfer) => a.ownerUnit === identity.unitId && tr.associationId === a.id;
  const isReceiver = (tr: Transfer) => identity.role === 'province' && identity.provincePlate === tr.toPlate;

  const actionsFor = (tr: Transfer): TransferAction[] => {
    const list: TransferAction[] = [];
    if (tr.state === 'TALEP' && isSender(tr)) list.push('senderApprove');
    if (tr.state === 'GONDEREN_ONAYI' && isReceiver(tr)) list.push('accept');
    if ((tr.state === 'TALEP' || tr.state === 'GONDEREN_ONAYI') && (isSender(tr) || isReceiver(tr))) list.push('cancel');
    return list;
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="transfers-title">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" id="transfers-title">
            {t('registry.transfer.title')}
          </Title>
          {a.editable && a.status === 'TESCILLI' && !open && (
            <Button size="xs" onClick={() => setStarting(true)}>
              {t('registry.transfer.start')}
            </Button>
          )}
        </Group>
        {a.editable && a.status !== 'TESCILLI' && a.status !== 'AKTARILDI' && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('registry.transfer.onlyRegistered')}
          </Text>
        )}
        {a.transfers.length === 0 ? (
          <EmptyText>{t('registry.transfer.empty')}</EmptyText>
        ) : (
          <Table verticalSpacing={6} fz="sm" data-testid="transfers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry.transfer.date')}</Table.Th>
                <Table.Th>{t('registry.transfer.route')}</Table.Th>
                <Table.Th>{t('registry.transfer.newKutukNo')}</Table.Th>
                <Table.Th>{t('registry.field.reason')}</Table.Th>
                <Table.Th>{t('registry.transfer.letter')}</Table.Th>
                <Table.Th>{t('registry.transfer.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.transfers.map((tr) => (
                <Table.Tr key={tr.id}>
                  <Table.Td>{formatDateTr(tr.createdAt)}</Table.Td>
                  <Table.Td>
                    {labels.province(tr.fromPlate)} → {labels.province(tr.toPlate)}
                  </Table.Td>
                  <Table.Td ff="monospace">{tr.newKutukNo ?? t('common.notGiven')}</Table.Td>
                  <Table.Td>{tr.reason}</Table.Td>
                  <Table.Td>{[formatDateTr(tr.letterDate), tr.letterNo].filter(Boolean).join(' / ') || t('common.notGiven')}</Table.Td>
                  <Table.Td>
                    <TransferBadge state={tr.state} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {actionsFor(tr).map((action) => (
                        <Button
                          key={action}
                          size="compact-xs"
                          variant={action === 'cancel' ? 'outline' : 'light'}
                          color={action === 'cancel' ? 'red' : undefined}
                          onClick={() => setActing({ transfer: tr, action })}
                        >
                          {t(ACTION_LABELS[action])}
                        </Button>
                      ))}
                      {tr.newAssociationId && tr.newAssociationId !== a.id && (
                        <Anchor href={hrefOf('registry', tr.newAssociationId)} size="xs">
                          {t('registry.openNewRecord')}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="club-type-title">
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={3} size="h5" id="club-type-title">
              {t('registry.clubTypeChange.title')}
            </Title>
            <Text size="sm">
              {t('registry.clubTypeChange.current')}{' '}
              <Badge variant="default" tt="none">
                {labels.clubType(a.clubType)}
              </Badge>
            </Text>
          </Stack>
          {a.editable && a.status !== 'TASLAK' && (
            <Button size="xs" variant="light" onClick={() => setChangingType(true)}>
              {t('registry.clubTypeChange.button')}
            </Button>
          )}
        </Group>
        {a.editable && a.status === 'TASLAK' && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('registry.clubTypeChange.draftHint')}
          </Text>
        )}
      </Paper>

      <FormModal opened={starting} onClose={() => setStarting(false)} title={t('registry.transfer.start')} size="lg">
        {starting && <StartTransferForm a={a} onDone={() => setStarting(false)} />}
      </FormModal>
      <FormModal opened={changingType} onClose={() => setChangingType(false)} title={t('registry.clubTypeChange.title')} size="lg">
        {changingType && <ClubTypeForm a={a} onDone={() => setChangingType(false)} />}
      </FormModal>
      <FormModal opened={acting !== null} onClose={() => setActing(null)} title={acting ? t(ACTION_LABELS[acting.action]) : ''} size="lg">
        {acting && <TransferActionForm transfer={acting.transfer} action={acting.action} onDone={() => setActing(null)} />}
      </FormModal>
    </Stack>
  );
}

const START_FIELDS = ['toPlate', 'toDistrictId', 'newKutukNo', 'reason', 'letterDate', 'letterNo'] as const;

function StartTransferForm({ a, onDone }: { a: AssociationDetail; onDone: () => void }) {
  const t = useT();
  const start = useDetailMutation('registry:startTransfer');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { toPlate: null as string | null, toDistrictId: null as string | null, newKutukNo: '', reason: '', letterDate: '', letterNo: '' },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const input = {
      associationId: a.id,
      toPlate: values.toPlate ?? '',
      toDistrictId: values.toDistrictId,
      newKutukNo: values.newKutukNo.trim() || null,
      reason: values.reason,
      letterDate: dates.values.letterDate,
      letterNo: values.letterNo.trim() || null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:startTransfer'].input, input, START_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    start.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('registry.transfer.started') });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, START_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('registry.transfer.startHint')}
        </Text>
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <Group grow align="flex-start">
          <ProvinceSelect
            label={t('registry.transfer.toProvince')}
            withAsterisk
            {...form.getInputProps('toPlate')}
            value={form.values.toPlate}
            onChange={(plate) => {
              form.setFieldValue('toPlate', plate);
              form.setFieldValue('toDistrictId', null);
            }}
          />
          <DistrictSelect
            label={t('registry.transfer.toDistrict')}
            provincePlate={form.values.toPlate}
            clearable
            {...form.getInputProps('toDistrictId')}
            value={form.values.toDistrictId}
            onChange={(id) => form.setFieldValue('toDistrictId', id)}
          />
        </Group>
        <TextInput label={t('registry.transfer.newKutukNo')} description={t('registry.transfer.newKutukNoHint')} {...form.getInputProps('newKutukNo')} />
        <KutukPlateWarning kutukNo={form.values.newKutukNo} provincePlate={form.values.toPlate} />
        <Textarea label={t('registry.field.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <FormActions onCancel={onDone} saving={start.isPending} submitLabel={t('registry.transfer.startSubmit')} />
      </Stack>
    </form>
  );
}

const ACTION_FIELDS = ['letterDate', 'letterNo', 'reason', 'toDistrictId'] as const;

function TransferActionForm({ transfer, action, onDone }: { transfer: Transfer; action: TransferAction; onDone: () => void }) {
  const t = useT();
  const labels = useRegistryLabels();
  const run = useRegistryMutation('registry:transferAction');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { letterDate: '', letterNo: '', reason: '', toDistrictId: transfer.toDistrictId } });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const input = {
      transferId: transfer.id,
      action,
      letterDate: dates.values.letterDate,
      letterNo: values.letterNo.trim() || null,
      reason: values.reason.trim() || null,
      ...(action === 'accept' ? { toDistrictId: values.toDistrictId } : {}),
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:transferAction'].input, input, ACTION_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    run.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', title: t('registry.workflow.doneTitle'), message: t('registry.transfer.done', { state: labels.transferState(saved.state) }) });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, ACTION_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {transfer.associationName}: {labels.province(transfer.fromPlate)} → {labels.province(transfer.toPlate)}
        </Text>
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('registry.workflow.refused')}>
            {general}
          </Alert>
        )}
        {action === 'accept' && (
          <DistrictSelect
            label={t('registry.transfer.toDistrict')}
            provincePlate={transfer.toPlate}
            withAsterisk
            {...form.getInputProps('toDistrictId')}
            value={form.values.toDistrictId}
            onChange={(id) => form.setFieldValue('toDistrictId', id)}
          />
        )}
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <Textarea label={t('registry.field.reason')} withAsterisk={action === 'cancel'} autosize minRows={2} {...form.getInputProps('reason')} />
        <FormActions onCancel={onDone} saving={run.isPending} submitLabel={t(ACTION_LABELS[action])} submitColor={action === 'cancel' ? 'red' : undefined} />
      </Stack>
    </form>
  );
}

const TYPE_FIELDS = ['clubType', 'letterDate', 'letterNo', 'reason'] as const;

function ClubTypeForm({ a, onDone }: { a: AssociationDetail; onDone: () => void }) {
  const t = useT();
  const labels = useRegistryLabels();
  const change = useDetailMutation('registry:changeClubType');
  const [general, setGeneral] = useState<string | null>(null);
  const other = CLUB_TYPES.find((c) => c !== a.clubType) ?? a.clubType;
  const form = useForm({ mode: 'controlled', initialValues: { clubType: other as ClubType, letterDate: '', letterNo: '', reason: '' } });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const input = { id: a.id, clubType: values.clubType, letterDate: dates.values.letterDate, letterNo: values.letterNo.trim() || null, reason: values.reason };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:changeClubType'].input, input, TYPE_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    change.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('registry.clubTypeChange.done', { type: labels.clubType(saved.clubType) }) });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, TYPE_FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('common.errorTitle')}>
            {general}
          </Alert>
        )}
        <Select
          label={t('registry.clubTypeChange.newType')}
          data={CLUB_TYPES.map((c) => ({ value: c, label: labels.clubType(c) }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('clubType')}
        />
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <Textarea label={t('registry.field.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
        <FormActions onCancel={onDone} saving={change.isPending} submitLabel={t('registry.clubTypeChange.submit')} />
      </Stack>
    </form>
  );
}
