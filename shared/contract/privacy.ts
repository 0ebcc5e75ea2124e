import { z } from 'zod';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX } from '../privacy/notice';
import { RETENTION_RULE_IDS, retentionYearsInput } from '../privacy/retention';
import { channel } from './core';
import { fileOutput } from './fields';

// Personal data (issue #16, DOMAIN.md §9): the ministry's retention rules and privacy notice (reference data
// that flows down to every installation), the notice as a PDF for data subjects, and the data inventory in
// the shape VERBİS asks for.

const retentionRulesSchema = z.object({
  rules: z.array(z.object({ id: z.enum(RETENTION_RULE_IDS), years: z.number().int() })),
  /** When the ministry last changed them; null while the defaults apply. */
  updatedAt: z.string().nullable(),
});
export type RetentionRulesView = z.infer<typeof retentionRulesSchema>;

const noticeSchema = z.object({
  title: z.string(),
  body: z.string(),
  version: z.number().int(),
  /** When the ministry last saved it; null for the default text. */
  updatedAt: z.string().nullable(),
});
export type PrivacyNoticeView = z.infer<typeof noticeSchema>;

const bilingual = z.object({ tr: z.string(), en: z.string() });

const inventoryRowSchema = z.object({
  id: z.string(),
  process: bilingual,
  category: bilingual,
  special: z.boolean(),
  subjects: bilingual,
  items: bilingual,
  purpose: bilingual,
  legalBasis: bilingual,
  retentionRule: z.enum(RETENTION_RULE_IDS),
  retention: bilingual,
  recipients: bilingual,
  transferAbroad: bilingual,
  technical: bilingual,
  administrative: bilingual,
  /** The row's measures beyond those every row has. */
  extraMeasures: bilingual.nullable(),
});
export type InventoryRow = z.infer<typeof inventoryRowSchema>;

export const privacyContract = {
  'privacy:retentionRules': channel({
    summary: 'The retention period of each category of personal data (ministry reference data; the defaults until the ministry sets its own).',
    input: z.object({}).strict(),
    output: retentionRulesSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'privacy:setRetentionRules': channel({
    summary: 'The ministry sets retention periods (whole years within each rule’s bounds; logs at least 3 years); rules not named keep theirs.',
    input: z.object({ years: retentionYearsInput.describe('Saklama süreleri') }).strict(),
    output: retentionRulesSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'privacy:notice': channel({
    summary: 'The privacy notice (aydınlatma metni, KVKK Art. 10) in force, with its version.',
    input: z.object({}).strict(),
    output: noticeSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'privacy:setNotice': channel({
    summary: 'The ministry saves a new version of the privacy notice.',
    input: z
      .object({
        title: z.string().trim().min(1, { message: 'Başlık boş olamaz.' }).max(NOTICE_TITLE_MAX).describe('Aydınlatma metninin başlığı'),
        body: z.string().trim().min(1, { message: 'Aydınlatma metni boş olamaz.' }).max(NOTICE_BODY_MAX).describe('Aydınlatma metni'),
      })
      .strict(),
    output: noticeSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'privacy:noticePdf': channel({
    summary: 'The privacy notice as a PDF to hand to data subjects (Turkish, with a receipt line to sign).',
    input: z.object({}).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'privacy:inventory': channel({
    summary: 'The personal data inventory (VERBİS shape): per process, category and data subjects — items, purpose, legal basis, retention, recipients, measures.',
    input: z.object({}).strict(),
    output: z.object({ rows: z.array(inventoryRowSchema) }),
    access: 'anyone',
    writes: 'none',
  }),
  'privacy:inventoryXlsx': channel({
    summary: 'The personal data inventory as an Excel file (Turkish, VERBİS columns).',
    input: z.object({}).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
};
