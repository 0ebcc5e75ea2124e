import { z } from 'zod';
import { isErrorKey, keyOfTurkish, msg, renderMsg, type ErrorKey, type MessageParams, type Msg } from './errors';

// Turkish validation messages a clerk can act on, and the field labels that name the field in them.
// Loaded by the contract, so every transport reports bad input the same way.

const TYPE_KEYS = {
  string: 'zod.type.string',
  number: 'zod.type.number',
  int: 'zod.type.int',
  boolean: 'zod.type.boolean',
  object: 'zod.type.object',
  array: 'zod.type.array',
} as const satisfies Record<string, ErrorKey>;

type IssueFacts = {
  code: string;
  input?: unknown;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown;
  keys?: unknown;
  format?: unknown;
};

/**
 * A zod issue as a catalogue message, from its code and numbers. `required` says whether the value was
 * missing (zod tells that only before it finalises the issue; afterwards the message says it).
 */
export function zodIssueMsg(issue: IssueFacts, required = issue.code === 'invalid_type' && issue.input === undefined): Msg | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (required) return msg('zod.required');
      const expected = String(issue.expected);
      return expected in TYPE_KEYS ? msg(TYPE_KEYS[expected as keyof typeof TYPE_KEYS]) : msg('zod.type.other', { type: expected });
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? msg('zod.required') : msg('zod.tooSmall.string', { minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('zod.tooSmall.array', { minimum });
      return msg('zod.tooSmall.number', { minimum: issue.minimum instanceof Date ? issue.minimum.toISOString() : minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return msg('zod.tooBig.string', { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return msg('zod.tooBig.array', { maximum });
      return msg('zod.tooBig.number', { maximum });
    }
    case 'invalid_value':
      return msg('zod.invalidValue', { values: (issue.values as unknown[]).map(String).join(', ') });
    case 'unrecognized_keys':
      return msg('zod.unrecognizedKeys', { keys: (issue.keys as string[]).join(', ') });
    case 'invalid_union':
      return msg('zod.invalidUnion');
    case 'invalid_format':
      return msg('zod.invalidFormat');
    default:
      return undefined;
  }
}

/** Zod error map in Turkish; schema-specific messages (given in the contract) take precedence. */
export function turkishErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  const message = zodIssueMsg(issue as IssueFacts);
  // A string of at least one character keeps its old wording; "required" is for a missing value.
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return renderMsg(msg('zod.tooSmall.string', { minimum: 1 }));
  if (issue.code === 'invalid_format') return undefined;
  return message ? renderMsg(message) : undefined;
}

/**
 * A finalised zod issue (from `safeParse`) as a field issue with its key: the schema's own message when the
 * catalogue knows its text, else the generic one for the issue's code; the label from the schema.
 */
/**
 * A refinement's issue whose message has parameters (a phone number's digits): the Turkish text, and the message
 * itself in the issue's params, so the field issue carries its key and the form shows it in either language.
 */
export function keyedIssue(message: Msg): { code: 'custom'; message: string; params: { message: Msg } } {
  return { code: 'custom', message: renderMsg(message), params: { message } };
}

function keyedOf(issue: z.core.$ZodIssue): Msg | undefined {
  const carried = issue.code === 'custom' ? (issue.params as { message?: Msg } | undefined)?.message : undefined;
  return carried && typeof carried.key === 'string' && isErrorKey(carried.key) ? carried : undefined;
}

export function zodFieldIssue(schema: z.ZodType, issue: z.core.$ZodIssue): FieldIssueLike {
  const label = labelFor(schema, issue.path);
  const own = keyOfTurkish(issue.message);
  const generic = keyedOf(issue) ?? (own
    ? msg(own)
    : zodIssueMsg(issue as unknown as IssueFacts, issue.code === 'invalid_type' && issue.message === renderMsg(msg('zod.required'))));
  return {
    path: issue.path.map(String).join('.'),
    ...(label ? { label } : {}),
    message: issue.message,
    ...(generic ? { key: generic.key, ...(generic.params ? { params: generic.params } : {}) } : {}),
  };
}

/** The FieldIssue shape (core.ts imports this module, so it is restated here). */
export interface FieldIssueLike {
  path: string;
  label?: string;
  message: string;
  key?: string;
  params?: MessageParams;
}

// jitless: zod otherwise probes `new Function`, which the renderer's strict CSP forbids.
z.config({ ...z.locales.tr(), jitless: true, customError: turkishErrorMap });

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = (current as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    const next = def.innerType ?? def.in;
    if (!next) break;
    current = next;
  }
  return current;
}

/** The first `.describe()` label on a schema or any wrapper inside it (`.partial()` adds an unlabelled one). */
function describedLabel(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current.description) return current.description;
    const inner: { innerType?: z.ZodType; in?: z.ZodType } = (current as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    current = inner.innerType ?? inner.in;
  }
  return undefined;
}

/** The `.describe()` label of the field at `path` in `schema`, if any. */
export function labelFor(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema;
  let label: string | undefined;
  for (const key of path) {
    if (!current) return label;
    const inner = unwrap(current);
    if (inner instanceof z.ZodObject) current = inner.shape[String(key)] as z.ZodType | undefined;
    else if (inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else if (inner instanceof z.ZodDiscriminatedUnion || inner instanceof z.ZodUnion) {
      const options = inner.options as z.ZodType[];
      current = options
        .map((o) => unwrap(o))
        .filter((o): o is z.ZodObject => o instanceof z.ZodObject)
        .map((o) => o.shape[String(key)] as z.ZodType | undefined)
        .find(Boolean);
    } else return label;
    label = current ? describedLabel(current) : undefined;
  }
  return label;
}
