import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { districts, provinces } from '../orgUnits/schema';
import { synced } from '../registry/schema';

// The directory (DOMAIN.md §5): CSOs, public institutions, municipalities and universities, their people,
// typed relations with units and the interaction log. Owned by the unit that recorded them (ministry,
// province or youth centre); derived columns are recomputed locally and never exchanged.

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    ...synced,
    kind: text('kind').notNull(),
    subtype: text('subtype'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    provincePlate: text('province_plate').notNull().references(() => provinces.plate),
    districtId: text('district_id').references(() => districts.id),
    /** JSON array of activity area keys (shared/registry/fields ACTIVITY_AREAS). */
    activityAreas: text('activity_areas').notNull(),
    /** 1 when the organisation works mainly with or for young people. */
    youthFocus: integer('youth_focus').notNull(),
    vkn: text('vkn'),
    kutukNo: text('kutuk_no'),
    /** The registry record, when the organisation is a registered youth association. */
    associationId: text('association_id'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    address: text('address'),
    notes: text('notes'),
    /** Set when this record was merged into another: every reference resolves to that one. */
    mergedInto: text('merged_into'),
    // Derived (local).
    sortKey: text('sort_key').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('organisations_sort').on(t.deletedAt, t.sortKey),
    index('organisations_province_sort').on(t.provincePlate, t.deletedAt, t.sortKey),
    index('organisations_vkn').on(t.vkn),
    index('organisations_kutuk').on(t.kutukNo),
    index('organisations_merged').on(t.mergedInto),
  ],
);

/** Representatives and contacts of an organisation (no TC Kimlik No: DOMAIN.md §9). */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    ...synced,
    organisationId: text('organisation_id').references(() => organisations.id),
    fullName: text('full_name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
    // Derived (local).
    sortKey: text('sort_key').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [index('contacts_org').on(t.organisationId, t.deletedAt, t.sortKey), index('contacts_sort').on(t.deletedAt, t.sortKey)],
);

/** Where a contact worked before: one row per organisation left, written when the organisation changes. */
export const contactAffiliations = sqliteTable(
  'contact_affiliations',
  {
    id: text('id').primaryKey(),
    ...synced,
    contactId: text('contact_id').notNull().references(() => contacts.id),
    organisationId: text('organisation_id').references(() => organisations.id),
    title: text('title'),
    untilOn: text('until_on').notNull(),
  },
  (t) => [index('contact_affiliations_contact').on(t.contactId), index('contact_affiliations_org').on(t.organisationId)],
);

/** A typed relation between an organisation and a unit (the ministry, a province or a youth centre). */
export const orgRelations = sqliteTable(
  'org_relations',
  {
    id: text('id').primaryKey(),
    ...synced,
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    /** The unit on the other side: `ministry`, `province:06`, or a youth centre id. */
    unitId: text('unit_id').notNull(),
    unitName: text('unit_name').notNull(),
    relationType: text('relation_type').notNull(),
    startOn: text('start_on'),
    endOn: text('end_on'),
    note: text('note'),
  },
  (t) => [index('org_relations_org').on(t.organisationId)],
);

/** The interaction log: visits, letters, calls, meetings, protocols, with an optional follow-up task. */
export const interactions = sqliteTable(
  'interactions',
  {
    id: text('id').primaryKey(),
    ...synced,
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    kind: text('kind').notNull(),
    onDate: text('on_date').notNull(),
    subject: text('subject').notNull(),
    note: text('note'),
    letterDate: text('letter_date'),
    letterNo: text('letter_no'),
    followUp: text('follow_up'),
    followUpDue: text('follow_up_due'),
    followUpDoneOn: text('follow_up_done_on'),
  },
  (t) => [index('interactions_org').on(t.organisationId, t.onDate), index('interactions_due').on(t.followUpDoneOn, t.followUpDue)],
);
