import { z } from 'zod';
import { isValidTcKimlikNo } from '../identifiers';
import { ACTIVITY_AREAS, CLUB_TYPES, FACILITY_DOCUMENTS, PERSON_KINDS, TRANSFER_STATES } from '../registry/fields';
import { MAX_ATTACHMENT_CEILING_BYTES } from '../registry/policy';
import { CANCELLATION_REASONS, REGISTRATION_ACTION_NAMES, REGISTRATION_STATES } from '../registry/registration';
import { VISA_APPLICATION_STATES, VISA_STATUSES } from '../registry/visa';
import { VERDICT_CODES, VERDICT_KINDS, type VerdictCode } from '../registry/workflow';
import { channel, isoDateTime, keyedTextSchema, plate, uuid, updateInput, whenMissing } from './core';
import { email, website, fileOutput, importInput, importReportSchema, isoDate, kutukNoField, letter, phone, text, vknField } from './fields';

export { isoDate, kutukNoField, vknField, type ImportReport } from './fields';

// The registry of youth associations: records, the tescil / vize / aktarma workflows, documents, people,
// printable documents, spreadsheet import and export. Owners are provinces; approvals follow the policy.

const PROVINCE_OR_MINISTRY = ['province', 'ministry'] as const;







const associationFields = {
  name: z.string(whenMissing('Derneğin adını yazın.')).trim().min(3, { message: 'Ad en az 3 karakter olmalı.' }).max(250).describe('Dernek adı'),
  shortName: text(80, 'Kısa ad'),
  clubType: z.enum(CLUB_TYPES, { message: 'Kulüp türünü seçin.' }).describe('Kulüp türü'),
  kutukNo: kutukNoField,
  vkn: vknField,
  taxOffice: text(100, 'Vergi dairesi'),
  foundedOn: isoDate.nullable().optional().describe('Kuruluş tarihi'),
  districtId: z.string(whenMissing('İlçe seçin.')).min(1, { message: 'İlçe seçin.' }).describe('İlçe'),
  neighbourhood: text(120, 'Mahalle'),
  street: text(250, 'Cadde / sokak, no'),
  phone,
  email,
  website,
  activityAreas: z.array(z.enum(ACTIVITY_AREAS, { message: 'Bilinmeyen faaliyet alanı.' })).max(13).default([]).describe('Faaliyet alanları'),
  memberCount: z.number(whenMissing('Üye sayısı bir sayı olmalı.')).int().min(0).max(1_000_000).nullable().optional().describe('Üye sayısı'),
  activityPlace: text(250, 'Faaliyet yeri'),
  activityPlaceDocument: z.enum(FACILITY_DOCUMENTS).nullable().optional().describe('Faaliyet yeri belgesi'),
};

export const createAssociationInput = z.object(associationFields).strict();
export type CreateAssociationInput = z.input<typeof createAssociationInput>;
export const updateAssociationInput = updateInput(associationFields);


export const associationSummarySchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  clubType: z.enum(CLUB_TYPES),
  kutukNo: z.string().nullable(),
  vkn: z.string().nullable(),
  registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(),
  status: z.enum(REGISTRATION_STATES),
  visaStatus: z.enum(VISA_STATUSES),
  yearsWithoutVisa: z.number().int(),
  provincePlate: z.string(),
  provinceName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  activityAreas: z.array(z.string()),
  memberCount: z.number().int().nullable(),
  updatedAt: isoDateTime,
});
export type AssociationSummary = z.infer<typeof associationSummarySchema>;

const personSchema = z.object({
  id: z.string(),
  kind: z.enum(PERSON_KINDS),
  membership: z.enum(['ASIL', 'YEDEK']).nullable(),
  role: z.string().nullable(),
  fullName: z.string(),
  /** Always masked (`123******46`); the full number only through registry:revealTc. */
  tcMasked: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  profession: z.string().nullable(),
  certificateNo: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  /** Other associations in the registry where the same TC Kimlik No appears (by keyed hash). */
  alsoIn: z.array(z.object({ associationId: z.string(), associationName: z.string() })),
});
export type Person = z.infer<typeof personSchema>;

const documentItemSchema = z.object({
  id: z.string().nullable(),
  step: z.enum(['TESCIL', 'VIZE']),
  visaYear: z.number().int().nullable(),
  itemKey: z.string(),
  label: z.string(),
  mandatory: z.boolean(),
  received: z.boolean(),
  receivedOn: z.string().nullable(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  note: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() })),
});

const historySchema = z.object({
  id: z.string(),
  kind: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  at: z.string(),
  actorUnit: z.string(),
  actorName: z.string().nullable(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  associationId: z.string(),
  /** The signed EBYS letter the step's unit attached to it (issue #18), or null. */
  letterFile: z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  /** Why the step does not count (no authority, lost a race, against the rules), or null when it counts. */
  verdict: z
    .object({
      kind: z.enum(VERDICT_KINDS),
      code: z.enum(VERDICT_CODES as [VerdictCode, ...VerdictCode[]]),
      params: z.object({
        author: z.string().optional(),
        needed: z.string().optional(),
        expected: z.string().optional(),
        current: z.string().optional(),
        workflow: z.enum(['REGISTRATION', 'TRANSFER', 'VISA']).optional(),
      }),
      /** The same in Turkish, as the import report says it. */
      text: z.string(),
    })
    .nullable(),
});

const visaApplicationSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  state: z.enum(VISA_APPLICATION_STATES),
  appliedOn: z.string(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  reason: z.string().nullable(),
});

const transferSchema = z.object({
  id: z.string(),
  associationId: z.string(),
  associationName: z.string(),
  fromPlate: z.string(),
  toPlate: z.string(),
  toDistrictId: z.string().nullable(),
  newKutukNo: z.string().nullable(),
  reason: z.string(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  state: z.enum(TRANSFER_STATES),
  newAssociationId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Transfer = z.infer<typeof transferSchema>;

const snapshotSchema = z.object({
  id: z.string(),
  asOf: z.string(),
  source: z.string(),
  legalStatus: z.string(),
  lastGeneralAssemblyOn: z.string().nullable(),
  organsElectedOn: z.string().nullable(),
  organsNotifiedOn: z.string().nullable(),
  declarationYear: z.number().int().nullable(),
  note: z.string().nullable(),
});

/**
 * What a reminder says, as a key and its parameters (dates as ISO), so the interface words it in its language;
 * `message` is the same in Turkish, for the CLI and documents.
 */
export const REMINDER_KEYS = ['generalAssembly', 'organNotification', 'visaAwaited', 'visaMissing', 'visaWindowClosing', 'visaReview', 'visaCancellation'] as const;
export type ReminderKey = (typeof REMINDER_KEYS)[number];
const reminderParams = z.record(z.string(), z.union([z.string(), z.number()]));
const reminderSchema = z.object({ kind: z.string(), key: z.enum(REMINDER_KEYS), params: reminderParams, dueOn: z.string().nullable(), message: z.string(), overdue: z.boolean() });
const visaReminderSchema = z.object({ key: z.enum(REMINDER_KEYS), params: reminderParams, message: z.string() });

export const associationDetailSchema = associationSummarySchema.extend({
  taxOffice: z.string().nullable(),
  foundedOn: z.string().nullable(),
  neighbourhood: z.string().nullable(),
  street: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  activityPlace: z.string().nullable(),
  activityPlaceDocument: z.enum(FACILITY_DOCUMENTS).nullable(),
  transferredFrom: z.string().nullable(),
  transferredTo: z.string().nullable(),
  createdAt: isoDateTime,
  retiredAt: isoDateTime.nullable(),
  /** Non-blocking notices, e.g. the kütük no's plate differs from the province: Turkish, with their catalogue keys. */
  warnings: z.array(keyedTextSchema),
  editable: z.boolean(),
  allowedActions: z.array(z.enum(REGISTRATION_ACTION_NAMES)),
  missingMandatory: z.array(z.string()),
  people: z.array(personSchema),
  documents: z.array(documentItemSchema),
  visaApplications: z.array(visaApplicationSchema),
  transfers: z.array(transferSchema),
  snapshots: z.array(snapshotSchema),
  reminders: z.array(reminderSchema),
  history: z.array(historySchema),
});
export type AssociationDetail = z.infer<typeof associationDetailSchema>;

/** The registry list's sortable columns. */
export const ASSOCIATION_SORTS = ['name', 'province', 'district', 'status', 'registeredOn', 'registrationNo', 'kutukNo'] as const;
export type AssociationSort = (typeof ASSOCIATION_SORTS)[number];

export const searchAssociationsInput = z
  .object({
    query: z.string().max(200).optional().describe('Arama'),
    statuses: z.array(z.enum(REGISTRATION_STATES)).max(REGISTRATION_STATES.length).optional().describe('Durum'),
    visaStatus: z.enum(VISA_STATUSES).optional().describe('Vize durumu'),
    visaYear: z.number().int().min(2000).max(2100).optional().describe('Vize yılı'),
    clubType: z.enum(CLUB_TYPES).optional().describe('Kulüp türü'),
    provincePlate: plate.optional(),
    districtId: z.string().optional().describe('İlçe'),
    activityArea: z.enum(ACTIVITY_AREAS).optional().describe('Faaliyet alanı'),
    /** The column the list is ordered by (Turkish alphabetical order for names), then by name. */
    sort: z.enum(ASSOCIATION_SORTS).default('name').describe('Sıralama'),
    direction: z.enum(['asc', 'desc']).default('asc').describe('Sıralama yönü'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchAssociationsInput = z.input<typeof searchAssociationsInput>;

/** The filters without the status chips, paging and order: what the per-status counts are counted over. */
export const associationCountsInput = searchAssociationsInput.omit({ statuses: true, sort: true, direction: true, limit: true, offset: true });
export type AssociationCountsInput = z.input<typeof associationCountsInput>;

const policySchema = z.object({
  approvingLevel: z.enum(['ministry', 'province']).describe('Onay makamı'),
  visaWindow: z.object({
    start: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'AA-GG biçiminde olmalı.' }).describe('Vize dönemi başlangıcı'),
    end: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'AA-GG biçiminde olmalı.' }).describe('Vize dönemi sonu'),
  }),
  yearsWithoutVisaForCancellation: z.number().int().min(1).max(10).describe('İptal önerisi için vizesiz yıl'),
  organNotificationDays: z.union([z.literal(30), z.literal(45)]).describe('Organ bildirimi süresi (gün)'),
  generalAssemblyIntervalYears: z.number().int().min(1).max(5).describe('Olağan genel kurul aralığı (yıl)'),
  maxAttachmentBytes: z.number().int().min(1024).max(MAX_ATTACHMENT_CEILING_BYTES).describe('En büyük ek dosya'),
  registrationChecklist: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), mandatory: z.boolean() })).min(1).max(200),
  visaChecklist: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), mandatory: z.boolean() })).min(1).max(200),
  plausibility: z
    .object({
      nonWorkingDay: z.enum(['warn', 'refuse']).describe('Tatil gününe toplantı'),
      kutukPlateMismatch: z.enum(['warn', 'refuse']).describe('Kütük no il kodu uyuşmazlığı'),
      maxLetterAgeDays: z.number().int().min(1).max(36500).nullable().describe('Evrak tarihinin en eski hâli (gün)'),
    })
    .strict(),
});





export const registryContract = {
  'registry:search': channel({
    summary: 'Associations: Turkish-insensitive search (names, kütük no, registration no, VKN, province, district, people), filters, sortable (Turkish order), paged, with the exact total.',
    input: searchAssociationsInput,
    output: z.object({ total: z.number().int(), items: z.array(associationSummarySchema), visaYear: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:statusCounts': channel({
    summary: 'How many associations match the search and filters in each registration state (the status chips): asked once per change of the filters, not per page.',
    input: associationCountsInput,
    output: z.object({ countsByStatus: z.record(z.string(), z.number().int()) }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:get': channel({
    summary: 'One association with people (TC masked), documents, visa, transfers, DERBİS snapshots, reminders, history and the actions allowed now.',
    input: z.object({ id: uuid }).strict(),
    output: associationDetailSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'registry:checkDuplicates': channel({
    summary: 'While typing a new association: same kütük no or VKN blocks (with a link); a similar name in the same province warns.',
    input: z.object({ name: z.string().max(250).optional(), kutukNo: z.string().max(20).optional(), vkn: z.string().max(20).optional(), provincePlate: plate.optional(), excludeId: z.string().optional() }).strict(),
    output: z.object({
      blocking: z.array(z.object({ id: z.string(), name: z.string(), field: z.enum(['kutukNo', 'vkn']), provinceName: z.string() })),
      similar: z.array(z.object({ id: z.string(), name: z.string(), districtName: z.string() })),
      /** Directory records of the same organisation (same VKN or kütük no, or a similar name in the province), issue #17. */
      directory: z.array(z.object({ id: z.string(), name: z.string(), provinceName: z.string() })).optional(),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:create': channel({
    summary: 'A province records a new association (draft).',
    input: createAssociationInput,
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:update': channel({
    summary: 'The owning province edits an association (only the fields given).',
    input: updateAssociationInput,
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:deleteDraft': channel({
    summary: 'The owning province deletes a draft that was never submitted (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: z.object({ id: z.string() }),
    access: ['province'],
    writes: 'synced',
  }),
  'registry:transition': channel({
    summary: 'A registration workflow step (log application, missing documents, send for approval, approve, reject, suspend, reinstate, cancel).',
    input: z
      .object({
        id: uuid,
        action: z.enum(REGISTRATION_ACTION_NAMES, { message: 'Bilinmeyen işlem.' }).describe('İşlem'),
        ...letter,
        reason: z.string().trim().max(1000).nullable().optional().describe('Gerekçe'),
        cancellationReason: z.enum(CANCELLATION_REASONS).nullable().optional().describe('İptal nedeni'),
        actorName: z.string().trim().max(120).nullable().optional().describe('İşlemi yapan'),
      })
      .strict(),
    output: associationDetailSchema,
    access: PROVINCE_OR_MINISTRY,
    writes: 'synced',
  }),
  'registry:savePerson': channel({
    summary: 'Adds or edits a board member, youth leader, instructor or contact person.',
    input: z
      .object({
        associationId: uuid,
        id: uuid.optional(),
        kind: z.enum(PERSON_KINDS, { message: 'Kişinin görevini seçin.' }).describe('Görev'),
        membership: z.enum(['ASIL', 'YEDEK']).nullable().optional().describe('Asil / yedek'),
        role: text(80, 'Unvan'),
        fullName: z.string(whenMissing('Ad soyad yazın.')).trim().min(3, { message: 'Ad soyad en az 3 karakter olmalı.' }).max(120).describe('Ad soyad'),
        tcKimlikNo: z
          .string()
          .trim()
          .refine((v) => v === '' || isValidTcKimlikNo(v), { message: 'TC Kimlik No geçersiz (11 hane, kontrol haneleri tutmuyor).' })
          .nullable()
          .optional()
          .describe('TC Kimlik No'),
        phone,
        email,
        profession: text(80, 'Meslek'),
        certificateNo: text(60, 'Belge no'),
        termStart: isoDate.nullable().optional().describe('Görev başlangıcı'),
        termEnd: isoDate.nullable().optional().describe('Görev bitişi'),
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:removePerson': channel({
    summary: 'Removes a person from an association (tombstone; stays in history).',
    input: z.object({ id: uuid }).strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:revealTc': channel({
    summary: 'Shows one masked TC Kimlik No in full; every reveal is logged (who, when, why).',
    input: z.object({ personId: uuid, purpose: z.string().trim().min(3, { message: 'Görüntüleme gerekçesini yazın.' }).max(200).describe('Gerekçe') }).strict(),
    output: z.object({ tcKimlikNo: z.string() }),
    access: PROVINCE_OR_MINISTRY,
    writes: 'local',
  }),
  'registry:setDocument': channel({
    summary: 'Marks a checklist item of the registration or of a visa year received or not, with date, letter and note.',
    input: z
      .object({
        associationId: uuid,
        step: z.enum(['TESCIL', 'VIZE']),
        visaYear: z.number().int().min(2000).max(2100).nullable().optional(),
        itemKey: z.string().min(1).max(60),
        received: z.boolean(),
        receivedOn: isoDate.nullable().optional().describe('Teslim tarihi'),
        ...letter,
        note: text(500, 'Not'),
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:attachFile': channel({
    summary: 'Attaches a PDF/JPEG/PNG/DOCX/XLSX file (stored once by SHA-256) to an association or a checklist item.',
    input: z
      .object({
        associationId: uuid,
        documentId: uuid.nullable().optional(),
        fileName: z.string().trim().min(1).max(200).describe('Dosya adı'),
        contentBase64: z.string().min(1, { message: 'Dosya boş.' }).describe('Dosya'),
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:recordStepLetter': channel({
    summary:
      "Records, on a step this unit took earlier, the EBYS number and date its letter got when signed, and optionally the signed PDF; the step's own unit only.",
    input: z
      .object({
        historyId: uuid,
        letterDate: isoDate.describe('Evrak tarihi'),
        letterNo: z.string().trim().min(1, { message: 'EBYS sayısını yazın.' }).max(60).describe('Evrak sayısı'),
        fileName: z.string().trim().min(1).max(200).nullable().optional().describe('Dosya adı'),
        contentBase64: z.string().min(1, { message: 'Dosya boş.' }).nullable().optional().describe('İmzalı yazı'),
      })
      .strict(),
    output: associationDetailSchema,
    access: PROVINCE_OR_MINISTRY,
    writes: 'synced',
  }),
  'registry:removeAttachment': channel({
    summary: 'Detaches a file (tombstone; the stored content stays for history and other references).',
    input: z.object({ id: uuid }).strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:readAttachment': channel({
    summary: 'The content of an attached file.',
    input: z.object({ id: uuid }).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'registry:addSnapshot': channel({
    summary: 'Records dated DERBİS facts (legal status, last general assembly, organs, declaration year) with their source.',
    input: z
      .object({
        associationId: uuid,
        asOf: isoDate.describe('Tarih'),
        source: z.string().trim().min(2, { message: 'Kaynağı yazın (ör. DERBİS çıktısı).' }).max(120).describe('Kaynak'),
        legalStatus: z.string().trim().min(2).max(60).describe('Hukuki durum'),
        lastGeneralAssemblyOn: isoDate.nullable().optional().describe('Son genel kurul'),
        organsElectedOn: isoDate.nullable().optional().describe('Organların seçildiği tarih'),
        organsNotifiedOn: isoDate.nullable().optional().describe('Organ bildirimi tarihi'),
        declarationYear: z.number().int().min(1990).max(2100).nullable().optional().describe('Beyanname yılı'),
        note: text(500, 'Not'),
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:visaApply': channel({
    summary: "Logs an association's visa application for a year.",
    input: z.object({ associationId: uuid, year: z.number().int().min(2000).max(2100).describe('Yıl'), appliedOn: isoDate.describe('Başvuru tarihi'), ...letter }).strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:visaTransition': channel({
    summary: 'A visa review step: start review, approve, missing documents, resubmitted, reject.',
    input: z
      .object({
        applicationId: uuid,
        action: z.enum(['startReview', 'approve', 'markMissing', 'resubmit', 'reject']).describe('İşlem'),
        ...letter,
        reason: z.string().trim().max(1000).nullable().optional().describe('Gerekçe'),
        actorName: z.string().trim().max(120).nullable().optional(),
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:visaDashboard': channel({
    summary: "The year's visa picture: window, counts by visa status, overdue and N-years-without-visa lists, reminders.",
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: z.object({
      year: z.number().int(),
      window: z.object({ start: z.string(), end: z.string(), daysLeft: z.number().int(), open: z.boolean() }),
      counts: z.record(z.string(), z.number().int()),
      proposeCancellation: z.array(associationSummarySchema),
      overdue: z.array(associationSummarySchema),
      reminders: z.array(visaReminderSchema),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:startTransfer': channel({
    summary: 'The sending province starts an inter-province transfer (il nakli) of a registered association.',
    input: z
      .object({
        associationId: uuid,
        toPlate: plate.describe('Gideceği il'),
        toDistrictId: z.string().nullable().optional().describe('Gideceği ilçe'),
        newKutukNo: kutukNoField,
        reason: z.string().trim().min(3, { message: 'Nakil gerekçesini yazın.' }).max(1000).describe('Gerekçe'),
        ...letter,
      })
      .strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:transferAction': channel({
    summary: 'Transfer steps: the sender approves, the receiver accepts (ownership moves) or either cancels.',
    input: z.object({ transferId: uuid, action: z.enum(['senderApprove', 'accept', 'cancel']).describe('İşlem'), ...letter, reason: z.string().trim().max(1000).nullable().optional().describe('Gerekçe'), toDistrictId: z.string().nullable().optional().describe('İlçe') }).strict(),
    output: transferSchema,
    access: PROVINCE_OR_MINISTRY,
    writes: 'synced',
  }),
  'registry:listTransfers': channel({
    summary: 'Transfers into and out of this province (or all, for the ministry).',
    input: z.object({ direction: z.enum(['incoming', 'outgoing', 'all']).default('all') }).strict(),
    output: z.array(transferSchema),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:changeClubType': channel({
    summary: 'Change of club type (statü değişikliği) with a letter and a reason, kept in history.',
    input: z.object({ id: uuid, clubType: z.enum(CLUB_TYPES).describe('Yeni kulüp türü'), ...letter, reason: z.string().trim().min(3).max(1000).describe('Gerekçe') }).strict(),
    output: associationDetailSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'registry:getPolicy': channel({
    summary: 'The effective registry policy (ministry reference data).',
    input: z.object({}).strict(),
    output: policySchema.extend({ updatedAt: z.string().nullable() }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:updatePolicy': channel({
    summary: 'The ministry edits the registry policy: checklists, visa window, approving level, N years without visa, plausibility rules (kept as they are when not sent).',
    input: policySchema.partial({ plausibility: true }).strict(),
    output: policySchema.extend({ updatedAt: z.string().nullable() }),
    access: ['ministry'],
    user: 'admin',
    writes: 'synced',
  }),
  'registry:exportXlsx': channel({
    summary: 'The current list (same filters as registry:search, all pages) as an Excel file.',
    input: searchAssociationsInput.omit({ limit: true, offset: true }),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:visaListXlsx': channel({
    summary: "One of the visa page's lists for a year (late, or years without a visa), every row, as an Excel file; scoped as registry:visaDashboard.",
    input: z.object({ year: z.number().int().min(2000).max(2100).optional().describe('Vize yılı'), visaStatus: z.enum(['GECIKMIS', 'VIZESIZ_N_YIL']).describe('Liste') }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:document': channel({
    summary: 'Printable PDF: registration certificate, visa confirmation for a year, or the file summary.',
    input: z.object({ id: uuid, kind: z.enum(['certificate', 'visa', 'summary']).describe('Belge'), year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'registry:importPreview': channel({
    summary: 'Dry run of a spreadsheet import (xlsx or csv): column mapping and a per-row report; changes nothing.',
    input: importInput,
    output: importReportSchema,
    access: ['province'],
    writes: 'none',
  }),
  'registry:importApply': channel({
    summary: 'Applies a spreadsheet import in one transaction (invalid rows are skipped, never half-applied); idempotent.',
    input: importInput,
    output: importReportSchema,
    access: ['province'],
    writes: 'synced',
    job: 'spreadsheet-import',
  }),
  'registry:listMappings': channel({
    summary: 'Saved column mappings for imports.',
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), mapping: z.record(z.string(), z.string()), updatedAt: z.string() })),
    access: 'anyone',
    writes: 'none',
  }),
  'registry:saveMapping': channel({
    summary: 'Saves a column mapping under a name for reuse.',
    input: z.object({ name: z.string().trim().min(1).max(80).describe('Eşleştirme adı'), mapping: z.record(z.string(), z.string()) }).strict(),
    output: z.object({ name: z.string() }),
    access: ['province'],
    writes: 'local',
  }),
};
