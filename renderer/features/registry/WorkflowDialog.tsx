import { Alert, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { CANCELLATION_REASONS, missingStepInput, REGISTRATION_ACTIONS, type CancellationReason, type RegistrationActionName } from '../../../shared/registry/registration';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { useT } from '../../i18n';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { StateBadge } from './Badges';
import { useDetailMutation } from './calls';
import { useRegistryLabels } from './labels';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

const FIELDS = ['letterDate', 'letterNo', 'reason', 'cancellationReason'] as const;

interface Values {
  letterDate: string;
  letterNo: string;
  reason: string;
  cancellationReason: CancellationReason | null;
}

interface WorkflowDialogProps {
  association: AssociationDetail;
  action: RegistrationActionName | null;
  onClose: () => void;
}

/** Confirms one registration step, asking for exactly what the step needs (letter, reason, cancellation reason). */
export function WorkflowDialog({ association, action, onClose }: WorkflowDialogProps) {
  const labels = useRegistryLabels();
  return (
    <FormModal opened={action !== null} onClose={onClose} title={action ? labels.action(action) : ''} size="lg">
      {action && <WorkflowForm key={action} association={association} action={action} onClose={onClose} />}
    </FormModal>
  );
}

function WorkflowForm({ association, action, onClose }: { association: AssociationDetail; action: RegistrationActionName; onClose: () => void }) {
  const t = useT();
  const labels = useRegistryLabels();
  const transition = useDetailMutation('registry:transition');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: { letterDate: '', letterNo: '', reason: '', cancellationReason: null } });
  useUnsavedGuard(form.isDirty());
  const spec = REGISTRATION_ACTIONS[action];
  const isCancel = action === 'cancel';
  const destructive = action === 'reject' || action === 'cancel' || action === 'suspend';

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const input = {
      id: association.id,
      action,
      letterDate: dates.values.letterDate,
      letterNo: values.letterNo.trim() || null,
      reason: values.reason.trim() || null,
      ...(isCancel ? { cancellationReason: values.cancellationReason } : {}),
    };
    // Every problem at once, by the channel's schema and what the step must carry, before anything is sent.
    const problems = inputErrors(contract['registry:transition'].input, input, FIELDS, { own: dates.errors, rules: missingStepInput(action, input) });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    transition.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          title: t('registry.workflow.doneTitle'),
          message:
            action === 'approve' && saved.registrationNo
              ? t('registry.workflow.approved', { name: saved.name, no: saved.registrationNo })
              : t('registry.workflow.done', { action: labels.action(action), state: labels.state(saved.status) }),
        });
        onClose();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, FIELDS);
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{association.name}</Text>
        <Group gap="xs" aria-label={t('registry.workflow.change')}>
          <StateBadge state={association.status} />
          <Text size="sm" aria-hidden>
            →
          </Text>
          <StateBadge state={spec.to} />
        </Group>
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('registry.workflow.refused')}>
            {general}
          </Alert>
        )}
        {spec.letter && (
          <Group grow align="flex-start">
            <DateTextInput label={t('registry.field.letterDate')} withAsterisk data-autofocus {...form.getInputProps('letterDate')} />
            <TextInput label={t('registry.field.letterNo')} withAsterisk placeholder="E-12345678-000-0000" {...form.getInputProps('letterNo')} />
          </Group>
        )}
        {isCancel && (
          <Select
            label={t('registry.field.cancellationReason')}
            withAsterisk
            data={CANCELLATION_REASONS.map((c) => ({ value: c, label: labels.cancelReason(c) }))}
            {...form.getInputProps('cancellationReason')}
          />
        )}
        {spec.reason && <Textarea label={t('registry.field.reason')} withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />}
        {!spec.letter && !spec.reason && <Text size="sm">{t('registry.workflow.confirmText')}</Text>}
        <FormActions onCancel={onClose} saving={transition.isPending} submitLabel={labels.action(action)} submitColor={destructive ? 'red' : undefined} mt="sm" />
      </Stack>
    </form>
  );
}
