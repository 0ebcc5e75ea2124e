import { Button, Group, Modal, Text, getDefaultZIndex, type ModalProps } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';

// The unsaved-changes guard of every dialog that creates or edits a record. `FormModal` is a Mantine `Modal`
// whose every way out (Esc, a click outside, the X, the form's Cancel through `FormActions`) asks first when
// the form inside reported changes with `useUnsavedGuard(form.isDirty())`, and closes at once otherwise.

interface FormModalContextValue {
  /** The form's "has changes" flag, reported by `useUnsavedGuard`. */
  setDirty: (dirty: boolean) => void;
  /** Runs `close` at once when nothing changed, otherwise after the clerk confirms. */
  requestClose: (close: () => void) => void;
  /** While a popover inside (e.g. a date picker) is open, Esc and a click outside are its, not the dialog's. */
  holdDismiss: (hold: boolean) => void;
}

const FormModalContext = createContext<FormModalContextValue | null>(null);

/** The guard of the enclosing `FormModal`, or null outside one (then closing is never asked about). */
export function useFormModal(): FormModalContextValue | null {
  return useContext(FormModalContext);
}

/** Reports whether the form has unsaved changes to the enclosing `FormModal` (no effect outside one). */
export function useUnsavedGuard(dirty: boolean): void {
  const setDirty = useContext(FormModalContext)?.setDirty;
  useEffect(() => {
    if (!setDirty) return;
    setDirty(dirty);
  }, [setDirty, dirty]);
  // A form that goes away (closed, saved, replaced) leaves nothing to guard.
  useEffect(() => (setDirty ? () => setDirty(false) : undefined), [setDirty]);
}

/** While `hold` is true, Esc and a click outside do not close the enclosing `FormModal`. */
export function useHoldDismiss(hold: boolean): void {
  const holdDismiss = useContext(FormModalContext)?.holdDismiss;
  useEffect(() => {
    if (!holdDismiss || !hold) return;
    holdDismiss(true);
    return () => holdDismiss(false);
  }, [holdDismiss, hold]);
}

export function FormModal({ opened, onClose, children, closeOnEscape = true, closeOnClickOutside = true, zIndex, ...rest }: ModalProps) {
  const t = useT();
  const dirty = useRef(false);
  const [holds, setHolds] = useState(0);
  // The close that waits for the clerk's answer (null: no question asked).
  const [pending, setPending] = useState<(() => void) | null>(null);

  const setDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const requestClose = useCallback((close: () => void) => {
    if (dirty.current) setPending(() => close);
    else close();
  }, []);
  const holdDismiss = useCallback((hold: boolean) => setHolds((n) => Math.max(0, n + (hold ? 1 : -1))), []);
  const context = useMemo(() => ({ setDirty, requestClose, holdDismiss }), [setDirty, requestClose, holdDismiss]);

  // A dialog closed from outside (e.g. after saving) forgets an unanswered question.
  useEffect(() => {
    if (!opened) setPending(null);
  }, [opened]);

  const asking = pending !== null;
  const keep = () => setPending(null);
  const discard = () => {
    const close = pending;
    setPending(null);
    dirty.current = false;
    close?.();
  };
  // The question's own Esc means "keep editing"; it is handled here rather than by Mantine so that the
  // dialog underneath (whose Esc is off while asking) never sees it as its own.
  const onQuestionKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    keep();
  };

  const base = zIndex ?? getDefaultZIndex('modal');
  return (
    <>
      <Modal
        opened={opened}
        onClose={() => requestClose(onClose)}
        closeOnEscape={closeOnEscape && !asking && holds === 0}
        closeOnClickOutside={closeOnClickOutside && !asking && holds === 0}
        zIndex={base}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        {...rest}
      >
        <FormModalContext.Provider value={context}>{children}</FormModalContext.Provider>
      </Modal>
      <Modal
        opened={opened && asking}
        onClose={keep}
        closeOnEscape={false}
        withCloseButton={false}
        title={t('unsaved.title')}
        centered
        size={440}
        zIndex={Number(base) + 10}
        onKeyDown={onQuestionKeyDown}
      >
        <Text>{t('unsaved.message')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={keep} data-autofocus>
            {t('unsaved.keep')}
          </Button>
          <Button color="red" onClick={discard}>
            {t('unsaved.discard')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
