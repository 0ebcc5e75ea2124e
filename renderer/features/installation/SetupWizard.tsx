import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Identity } from '../../../shared/contract/installation';
import { useT } from '../../i18n';
import { formErrorsFrom } from '../../lib/errors';
import { callKey, useCallMutation } from '../../lib/query';
import { MIN_SECRET } from '../users';
import { AccountStep } from './AccountStep';
import { ConfirmStep } from './ConfirmStep';
import { DetailsStep } from './DetailsStep';
import { RoleStep } from './RoleStep';
import { SetupDone } from './SetupDone';
import { CONFIRM_STEP, EMPTY_DRAFT, SETUP_FIELDS, SETUP_PATHS, setupProblems, stepOf, toSetupInput, type SetupDraft, type SetupField } from './setupState';

/**
 * First run: bind this installation to the unit it serves (final, so it is confirmed), and create its first
 * administrator, who is signed in when setup completes, with the recovery passphrase of the data key.
 */
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
      <SetupDone
        identity={identity}
        adminName={draft.admin.displayName.trim()}
        onEnter={() => void queryClient.invalidateQueries({ queryKey: callKey('installation:status') })}
      />
    );
  }

  /** `fields`: the fields whose messages the change makes stale (by default the patched ones). */
  const change = (patch: Partial<SetupDraft>, fields = Object.keys(patch) as SetupField[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of fields) delete next[key];
      return next;
    });
  };

  const next = () => {
    const problems = setupProblems(draft, step);
    if (Object.keys(problems).length > 0) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([f, key]) => [f, t(key, MIN_SECRET)])));
      return;
    }
    setStep((s) => s + 1);
  };

  const submit = () => {
    setGeneralError(null);
    setup.mutate(toSetupInput(draft), {
      onSuccess: setIdentity,
      onError: (error) => {
        const { fields, general } = formErrorsFrom(error, SETUP_FIELDS, SETUP_PATHS);
        setErrors(fields);
        setGeneralError(general);
        // Back to the first step with a field the server complained about, so the messages sit next to them.
        const steps = (Object.keys(fields) as SetupField[]).map(stepOf);
        if (steps.length > 0) setStep(Math.min(...steps));
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
        <Stepper.Step label={t('setup.step.account')}>
          <AccountStep draft={draft} errors={errors} onChange={change} />
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
