import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/tr';
import { useRef, useState, type KeyboardEvent } from 'react';
import { formatDateTr, parseDateTr } from '../../shared/turkish';
import { useLanguage, useT, type Translate } from '../i18n';
import { checkDateTr } from '../lib/dates';
import { useHoldDismiss } from './FormModal';

/**
 * A date typed as GG.AA.YYYY (the form converts it to ISO on submit, see `isoDates`), or picked from a
 * calendar behind the icon on the right. The field stays a text field: a picked day is written into it as
 * GG.AA.YYYY through an ordinary input event, so every caller's `onChange` sees it exactly as if it were typed.
 */
export function DateTextInput({ rightSection, onKeyDown, ...props }: TextInputProps) {
  const t = useT();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState(false);
  useHoldDismiss(opened);

  const text = typeof props.value === 'string' ? props.value : (input.current?.value ?? '');
  const iso = parseDateTr(text);
  const pick = (value: string | null) => {
    setOpened(false);
    if (!value || !input.current) return;
    writeAsTyped(input.current, formatDateTr(value));
    input.current.focus();
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && opened) {
      event.stopPropagation();
      setOpened(false);
    }
    onKeyDown?.(event);
  };

  const toggle = (
    <ActionIcon
      variant="subtle"
      color="gray"
      aria-label={t('date.openCalendar')}
      aria-haspopup="dialog"
      aria-expanded={opened}
      disabled={props.disabled || props.readOnly}
      // The popover closes on a press outside it; this button is outside, so it must not count as one.
      onMouseDown={(event) => event.stopPropagation()}
      onClick={() => setOpened((o) => !o)}
    >
      <CalendarIcon />
    </ActionIcon>
  );

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" trapFocus returnFocus={false} closeOnEscape withRoles={false}>
      <Popover.Target>
        <TextInput
          ref={input}
          placeholder={t('date.placeholder')}
          inputMode="numeric"
          maxLength={10}
          autoComplete="off"
          w={150}
          rightSection={rightSection ?? toggle}
          onKeyDown={keyDown}
          {...props}
        />
      </Popover.Target>
      <Popover.Dropdown data-testid="date-calendar">
        <DatePicker
          key={iso ?? 'none'}
          value={iso}
          defaultDate={iso ?? undefined}
          onChange={pick}
          locale={language === 'tr' ? 'tr' : 'en'}
          firstDayOfWeek={1}
          weekendDays={[0, 6]}
          getDayAriaLabel={(date) => dayjs(date).locale(language === 'tr' ? 'tr' : 'en').format('D MMMM YYYY, dddd')}
          ariaLabels={{
            previousMonth: t('date.previousMonth'),
            nextMonth: t('date.nextMonth'),
            previousYear: t('date.previousYear'),
            nextYear: t('date.nextYear'),
            previousDecade: t('date.previousDecade'),
            nextDecade: t('date.nextDecade'),
            monthLevelControl: t('date.chooseMonth'),
            yearLevelControl: t('date.chooseYear'),
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

/** Sets an input's text the way typing does, so React (and a form bound to it) receives a change event. */
function writeAsTyped(element: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}

/**
 * Converts a form's GG.AA.YYYY texts to ISO dates (empty → null). `errors` names every field whose text is
 * not a date or is a date that does not exist, in the interface language; the form shows them and sends nothing.
 */
export function isoDates<F extends string>(t: Translate, texts: Record<F, string>) {
  const values = {} as Record<F, string | null>;
  const errors: Partial<Record<F, string>> = {};
  for (const field of Object.keys(texts) as F[]) {
    const check = checkDateTr(texts[field]);
    values[field] = check.iso;
    if (check.problem === 'impossible') errors[field] = t('date.impossible', { text: texts[field].trim() });
    else if (check.problem === 'format') errors[field] = t('date.format');
  }
  return { values, errors, ok: Object.keys(errors).length === 0 };
}
