import { z } from 'zod';

// Every `.describe()` label inside a schema, for the test that each has an English form.

export function collectLabels(schema: z.ZodType, into = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || seen.has(schema)) return into;
  seen.add(schema);
  if (schema.description) into.add(schema.description);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const visit = (value: unknown) => {
    if (value instanceof z.ZodType) collectLabels(value, into, seen);
  };
  visit(def.innerType);
  visit(def.in);
  visit(def.out);
  visit(def.element);
  visit(def.valueType);
  visit(def.left);
  visit(def.right);
  if (Array.isArray(def.options)) def.options.forEach(visit);
  if (Array.isArray(def.items)) def.items.forEach(visit);
  if (def.shape && typeof def.shape === 'object') Object.values(def.shape as Record<string, unknown>).forEach(visit);
  return into;
}
