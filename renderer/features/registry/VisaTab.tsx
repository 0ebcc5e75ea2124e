import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import type { AssociationDetail } from '../../../shared/contract/registry';
import { missingVisaStepInput, VISA_ACTIONS, VISA_ACTIONS_WITH_REASON, type VisaActionName, type VisaApplicationState } from '../../../shared/registry/visa';
import { formatDateTr } from '../../../shared/turkish';
import { DateTextInput, isoDates } from '../../components/DateTextInput';
import { FormActions } from '../../components/FormActions';
import { EmptyText } from '../../components/QueryState';
import { useT, type MessageKey } from '../../i18n';
import { dateText, todayIso } from '../../lib/dates';
import { formErrorsFrom, inputErrors } from '../../lib/errors';
import { VisaAppBadge, VisaBadge } from './Badges';
import { useDetailMutation } from './calls';
import { ChecklistSection } from './DocumentsTab';
import { PdfButton } from './PdfButton';
import { FormModal, useUnsavedGuard } from '../../components/FormModal';

type Application = AssociationDetail['visaApplications'][number];

const ACTION_LABELS: Record<VisaActionName, MessageKey> = {
  startReview: 'registry.visaAction.startReview',
  approve: 'registry.visaAction.approve',
  markMissing: 'registry.visaAction.markMissing',
  resubmit: 'registry.visaAction.resubmit',
  reject: 'registry.visaAction.reject',
};
const OPEN: VisaApplicationState[] = ['BASVURU', 'INCELEME', 'EKSIK'];

function actionsFor(state: VisaApplicationState): VisaActionName[] {
  return (Object.keys(VISA_ACTIONS) as VisaActionName[]).filter((name) => (VISA_ACTIONS[name].from as readonly string[]).includes(state));
}

export function VisaTab({ a }: { a: AssociationDetail }) {
  const t = useT();
  const [applying, setApplying] = useState(false);
  const [acting, setActing] = useState<{ application: Application; action: VisaActionName } | null>(null);
  const inForce = a.status === 'TESCILLI' || a.status === 'ASKIDA';
  const openYears = [...new Set(a.visaApplications.filter((v) => OPEN.includes(v.state)).map((v) => v.year))];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm">{t('registry.visaTab.status', { year: todayIso().slice(0, 4) })}</Text>
          <VisaBadge status={a.visaStatus} years={a.yearsWithoutVisa} />
        </Group>
        {a.editable && inForce && <Button onClick={() => setApplying(true)}>{t('registry.visaTab.apply')}</Button>}
      </Group>
      {!inForce && (
        <Alert color="gray" variant="light">
          {t('registry.visaTab.notInForce')}
        </Alert>
      )}
      {inForce && a.visaStatus === 'VIZELI' && a.registeredOn?.slice(0, 4) === todayIso().slice(0, 4) && (
        // "Vizeli" beside "no visa application" right after registration reads like a mistake: say why.
        <Alert color="teal" variant="light" data-testid="visa-registration-year">
          {t('registry.visaTab.registrationYear', { year: todayIso().slice(0, 4), date: formatDateTr(a.registeredOn) })}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('registry.visaTab.applications')}
        </Title>
        {a.visaApplications.length === 0 ? (
          <EmptyText>{t('registry.visaTab.empty')}</EmptyText>
        ) : (
          <Table verticalSpacing={6} fz="sm" data-testid="visa-applications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry.visaTab.year')}</Table.Th>
                <Table.Th>{t('registry.visaTab.state')}</Table.Th>
                <Table.Th>{t('registry.visaTab.appliedOn')}</Table.Th>
                <Table.Th>{t('registry.visaTab.letter')}</Table.Th>
                <Table.Th>{t('registry.visaTab.decidedOn')}</Table.Th>
                <Table.Th>{t('registry.field.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.visaApplications.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={600}>{v.year}</Table.Td>
                  <Table.Td>
                    <VisaAppBadge state={v.state} />
                  </Table.Td>
                  <Table.Td>{formatDateTr(v.appliedOn)}</Table.Td>
                  <Table.Td>{[formatDateTr(v.letterDate), v.letterNo].filter(Boolean).join(' / ') || t('common.notGiven')}</Table.Td>
                  <Table.Td>{formatDateTr(v.decidedOn) || t('common.notGiven')}</Table.Td>
                  <Table.Td>{v.reason ?? t('common.notGiven')}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {a.editable &&
                        actionsFor(v.state).map((action) => (
                          <Button
                            key={action}
                            size="compact-xs"
                            variant={action === 'reject' ? 'outline' : 'light'}
                            color={action === 'reject' ? 'red' : undefined}
                            onClick={() => setActing({ application: v, action })}
                          >
                            {t(ACTION_LABELS[action])}
                          </Button>
                        ))}
                      {v.state === 'ONAY' && <PdfButton id={a.id} kind="visa" year={v.year} label={t('registry.pdf.visa')} size="compact-xs" />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {openYears.map((year) => (
        <ChecklistSection
          key={year}
          a={a}
          items={a.documents.filter((d) => d.step === 'VIZE' && d.visaYear === year)}
          title={t('registry.documents.visaYear', { year: String(year) })}
          testId={`visa-checklist-${year}`}
        />
      ))}
      <FormModal opened={applying} onClose={() => setApplying(false)} title={t('registry.visaTab.apply')} size="lg">
        {applying && <VisaApplyForm a={a} onDone={() => setApplying(false)} />}
      </FormModal>
      <FormModal opened={acting !== null} onClose={() => setActing(null)} title={acting ? `${t(ACTION_LABELS[acting.action])} — ${acting.application.year}` : ''} size="lg">
        {acting && <VisaActionForm application={acting.application} action={acting.action} onDone={() => setActing(null)} />}
      </FormModal>
    </Stack>
  );
}

const APPLY_FIELDS = ['year', 'appliedOn', 'letterDate', 'letterNo'] as const;

function VisaApplyForm({ a, onDone }: { a: AssociationDetail; onDone: () => void }) {
  const t = useT();
  const apply = useDetailMutation('registry:visaApply');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { year: Number(todayIso().slice(0, 4)) as number | string, appliedOn: dateText(todayIso()), letterDate: '', letterNo: '' },
  });
  useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { appliedOn: values.appliedOn, letterDate: values.letterDate });
    const input = {
      associationId: a.id,
      year: typeof values.year === 'number' ? values.year : 0,
      appliedOn: dates.values.appliedOn ?? '',
      letterDate: dates.values.letterDate,
      letterNo: values.letterNo.trim() || null,
    };
    // Every problem at once, by the channel's own schema, before anything is sent (the server checks again).
    const problems = inputErrors(contract['registry:visaApply'].input, input, APPLY_FIELDS, { own: dates.errors });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    apply.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: t('registry.form.savedTitle'), message: t('registry.visaTab.applied', { year: String(values.year) }) });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = formErrorsFrom(error, APPLY_FIELDS);
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
        <Group grow align="flex-start">
          <NumberInput label={t('registry.visaTab.year')} withAsterisk min={2000} max={2100} allowDecimal={false} thousandSeparator="" {...form.getInputProps('year')} />
          <DateTextInput label={t('registry.visaTab.appliedOn')} withAsterisk {...form.getInputProps('appliedOn')} />
        </Group>
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <FormActions onCancel={onDone} saving={apply.isPending} submitLabel={t('registry.visaTab.applySubmit')} />
      </Stack>
    </form>
  );
}

const ACTION_FIELDS = ['letterDate', 'letterNo', 'reason'] as const;

function VisaActionForm({ application, action, onDone }: { application: Application; action: VisaActionName; onDone: () => void }) {
  const t = useT();
  const transition = useDetailMutation('registry:visaTransition');
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { letterDate: '', letterNo: '', reason: '' } });
  useUnsavedGuard(form.isDirty());
  const needsReason = VISA_ACTIONS_WITH_REASON.includes(action);
  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const dates = isoDates(t, { letterDate: values.letterDate });
    const input = { applicationId: application.id, action, letterDate: dates.values.letterDate, letterNo: values.letterNo.trim() || null, reason: values.reason.trim() || null };
    // Every problem at once, by the channel's schema and what the step requires, before anything is sent.
    const problems = inputErrors(contract['registry:visaTransition'].input, input, ACTION_FIELDS, { own: dates.errors, rules: missingVisaStepInput(action, input) });
    if (problems) {
      form.setErrors(problems.fields);
      setGeneral(problems.general);
      return;
    }
    transition.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: t('registry.workflow.doneTitle'), message: t('registry.visaTab.done', { action: t(ACTION_LABELS[action]), year: String(application.year) }) });
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
        {general && (
          <Alert color="red" variant="light" role="alert" title={t('registry.workflow.refused')}>
            {general}
          </Alert>
        )}
        <Group grow align="flex-start">
          <DateTextInput label={t('registry.field.letterDate')} {...form.getInputProps('letterDate')} />
          <TextInput label={t('registry.field.letterNo')} {...form.getInputProps('letterNo')} />
        </Group>
        <Textarea label={t('registry.field.reason')} withAsterisk={needsReason} autosize minRows={2} {...form.getInputProps('reason')} />
        <FormActions onCancel={onDone} saving={transition.isPending} submitLabel={t(ACTION_LABELS[action])} submitColor={action === 'reject' ? 'red' : undefined} />
      </Stack>
    </form>
  );
}
