import { z } from 'zod';
import { isValidVkn, normaliseKutukNo, phoneProblem } from '../identifiers';
import { keyedText, keyedTextSchema, paramsSchema, type KeyedText } from './core';
import { keyOf, renderMsg, type MessageParams, type Msg } from './errors';
import { keyedIssue } from './messages';

// Field schemas several modules share: dates, short texts, phone, e-mail, identifiers, official letters,
// spreadsheet imports and files returned to the renderer. Labels and messages are Turkish (shown to clerks).

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tarih GG.AA.YYYY biçiminde olmalı.' })
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, { message: 'Böyle bir tarih yok.' });

export const text = (max: number, label: string) =>
  z.string().trim().max(max, { message: `${label} en fazla ${max} karakter olabilir.` }).nullable().optional().describe(label);

/**
 * One phone field for every form (association, board member, directory organisation and contact, youth centre,
 * meeting participant): real Turkish and foreign numbers, the message saying what is wrong. Handlers store
 * `normalisePhone(value)`.
 */
export const phone = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === '' ? null : phoneProblem(v);
    if (problem) ctx.addIssue(keyedIssue(problem));
  })
  .nullable()
  .optional()
  .describe('Telefon');

/** A web address: with or without `http(s)://`, a host with a dot, no spaces ("not a url" is refused). */
export const website = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/iu.test(v), {
    message: 'Web sitesi adresi geçersiz. Örnek: www.ornek.org.tr',
  })
  .nullable()
  .optional()
  .describe('Web sitesi');

export const email = z
  .union([z.literal(''), z.email({ message: 'E-posta adresi geçersiz. Örnek: dernek@ornek.org.tr' })])
  .nullable()
  .optional()
  .describe('E-posta');

export const kutukNoField = z
  .string()
  .trim()
  .refine((v) => v === '' || normaliseKutukNo(v) !== null, { message: 'Kütük no PP-NNN-NNN biçiminde olmalı (PP: 01–81 il plaka kodu).' })
  .nullable()
  .optional()
  .describe('DERBİS kütük no');

export const vknField = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidVkn(v), { message: 'Vergi kimlik numarası geçersiz (10 hane, kontrol hanesi tutmuyor).' })
  .nullable()
  .optional()
  .describe('Vergi kimlik no');

export const letter = {
  letterDate: isoDate.nullable().optional().describe('Evrak tarihi'),
  letterNo: z.string().trim().max(60).nullable().optional().describe('Evrak sayısı'),
};

/**
 * Why a spreadsheet row cannot be imported. `field` and `message` are Turkish (the CLI, exports); `fieldKey` is
 * the field's key in the interface dictionary (`registry.importField.vkn`) and `key`/`params` the message's in
 * the catalogue, so the preview shows both in the interface language.
 */
export const importRowErrorSchema = z.object({
  field: z.string(),
  fieldKey: z.string().optional(),
  message: z.string(),
  key: z.string().optional(),
  params: paramsSchema,
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** A row's problem: the field by its Turkish label (and dictionary key), the message by its catalogue key. */
export function rowError(field: string, message: Msg | { message: string; key?: string | undefined; params?: MessageParams | undefined }, fieldKey?: string): ImportRowError {
  const text = 'message' in message ? message : { message: renderMsg(message), ...keyOf(message) };
  return {
    field,
    ...(fieldKey ? { fieldKey } : {}),
    message: text.message,
    ...(text.key ? { key: text.key } : {}),
    ...(text.params ? { params: text.params } : {}),
  };
}

/** What was assumed or left out of a row that is imported all the same: Turkish, and its catalogue key. */
export const importRowWarningSchema = keyedTextSchema;
export type ImportRowWarning = KeyedText;
export const rowWarning = keyedText;

export const importRowSchema = z.object({
  row: z.number().int(),
  outcome: z.enum(['new', 'update', 'duplicate-skip', 'invalid', 'unchanged']),
  name: z.string().nullable(),
  existingId: z.string().nullable(),
  errors: z.array(importRowErrorSchema),
  warnings: z.array(importRowWarningSchema),
});

export const importInput = z
  .object({
    fileName: z.string().min(1).max(255).describe('Dosya'),
    contentBase64: z.string().min(1, { message: 'Dosya boş.' }).describe('Dosya'),
    mapping: z.record(z.string(), z.string()).optional().describe('Sütun eşleştirmesi'),
    duplicates: z.enum(['skip', 'update']).default('skip').describe('Mükerrer kayıtlar'),
  })
  .strict();

export const importReportSchema = z.object({
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  /** Required fields no column fills, by their Turkish labels (the CLI prints them). */
  unmappedRequired: z.array(z.string()),
  /** The same fields by name, for the screens to word in the interface language. */
  unmappedRequiredFields: z.array(z.string()),
  totals: z.object({ rows: z.number().int(), new: z.number().int(), update: z.number().int(), duplicateSkip: z.number().int(), invalid: z.number().int(), unchanged: z.number().int() }),
  rows: z.array(importRowSchema),
  applied: z.boolean(),
});

export const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });

export type ImportReport = z.infer<typeof importReportSchema>;
