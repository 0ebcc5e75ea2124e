import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import { useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { callKey, useCallMutation } from '../../lib/query';
import { ConfirmStep } from './ConfirmStep';
import { DetailsStep } from './DetailsStep';
import { RoleStep } from './RoleStep';
import { SetupDone } from './SetupDone';
import { EMPTY_DRAFT, missingFields, SETUP_FIELDS, toSetupInput, type SetupDraft, type SetupField } from './setupState';

const CONFIRM_STEP = 2;

/** First run: bind this installation to the unit it serves. The choice is final, so it is confirmed. */
export function SetupWizard() {
  const t = useT();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<SetupDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const setup = useCallMutation('installation:setup');

  if (identity) {
    return (
      <SetupDone identity={identity} onEnter={() => void queryClient.invalidateQueries({ queryKey: callKey('installation:status') })} />
    );
  }

  const change = (patch: Partial<SetupDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as SetupField[]) delete next[key];
      return next;
    });
  };

  const next = () => {
    const missing = missingFields(draft, step);
    if (Object.keys(missing).length > 0) {
      setErrors(Object.fromEntries(Object.entries(missing).map(([f, key]) => [f, t(key)])));
      return;
    }
    setStep((s) => s + 1);
  };

  const submit = () => {
    setGeneralError(null);
    setup.mutate(toSetupInput(draft), {
      onSuccess: setIdentity,
      onError: (error) => {
        const { fields, general } = formErrorsFrom(error, SETUP_FIELDS);
        setErrors(fields);
        setGeneralError(general);
        // Back to the fields the server complained about, so the messages sit next to them.
        if (Object.keys(fields).length > 0) setStep(1);
      },
    });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('setup.title')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('setup.intro')}
        </Text>
      </div>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('setup.step.role')}>
          <RoleStep value={draft.role} error={errors.role} onChange={(role) => change({ role })} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step.details')}>
          <DetailsStep draft={draft} errors={errors} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step.confirm')}>
          <Title order={2} size="h4" mb="sm">
            {t('setup.confirm.title')}
          </Title>
          <ConfirmStep draft={draft} error={generalError} />
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0 || setup.isPending}>
          {t('common.back')}
        </Button>
        {step < CONFIRM_STEP ? (
          <Button onClick={next}>{t('common.next')}</Button>
        ) : (
          <Button onClick={submit} loading={setup.isPending}>
            {t('setup.confirm.submit')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
