import { z } from 'zod';

// Turkish validation messages a clerk can act on, and the field labels that name the field in them.
// Loaded by the contract, so every transport reports bad input the same way.

const TYPE_NAMES: Record<string, string> = {
  string: 'metin',
  number: 'sayı',
  int: 'tam sayı',
  boolean: 'evet/hayır',
  object: 'kayıt',
  array: 'liste',
};

/** Zod error map in Turkish; schema-specific messages (given in the contract) take precedence. */
export function turkishErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Bu alan zorunlu.';
      return `Bu alan ${TYPE_NAMES[issue.expected] ?? issue.expected} olmalı.`;
    case 'too_small':
      if (issue.origin === 'string') return `En az ${String(issue.minimum)} karakter olmalı.`;
      if (issue.origin === 'array') return `En az ${String(issue.minimum)} öğe seçilmeli.`;
      return `En az ${String(issue.minimum)} olmalı.`;
    case 'too_big':
      if (issue.origin === 'string') return `En fazla ${String(issue.maximum)} karakter olabilir.`;
      return `En fazla ${String(issue.maximum)} olabilir.`;
    case 'invalid_value':
      return `Şunlardan biri olmalı: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Bilinmeyen alan: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Bu alanın değeri geçersiz.';
    default:
      return undefined;
  }
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
