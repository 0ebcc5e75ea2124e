import { z } from 'zod';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX } from '../privacy/notice';
import { PERSON_CATEGORIES } from '../privacy/personReport';
import { RETENTION_RULE_IDS, retentionYearsInput } from '../privacy/retention';
import { isValidTcKimlikNo } from '../identifiers';
import { channel, filePath, whenMissing } from './core';
import { fileOutput, isoDate } from './fields';

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

const destructionLineSchema = z.object({
  rule: z.enum(RETENTION_RULE_IDS),
  table: z.string(),
  columns: z.array(z.string()),
  years: z.number().int(),
  cutoff: z.string(),
  records: z.number().int(),
  copies: z.number().int(),
  waiting: z.number().int(),
});
const destructionRunSchema = z.object({
  lines: z.array(destructionLineSchema),
});
export type DestructionRun = z.infer<typeof destructionRunSchema>;

const destructionLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  reason: z.string(),
  ruleId: z.string().nullable(),
  table: z.string(),
  columns: z.string().nullable(),
  records: z.number().int(),
  copies: z.number().int(),
  trigger: z.string().nullable(),
  actor: z.string().nullable(),
  source: z.string().nullable(),
});
export type DestructionLogEntryView = z.infer<typeof destructionLogEntrySchema>;

// The data subject's report and the lost-file report (issue #16). Both only read; correction and erasure go
// through the normal write paths of the records they list.

const tcKimlikNoInput = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => isValidTcKimlikNo(v), { message: 'TC Kimlik No geçersiz (11 hane, kontrol haneleri tutmuyor).' })
  .optional()
  .describe('TC Kimlik No');

const personQueryInput = {
  fullName: z.string().trim().min(2, { message: 'Ad soyad en az 2 harf olmalı.' }).max(120, { message: 'Ad soyad en fazla 120 karakter olabilir.' }).optional().describe('Ad soyad'),
  tcKimlikNo: tcKimlikNoInput,
  /** When the request reached the unit: the answer is due 30 days later. */
  requestedOn: isoDate.optional().describe('Başvuru tarihi'),
};

const lostFileInput = {
  ledgerId: z.number(whenMissing('Defterden bir dosya seçin.')).int().positive().optional().describe('Değişim defteri kaydı'),
  path: filePath.refine((p) => /\.kopru$/i.test(p), { message: 'Bir Köprü değişim dosyası (.kopru uzantılı) seçin.' }).optional(),
};

const fileRefSchema = z.object({
  ledgerId: z.number().int(),
  direction: z.enum(['export', 'import', 'introduce', 'enroll']),
  fileName: z.string(),
  at: z.string(),
  peerNode: z.string().nullable(),
  peerName: z.string().nullable(),
  /** A file sent: when the peer applied it, as its receipt said. */
  receivedAt: z.string().nullable(),
});
export type ExchangeFileRef = z.infer<typeof fileRefSchema>;

const personRecordSchema = z.object({
  table: z.string(),
  id: z.string(),
  category: z.enum(PERSON_CATEGORIES),
  /** Found by the TC number's keyed hash, or by the (folded) name: a namesake is possible. */
  matchedBy: z.enum(['tc', 'name']),
  fullName: z.string(),
  /** What is held, as shown on screen (the TC number masked). */
  fields: z.array(
    z.object({
      key: z.string(),
      value: z.string(),
      /** The value as interface-dictionary keys (a kind, how someone attended), for the screens to word; `value` is the Turkish. */
      words: z.array(z.string()).optional(),
    }),
  ),
  /** The association, meeting, organisation or workshop the record belongs to. */
  context: z.object({ kind: z.enum(['association', 'meeting', 'organisation', 'workshop']), id: z.string(), name: z.string(), date: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Removed (a tombstone): the name stays for the history, the TC number and contact details are erased. */
  removedAt: z.string().nullable(),
  erasurePending: z.boolean(),
  reveals: z.array(z.object({ at: z.string(), actorName: z.string().nullable(), purpose: z.string() })),
  destructions: z.array(z.object({ at: z.string(), reason: z.string(), source: z.string().nullable() })),
  /** Where it came from: the installations that wrote its changes, with the files that likely brought them. */
  origins: z.array(
    z.object({
      node: z.string(),
      unitName: z.string(),
      /** Set when this installation does not know the unit: the screens word "unknown installation <this>" themselves. */
      unknownNode: z.string().optional(),
      own: z.boolean(),
      changes: z.number().int(),
      firstAt: z.string(),
      lastAt: z.string(),
      broughtBy: z.array(fileRefSchema),
    }),
  ),
  /** Where it went: the files that likely carried its changes, and which fields. */
  sentIn: z.array(fileRefSchema.extend({ changes: z.number().int(), fields: z.array(z.string()) })),
  /** The record's own screen, where it is corrected or removed (hash segments), if this installation has one. */
  editLink: z.array(z.string()).nullable(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

const installationSchema = z.object({ unitName: z.string(), nodeId: z.string(), role: z.string() });

const personReportSchema = z.object({
  query: z.object({ fullName: z.string().nullable(), tcMasked: z.string().nullable() }),
  found: z.boolean(),
  generatedAt: z.string(),
  installation: installationSchema,
  requestedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  records: z.array(personRecordSchema),
});
export type PersonReport = z.infer<typeof personReportSchema>;

const personCandidateSchema = z.object({
  fullName: z.string(),
  matchedBy: z.enum(['tc', 'name']),
  records: z.number().int(),
  categories: z.array(z.enum(PERSON_CATEGORIES)),
  /** Where the records are (association, meeting, organisation names), a few. */
  places: z.array(z.string()),
});
export type PersonCandidate = z.infer<typeof personCandidateSchema>;

const lostFileCandidateSchema = fileRefSchema.extend({ changes: z.number().int().nullable(), exportNo: z.number().int().nullable() });
export type LostFileCandidate = z.infer<typeof lostFileCandidateSchema>;

const lostFileReportSchema = z.object({
  file: lostFileCandidateSchema.extend({
    sender: z.string(),
    recipient: z.string(),
    /** Who or what medium carried it, when the ledger recorded it. */
    carrier: z.string().nullable(),
  }),
  generatedAt: z.string(),
  installation: installationSchema,
  groups: z.array(
    z.object({
      category: z.enum(PERSON_CATEGORIES),
      count: z.number().int(),
      people: z.array(z.object({ table: z.string(), id: z.string(), fullName: z.string(), context: z.string().nullable(), fields: z.array(z.string()) })),
    }),
  ),
  people: z.number().int(),
  /** Records it carried that are no longer held here (removed since): counted, not named. */
  notHeld: z.number().int(),
});
export type LostFileReport = z.infer<typeof lostFileReportSchema>;

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
    user: 'admin',
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
    user: 'admin',
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
  'privacy:destructionPreview': channel({
    summary: 'What the retention rules destroy here now: per rule, the records this installation owns whose period has run out and the earlier copies in its change log.',
    input: z.object({}).strict(),
    output: destructionRunSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:runDestruction': channel({
    summary: 'Applies the retention rules now (the app also does it daily): erases the values of records past their period that this installation owns, rewrites earlier copies, prunes old log entries, and records it in the destruction log.',
    input: z.object({}).strict(),
    output: destructionRunSchema.extend({ logged: z.number().int() }),
    access: 'anyone',
    user: 'admin',
    writes: 'synced',
  }),
  'privacy:destructionLog': channel({
    summary: 'The destruction log, newest first: retention runs (rule, columns, counts, trigger, who) and rows removed from the scope; never the data.',
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(destructionLogEntrySchema) }),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:findPerson': channel({
    summary: 'People this installation holds whose name (Turkish-insensitive) or TC Kimlik No (by its keyed hash) matches: candidates for a person report.',
    input: z
      .object({ query: z.string(whenMissing('Ad soyad ya da TC Kimlik No yazın.')).trim().min(2, { message: 'Ad soyad ya da TC Kimlik No yazın (en az 2 karakter).' }).max(120).describe('Aranan kişi') })
      .strict(),
    output: z.object({ candidates: z.array(personCandidateSchema), byTc: z.boolean() }),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:personReport': channel({
    summary: 'Everything this installation holds about one person (KVKK Art. 11): records, masked TC, where each came from and which exchange files likely carried it.',
    input: z.object(personQueryInput).strict(),
    output: personReportSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:personReportPdf': channel({
    summary: 'The person report as a Turkish PDF for the data subject (also when nothing is held).',
    input: z.object(personQueryInput).strict(),
    output: fileOutput,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:lostFileCandidates': channel({
    summary: 'Exchange files this installation wrote or read (from its ledger), newest first, for a lost-file report.',
    input: z.object({}).strict(),
    output: z.object({ files: z.array(lostFileCandidateSchema) }),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:lostFileReport': channel({
    summary: 'Whose personal data an exchange file likely carried, and of what kind (never the values): for a breach notification within 72 hours.',
    input: z.object(lostFileInput).strict(),
    output: lostFileReportSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'privacy:lostFileReportPdf': channel({
    summary: 'The lost-file report as a Turkish PDF.',
    input: z.object(lostFileInput).strict(),
    output: fileOutput,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
};
