import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { districts, provinces } from '../orgUnits/schema';

// The registry of youth associations (tescil, vize, aktarma). Every table here is synced and owned by a
// unit; columns marked "derived" are recomputed locally by the data layer and never logged or exchanged.

/** The bookkeeping columns every synced table has (see db/changeLog/writer.ts BOOKKEEPING). */
export const synced = {
  ownerUnit: text('owner_unit').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

/** Gençlik derneği / kulübü. Owned by the province where it has its seat. */
export const associations = sqliteTable(
  'associations',
  {
    id: text('id').primaryKey(),
    ...synced,
    provincePlate: text('province_plate').notNull().references(() => provinces.plate),
    districtId: text('district_id').notNull().references(() => districts.id),
    neighbourhood: text('neighbourhood'),
    street: text('street'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    clubType: text('club_type', { enum: ['GENCLIK_KULUBU', 'GENCLIK_VE_SPOR_KULUBU'] }).notNull(),
    kutukNo: text('kutuk_no'),
    vkn: text('vkn'),
    taxOffice: text('tax_office'),
    foundedOn: text('founded_on'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    /** JSON array of activity area keys. */
    activityAreas: text('activity_areas').notNull(),
    memberCount: integer('member_count'),
    activityPlace: text('activity_place'),
    activityPlaceDocument: text('activity_place_document', { enum: ['TAPU', 'KIRA', 'TAHSIS'] }),
    /** Set on the record created by an accepted inter-province transfer: the sender's record. */
    transferredFrom: text('transferred_from'),
    // Derived (local): the registration state and number follow from association_history.
    status: text('status').notNull(),
    registrationNo: text('registration_no'),
    registeredOn: text('registered_on'),
    transferredTo: text('transferred_to'),
    sortKey: text('sort_key').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('associations_sort').on(t.deletedAt, t.sortKey),
    index('associations_province_sort').on(t.provincePlate, t.deletedAt, t.sortKey),
    index('associations_status_sort').on(t.status, t.sortKey),
    index('associations_kutuk').on(t.kutukNo),
    index('associations_vkn').on(t.vkn),
    index('associations_registration_no').on(t.registrationNo),
  ],
);

/**
 * Append-only history of every workflow step (registration, visa, transfer, club type). Each row is owned
 * by the unit that took the step, so a ministry approval or a receiving province's acceptance is the
 * actor's own record, and the association's state is derived from the latest registration step.
 */
export const associationHistory = sqliteTable(
  'association_history',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    kind: text('kind', { enum: ['REGISTRATION', 'VISA', 'TRANSFER', 'CLUB_TYPE', 'RECORD'] }).notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    at: text('at').notNull(),
    actorUnit: text('actor_unit').notNull(),
    actorName: text('actor_name'),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    reason: text('reason'),
    /** JSON: registration number, visa year, transfer id, cancellation reason… */
    data: text('data').notNull(),
  },
  (t) => [index('association_history_assoc').on(t.associationId, t.at)],
);

/** Dated snapshot of DERBİS facts (Interior Ministry side), recorded not decided. */
export const derbisSnapshots = sqliteTable(
  'derbis_snapshots',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    asOf: text('as_of').notNull(),
    source: text('source').notNull(),
    legalStatus: text('legal_status').notNull(),
    lastGeneralAssemblyOn: text('last_general_assembly_on'),
    organsElectedOn: text('organs_elected_on'),
    organsNotifiedOn: text('organs_notified_on'),
    declarationYear: integer('declaration_year'),
    note: text('note'),
  },
  (t) => [index('derbis_snapshots_assoc').on(t.associationId, t.asOf)],
);

/** Board members, youth leaders, instructors and contact persons. Personal data: see DOMAIN.md §9. */
export const associationPeople = sqliteTable(
  'association_people',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    kind: text('kind', { enum: ['YONETIM', 'DENETIM', 'LIDER', 'EGITMEN', 'YETKILI'] }).notNull(),
    membership: text('membership', { enum: ['ASIL', 'YEDEK'] }),
    role: text('role'),
    fullName: text('full_name').notNull(),
    tcKimlikNo: text('tc_kimlik_no'),
    phone: text('phone'),
    email: text('email'),
    profession: text('profession'),
    certificateNo: text('certificate_no'),
    termStart: text('term_start'),
    termEnd: text('term_end'),
    // Derived (local): HMAC of the TC Kimlik No under this installation's secret, for duplicate detection.
    tcHash: text('tc_hash'),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [index('association_people_assoc').on(t.associationId, t.kind, t.sortKey), index('association_people_tc_hash').on(t.tcHash)],
);

/** One checklist item of a workflow step (tescil, or the visa of a year) and whether it was received. */
export const associationDocuments = sqliteTable(
  'association_documents',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    step: text('step', { enum: ['TESCIL', 'VIZE'] }).notNull(),
    visaYear: integer('visa_year'),
    itemKey: text('item_key').notNull(),
    received: integer('received', { mode: 'boolean' }).notNull(),
    receivedOn: text('received_on'),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    note: text('note'),
  },
  (t) => [uniqueIndex('association_documents_item').on(t.associationId, t.step, t.visaYear, t.itemKey)],
);

/**
 * A file attached to an association, optionally to one checklist item, or to one workflow step (the letter the
 * step's unit signed in EBYS, issue #18), stored by SHA-256. A step's file is written by the unit that owns the step.
 */
export const associationAttachments = sqliteTable(
  'association_attachments',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    documentId: text('document_id'),
    /** The association_history step whose signed letter this is. */
    historyId: text('history_id'),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [
    index('association_attachments_assoc').on(t.associationId),
    index('association_attachments_sha').on(t.sha256),
    index('association_attachments_history').on(t.historyId),
  ],
);

/** The yearly visa application. Reviewed by the owning province. */
export const visaApplications = sqliteTable(
  'visa_applications',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    year: integer('year').notNull(),
    state: text('state', { enum: ['BASVURU', 'INCELEME', 'ONAY', 'EKSIK', 'RED'] }).notNull(),
    appliedOn: text('applied_on').notNull(),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    decidedOn: text('decided_on'),
    reason: text('reason'),
  },
  (t) => [index('visa_applications_assoc_year').on(t.associationId, t.year)],
);

/** Inter-province transfer (il nakli), started by the sending province. */
export const transfers = sqliteTable(
  'transfers',
  {
    id: text('id').primaryKey(),
    ...synced,
    associationId: text('association_id').notNull().references(() => associations.id),
    fromPlate: text('from_plate').notNull(),
    toPlate: text('to_plate').notNull(),
    toDistrictId: text('to_district_id'),
    newKutukNo: text('new_kutuk_no'),
    reason: text('reason').notNull(),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    // Derived (local) from association_history TRANSFER steps, which each party owns.
    state: text('state').notNull(),
    newAssociationId: text('new_association_id'),
  },
  (t) => [index('transfers_assoc').on(t.associationId), index('transfers_to').on(t.toPlate, t.state)],
);

/** Ministry-owned reference data (registry policy), versioned by key. */
export const referenceData = sqliteTable('reference_data', {
  /** The reference set's name, e.g. `registryPolicy`: one row per set on every installation. */
  id: text('id').primaryKey(),
  ...synced,
  /** JSON value. */
  value: text('value').notNull(),
});

/** Local allocation counters (GSB registration numbers): only ever increase, so numbers are never reused. */
export const numberCounters = sqliteTable('number_counters', {
  key: text('key').primaryKey(),
  last: integer('last').notNull(),
});

/** Who revealed which masked TC Kimlik No, and when. Local audit; never synced. */
export const revealLog = sqliteTable('reveal_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: text('person_id').notNull(),
  at: text('at').notNull(),
  actorName: text('actor_name'),
  /** The user who revealed it (db/users). */
  actorId: integer('actor_id'),
  purpose: text('purpose').notNull(),
});

/** Saved column mappings for spreadsheet imports. Local. */
export const importMappings = sqliteTable('import_mappings', {
  name: text('name').primaryKey(),
  /** JSON: field → column header. */
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});
