import { TextInput, type TextInputProps } from '@mantine/core';
import { useT, type Translate } from '../i18n';
import { checkDateTr } from '../lib/dates';

/** A date typed as GG.AA.YYYY (the form converts it to ISO on submit, see `isoDates`). */
export function DateTextInput(props: TextInputProps) {
  const t = useT();
  return <TextInput placeholder={t('date.placeholder')} inputMode="numeric" maxLength={10} autoComplete="off" w={150} {...props} />;
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
