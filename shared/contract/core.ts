import { z } from 'zod';
import './messages';
import { renderMsg, type MessageParams, type Msg } from './errors';

// The IPC contract's building blocks: roles, channel definitions, the result envelope and error codes.
// Every transport (Electron IPC, the kopru CLI, the loopback harness) speaks exactly this.

export const ROLES = ['ministry', 'province', 'youth-center'] as const;
export type Role = (typeof ROLES)[number];

/** `setup` marks channels callable before the installation has an identity (first run, error screen). */
export type Access = readonly Role[] | 'anyone' | 'setup';

/**
 * What a channel writes: `synced` rows go through the change log (a test proves it for every such channel),
 * `local` rows are this machine's own state (preferences, identity) and never leave it, `received` applies
 * changes authored by other installations (proven by the exchange and convergence tests).
 */
export type Writes = 'none' | 'local' | 'synced' | 'received';

/**
 * Long work that runs as a job: one at a time, with progress (`backend:status`) and, where it can stop
 * cleanly, cancel (`backend:cancel`). Writes that arrive meanwhile wait for it; another job is answered BUSY.
 */
export const JOB_KINDS = ['exchange-export', 'exchange-import', 'spreadsheet-import', 'backup', 'restore', 'demo'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * Which signed-in user a channel needs (issue #16; shared/contract/users.ts): `none` for the screens before
 * sign-in (setup, unlock, error screens, the sign-in itself), else the least role. Unset, it follows from the
 * channel: `setup` channels need nobody, reads a viewer, writes a specialist.
 */
export type UserLevel = 'none' | 'viewer' | 'specialist' | 'admin';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  writes: Writes;
  user?: UserLevel;
  summary: string;
  /** Set for channels that run as a job (see JOB_KINDS). */
  job?: JobKind;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

/** The user a channel needs (see UserLevel). */
export function userLevelOf(def: Pick<ChannelDef, 'access' | 'writes' | 'user'>): UserLevel {
  if (def.user) return def.user;
  if (def.access === 'setup') return 'none';
  return def.writes === 'none' ? 'viewer' : 'specialist';
}

export const ERROR_CODES = [
  'VALIDATION',
  'SIGNED_OUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'NOT_INITIALISED',
  'ALREADY_INITIALISED',
  'DB_UNAVAILABLE',
  'KEYS_UNAVAILABLE',
  'UNKNOWN_CHANNEL',
  'BUSY',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  /** The field's Turkish label, when the schema gives one (its English: `labelIn`). */
  label?: string;
  /** The Turkish text, for readers that do not know the key (the CLI, an older renderer). */
  message: string;
  /** The message's key in the catalogue (shared/contract/errors) and its parameters. */
  key?: string;
  params?: MessageParams;
}

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: MessageParams;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

const paramValue: z.ZodType<MessageParams[string]> = z.lazy(() => z.union([z.string(), z.number(), z.object({ key: z.string(), params: z.record(z.string(), paramValue).optional() })]));
/** A message's parameters, as envelopes and status objects carry them beside its key. */
export const paramsSchema = z.record(z.string(), paramValue).optional();

/** A message in a result (a warning, a note): the Turkish for the CLI and exports, its key and parameters for the screens. */
export const keyedTextSchema = z.object({ message: z.string(), key: z.string().optional(), params: paramsSchema });
export type KeyedText = z.infer<typeof keyedTextSchema>;

export function keyedText(message: Msg): KeyedText {
  return { message: renderMsg(message), key: message.key, ...(message.params ? { params: message.params } : {}) };
}

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      key: z.string().optional(),
      params: paramsSchema,
      issues: z
        .array(
          z.object({
            path: z.string(),
            label: z.string().optional(),
            message: z.string(),
            key: z.string().optional(),
            params: paramsSchema,
          }),
        )
        .optional(),
    }),
  }),
]);

/** Default Turkish messages per code, used when a handler gives none. */
export const DEFAULT_MESSAGES = Object.fromEntries(
  ERROR_CODES.map((code) => [code, renderMsg({ key: `code.${code}` })]),
) as Record<ErrorCode, string>;

/** A field problem as a handler states it: the message by key (a plain string only for text from elsewhere). */
export interface IssueInput {
  path: string;
  label?: string;
  message: Msg | string;
}

export function fieldIssue(issue: IssueInput | FieldIssue): FieldIssue {
  const { path, label, message } = issue;
  if (typeof message !== 'string') {
    return { path, ...(label ? { label } : {}), message: renderMsg(message), key: message.key, ...(message.params ? { params: message.params } : {}) };
  }
  return issue as FieldIssue;
}

/** The issues as one Turkish sentence, "Label: message …", for `message`; the renderer composes its own. */
export function issuesText(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.label ? `${i.label}: ${i.message}` : i.message)).join(' ');
}

/** Error thrown inside handlers and turned into an error envelope at the boundary. */
export class AppError extends Error {
  readonly key?: string;
  readonly params?: MessageParams;
  readonly issues?: FieldIssue[];

  constructor(
    readonly code: ErrorCode,
    message?: Msg | string,
    issues?: readonly (IssueInput | FieldIssue)[],
  ) {
    const m: Msg | string = message ?? { key: `code.${code}` };
    super(typeof m === 'string' ? m : renderMsg(m));
    this.name = 'AppError';
    if (typeof m !== 'string') {
      this.key = m.key;
      if (m.params) this.params = m.params;
    }
    if (issues) this.issues = issues.map(fieldIssue);
  }

  /**
   * An error whose message is its field problems, listed ("Label: message …"; without the labels when each
   * message names its field itself).
   */
  static ofIssues(code: ErrorCode, issues: readonly (IssueInput | FieldIssue)[], withLabels = true): AppError {
    const list = issues.map(fieldIssue);
    if (!withLabels) return new AppError(code, { key: 'issues.plainList', params: { list: list.map((i) => i.message).join(' ') } }, list);
    return new AppError(code, { key: 'issues.list', params: { list: issuesText(list) } }, list);
  }

  /** One field's problem: the message names the field, the issue marks it. */
  static field(path: string, label: string, message: Msg, code: ErrorCode = 'VALIDATION'): AppError {
    return AppError.ofIssues(code, [{ path, label, message }]);
  }

  /** The error as the envelope carries it. */
  toBody(): AppErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/**
 * A path on this machine, typed or chosen in a dialog: not empty, no NUL byte (the file system would refuse it
 * with an error no clerk can read), of a length every supported file system allows.
 */
export const filePath = z
  .string()
  .trim()
  .min(1, { message: 'Dosya yolu boş.' })
  .max(4096, { message: 'Dosya yolu çok uzun.' })
  .refine((p) => !p.includes('\0'), { message: 'Dosya yolunda geçersiz bir karakter var.' })
  .describe('Dosya');

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type UpdateShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The input of an edit: `id` and any of the record's fields. A field the edit does not name is left as stored,
 * so the create-time defaults are taken off: zod's `.partial()` keeps them, and an edit of one field would
 * then reset every defaulted field it did not name (a meeting's agenda, an organisation's activity areas).
 */
export function updateInput<S extends z.ZodRawShape>(fields: S) {
  const shape = {} as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(fields)) {
    const field = value as z.ZodType;
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    const labelled = field.description && !inner.description ? inner.describe(field.description) : inner;
    shape[key] = labelled.optional();
  }
  return z.object({ id: uuid, ...(shape as UpdateShape<S>) }).strict();
}

/**
 * A type's own message for a value that is missing or of the wrong type only. Given as `{ message }`, zod 4
 * would also put it on every check that has none (a 480-character name was told "Derneğin adını yazın.").
 */
export function whenMissing(message: string) {
  return { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined) };
}

export const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  message: 'Geçersiz kayıt kimliği.',
});
export const plate = z
  .string()
  // An empty choice is a missing province, not a badly written plate code.
  .min(1, { message: 'İli seçin.', abort: true })
  .regex(/^(0[1-9]|[1-7]\d|8[01])$/, { message: 'İl plaka kodu 01 ile 81 arasında iki haneli olmalı.' })
  .describe('İl');
