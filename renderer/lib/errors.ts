import { CallError } from './api';

// Turning an error envelope into what a form shows: messages on the fields the server named, and the
// server's overall message when some problem belongs to no field on screen.

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** The server's message when an issue matched no field (or there were no issues at all). */
  general: string | null;
}

/** `paths` names a field's server path where it differs from the field's name (`adminUsername` → `admin.username`). */
export function formErrorsFrom<F extends string>(error: unknown, fields: readonly F[], paths: Partial<Record<F, string>> = {}): FormErrors<F> {
  if (!(error instanceof CallError)) return { fields: {}, general: errorMessage(error) };
  const result: Partial<Record<F, string>> = {};
  let unmatched = false;
  for (const issue of error.error.issues ?? []) {
    const field = fields.find((f) => {
      const path = paths[f] ?? f;
      return issue.path === path || issue.path.startsWith(`${path}.`);
    });
    if (field && result[field] === undefined) result[field] = issue.message;
    else if (!field) unmatched = true;
  }
  const anyMatched = Object.keys(result).length > 0;
  return { fields: result, general: unmatched || !anyMatched ? error.message : null };
}
