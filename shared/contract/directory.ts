import { z } from 'zod';
import { INTERACTION_KINDS, ORG_KINDS, ORG_SUBTYPES, RELATION_TYPES } from '../directory/fields';
import { ACTIVITY_AREAS } from '../registry/fields';
import { channel, isoDateTime, plate, uuid, updateInput, whenMissing } from './core';
import { email, website, fileOutput, importInput, importReportSchema, isoDate, kutukNoField, letter, phone, text, vknField } from './fields';

// The directory of CSOs, public institutions, municipalities and universities; their representatives,
// typed relations with units and the interaction log with follow-ups. Every role keeps its own records;
// the owner edits, everyone above reads.

const ALL_ROLES = ['ministry', 'province', 'youth-center'] as const;

const organisationFields = {
  kind: z.enum(ORG_KINDS, { message: 'Kurum türünü seçin.' }).describe('Kurum türü'),
  subtype: z.enum(ORG_SUBTYPES, { message: 'Alt türü seçin.' }).nullable().optional().describe('Alt tür'),
  name: z.string(whenMissing('Kurumun adını yazın.')).trim().min(3, { message: 'Ad en az 3 karakter olmalı.' }).max(250).describe('Kurum adı'),
  shortName: text(80, 'Kısa ad'),
  provincePlate: plate.describe('İl'),
  districtId: z.string().min(1).nullable().optional().describe('İlçe'),
  activityAreas: z.array(z.enum(ACTIVITY_AREAS, { message: 'Bilinmeyen faaliyet alanı.' })).max(13).default([]).describe('Faaliyet alanları'),
  youthFocus: z.boolean().default(false).describe('Gençlik odaklı'),
  vkn: vknField,
  kutukNo: kutukNoField,
  associationId: uuid.nullable().optional().describe('Sicildeki dernek kaydı'),
  phone,
  email,
  website,
  address: text(300, 'Adres'),
  notes: text(2000, 'Notlar'),
};

export const createOrganisationInput = z.object(organisationFields).strict();
export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;
export const updateOrganisationInput = updateInput(organisationFields);

export const organisationSummarySchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  kind: z.enum(ORG_KINDS),
  subtype: z.enum(ORG_SUBTYPES).nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  provincePlate: z.string(),
  provinceName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  activityAreas: z.array(z.string()),
  youthFocus: z.boolean(),
  vkn: z.string().nullable(),
  kutukNo: z.string().nullable(),
  associationId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactCount: z.number().int(),
  /** Meetings where someone of this organisation attended. */
  meetingCount: z.number().int(),
  updatedAt: isoDateTime,
  /** A registered association no directory record names yet: its id is the association's (issue #17). */
  registryOnly: z.boolean().optional(),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

export const contactSchema = z.object({
  id: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  fullName: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  /** Organisations this person represented before, newest first. */
  history: z.array(z.object({ organisationId: z.string().nullable(), organisationName: z.string().nullable(), title: z.string().nullable(), untilOn: z.string() })),
});
export type Contact = z.infer<typeof contactSchema>;

const relationSchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  relationType: z.enum(RELATION_TYPES),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Today between start and end (or no end). */
  active: z.boolean(),
});

export const interactionSchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  onDate: z.string(),
  subject: z.string(),
  note: z.string().nullable(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  followUp: z.string().nullable(),
  followUpDue: z.string().nullable(),
  followUpDoneOn: z.string().nullable(),
  /** Follow-up open and its due date passed. */
  overdue: z.boolean(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const organisationDetailSchema = organisationSummarySchema.extend({
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  associationName: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** Records merged into this one (their relations, meetings and history count as this one's). */
  mergedFrom: z.array(z.object({ id: z.string(), name: z.string() })),
  contacts: z.array(contactSchema),
  relations: z.array(relationSchema),
  interactions: z.array(interactionSchema),
  meetings: z.array(z.object({ meetingId: z.string(), date: z.string(), youthCentreName: z.string(), state: z.string(), attendees: z.number().int() })),
  workshops: z.array(z.object({ workshopId: z.string(), title: z.string(), startOn: z.string() })),
  /** This installation owns the record (may edit, merge, delete). */
  canEdit: z.boolean(),
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const searchOrganisationsInput = z
  .object({
    query: z.string().max(200).optional(),
    kind: z.enum(ORG_KINDS).optional(),
    subtype: z.enum(ORG_SUBTYPES).optional(),
    provincePlate: plate.optional(),
    districtId: z.string().optional(),
    activityArea: z.enum(ACTIVITY_AREAS).optional(),
    youthFocus: z.boolean().optional(),
    /** Also list registered associations no directory record names yet (the directory list and the meetings' organisation picker, which adds a picked one to the directory). */
    withRegistry: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchOrganisationsInput = z.input<typeof searchOrganisationsInput>;

const saveContactInput = z
  .object({
    id: uuid.optional(),
    organisationId: uuid.nullable().describe('Kurum'),
    fullName: z.string(whenMissing('Ad soyad yazın.')).trim().min(3, { message: 'Ad soyad en az 3 karakter olmalı.' }).max(120).describe('Ad soyad'),
    title: text(120, 'Unvan'),
    phone,
    email,
    notes: text(1000, 'Notlar'),
  })
  .strict();

export const directoryContract = {
  'directory:search': channel({
    summary: 'Organisations filtered and sorted in Turkish order, one page at a time, with the total.',
    input: searchOrganisationsInput,
    output: z.object({ total: z.number().int(), rows: z.array(organisationSummarySchema) }),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:get': channel({
    summary: 'One organisation with its people, relations, interactions, meetings and workshops (a merged record resolves to the one it was merged into).',
    input: z.object({ id: z.string() }).strict(),
    output: organisationDetailSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'directory:checkDuplicates': channel({
    summary: 'While typing: the same VKN or kütük no blocks (with a link); a similar name in the same province warns.',
    input: z.object({ name: z.string().max(250).optional(), vkn: z.string().max(20).optional(), kutukNo: z.string().max(20).optional(), provincePlate: plate.optional(), excludeId: z.string().optional() }).strict(),
    output: z.object({
      blocking: z.array(z.object({ id: z.string(), name: z.string(), field: z.enum(['vkn', 'kutukNo']), provinceName: z.string() })),
      similar: z.array(z.object({ id: z.string(), name: z.string(), provinceName: z.string(), districtName: z.string().nullable() })),
      /** Registered associations with the same VKN or kütük no, or a similar name in the province (issue #17). */
      registry: z.array(z.object({ id: z.string(), name: z.string(), provinceName: z.string(), organisationId: z.string().nullable() })).optional(),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:create': channel({
    summary: 'Records a new organisation (refused when its VKN or kütük no is already in the directory).',
    input: createOrganisationInput,
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:addFromRegistry': channel({
    summary: 'Adds a registered association to the directory as a record linked to its registry record, filled from it (or returns the record that already names it).',
    input: z.object({ associationId: uuid.describe('Sicildeki dernek kaydı') }).strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:update': channel({
    summary: 'The owner edits an organisation (only the fields given).',
    input: updateOrganisationInput,
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:delete': channel({
    summary: 'The owner deletes an organisation that no meeting, workshop or relation refers to (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: z.object({ id: z.string() }),
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:merge': channel({
    summary: 'Merges a duplicate into the record kept: people, relations and interactions move, meetings and workshops resolve to it; nothing is lost.',
    input: z.object({ keepId: uuid.describe('Kalacak kayıt'), mergeId: uuid.describe('Birleştirilecek kayıt') }).strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:saveContact': channel({
    summary: 'Adds or edits a representative or contact; a change of organisation is kept in the person\'s history.',
    input: saveContactInput,
    output: contactSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:removeContact': channel({
    summary: 'Removes a contact (tombstone; meetings keep the name they recorded).',
    input: z.object({ id: uuid }).strict(),
    output: z.object({ id: z.string() }),
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:searchContacts': channel({
    summary: 'People in the directory by folded name (for invitations and attendance), with their organisation.',
    input: z.object({ query: z.string().max(120).optional(), organisationId: z.string().optional(), provincePlate: plate.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(contactSchema.omit({ history: true })),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:saveRelation': channel({
    summary: 'Adds or edits a typed relation between an organisation and this unit, with start and end dates.',
    input: z
      .object({
        id: uuid.optional(),
        organisationId: uuid.describe('Kurum'),
        relationType: z.enum(RELATION_TYPES, { message: 'İlişki türünü seçin.' }).describe('İlişki türü'),
        startOn: isoDate.nullable().optional().describe('Başlangıç'),
        endOn: isoDate.nullable().optional().describe('Bitiş'),
        note: text(1000, 'Not'),
      })
      .strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:removeRelation': channel({
    summary: 'Removes a relation this unit recorded (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:saveInteraction': channel({
    summary: 'Logs a visit, letter, call, meeting or protocol with an optional follow-up task and due date.',
    input: z
      .object({
        id: uuid.optional(),
        organisationId: uuid.describe('Kurum'),
        kind: z.enum(INTERACTION_KINDS, { message: 'Görüşme türünü seçin.' }).describe('Tür'),
        onDate: isoDate.describe('Tarih'),
        subject: z.string(whenMissing('Konuyu yazın.')).trim().min(3, { message: 'Konu en az 3 karakter olmalı.' }).max(250).describe('Konu'),
        note: text(4000, 'Not'),
        ...letter,
        followUp: text(500, 'Takip işi'),
        followUpDue: isoDate.nullable().optional().describe('Takip son tarihi'),
        followUpDoneOn: isoDate.nullable().optional().describe('Takip tamamlandı'),
      })
      .strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:removeInteraction': channel({
    summary: 'Removes an interaction this unit logged (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: organisationDetailSchema,
    access: ALL_ROLES,
    writes: 'synced',
  }),
  'directory:followUps': channel({
    summary: 'Open follow-up tasks of this unit, earliest due first (overdue marked).',
    input: z.object({ includeDone: z.boolean().default(false) }).strict(),
    output: z.array(interactionSchema),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:followUpsXlsx': channel({
    summary: 'The follow-up list (same rows and order as directory:followUps) as an Excel file.',
    input: z.object({ includeDone: z.boolean().default(false) }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:exportXlsx': channel({
    summary: 'The current list (same filters as directory:search, all pages) as an Excel file.',
    input: searchOrganisationsInput.omit({ limit: true, offset: true }),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'directory:importPreview': channel({
    summary: 'Dry run of a CSO list import (xlsx or csv): column mapping, duplicates and a per-row report; changes nothing.',
    input: importInput,
    output: importReportSchema,
    access: ALL_ROLES,
    writes: 'none',
  }),
  'directory:importApply': channel({
    summary: 'Applies a CSO list import in one transaction (invalid rows skipped, duplicates skipped or updated); idempotent.',
    input: importInput,
    output: importReportSchema,
    access: ALL_ROLES,
    writes: 'synced',
    job: 'spreadsheet-import',
  }),
};
