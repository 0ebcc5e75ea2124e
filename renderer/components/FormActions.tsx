import { Button, Group, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useFormModal } from './FormModal';

export interface FormActionsProps {
  onCancel: () => void;
  /** While the form is being saved: the submit button spins and cancel waits. */
  saving: boolean;
  /** The submit button's words; "Kaydet" unless given. */
  submitLabel?: string;
  /** A destructive or cautionary action's colour (e.g. red for reject or cancel). */
  submitColor?: MantineColor;
  submitDisabled?: boolean;
  mt?: MantineSpacing;
  /** Shown before the buttons, e.g. why saving is blocked (give it `mr="auto"` to stand on the left). */
  children?: ReactNode;
}

/** The footer of a form or a form dialog: cancel, then the submit button, on the right. */
export function FormActions({ onCancel, saving, submitLabel, submitColor, submitDisabled, mt, children }: FormActionsProps) {
  const t = useT();
  // Inside a `FormModal`, cancelling a changed form asks first, like Esc or a click outside.
  const guard = useFormModal();
  const cancel = guard ? () => guard.requestClose(onCancel) : onCancel;
  return (
    <Group justify="flex-end" mt={mt}>
      {children}
      <Button variant="default" onClick={cancel} disabled={saving}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={submitColor} loading={saving} disabled={submitDisabled}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
