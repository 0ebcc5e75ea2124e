import type { z } from 'zod';
import { fieldIssue, labelIn, messageText as catalogueText, type FieldIssue, type IssueInput, type MessageLanguage, type MessageParams, type WordLookup } from '../../shared/contract';
import { zodFieldIssue } from '../../shared/contract/messages';
import { isMessageKey, translate } from '../i18n/translate';
import { CallError } from './api';

// Turning an error envelope into what a person reads, in the interface language: the server sends each message
// with a key from the catalogue (shared/contract/errors) and its Turkish text; the English is looked up by the
// key, and the server's own text is shown only for a key this build does not know. Forms check their input with
// the channel's own schema first (`checkInput`) and show every problem at its field before anything is sent.

let currentLanguage: MessageLanguage = 'tr';

/** Words a message names by key (a state, an action: shared/contract/errors/vocabulary.ts), from the dictionary. */
const words: WordLookup = (key, language, params) => (isMessageKey(key) ? translate(language, key, params) : undefined);

/**
 * A catalogue message in `language`, its vocabulary words from the interface dictionary; undefined for a key
 * this build does not know. Every server text the screens show (errors, refusals, import rows) goes through it.
 */
export function messageText(key: string, params: MessageParams | undefined, language: MessageLanguage = currentLanguage): string | undefined {
  return catalogueText(key, params, language, words);
}

/** A keyed text the server sent beside its Turkish (`{ message, key?, params? }`), in `language`. */
export function keyedText(text: { message: string; key?: string | undefined; params?: MessageParams | undefined }, language: MessageLanguage = currentLanguage): string {
  if (language === 'tr' || !text.key) return text.message;
  return messageText(text.key, text.params, language) ?? text.message;
}

/** Set by the i18n provider: the language error texts are shown in. */
export function setErrorLanguage(language: MessageLanguage): void {
  currentLanguage = language;
}

const LIST_KEYS = new Set(['issues.list', 'issues.plainList', 'validation.list', 'validation.listMore']);

/** One field problem's text in `language` (without its label). */
export function issueMessage(issue: FieldIssue, language: MessageLanguage = currentLanguage): string {
  if (language === 'tr' || !issue.key) return issue.message;
  return messageText(issue.key, issue.params, language) ?? issue.message;
}

/** "Label: message" in `language`. */
export function issueLine(issue: FieldIssue, language: MessageLanguage = currentLanguage): string {
  const text = issueMessage(issue, language);
  return issue.label ? `${labelIn(issue.label, language)}: ${text}` : text;
}

/** An error envelope's message in `language`. */
export function bodyMessage(body: CallError['error'], language: MessageLanguage = currentLanguage): string {
  if (language === 'tr' || !body.key) return body.message;
  if (LIST_KEYS.has(body.key) && body.issues?.length) {
    const shown = body.key.startsWith('issues.') ? body.issues : body.issues.slice(0, 5);
    const list = shown.map((i) => (body.key === 'issues.plainList' ? issueMessage(i, language) : issueLine(i, language))).join(' ');
    const params = { ...body.params, list };
    return messageText(body.key, params, language) ?? body.message;
  }
  return messageText(body.key, body.params, language) ?? body.message;
}

export function errorMessage(error: unknown, language: MessageLanguage = currentLanguage): string {
  if (error instanceof CallError) return bodyMessage(error.error, language);
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** The overall message when an issue matched no field (or there were no issues at all). */
  general: string | null;
}

/** `paths` names a field's server path where it differs from the field's name (`adminUsername` → `admin.username`). */
export function formErrorsFrom<F extends string>(error: unknown, fields: readonly F[], paths: Partial<Record<F, string>> = {}): FormErrors<F> {
  if (!(error instanceof CallError)) return { fields: {}, general: errorMessage(error) };
  const result: Partial<Record<F, string>> = {};
  const unmatched: FieldIssue[] = [];
  for (const issue of error.error.issues ?? []) {
    const field = fields.find((f) => {
      const path = paths[f] ?? f;
      return issue.path === path || issue.path.startsWith(`${path}.`);
    });
    if (field && result[field] === undefined) result[field] = issueMessage(issue);
    else if (!field) unmatched.push(issue);
  }
  const anyMatched = Object.keys(result).length > 0;
  if (!anyMatched) return { fields: result, general: errorMessage(error) };
  return { fields: result, general: unmatched.length ? unmatched.map((i) => issueLine(i)).join(' ') : null };
}

/**
 * The channel's input checked on this side with the channel's own schema: null when it passes, else every
 * problem at once, as the server would answer it (a VALIDATION error with keyed issues). `rules` adds what a shared
 * rule finds beyond the schema (e.g. the letter a workflow step must carry), the same issues the server raises.
 * The server still checks.
 */
export function checkInput(schema: z.ZodType, input: unknown, rules: readonly IssueInput[] = []): CallError | null {
  const parsed = schema.safeParse(input);
  if (parsed.success && rules.length === 0) return null;
  const issues = [...(parsed.success ? [] : parsed.error.issues.map((issue) => zodFieldIssue(schema, issue))), ...rules.map(fieldIssue)];
  const list = issues.map((i) => (i.label ? `${i.label}: ${i.message}` : i.message)).join(' ');
  return new CallError({
    code: 'VALIDATION',
    message: `${messageText('validation.list', { list }, 'tr')}`,
    key: 'validation.list',
    params: { list },
    issues,
  });
}

export interface InputCheck<F extends string> {
  /** A field's server path where it differs from the field's name (`adminUsername` → `admin.username`). */
  paths?: Partial<Record<F, string>>;
  /** What shared rules find beyond the schema (see `checkInput`). */
  rules?: readonly IssueInput[];
  /**
   * The form's own findings, each in its field's place: a date typed so that it cannot be read goes to the schema
   * as '' (or null), and the schema's word about that value would mislead; the form's says what was typed wrong.
   */
  own?: Partial<Record<F, string>>;
}

/** What a form shows before sending anything: every problem at once, at its field; null when there is none. */
export function inputErrors<F extends string>(schema: z.ZodType, input: unknown, fields: readonly F[], check: InputCheck<NoInfer<F>> = {}): FormErrors<F> | null {
  const error = checkInput(schema, input, check.rules);
  const own = Object.fromEntries(Object.entries(check.own ?? {}).filter(([, text]) => text)) as Partial<Record<F, string>>;
  if (!error && Object.keys(own).length === 0) return null;
  const found = error ? formErrorsFrom(error, fields, check.paths) : { fields: {}, general: null };
  return { fields: { ...found.fields, ...own }, general: found.general };
}
